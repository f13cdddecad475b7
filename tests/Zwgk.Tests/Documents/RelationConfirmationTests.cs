using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Documents;

/// <summary>
/// 立改废 relations across units (issue 9 §1.1): a unit may not abolish, amend or replace another unit's document on its own,
/// and a relation target the user may not see answers exactly like a missing id.
/// </summary>
public abstract class RelationConfirmationTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private static Task<HttpResponseMessage> RelateByPageAsync(HttpClient client, int fromId, int toId, string type) =>
        PostFormAsync(client, $"/admin/documents/{fromId}", "Relate", [new("RelationType", type), new("RelatedId", toId.ToString()), new("Comment", "")]);

    private async Task<Validity> ValidityAsync(int id)
    {
        Validity v = default;
        await Factory.WithDbAsync(async db => v = await db.Documents.Where(d => d.Id == id).Select(d => d.Validity).FirstAsync());
        return v;
    }

    [Fact]
    public async Task Another_units_document_is_abolished_only_after_its_unit_confirms()
    {
        var a = await Factory.CreateUnitAsync("甲局");
        var b = await Factory.CreateUnitAsync("乙局");
        var adminA = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var adminB = await Factory.LoginAsync(b.Id, Roles.UnitAdmin);
        var anonymous = Factory.CreateClient();
        var published = await Factory.CreateAndPublishAsync(adminA, a.Id, await Factory.DraftAsync(a.Id, "甲局现行办法"));
        var draftB = await CreateAsync(adminB, await Factory.DraftAsync(b.Id, "乙局关于废止甲局办法的决定"));

        // The attack of the issue: B relates its draft to A's published document through the page handler and publishes it.
        var relate = await RelateByPageAsync(adminB, draftB, published, "Abolishes");
        Assert.Equal(HttpStatusCode.Redirect, relate.StatusCode);
        await Factory.PublishAsync(adminB, b.Id, draftB);

        Assert.Equal(Validity.InForce, await ValidityAsync(published));
        var page = await anonymous.GetStringAsync($"/doc/{published}");
        Assert.DoesNotContain("已废止", page);
        Assert.DoesNotContain("乙局关于废止甲局办法的决定", page);
        var api = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{published}");
        Assert.Empty(api.GetProperty("related").EnumerateArray());

        // A's to-do list shows the request; B cannot decide it, A's editor may not either.
        var pending = await adminA.GetFromJsonAsync<JsonElement>("/api/v1/admin/relations/pending");
        var item = pending.EnumerateArray().Single();
        Assert.Equal(published, item.GetProperty("toDocumentId").GetInt32());
        Assert.Equal(draftB, item.GetProperty("fromDocumentId").GetInt32());
        var relationId = item.GetProperty("id").GetInt32();
        Assert.Contains("乙局关于废止甲局办法的决定", await adminA.GetStringAsync("/admin/review"));
        Assert.Empty((await adminB.GetFromJsonAsync<JsonElement>("/api/v1/admin/relations/pending")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PostAsJsonAsync($"/api/v1/admin/relations/{relationId}/confirm", new { comment = "" })).StatusCode);
        var editorA = await Factory.LoginAsync(a.Id, Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorA.PostAsJsonAsync($"/api/v1/admin/relations/{relationId}/confirm", new { comment = "" })).StatusCode);
        Assert.Equal(Validity.InForce, await ValidityAsync(published));

        // A's reviewer confirms on the document page: the already published decision takes effect at once.
        var reviewerA = await Factory.LoginAsync(a.Id, Roles.Reviewer);
        var confirm = await PostFormAsync(reviewerA, $"/admin/documents/{published}", $"ConfirmRelation&relationId={relationId}", []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(Validity.Abolished, await ValidityAsync(published));
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{published}");
        Assert.Equal("已被废止", after.GetProperty("related").EnumerateArray().Single().GetProperty("label").GetString());
        Assert.Contains("乙局关于废止甲局办法的决定", await anonymous.GetStringAsync($"/doc/{published}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reviewerA.PostAsJsonAsync($"/api/v1/admin/relations/{relationId}/refuse", new { comment = "晚了" })).StatusCode);

        var actions = new List<string>();
        await Factory.WithDbAsync(async db => actions = await db.AuditEntries.Where(e => e.UnitId == a.Id && e.EntityId == published.ToString())
            .Select(e => e.Action).ToListAsync());
        Assert.Contains("document.relation.request", actions);
        Assert.Contains("document.relation.confirm", actions);
        Assert.Contains("document.validity", actions);
    }

    [Fact]
    public async Task A_refused_relation_never_takes_effect_and_same_unit_relations_need_no_confirmation()
    {
        var a = await Factory.CreateUnitAsync("丙局");
        var b = await Factory.CreateUnitAsync("丁局");
        var adminA = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var editorB = await Factory.LoginAsync(b.Id, Roles.Editor);
        var targetA = await Factory.CreateAndPublishAsync(adminA, a.Id, await Factory.DraftAsync(a.Id, "丙局旧规定"));
        var ownB = await Factory.CreateAndPublishAsync(editorB, b.Id, await Factory.DraftAsync(b.Id, "丁局旧规定"));
        var newB = await CreateAsync(editorB, await Factory.DraftAsync(b.Id, "丁局新规定"));
        Assert.Equal(HttpStatusCode.OK, (await editorB.PostAsJsonAsync($"/api/v1/admin/documents/{newB}/relations", new { targetId = targetA, type = "Replaces" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editorB.PostAsJsonAsync($"/api/v1/admin/documents/{newB}/relations", new { targetId = ownB, type = "Replaces" })).StatusCode);

        var relationId = (await adminA.GetFromJsonAsync<JsonElement>("/api/v1/admin/relations/pending")).EnumerateArray().Single().GetProperty("id").GetInt32();
        var noReason = await adminA.PostAsJsonAsync($"/api/v1/admin/relations/{relationId}/refuse", new { comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminA.PostAsJsonAsync($"/api/v1/admin/relations/{relationId}/refuse", new { comment = "本局规定仍然有效" })).StatusCode);

        await Factory.PublishAsync(editorB, b.Id, newB);
        Assert.Equal(Validity.InForce, await ValidityAsync(targetA));
        Assert.Equal(Validity.Expired, await ValidityAsync(ownB)); // same unit: as before, on publication
        RelationConfirmation state = default;
        await Factory.WithDbAsync(async db => state = await db.DocumentRelations.Where(r => r.Id == relationId).Select(r => r.Confirmation).FirstAsync());
        Assert.Equal(RelationConfirmation.Refused, state);
        Assert.Contains("对方单位已拒绝", await editorB.GetStringAsync($"/admin/documents/{newB}"));
    }

    [Fact]
    public async Task A_target_the_user_may_not_see_answers_exactly_like_a_missing_id()
    {
        var a = await Factory.CreateUnitAsync("戊局");
        var b = await Factory.CreateUnitAsync("己局");
        var adminA = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var adminB = await Factory.LoginAsync(b.Id, Roles.UnitAdmin);
        var draftA = await CreateAsync(adminA, await Factory.DraftAsync(a.Id, "戊局未发布的秘密草稿"));
        var onRequest = await Factory.DraftAsync(a.Id, "戊局依申请公开的文件");
        onRequest["disclosure"] = "OnRequest";
        onRequest["disclosureReason"] = "涉及第三方合法权益";
        var nonPublicA = await Factory.CreateAndPublishAsync(adminA, a.Id, onRequest);
        var fromB = await CreateAsync(adminB, await Factory.DraftAsync(b.Id, "己局的决定"));
        var missing = 987654;

        async Task<(HttpStatusCode, string)> Page(int target)
        {
            var r = await RelateByPageAsync(adminB, fromB, target, "Abolishes");
            var html = await r.Content.ReadAsStringAsync();
            return (r.StatusCode, System.Text.RegularExpressions.Regex.Match(html, "<div[^>]*validation-summary-errors[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
        }
        var expected = await Page(missing);
        Assert.Equal(HttpStatusCode.BadRequest, expected.Item1);
        Assert.Contains("关联的文件不存在", expected.Item2);
        foreach (var hidden in new[] { draftA, nonPublicA })
        {
            var (status, errors) = await Page(hidden);
            Assert.Equal(expected, (status, errors));
            var body = await (await RelateByPageAsync(adminB, fromB, hidden, "Interprets")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("秘密草稿", body);
            Assert.DoesNotContain("依申请公开的文件", body);
        }

        async Task<(HttpStatusCode, string)> Api(int target)
        {
            var r = await adminB.PostAsJsonAsync($"/api/v1/admin/documents/{fromB}/relations", new { targetId = target, type = "Amends" });
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            return (r.StatusCode, problem.GetProperty("detail").GetString()!);
        }
        var apiMissing = await Api(missing);
        Assert.Equal(apiMissing, await Api(draftA));
        Assert.Equal(apiMissing, await Api(nonPublicA));
        int relations = -1;
        await Factory.WithDbAsync(async db => relations = await db.DocumentRelations.CountAsync(r => r.FromDocumentId == fromB));
        Assert.Equal(0, relations);

        // The other way round: a 解读 from B's draft to A's public document needs no confirmation, and A does not see the draft.
        var publicA = await Factory.CreateAndPublishAsync(adminA, a.Id, await Factory.DraftAsync(a.Id, "戊局公开的文件"));
        Assert.Equal(HttpStatusCode.OK, (await adminB.PostAsJsonAsync($"/api/v1/admin/documents/{fromB}/relations", new { targetId = publicA, type = "Interprets" })).StatusCode);
        Assert.DoesNotContain("己局的决定", await adminA.GetStringAsync($"/admin/documents/{publicA}"));
        Assert.Contains("戊局公开的文件", await adminB.GetStringAsync($"/admin/documents/{fromB}"));
    }

    [Fact]
    public async Task The_picker_finds_visible_documents_by_title_number_or_index_number()
    {
        var a = await Factory.CreateUnitAsync("庚局");
        var b = await Factory.CreateUnitAsync("辛局");
        var adminA = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var editorB = await Factory.LoginAsync(b.Id, Roles.Editor);
        var publicA = await Factory.CreateAndPublishAsync(adminA, a.Id, await Factory.DraftAsync(a.Id, "庚局关于供暖补贴的通知", "庚发〔2026〕12号"));
        var draftA = await CreateAsync(adminA, await Factory.DraftAsync(a.Id, "庚局关于供暖补贴的内部草稿", "庚发〔2026〕13号"));
        var draftB = await CreateAsync(editorB, await Factory.DraftAsync(b.Id, "辛局关于供暖补贴的意见"));
        var self = await CreateAsync(editorB, await Factory.DraftAsync(b.Id, "辛局关于供暖补贴的决定"));
        string index = "";
        await Factory.WithDbAsync(async db => index = await db.Documents.Where(d => d.Id == publicA).Select(d => d.IndexNumber!).FirstAsync());

        async Task<List<int>> Find(string q)
        {
            var items = await editorB.GetFromJsonAsync<JsonElement>($"/api/v1/admin/documents/lookup?q={Uri.EscapeDataString(q)}&exclude={self}");
            return items.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();
        }
        Assert.Equal(new[] { publicA, draftB }.Order(), await Find("供暖补贴"));
        Assert.Equal([publicA], await Find("庚发[2026]12号")); // typed form, matched on the canonical 文号
        Assert.Equal([publicA], await Find(index));
        Assert.Empty(await Find("庚发〔2026〕13号"));
        Assert.Empty(await Find("内部草稿"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/v1/admin/documents/lookup?q=供暖")).StatusCode);
        var ofA = await adminA.GetFromJsonAsync<JsonElement>("/api/v1/admin/documents/lookup?q=" + Uri.EscapeDataString("庚局关于供暖补贴"));
        Assert.Equal(new[] { publicA, draftA }.Order(), ofA.EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order());

        // The page offers the picker (enhanced by admin.js, no inline script) beside the plain id field.
        var html = await editorB.GetStringAsync($"/admin/documents/{self}");
        Assert.Contains("data-doc-picker", html);
        Assert.Contains("/js/admin.js", html);
        Assert.DoesNotContain("<script>", html);
    }
}

public sealed class SqliteRelationConfirmationTests() : RelationConfirmationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRelationConfirmationTests() : RelationConfirmationTests(DatabaseProvider.Postgres);
