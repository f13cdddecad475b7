using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Documents;

/// <summary>The review workflow and per-unit permissions through the HTTP API, on each database provider.</summary>
public abstract class DocumentWorkflowIntegrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server; // start the host (migrations and seeding run here)
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private async Task<int> ColumnIdAsync(string slug)
    {
        int id = 0;
        await Factory.WithDbAsync(async db => id = await db.Columns.Where(c => c.Slug == slug).Select(c => c.Id).FirstAsync());
        return id;
    }

    private async Task<object> NewDocumentAsync(int unitId, string title, string? number = null) => new
    {
        title, documentNumber = number, writtenOn = "2026-02-27", ownerUnitId = unitId, issuerUnitIds = new[] { unitId },
        columnIds = new[] { await ColumnIdAsync("qtwj") }, topicCategory = "综合政务\\政务公开", genre = "通知", disclosure = "Proactive",
        bodyHtml = "<p>正文内容</p><script>alert(1)</script>",
    };

    private static async Task<int> CreateAsync(HttpClient client, object body)
    {
        var resp = await client.PostAsJsonAsync("/api/v1/admin/documents", body);
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        return (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Three_level_review_publishes_assigns_index_number_and_reaches_the_portal()
    {
        var unit = await Factory.CreateUnitAsync("区测试局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        HttpClient[] reviewers = [await Factory.LoginAsync(unit.Id, Roles.Reviewer), await Factory.LoginAsync(unit.Id, Roles.Reviewer), await Factory.LoginAsync(unit.Id, Roles.Reviewer)];
        var anonymous = Factory.CreateClient();

        var id = await CreateAsync(editor, await NewDocumentAsync(unit.Id, "关于做好2026年政务公开工作的通知", "测试发 [2026] 007 号"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/doc/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/documents/{id}")).StatusCode);

        // Editors cannot approve.
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/admin/documents/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = "" })).StatusCode);

        for (int level = 1; level <= 3; level++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/doc/{id}")).StatusCode);
            var r = await reviewers[level - 1].PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = $"第{level}级同意" });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var doc = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        Assert.Equal("测试发〔2026〕7号", doc.GetProperty("documentNumber").GetString());
        Assert.Matches($"^{unit.Code}/2026-0000001$", doc.GetProperty("indexNumber").GetString());
        Assert.DoesNotContain("<script", doc.GetProperty("bodyHtml").GetString());
        var page = await anonymous.GetStringAsync($"/doc/{id}");
        Assert.Contains("测试发〔2026〕7号", page);

        int reviews = 0;
        await Factory.WithDbAsync(async db => reviews = await db.ReviewRecords.CountAsync(r => r.DocumentId == id && r.Decision == ReviewDecision.Approved));
        Assert.Equal(3, reviews);
        int audits = 0;
        await Factory.WithDbAsync(async db => audits = await db.AuditEntries.CountAsync(a => a.EntityType == "Document" && a.EntityId == id.ToString()));
        Assert.True(audits >= 5, $"expected create, submit and 3 approvals in the audit log, found {audits}");
    }

    [Fact]
    public async Task Editor_of_unit_A_cannot_see_or_change_unit_B_documents()
    {
        var a = await Factory.CreateUnitAsync("甲局");
        var b = await Factory.CreateUnitAsync("乙局");
        var editorA = await Factory.LoginAsync(a.Id, Roles.Editor);
        var editorB = await Factory.LoginAsync(b.Id, Roles.Editor, Roles.Reviewer);
        var idB = await CreateAsync(editorB, await NewDocumentAsync(b.Id, "乙局的文件"));

        Assert.Equal(HttpStatusCode.NotFound, (await editorA.PutAsJsonAsync($"/api/v1/admin/documents/{idB}", await NewDocumentAsync(b.Id, "篡改"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.PostAsync($"/api/v1/admin/documents/{idB}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.GetAsync($"/admin/documents/{idB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorA.PostAsJsonAsync("/api/v1/admin/documents", await NewDocumentAsync(b.Id, "冒充乙局"))).StatusCode);
        var list = await editorA.GetFromJsonAsync<JsonElement>("/api/v1/admin/documents");
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        // The 公开办 supervises every unit.
        var office = await Factory.LoginAsync(a.Id, Roles.OpennessOffice);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/admin/documents/{idB}")).StatusCode);
    }

    [Fact]
    public async Task Rejection_needs_a_comment_and_returns_the_document_to_the_editor()
    {
        var unit = await Factory.CreateUnitAsync("丙局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        var reviewer = await Factory.LoginAsync(unit.Id, Roles.Reviewer);
        var id = await CreateAsync(editor, await NewDocumentAsync(unit.Id, "待退回的文件"));
        await editor.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = "" });

        var noComment = await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/reject", new { comment = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Equal("application/problem+json", noComment.Content.Headers.ContentType?.MediaType);
        Assert.Contains("退回时须填写退回意见", await noComment.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/reject", new { comment = "复审：文号有误" })).StatusCode);
        var fixedDoc = await NewDocumentAsync(unit.Id, "已修改的文件");
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/v1/admin/documents/{id}", fixedDoc)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/admin/documents/{id}/submit", null)).StatusCode);
    }

    [Fact]
    public async Task Invalid_elements_return_problem_details_and_nothing_is_saved()
    {
        var unit = await Factory.CreateUnitAsync("丁局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        var resp = await editor.PostAsJsonAsync("/api/v1/admin/documents", new
        {
            title = "错误要素", documentNumber = "丁局2026年5号", writtenOn = "2026-02-27", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id },
            disclosure = "Withheld", effectiveOn = "2026-03-10", expiresOn = "2026-03-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("DocumentNumber", out _));
        Assert.True(errors.TryGetProperty("DisclosureReason", out _));
        Assert.True(errors.TryGetProperty("ExpiresOn", out _));
        int count = 0;
        await Factory.WithDbAsync(async db => count = await db.Documents.CountAsync(d => d.OwnerUnitId == unit.Id));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Withdrawn_and_non_proactive_documents_are_404_on_the_portal()
    {
        var unit = await Factory.CreateUnitAsync("戊局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var anonymous = Factory.CreateClient();
        var id = await CreateAsync(admin, await NewDocumentAsync(unit.Id, "将被撤稿的文件"));
        await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        await Factory.ApproveLevelsAsync(unit.Id, id);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/doc/{id}")).StatusCode);

        var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/documents/{id}/withdraw", new { comment = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/admin/documents/{id}/withdraw", new { comment = "发现错别字" })).StatusCode);
        // The output cache was evicted: the page is gone at once.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/doc/{id}")).StatusCode);
        string? index = null;
        await Factory.WithDbAsync(async db => index = await db.Documents.Where(d => d.Id == id).Select(d => d.IndexNumber).FirstAsync());
        Assert.NotNull(index); // the record and its number are kept

        var withheld = await NewDocumentAsync(unit.Id, "依申请公开的文件");
        var json = JsonSerializer.SerializeToElement(withheld);
        var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["disclosure"] = "OnRequest";
        dict["disclosureReason"] = "涉及第三方合法权益";
        var id2 = await CreateAsync(admin, dict);
        await admin.PostAsync($"/api/v1/admin/documents/{id2}/submit", null);
        await Factory.ApproveLevelsAsync(unit.Id, id2);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/doc/{id2}")).StatusCode);
    }

    [Fact]
    public async Task Scheduled_documents_wait_for_their_time_then_publish()
    {
        var unit = await Factory.CreateUnitAsync("庚局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var body = JsonSerializer.SerializeToElement(await NewDocumentAsync(unit.Id, "定时发布的通知")).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        body["scheduledAt"] = Factory.Clock.GetUtcNow().AddHours(2);
        var id = await CreateAsync(admin, body);
        await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        await Factory.ApproveLevelsAsync(unit.Id, id);
        var anonymous = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/documents/{id}")).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Web.Features.Documents.DocumentService>().ReleaseDueAsync()));
        Factory.Clock.Advance(TimeSpan.FromHours(1.5));
        Assert.Equal(1, await Factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Web.Features.Documents.DocumentService>().ReleaseDueAsync()));
        var doc = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        Assert.Equal(Factory.Clock.GetUtcNow().AddHours(-0.5), doc.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("indexNumber").GetString()));
    }

    [Fact]
    public async Task Column_lists_include_subcolumns_once_and_drop_withdrawn_documents()
    {
        var unit = await Factory.CreateUnitAsync("辛局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var parent = await ColumnIdAsync("zcwj");       // 政策文件
        var normative = await ColumnIdAsync("xzgfxwj"); // 行政规范性文件 (child)
        var other = await ColumnIdAsync("qtwj");        // 其他文件 (child)
        async Task<int> Publish(string title, params int[] columns)
        {
            var body = JsonSerializer.SerializeToElement(await NewDocumentAsync(unit.Id, title)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            body["columnIds"] = columns;
            var id = await CreateAsync(admin, body);
            await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
            await Factory.ApproveLevelsAsync(unit.Id, id);
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            return id;
        }
        var both = await Publish("同时属于两个子栏目的文件", normative, other);
        var one = await Publish("只属于其他文件的文件", other);
        var anonymous = Factory.CreateClient();
        async Task<List<int>> ListAsync(int column)
        {
            var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents?column={column}&pageSize=100");
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
            return ids;
        }
        Assert.Equal([one, both], await ListAsync(parent)); // newest first, the shared document once
        Assert.Equal([both], await ListAsync(normative));

        await admin.PostAsJsonAsync($"/api/v1/admin/documents/{both}/withdraw", new { comment = "撤回" });
        Assert.Equal([one], await ListAsync(parent));
        Assert.Empty(await ListAsync(normative));

        // Moving a document to another column through an edit moves it in the lists.
        var edit = JsonSerializer.SerializeToElement(await NewDocumentAsync(unit.Id, "只属于其他文件的文件")).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        edit["columnIds"] = new[] { normative };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/documents/{one}", edit)).StatusCode);
        Assert.Equal([one], await ListAsync(normative));
        Assert.Empty(await ListAsync(other));
    }

    [Fact]
    public async Task Rebuilding_the_list_projection_follows_a_moved_column()
    {
        var unit = await Factory.CreateUnitAsync("壬局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var planning = await ColumnIdAsync("ghxx");  // 规划信息
        var budget = await ColumnIdAsync("ys");      // 预算, under 财政信息
        var finance = await ColumnIdAsync("czxx");
        var body = JsonSerializer.SerializeToElement(await NewDocumentAsync(unit.Id, "预算公开说明")).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["columnIds"] = new[] { budget };
        var id = await CreateAsync(admin, body);
        await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        await Factory.ApproveLevelsAsync(unit.Id, id);

        async Task<bool> Listed(int column) => await Factory.WithScopeAsync(sp =>
            sp.GetRequiredService<ZwgkDbContext>().ColumnListings.AnyAsync(l => l.ColumnId == column && l.DocumentId == id));
        Assert.True(await Listed(finance));
        Assert.False(await Listed(planning));

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            var column = await db.Columns.SingleAsync(c => c.Id == budget);
            column.ParentId = planning;
            await db.SaveChangesAsync();
            await sp.GetRequiredService<ColumnListingProjector>().RebuildAsync();
            return 0;
        });
        Assert.True(await Listed(planning));
        Assert.False(await Listed(finance));
        Assert.True(await Listed(budget));
    }

    [Fact]
    public async Task Publishing_an_abolishing_document_marks_the_old_one_and_links_both_ways()
    {
        var unit = await Factory.CreateUnitAsync("己局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        async Task<int> Publish(object body)
        {
            var id = await CreateAsync(admin, body);
            await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
            await Factory.ApproveLevelsAsync(unit.Id, id);
            return id;
        }
        var oldId = await Publish(await NewDocumentAsync(unit.Id, "旧办法"));
        var newId = await CreateAsync(admin, await NewDocumentAsync(unit.Id, "关于废止旧办法的决定"));
        await Factory.WithScopeAsync<int>(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = newId, ToDocumentId = oldId, Type = RelationType.Abolishes });
            await db.SaveChangesAsync();
            return 0;
        });
        await admin.PostAsync($"/api/v1/admin/documents/{newId}/submit", null);
        await Factory.ApproveLevelsAsync(unit.Id, newId);

        var anonymous = Factory.CreateClient();
        var old = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{oldId}");
        Assert.Equal("Abolished", old.GetProperty("validity").GetString());
        var related = old.GetProperty("related").EnumerateArray().Single();
        Assert.Equal(newId, related.GetProperty("id").GetInt32());
        Assert.Equal("已被废止", related.GetProperty("label").GetString());
        var page = await anonymous.GetStringAsync($"/doc/{oldId}");
        Assert.Contains("关于废止旧办法的决定", page);
    }
}

public sealed class SqliteDocumentWorkflowTests() : DocumentWorkflowIntegrationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDocumentWorkflowTests() : DocumentWorkflowIntegrationTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Concurrent_publications_never_share_an_index_number()
    {
        var unit = await Factory.CreateUnitAsync("并发局");
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Factory.WithScopeAsync(sp =>
            sp.GetRequiredService<IndexNumberAllocator>().NextAsync(unit.Code, 2026))));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), results.Order());
    }
}
