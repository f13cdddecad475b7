using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Qa;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Documents;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Qa;

/// <summary>
/// The Q&amp;A base's workflow on both databases: writer ≠ approver, unit scoping (others get 404), optimistic concurrency,
/// public pages show only published entries, staleness after the basis policy is abolished (through the documents service)
/// and after the review date (moving clock), the document page's 问答 block, and the search facet.
/// </summary>
public abstract class QaWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private QaDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Clock.SetChinaDate(new DateOnly(2026, 3, 2));
        _d = await QaDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task An_entry_is_approved_by_someone_other_than_its_writer_and_only_then_shows_on_the_portal()
    {
        var id = await _d.CreateAsync(_d.AdminA, "灵活就业人员怎样参加养老保险？", "可以个人身份参保。");
        var anonymous = _d.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/zcwd/{id}")).StatusCode);

        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.AdminA, id, "submit"));
        // The writer may approve entries of the unit, but not their own.
        var own = await QaDesk.StepAsync(_d.AdminA, id, "approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("撰写人", await own.Content.ReadAsStringAsync());
        // An editor approves nothing; the other unit's reviewer does not even see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await QaDesk.StepAsync(_d.EditorA, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await QaDesk.StepAsync(_d.ReviewerB, id, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/zcwd/{id}")).StatusCode);

        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.ReviewerA, id, "approve"));
        var d = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync($"/api/v1/admin/qa/{id}"));
        Assert.Equal("Published", d.GetProperty("statusValue").GetString());
        // Default review date: Zwgk:Qa:ReviewMonths (12) after publication.
        Assert.Equal("2027-03-02", d.GetProperty("reviewOn").GetString());
        var page = await anonymous.GetStringAsync($"/zcwd/{id}");
        Assert.Contains("灵活就业人员怎样参加养老保险？", page);
        Assert.Contains("可以个人身份参保。", page);
        Assert.Contains("灵活就业人员怎样参加养老保险？", await anonymous.GetStringAsync("/zcwd"));

        // Withdrawn: off the portal; published again by a reviewer.
        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.ReviewerA, id, "withdraw"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/zcwd/{id}")).StatusCode);
        Assert.DoesNotContain("灵活就业人员怎样参加养老保险？", await anonymous.GetStringAsync("/zcwd"));
        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.Office, id, "publish"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/zcwd/{id}")).StatusCode);

        string[] actions = [];
        await _f.WithDbAsync(async db => actions = await db.AuditEntries.Where(a => a.EntityType == "QaItem" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToArrayAsync());
        Assert.Equal(["qa.create", "qa.submit", "qa.approve", "qa.withdraw", "qa.publish"], actions);
    }

    [Fact]
    public async Task A_returned_entry_goes_back_to_draft_with_the_comment_and_a_comment_is_required()
    {
        var id = await _d.CreateAsync(_d.EditorA, "失业金怎么领？");
        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.EditorA, id, "submit"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await QaDesk.StepAsync(_d.ReviewerA, id, "return", new { comment = " " })).StatusCode);
        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.ReviewerA, id, "return", new { comment = "请补充申领条件" }));
        var d = await QaDesk.JsonAsync(await _d.EditorA.GetAsync($"/api/v1/admin/qa/{id}"));
        Assert.Equal("Draft", d.GetProperty("statusValue").GetString());
        Assert.Equal("请补充申领条件", d.GetProperty("reviewComment").GetString());
        Assert.Contains("请补充申领条件", await _d.EditorA.GetStringAsync($"/admin/qa/{id}"));
    }

    [Fact]
    public async Task A_unit_sees_and_changes_only_its_own_entries_others_get_404_and_the_office_sees_all()
    {
        var a = await _d.CreateAsync(_d.EditorA, "A单位的问题");
        var b = await _d.CreateAsync(_d.EditorB, "B单位的问题");
        // A unit's writer cannot put an entry into another unit.
        var forced = await _d.CreateAsync(_d.EditorB, "想写到A单位", unitId: _d.A.Id);
        Assert.Equal(_d.B.Id, (await QaDesk.JsonAsync(await _d.EditorB.GetAsync($"/api/v1/admin/qa/{forced}"))).GetProperty("unitId").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await _d.EditorB.GetAsync($"/api/v1/admin/qa/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.EditorB.PutAsJsonAsync($"/api/v1/admin/qa/{a}", new { question = "改", answer = "改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await QaDesk.StepAsync(_d.EditorB, a, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.EditorB.GetAsync($"/admin/qa/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.EditorB.GetAsync($"/admin/qa/edit/{a}")).StatusCode);
        var listB = await QaDesk.JsonAsync(await _d.EditorB.GetAsync("/api/v1/admin/qa?pageSize=100"));
        var idsB = listB.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(b, idsB);
        Assert.DoesNotContain(a, idsB);
        Assert.DoesNotContain("A单位的问题", await _d.EditorB.GetStringAsync("/admin/qa"));

        var all = await QaDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/qa?pageSize=100"));
        var idsAll = all.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(a, idsAll);
        Assert.Contains(b, idsAll);
        var filtered = await QaDesk.JsonAsync(await _d.Office.GetAsync($"/api/v1/admin/qa?unit={_d.A.Id}"));
        Assert.All(filtered.GetProperty("items").EnumerateArray(), x => Assert.Contains("A单位", x.GetProperty("question").GetString()));

        // An entry whose unit is only known as written (imported) belongs to the 公开办 until it assigns a unit.
        int orphan = 0;
        await _f.WithDbAsync(async db =>
        {
            var q = new QaItem { Question = "户口怎么迁？", Answer = "到派出所办理。", UnitNameAsWritten = "某某派出所", CreatedAt = _f.Clock.GetUtcNow(), UpdatedAt = _f.Clock.GetUtcNow() };
            db.QaItems.Add(q);
            await db.SaveChangesAsync();
            orphan = q.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _d.EditorA.GetAsync($"/api/v1/admin/qa/{orphan}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await QaDesk.StepAsync(_d.Office, orphan, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.EditorA.PostAsJsonAsync("/api/v1/admin/qa/unconfirmed-units/assign", new { name = "某某派出所", unitId = _d.A.Id })).StatusCode);
        var assigned = await QaDesk.JsonAsync(await _d.Office.PostAsJsonAsync("/api/v1/admin/qa/unconfirmed-units/assign", new { name = "某某派出所", unitId = _d.A.Id }));
        Assert.Equal(1, assigned.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await _d.EditorA.GetAsync($"/api/v1/admin/qa/{orphan}")).StatusCode);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_answers_409()
    {
        var id = await _d.CreateAsync(_d.EditorA, "公积金能付房租吗？");
        var d = await QaDesk.JsonAsync(await _d.EditorA.GetAsync($"/api/v1/admin/qa/{id}"));
        var version = d.GetProperty("version").GetInt32();
        await QaDesk.JsonAsync(await _d.AdminA.PutAsJsonAsync($"/api/v1/admin/qa/{id}", new { question = "公积金能付房租吗？", answer = "可以，按规定提取。", version }));
        var stale = await _d.EditorA.PutAsJsonAsync($"/api/v1/admin/qa/{id}", new { question = "公积金能付房租吗？", answer = "不可以。", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await QaDesk.StepAsync(_d.EditorA, id, "submit", new { version })).StatusCode);
        Assert.Equal("可以，按规定提取。", (await QaDesk.JsonAsync(await _d.EditorA.GetAsync($"/api/v1/admin/qa/{id}"))).GetProperty("answer").GetString());
        // The edit form shows the refusal.
        var form = await DocumentTestSupport.PostFormAsync(_d.EditorA, $"/admin/qa/edit/{id}", null,
            [new("Input.Question", "公积金能付房租吗？"), new("Input.Answer", "又改"), new("Input.Version", version.ToString())]);
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("已被他人修改", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_entry_resting_on_an_abolished_policy_is_stale_warns_on_its_page_and_leaves_search()
    {
        var policy = await _d.PolicyAsync("济南市市中区灵活就业人员社会保险补贴办法", "市中政办发〔2026〕3号");
        var id = await _d.PublishedAsync("灵活就业社保补贴怎么申请？", basisDocumentId: policy, answer: "向区人力资源社会保障局申请社会保险补贴。");
        var anonymous = _d.Anonymous();

        // The policy's page lists the entry; the entry links the policy with its 文号.
        var docPage = await anonymous.GetStringAsync($"/doc/{policy}");
        Assert.Contains("相关问答", docPage);
        Assert.Contains($"/zcwd/{id}", docPage);
        var entry = await anonymous.GetStringAsync($"/zcwd/{id}");
        Assert.Contains($"/doc/{policy}", entry);
        Assert.Contains("市中政办发〔2026〕3号", entry);
        Assert.DoesNotContain("仅供参考", entry);

        // Site search shows it under its own facet.
        await _d.CatchUpAsync();
        var found = await QaDesk.JsonAsync(await anonymous.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("社保补贴")));
        var hit = found.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("url").GetString() == $"/zcwd/{id}");
        Assert.Equal("qa", hit.GetProperty("type").GetString());
        Assert.Equal("政策问答", hit.GetProperty("typeLabel").GetString());
        var typeFacet = found.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "type");
        Assert.Contains(typeFacet.GetProperty("values").EnumerateArray(), v => v.GetProperty("value").GetString() == "qa" && v.GetProperty("label").GetString() == "政策问答");
        var onlyQa = await QaDesk.JsonAsync(await anonymous.GetAsync("/api/v1/search?type=qa&q=" + Uri.EscapeDataString("社保补贴")));
        Assert.All(onlyQa.GetProperty("hits").EnumerateArray(), h => Assert.Equal("qa", h.GetProperty("type").GetString()));
        Assert.Contains($"/zcwd/{id}", await anonymous.GetStringAsync("/zcwd?q=" + Uri.EscapeDataString("社保补贴")));

        // 立改废: the unit's administrator marks the policy abolished through the documents service.
        var doc = await QaDesk.JsonAsync(await _d.AdminA.GetAsync($"/api/v1/documents/{policy}"));
        var body = await _f.DraftAsync(_d.A.Id, "济南市市中区灵活就业人员社会保险补贴办法", "市中政办发〔2026〕3号");
        body["validity"] = "Abolished";
        body["expiresOn"] = "2026-03-01";
        await QaDesk.JsonAsync(await _d.AdminA.PutAsJsonAsync($"/api/v1/admin/documents/{policy}", body));
        await _f.WithDbAsync(async db => Assert.Equal(Domain.Documents.Validity.Abolished, (await db.Documents.FindAsync(policy))!.Validity));

        var stale = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync("/api/v1/admin/qa?stale=PolicyAbolished"));
        var item = Assert.Single(stale.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.Equal("依据政策已废止或失效", item.GetProperty("stalenessLabel").GetString());
        var details = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync($"/api/v1/admin/qa/{id}"));
        Assert.False(details.GetProperty("offerable").GetBoolean());
        Assert.Contains("依据政策已废止或失效", await _d.ReviewerA.GetStringAsync("/admin"));
        Assert.Contains("依据的政策已废止", await anonymous.GetStringAsync($"/zcwd/{id}"));

        await _d.CatchUpAsync();
        var after = await QaDesk.JsonAsync(await anonymous.GetAsync("/api/v1/search?type=qa&q=" + Uri.EscapeDataString("社保补贴")));
        Assert.DoesNotContain(after.GetProperty("hits").EnumerateArray(), h => h.GetProperty("url").GetString() == $"/zcwd/{id}");
    }

    [Fact]
    public async Task The_review_date_makes_an_entry_stale_until_it_is_reconfirmed()
    {
        var id = await _d.PublishedAsync("孩子上小学怎样报名？");
        var current = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync("/api/v1/admin/qa?staleOnly=true"));
        Assert.Equal(0, current.GetProperty("total").GetInt32());

        _f.Clock.SetChinaDate(new DateOnly(2027, 3, 2));
        await _d.LoginAllAsync();
        var due = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync("/api/v1/admin/qa?staleOnly=true"));
        var item = Assert.Single(due.GetProperty("items").EnumerateArray());
        Assert.Equal("ReviewDue", item.GetProperty("staleness").GetString());
        Assert.Contains("已到复核日期", await _d.ReviewerA.GetStringAsync("/admin/qa"));
        // Review due is still offered (unlike an abolished policy), and the unit of B is not reminded of A's entry.
        Assert.True((await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync($"/api/v1/admin/qa/{id}"))).GetProperty("offerable").GetBoolean());
        Assert.Equal(0, (await QaDesk.JsonAsync(await _d.ReviewerB.GetAsync("/api/v1/admin/qa?staleOnly=true"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await QaDesk.StepAsync(_d.EditorA, id, "reconfirm")).StatusCode);

        await QaDesk.JsonAsync(await QaDesk.StepAsync(_d.ReviewerA, id, "reconfirm"));
        var d = await QaDesk.JsonAsync(await _d.ReviewerA.GetAsync($"/api/v1/admin/qa/{id}"));
        Assert.Equal("2028-03-02", d.GetProperty("reviewOn").GetString());
        Assert.Equal("Current", d.GetProperty("staleness").GetString());
    }
}

public sealed class SqliteQaWorkflowTests() : QaWorkflowTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresQaWorkflowTests() : QaWorkflowTests(DatabaseProvider.Postgres);
