using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Messages;

/// <summary>
/// Tracking of messages on a moving clock: deadlines on the working-day calendar (劳动节 2026 with its 调休 Saturday),
/// reminders, routing permissions (a unit sees only what is routed to it), transfer and return, reply review separation,
/// masking for non-handlers, audited views. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class MessageTrackingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private MessageDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Settings["Zwgk:PublicForms:SubmitsPerTenMinutes"] = "1000";
        _f.Clock.SetChinaDate(new DateOnly(2026, 4, 30));
        _d = await MessageDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Reply_deadlines_skip_the_May_Day_holiday_and_count_the_make_up_Saturday()
    {
        // Received Thursday 30 April 2026: 5/1–5/5 off, 5/9 (Saturday) a working day.
        var inquiry = await _d.RegisterAsync("2026-04-30");
        Assert.Equal("2026-05-11", inquiry.DueOn);
        var siteError = await _d.RegisterAsync("2026-04-30", type: "找错", title: "首页链接失效", content: "首页“政策解读”栏目链接打不开");
        Assert.Equal("2026-05-08", siteError.DueOn);
        var complaint = await _d.RegisterAsync("2026-04-29", type: "投诉", title: "施工噪音", content: "工地夜间施工噪音扰民");
        Assert.Equal("2026-05-15", complaint.DueOn);
        var m = await _d.MessageAsync(inquiry.Id);
        Assert.Equal(new DateOnly(2026, 5, 6), m.AcknowledgeDue);
        Assert.Equal(MessageChannel.Hotline12345, m.Channel);

        // The public form counts from the day it is written (the clock's today).
        var online = await _d.SubmitAsync();
        Assert.Equal("2026-05-11", online.DueOn);
    }

    [Fact]
    public async Task Reminders_show_due_soon_then_overdue_only_to_the_handling_unit_and_the_office()
    {
        var (id, _, _) = await _d.RegisterAsync("2026-04-30", unit: _d.A.Code);
        async Task<JsonElement[]> RemindersAsync(HttpClient c) => (await MessageDesk.JsonAsync(await c.GetAsync("/api/v1/admin/messages/reminders"))).EnumerateArray().ToArray();

        await _d.TodayAsync("2026-05-06");
        Assert.DoesNotContain(await RemindersAsync(_d.OfficerA), r => r.GetProperty("id").GetInt32() == id);
        await _d.OkAsync(id, "acknowledge", null, _d.OfficerA);

        await _d.TodayAsync("2026-05-09"); // the 调休 Saturday: one working day left
        var soon = Assert.Single(await RemindersAsync(_d.OfficerA), r => r.GetProperty("id").GetInt32() == id);
        Assert.False(soon.GetProperty("overdue").GetBoolean());
        Assert.Contains(await RemindersAsync(_d.Office), r => r.GetProperty("id").GetInt32() == id);
        Assert.DoesNotContain(await RemindersAsync(_d.OfficerB), r => r.GetProperty("id").GetInt32() == id);
        var home = WebUtility.HtmlDecode(await _d.OfficerA.GetStringAsync("/admin"));
        Assert.Contains("网友留言提醒", home);
        Assert.Contains($"留言 #{id}", home);
        Assert.Contains("即将到期", home);

        await _d.TodayAsync("2026-05-12");
        var late = Assert.Single(await RemindersAsync(_d.OfficerA), r => r.GetProperty("id").GetInt32() == id);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        var list = await MessageDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/messages?overdue=true"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);

        // Answered late: off the reminders, counted as late in the statistics.
        await _d.OkAsync(id, "reply", new { text = "已安排增设临时停车位。" }, _d.OfficerA);
        await _d.OkAsync(id, "reply/approve", null, _d.AdminA);
        Assert.DoesNotContain(await RemindersAsync(_d.OfficerA), r => r.GetProperty("id").GetInt32() == id);
        var stats = WebUtility.HtmlDecode(await _d.Office.GetStringAsync("/admin/messages/stats?From=2026-04-01&To=2026-05-31"));
        // Received 1, answered 1, on time 0, overdue 0, open 0; 6 working days (5/6–5/9, 5/11, 5/12; the holiday not counted).
        Assert.Contains($"<th scope=\"row\">{_d.A.Name}</th><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>6.0</td>", stats);
    }

    [Fact]
    public async Task A_unit_sees_and_acts_only_on_messages_routed_to_it_and_only_the_office_routes()
    {
        var (id, _, _) = await _d.SubmitAsync();
        // 待分办: only the office sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerA.GetAsync($"/api/v1/admin/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerA.GetAsync($"/admin/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _d.Office.GetAsync($"/admin/messages/{id}")).StatusCode);

        await _d.OkAsync(id, "route", new { unitId = _d.A.Id, note = "请住建局办理" });
        var a = await MessageDesk.JsonAsync(await _d.OfficerA.GetAsync($"/api/v1/admin/messages/{id}"));
        Assert.Equal("李四光", a.GetProperty("name").GetString());
        Assert.Equal("13912345678", a.GetProperty("phone").GetString());

        // Unit B: not found, in the page, the API, its list and on every action.
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerB.GetAsync($"/api/v1/admin/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerB.GetAsync($"/admin/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.PostAsync(id, "acknowledge", null, _d.OfficerB)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.PostAsync(id, "reply", new { text = "越权答复" }, _d.OfficerB)).StatusCode);
        var bList = await MessageDesk.JsonAsync(await _d.OfficerB.GetAsync("/api/v1/admin/messages"));
        Assert.DoesNotContain(bList.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        var bPage = await Forms.PostAsync(_d.OfficerB, "/admin/messages", $"/admin/messages/{id}?handler=Acknowledge", []);
        Assert.Equal(HttpStatusCode.NotFound, bPage.StatusCode);

        // A unit cannot route or transfer; it returns a mis-routed message to the office with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.PostAsync(id, "route", new { unitId = _d.B.Id }, _d.OfficerA)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _d.PostAsync(id, "return", new { text = "" }, _d.OfficerA)).StatusCode);
        await _d.OkAsync(id, "return", new { text = "属于教育部门职责" }, _d.OfficerA);
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerA.GetAsync($"/api/v1/admin/messages/{id}")).StatusCode);
        var back = await _d.MessageAsync(id);
        Assert.Equal((MessageState.Unrouted, (int?)null), (back.State, back.UnitId));

        // The office routes to B, then transfers to A with a reason.
        await _d.OkAsync(id, "route", new { unitId = _d.B.Id });
        Assert.Equal(HttpStatusCode.OK, (await _d.OfficerB.GetAsync($"/api/v1/admin/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _d.PostAsync(id, "route", new { unitId = _d.A.Id })).StatusCode); // a transfer needs a reason
        var replyDue = (await _d.MessageAsync(id)).ReplyDue;
        await _d.TodayAsync("2026-05-06"); // transferred after the May Day holiday
        await _d.OkAsync(id, "route", new { unitId = _d.A.Id, note = "涉及小区配套，转住建局" });
        Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerB.GetAsync($"/api/v1/admin/messages/{id}")).StatusCode);
        var m = await _d.MessageAsync(id);
        Assert.Equal(_d.A.Id, m.UnitId);
        // The new unit acknowledges within a working day of the transfer; the writer's reply deadline does not move.
        Assert.Equal(new DateOnly(2026, 5, 7), m.AcknowledgeDue);
        Assert.Equal(replyDue, m.ReplyDue);
        Assert.Equal([MessageEventKind.Received, MessageEventKind.Routed, MessageEventKind.Returned, MessageEventKind.Routed, MessageEventKind.Transferred],
            m.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.DoesNotContain(m.Events, e => (e.Note ?? "").Contains("13912345678") || (e.Note ?? "").Contains("李四光"));
        // Every staff step is audited.
        var actions = await _d.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Message" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(3, actions.Count(a => a is "message.route" or "message.transfer"));
        Assert.Contains("message.return", actions);
    }

    [Fact]
    public async Task The_drafter_cannot_approve_and_a_returned_draft_goes_back_with_the_comment()
    {
        var (id, code, _) = await _d.RegisterAsync("2026-04-30", unit: _d.A.Code);
        await _d.OkAsync(id, "reply", new { text = "初稿" }, _d.OfficerA);
        // The officer is not an approver; the unit administrator returns it with a comment.
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.PostAsync(id, "reply/approve", null, _d.OfficerA)).StatusCode);
        await _d.OkAsync(id, "reply/return", new { text = "请写明增设车位的时间" }, _d.AdminA);
        var returned = await _d.MessageAsync(id);
        Assert.Equal((MessageState.Handling, "请写明增设车位的时间"), (returned.State, returned.ReviewComment));
        // Nothing reaches the writer before approval.
        var before = await MessageDesk.JsonAsync(await _d.Anonymous().GetAsync($"/api/v1/messages/{code}"));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("reply").ValueKind);

        // The unit administrator drafts this time: then the administrator may not approve their own draft.
        await _d.OkAsync(id, "reply", new { text = "将于6月底前增设20个临时停车位。" }, _d.AdminA);
        var self = await _d.PostAsync(id, "reply/approve", null, _d.AdminA);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Contains("拟稿人不能审核", await self.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await _d.AdminA.GetStringAsync($"/admin/messages/{id}"));
        Assert.Contains("须由其他负责人审核", page);
        await _d.OkAsync(id, "reply/approve", null, _d.Office);
        var done = await _d.MessageAsync(id);
        Assert.Equal(MessageState.Closed, done.State);
        Assert.Equal(new DateOnly(2026, 4, 30), done.RepliedOn);
        var after = await MessageDesk.JsonAsync(await _d.Anonymous().GetAsync($"/api/v1/messages/{code}"));
        Assert.Equal("将于6月底前增设20个临时停车位。", after.GetProperty("reply").GetString());
        Assert.Equal("已答复", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Non_handlers_see_masked_data_and_each_full_view_is_audited()
    {
        var (id, _, _) = await _d.RegisterAsync("2026-04-30", unit: _d.A.Code, name: "欧阳娜娜", contact: "13812345678");
        int Views() => _d.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "message.personal.view" && a.EntityId == id.ToString())).GetAwaiter().GetResult();

        var platform = await MessageDesk.JsonAsync(await _d.Platform.GetAsync($"/api/v1/admin/messages/{id}"));
        Assert.Equal("欧***", platform.GetProperty("name").GetString());
        Assert.Equal("138****5678", platform.GetProperty("phone").GetString());
        Assert.False(platform.GetProperty("fullPersonalData").GetBoolean());
        Assert.Equal(0, Views());

        var office = WebUtility.HtmlDecode(await _d.Office.GetStringAsync($"/admin/messages/{id}"));
        Assert.Contains("欧阳娜娜", office);
        Assert.Contains("13812345678", office);
        Assert.Equal(1, Views());
        await _d.OfficerA.GetStringAsync($"/admin/messages/{id}");
        Assert.Equal(2, Views());

        // Staff lists never show the full name, even to handlers.
        var list = WebUtility.HtmlDecode(await _d.OfficerA.GetStringAsync("/admin/messages"));
        Assert.Contains("欧***", list);
        Assert.DoesNotContain("欧阳娜娜", list);
        Assert.DoesNotContain("13812345678", list);
    }

    [Fact]
    public async Task Rejecting_needs_a_head_with_a_reason_of_limited_length_and_the_hotline_may_give_an_e_mail()
    {
        var (id, _, _) = await _d.RegisterAsync("2026-04-30", unit: _d.A.Code);
        // The officer who would be late cannot take the message out of the figures by rejecting it.
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.PostAsync(id, "reject", new { text = "不属于本单位职责" }, _d.OfficerA)).StatusCode);
        var tooLong = await _d.PostAsync(id, "reject", new { text = new string('理', 501) }, _d.AdminA);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("不能超过500字", await tooLong.Content.ReadAsStringAsync());
        await _d.OkAsync(id, "reject", new { text = "与政务无关" }, _d.AdminA);
        Assert.Equal(MessageState.Rejected, (await _d.MessageAsync(id)).State);

        var byMail = await _d.RegisterAsync("2026-04-30", contact: "caller@example.com", title: "热线来电", content: "来电人只留了电子邮箱");
        var m = await _d.MessageAsync(byMail.Id);
        Assert.Equal("caller@example.com", m.Email);
        Assert.Null(m.Phone);
    }
}

public sealed class SqliteMessageTrackingTests() : MessageTrackingTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMessageTrackingTests() : MessageTrackingTests(DatabaseProvider.Postgres);
