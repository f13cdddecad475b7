using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Qa;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Interaction.Messages;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.QaAsk;

/// <summary>
/// /zcwd/ask end to end without scripts: server-side suggestions with the best suggestion's unit chosen, a 政策咨询 submitted
/// to that unit (办理中, 5 working days across 劳动节 2026 and its 调休 Saturday) or left 待分办 for the 公开办, reminders,
/// the 网友政策咨询 block once answered and published (names masked), and turning the answer into a draft entry (scoped,
/// audited, no personal data). Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class QaAskFlowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private MessageDesk _d = null!;
    private QaItem _rent = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Settings["Zwgk:PublicForms:SubmitsPerTenMinutes"] = "1000";
        _f.Clock.SetChinaDate(new DateOnly(2026, 4, 30)); // Thursday before 劳动节
        _d = await MessageDesk.CreateAsync(_f);
        _rent = await QaRows.AddAsync(_f, "申请公共租赁住房需要什么条件？", "本区户籍、家庭人均收入低于规定标准且在本区无自有住房的家庭，可以向户籍所在地街道提出申请。",
            unitId: _d.A.Id, basis: "《公共租赁住房管理办法》第七条");
        await QaRows.AddAsync(_f, "义务教育阶段入学需要哪些材料？", "户口簿、房产证明等。", unitId: _d.B.Id);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static string Html(string s) => WebUtility.HtmlDecode(s);

    private async Task<(HttpResponseMessage Response, HttpClient Client)> AskAsync(string? unit, string isPublic = "yes", string? shown = null,
        string title = "没房子的外地人能租公租房吗", string content = "我在本区工作三年，没有房子，能不能申请公租房？", string name = "王小明", string phone = "13700001111")
    {
        var client = _d.Anonymous();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title), new("Input.Content", content), new("Input.Unit", unit ?? ""), new("Input.Name", name),
            new("Input.Phone", phone), new("Input.Public", isPublic), new("Input.Shown", shown ?? ""),
        };
        return (await Forms.PostAsync(client, "/zcwd/ask", "/zcwd/ask", fields), client);
    }

    private Task<Message> ByCodeAsync(string code)
    {
        var hash = Zwgk.Web.Features.Requests.QueryCodes.Hash(code);
        return _d.DbAsync(db => db.Messages.AsNoTracking().Include(m => m.Events).SingleAsync(m => m.QueryCodeHash == hash));
    }

    private static string CodeOn(string doneHtml) =>
        System.Text.RegularExpressions.Regex.Match(doneHtml, "id=\"query-code\" lang=\"en\">([^<]+)<").Groups[1].Value;

    [Fact]
    public async Task Suggestions_are_rendered_without_scripts_and_preselect_the_best_unit()
    {
        var visitor = _d.Anonymous();
        var html = Html(await visitor.GetStringAsync("/zcwd/ask?q=" + Uri.EscapeDataString("没房子的外地人能租公租房吗")));
        Assert.Contains("政策咨询 · 我要提问", html);
        Assert.Contains(_rent.Question, html);
        Assert.Contains($"href=\"/zcwd/{_rent.Id}\"", html);
        Assert.Contains("查看全文", html);
        Assert.Contains("这是否解决了您的问题？", html);
        Assert.Contains("《公共租赁住房管理办法》第七条", html);
        Assert.Contains($"<option value=\"{_d.A.Id}\" selected=\"selected\"", html);
        Assert.Contains($"name=\"Input.Shown\" id=\"f-shown\" value=\"{_rent.Id}", html);
        Assert.Contains("不确定，由政务公开办分办", html);
        Assert.DoesNotContain("<script>", html); // CSP: scripts only from files

        // Nothing matches: no unit chosen, the citizen is told so.
        var none = Html(await visitor.GetStringAsync("/zcwd/ask?q=" + Uri.EscapeDataString("护照过期了在哪里换")));
        Assert.Contains("没有找到相近的问答", none);
        Assert.Contains("<option value=\"\" selected=\"selected\">不确定，由政务公开办分办</option>", none);

        var tooLong = Html(await visitor.GetStringAsync("/zcwd/ask?q=" + new string('问', 201)));
        Assert.Contains("问题不能超过200字", tooLong);
    }

    [Fact]
    public async Task A_question_to_a_named_unit_is_routed_at_once_with_its_deadline_and_code()
    {
        var (r, client) = await AskAsync(_d.A.Id.ToString(), shown: $"{_rent.Id},x,99999");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/zcwd/ask/done", r.Headers.Location?.OriginalString);
        var done = Html(await client.GetStringAsync("/zcwd/ask/done"));
        var code = CodeOn(done);
        Assert.False(string.IsNullOrEmpty(code));
        Assert.Contains("2026年05月11日 前", done);
        Assert.Contains(_d.A.Name, done);
        // Shown once.
        Assert.DoesNotContain(code, Html(await client.GetStringAsync("/zcwd/ask/done")));

        var m = await ByCodeAsync(code);
        Assert.Equal(MessageType.PolicyQuestion, m.Type);
        Assert.Equal(MessageState.Handling, m.State);
        Assert.Equal(_d.A.Id, m.UnitId);
        Assert.Equal(MessageChannel.Website, m.Channel);
        Assert.Equal(new DateOnly(2026, 4, 30), m.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 5, 11), m.ReplyDue);
        Assert.Equal(new DateOnly(2026, 5, 6), m.AcknowledgeDue);
        Assert.Contains(m.Events, e => e.Kind == MessageEventKind.Received && e.Note!.Contains($"#{_rent.Id}") && e.Note.Contains("#99999"));
        Assert.Contains(m.Events, e => e.Kind == MessageEventKind.Routed);

        // The writer follows it at the mailbox query page with the code.
        var status = await MessageDesk.JsonAsync(await client.GetAsync("/api/v1/messages/" + code));
        Assert.Equal("政策咨询", status.GetProperty("type").GetString());
        Assert.Equal("2026-05-11", status.GetProperty("dueOn").GetString());

        // The same question again from the same phone is marked a duplicate, as in the mailbox.
        var (again, client2) = await AskAsync(_d.A.Id.ToString());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await ByCodeAsync(CodeOn(Html(await client2.GetStringAsync("/zcwd/ask/done"))));
        Assert.Equal(m.Id, second.DuplicateOfId);
    }

    [Fact]
    public async Task Without_a_unit_the_question_waits_for_the_office_and_errors_keep_what_was_typed()
    {
        var (bad, _) = await AskAsync("", isPublic: "", name: "");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = Html(await bad.Content.ReadAsStringAsync());
        Assert.Contains("问题未提交", page);
        Assert.Contains("请选择是否公开", page);
        Assert.Contains("请填写姓名", page);
        Assert.Contains("没房子的外地人能租公租房吗", page);

        var (r, client) = await AskAsync("", title: "有关老旧小区加装电梯补贴的咨询", content: "老旧小区加装电梯有没有补贴？");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var done = Html(await client.GetStringAsync("/zcwd/ask/done"));
        Assert.Contains("由政务公开办分办", done);
        var m = await ByCodeAsync(CodeOn(done));
        Assert.Equal(MessageState.Unrouted, m.State);
        Assert.Null(m.UnitId);
        Assert.False(m.ToLeader);
        Assert.Equal(MessageType.PolicyQuestion, m.Type);
        Assert.Equal(new DateOnly(2026, 5, 11), m.ReplyDue);

        var unknown = await AskAsync("987654");
        Assert.Equal(HttpStatusCode.OK, unknown.Response.StatusCode);
        Assert.Contains("不存在", Html(await unknown.Response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Policy_questions_appear_in_the_reminders_with_their_five_working_day_deadline()
    {
        var (r, client) = await AskAsync(_d.A.Id.ToString());
        var m = await ByCodeAsync(CodeOn(Html(await client.GetStringAsync("/zcwd/ask/done"))));
        async Task<JsonElement[]> RemindersAsync(HttpClient c) => (await MessageDesk.JsonAsync(await c.GetAsync("/api/v1/admin/messages/reminders"))).EnumerateArray().ToArray();

        await _d.TodayAsync("2026-05-06");
        Assert.DoesNotContain(await RemindersAsync(_d.OfficerA), x => x.GetProperty("id").GetInt32() == m.Id);
        await _d.OkAsync(m.Id, "acknowledge", null, _d.OfficerA);

        await _d.TodayAsync("2026-05-09"); // the 调休 Saturday: one working day left
        var soon = Assert.Single(await RemindersAsync(_d.OfficerA), x => x.GetProperty("id").GetInt32() == m.Id);
        Assert.False(soon.GetProperty("overdue").GetBoolean());
        Assert.Equal("2026-05-11", soon.GetProperty("replyDue").GetString());
        Assert.DoesNotContain(await RemindersAsync(_d.OfficerB), x => x.GetProperty("id").GetInt32() == m.Id);

        await _d.TodayAsync("2026-05-12");
        var late = Assert.Single(await RemindersAsync(_d.OfficerA), x => x.GetProperty("id").GetInt32() == m.Id);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Contains(await RemindersAsync(_d.Office), x => x.GetProperty("id").GetInt32() == m.Id);
    }

    [Fact]
    public async Task An_answered_question_is_listed_publicly_and_turned_into_a_draft_entry_by_its_unit()
    {
        var (_, client) = await AskAsync(_d.A.Id.ToString(), title: "外地户籍能申请公租房吗", content: "我叫王小明，电话13700001111，外地户籍在本区工作，能申请公租房吗？");
        var m = await ByCodeAsync(CodeOn(Html(await client.GetStringAsync("/zcwd/ask/done"))));
        const string reply = "在本区连续缴纳社会保险满一年的外地户籍人员，可以申请公共租赁住房。";
        await _d.OkAsync(m.Id, "reply", new { text = reply }, _d.OfficerA);
        await _d.OkAsync(m.Id, "reply/approve", null, _d.AdminA);

        // Not yet published: not on the portal, but staff can already turn it into an entry.
        Assert.DoesNotContain("外地户籍能申请公租房吗", Html(await _d.Anonymous().GetStringAsync("/zcwd/ask")));
        await _d.OkAsync(m.Id, "publish", null, _d.AdminA);
        var page = Html(await _d.Anonymous().GetStringAsync("/zcwd/ask"));
        Assert.Contains("网友政策咨询", page);
        Assert.Contains("外地户籍能申请公租房吗", page);
        Assert.Contains("王**", page);
        Assert.DoesNotContain("王小明", page);
        Assert.Contains($"/hdjl/xx/{m.Id}", page);

        // Another unit neither sees nor converts it.
        Assert.DoesNotContain("外地户籍能申请公租房吗", Html(await _d.OfficerB.GetStringAsync("/admin/qa/from-messages")));
        var foreign = await Forms.PostAsync(_d.OfficerB, "/admin/qa/from-messages", $"/admin/qa/from-messages?handler=Convert&id={m.Id}", []);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        // A message that is not a 政策咨询 is not found either.
        var (other, _, _) = await _d.RegisterAsync("2026-04-30", unit: _d.A.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostAsync(_d.OfficerA, "/admin/qa/from-messages", $"/admin/qa/from-messages?handler=Convert&id={other}", [])).StatusCode);

        var list = Html(await _d.OfficerA.GetStringAsync("/admin/qa/from-messages"));
        Assert.Contains("外地户籍能申请公租房吗", list);
        Assert.DoesNotContain("王小明", list);
        var r = await Forms.PostAsync(_d.OfficerA, "/admin/qa/from-messages", $"/admin/qa/from-messages?handler=Convert&id={m.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var item = await _d.DbAsync(db => db.QaItems.AsNoTracking().SingleAsync(q => q.SourceMessageId == m.Id));
        Assert.Equal($"/admin/qa/edit/{item.Id}", r.Headers.Location?.OriginalString);
        Assert.Equal(QaStatus.Draft, item.Status);
        Assert.Equal("外地户籍能申请公租房吗", item.Question);
        Assert.Equal(reply, item.Answer);
        Assert.Equal(_d.A.Id, item.UnitId);
        Assert.Equal(_d.Users["officerA"].UserId(), item.CreatedByUserId);
        Assert.DoesNotContain("王小明", item.Alternatives ?? "");
        Assert.DoesNotContain("13700001111", item.Alternatives ?? "");
        Assert.Contains("外地户籍在本区工作", item.Alternatives ?? "");
        Assert.True(await _d.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "qa.from-message" && a.EntityId == item.Id.ToString())));

        // Done: off the list, and a second conversion is refused. A draft is not offered by the matcher.
        Assert.DoesNotContain("外地户籍能申请公租房吗", Html(await _d.OfficerA.GetStringAsync("/admin/qa/from-messages")));
        var again = await Forms.PostAsync(_d.OfficerA, "/admin/qa/from-messages", $"/admin/qa/from-messages?handler=Convert&id={m.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await _d.DbAsync(db => db.QaItems.CountAsync(q => q.SourceMessageId == m.Id)));
        Assert.DoesNotContain(item.Id, QaRows.Ids(await QaRows.MatchAsync(_d.Anonymous(), "外地户籍能申请公租房吗", 20)));
    }
}

internal static class UserIds
{
    public static string UserId(this Zwgk.Infrastructure.Identity.ZwgkUser u) => u.Id;
}

public sealed class SqliteQaAskFlowTests() : QaAskFlowTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresQaAskFlowTests() : QaAskFlowTests(DatabaseProvider.Postgres);
