using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>
/// The statutory workflow through the API on a moving clock: receipt rules per channel, the 20-working-day clock across
/// holidays and 调休, the pauses (补正 restarts it, consultation and fee waits are not counted), extension limits, every
/// transition's permissions, separation of duties, masking and audited views of personal data.
/// Expected dates are counted by hand from the State Council's 2024 arrangement.
/// </summary>
public abstract class RequestWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private RequestDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Clock.SetChinaDate(new DateOnly(2024, 9, 4));
        _d = await RequestDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public async Task Api_registration_answers_case_number_query_code_and_the_due_date_across_the_holidays()
    {
        var (id, caseNumber, code, due) = await _d.RegisterAsync("2024-09-04");
        Assert.Matches(@"^YSQ-2024-\d{5}$", caseNumber);
        Assert.Matches(@"^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        // 中秋 9/15–17 off, Saturday 9/14 worked; 国庆 10/1–7 off, Sunday 9/29 worked.
        Assert.Equal("2024-10-09", due);

        var details = await _d.DetailsAsync(id);
        Assert.Equal("待审核", details.GetProperty("state").GetString());
        var clock = details.GetProperty("clock");
        var days = clock.GetProperty("days").EnumerateArray().ToList();
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2024-09-14" && d.GetProperty("reason").GetString() == "调休上班" && d.GetProperty("counted").GetBoolean());
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2024-09-29" && d.GetProperty("counted").GetBoolean());
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2024-10-01" && d.GetProperty("reason").GetString() == "节假日" && !d.GetProperty("counted").GetBoolean());
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2024-09-16" && d.GetProperty("name").GetString() == "中秋节");
        Assert.Equal("剩余 20 个工作日", details.GetProperty("deadline").GetProperty("text").GetString());
        Assert.Equal(20, details.GetProperty("deadline").GetProperty("daysLeft").GetInt32());
    }

    [Theory]
    [InlineData("当面", "当面提交")]
    [InlineData("邮寄", "邮件签收")]
    [InlineData("传真", "传真提交，双方确认")]
    [InlineData("网络", "网络提交，双方确认")]
    public async Task Each_channel_records_its_receipt_rule(string channel, string note)
    {
        var (id, _, _, due) = await _d.RegisterAsync("2024-04-01", channel);
        Assert.Equal("2024-04-29", due); // Sunday 4/28 is a 调休 working day
        var details = await _d.DetailsAsync(id);
        Assert.Equal("2024-04-01", details.GetProperty("receivedOn").GetString());
        Assert.Equal(note, details.GetProperty("receiptNote").GetString());
        Assert.Equal(channel, details.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Staff_registration_needs_the_fact_the_channel_rule_reads_and_an_ordinary_letter_counts_from_the_confirmation()
    {
        var application = new { unitId = _d.Unit.Id, applicantType = "NaturalPerson", applicantName = "李四", phone = "13900001111", description = "申请公开某文件", medium = "Paper", delivery = "Post", address = "济南市市中区某路1号" };
        var missing = await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests/register", new { channel = "Post", application });
        var problem = await RequestDesk.JsonAsync(missing, HttpStatusCode.BadRequest);
        Assert.Contains("签收日期", problem.GetProperty("errors").GetProperty("ReceivedOn")[0].GetString());

        var letter = await RequestDesk.JsonAsync(await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests/register",
            new { channel = "Post", letterConfirmedOn = "2024-09-03", application }), HttpStatusCode.Created);
        var details = await _d.DetailsAsync(letter.GetProperty("id").GetInt32());
        Assert.Equal("2024-09-03", details.GetProperty("receivedOn").GetString());
        Assert.Equal("平常信函，收到当日与申请人确认", details.GetProperty("receiptNote").GetString());

        var future = await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests/register", new { channel = "InPerson", handedInOn = "2024-09-05", application });
        Assert.Contains("不能晚于今天", (await RequestDesk.JsonAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("ReceivedOn")[0].GetString());
    }

    [Fact]
    public async Task Bad_api_input_is_refused_with_named_fields()
    {
        var r = await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests", new { channel = "信鸽", receivedOn = "2024/9/4", applicantType = "外星人", applicantName = "", description = "" });
        var problem = await RequestDesk.JsonAsync(r, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("receivedOn", out _));
        Assert.True(errors.TryGetProperty("applicantType", out _));
        var empty = await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests", new { channel = "当面", receivedOn = "2024-09-04", applicantType = "自然人", applicantName = " ", contact = "", description = "" });
        var e2 = (await RequestDesk.JsonAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(e2.TryGetProperty("ApplicantName", out _));
        Assert.True(e2.TryGetProperty("Phone", out _));
        Assert.True(e2.TryGetProperty("Description", out _));
        var tooLong = await _d.Officer.PostAsJsonAsync("/api/v1/admin/requests", new { channel = "当面", receivedOn = "2024-09-04", applicantType = "自然人", applicantName = new string('张', 101), contact = "13800000000", description = "x" });
        Assert.Contains("不能超过100个字符", (await RequestDesk.JsonAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("ApplicantName")[0].GetString());
    }

    [Fact]
    public async Task An_online_submission_waits_for_confirmation_and_the_clock_starts_on_the_confirmation_day()
    {
        var anonymous = _f.CreateClient();
        var sub = await RequestDesk.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/requests", new
        {
            unitId = _d.Unit.Id, applicantType = "Business", applicantName = "济南某某科技有限公司", idNumber = "91370100MA3C4G8X5B", contactPerson = "王五",
            phone = "0531-88886666", email = "wang@example.com", informationTitle = "2024年度企业扶持资金拨付明细", description = "申请公开2024年度企业扶持资金拨付明细",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("统一社会信用代码不正确", sub.GetProperty("errors").GetProperty("IdNumber")[0].GetString());

        var ok = await RequestDesk.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/requests", new
        {
            unitId = _d.Unit.Id, applicantType = "Business", applicantName = "济南某某科技有限公司", contactPerson = "王五",
            phone = "0531-88886666", email = "wang@example.com", informationTitle = "2024年度企业扶持资金拨付明细", description = "申请公开2024年度企业扶持资金拨付明细",
        }), HttpStatusCode.Created);
        var code = ok.GetProperty("queryCode").GetString()!;
        var status = await RequestDesk.JsonAsync(await anonymous.GetAsync($"/api/v1/requests/{code}"));
        Assert.Equal("待确认", status.GetProperty("state").GetString());
        Assert.Equal("待确认收到，尚未计时", status.GetProperty("deadline").GetString());

        var list = await RequestDesk.JsonAsync(await _d.Officer.GetAsync("/api/v1/admin/requests?view=Unconfirmed"));
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        await _d.TodayAsync("2024-09-06");
        await _d.OkAsync(id, "confirm", new { on = "2024-09-06" });
        var details = await _d.DetailsAsync(id);
        Assert.Equal("2024-09-06", details.GetProperty("receivedOn").GetString());
        Assert.Equal("2024-10-11", details.GetProperty("deadline").GetProperty("due").GetString());
        // The applicant follows with the code, lower case and without dashes too.
        var again = await RequestDesk.JsonAsync(await anonymous.GetAsync($"/api/v1/requests/{code.Replace("-", "").ToLowerInvariant()}"));
        Assert.Equal("待审核", again.GetProperty("state").GetString());
        Assert.Equal("2024-10-11", Str(again, "dueOn"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/requests/AAAA-BBBB-CCCC")).StatusCode);
    }

    [Fact]
    public async Task Correction_notice_only_within_seven_working_days_and_the_clock_restarts_from_the_corrected_application()
    {
        await _d.TodayAsync("2024-04-12");
        var (late, _, _, _) = await _d.RegisterAsync("2024-04-01");
        // 7 working days after 4/1: 4/2, 4/3, (清明 4/4–6 off) 4/7 Sunday worked, 4/8, 4/9, 4/10, 4/11.
        var refused = await _d.PostAsync(late, "correction", new { on = "2024-04-12", content = "请写明所需信息的文号" });
        Assert.Contains("2024-04-11", (await RequestDesk.JsonAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        await _d.TodayAsync("2024-04-03");
        var (id, _, _, _) = await _d.RegisterAsync("2024-04-01");
        await _d.OkAsync(id, "correction", new { on = "2024-04-03", content = "请写明所需信息的文号或名称", dueOn = "2024-04-17" });
        var waiting = await _d.DetailsAsync(id);
        Assert.Equal("待补正", waiting.GetProperty("state").GetString());
        Assert.False(waiting.GetProperty("deadline").GetProperty("overdue").GetBoolean());
        Assert.Equal("待补正，收到补正后重新计时", waiting.GetProperty("deadline").GetProperty("text").GetString());
        var again = await _d.PostAsync(id, "correction", new { on = "2024-04-03", content = "再补一次" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        await _d.TodayAsync("2024-04-10");
        await _d.OkAsync(id, "correction/received", new { on = "2024-04-10" });
        var restarted = await _d.DetailsAsync(id);
        Assert.Equal("待审核", restarted.GetProperty("state").GetString());
        // 20 working days from 4/10: …4/26, Sunday 4/28 worked, 4/29, 4/30, (劳动节 5/1–5 off) 5/6 … 5/10.
        Assert.Equal("2024-05-10", restarted.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal("2024-04-10", restarted.GetProperty("clock").GetProperty("clockStartsOn").GetString());
    }

    [Fact]
    public async Task A_correction_not_made_in_time_closes_as_deemed_withdrawn_only_after_the_time_limit()
    {
        await _d.TodayAsync("2024-09-05");
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.OkAsync(id, "correction", new { on = "2024-09-05", content = "请提供身份证明", dueOn = "2024-09-20" });
        var early = await _d.PostAsync(id, "reply", new { outcome = "OtherNoCorrection", text = "视为放弃申请" });
        Assert.Contains("补正期限届满", (await RequestDesk.JsonAsync(early, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.TodayAsync("2024-09-23");
        Assert.Equal("补正期限已于 2024-09-20 届满，未收到补正", (await _d.DetailsAsync(id)).GetProperty("deadline").GetProperty("text").GetString());
        var lateCorrection = await _d.PostAsync(id, "correction/received", new { on = "2024-09-23" });
        Assert.Contains("视为放弃申请", (await RequestDesk.JsonAsync(lateCorrection, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.OkAsync(id, "reply", new { outcome = "OtherNoCorrection", text = "您未在补正期限内补正，视为放弃申请。" });
        await _d.OkAsync(id, "reply/approve", new { repliedOn = "2024-09-23" }, _d.Head);
        var closed = await _d.DetailsAsync(id);
        Assert.Equal("已答复", closed.GetProperty("state").GetString());
        Assert.Contains("逾期不补正", closed.GetProperty("outcome").GetString());
        Assert.Contains("第三十条", closed.GetProperty("outcomeBasis").GetString());
    }

    [Fact]
    public async Task Consultation_time_is_not_counted_and_an_open_consultation_never_shows_the_case_overdue()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-09-10");
        await _d.OkAsync(id, "consultations", new { kind = "ThirdParty", party = "某某房地产开发有限公司", matter = "拟公开的补偿协议涉及商业秘密", sentOn = "2024-09-10" });
        var consultation = (await _d.DetailsAsync(id)).GetProperty("consultations")[0];
        // 15 working days after 9/10: 9/11–13, Saturday 9/14 worked, 9/18–20, 9/23–27, Sunday 9/29 worked, 9/30, (国庆) 10/8.
        Assert.Equal("2024-10-08", consultation.GetProperty("dueOn").GetString());

        await _d.TodayAsync("2024-10-10"); // past the original 10/9 due date, consultation still unanswered but its 15 days ran out on 10/8
        var lapsed = await _d.DetailsAsync(id);
        Assert.False(lapsed.GetProperty("deadline").GetProperty("overdue").GetBoolean());

        await _d.TodayAsync("2024-09-25");
        var paused = (await _d.DetailsAsync(id)).GetProperty("deadline");
        Assert.StartsWith("计时暂停（征求第三方意见", paused.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("due").ValueKind);
        Assert.False(paused.GetProperty("overdue").GetBoolean());
        Assert.Equal(16, paused.GetProperty("daysLeft").GetInt32()); // 9/5, 9/6, 9/9, 9/10 used

        await _d.OkAsync(id, "consultations/" + consultation.GetProperty("id").GetInt32() + "/answer", new { answer = "Object", on = "2024-09-20", text = "涉及商业秘密，不同意公开" });
        var resumed = (await _d.DetailsAsync(id)).GetProperty("deadline");
        // 9/11–9/20 not counted (7 working days incl. Saturday 9/14); the 16 remaining days run 9/23 … 10/17 (Saturday 10/12 worked).
        Assert.Equal("2024-10-17", resumed.GetProperty("due").GetString());
        Assert.False(resumed.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Extension_needs_the_head_at_most_twenty_days_once_and_before_the_due_date()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-10-08");
        var byHandler = await _d.PostAsync(id, "extension", new { days = 20, reason = "涉及多个部门" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byHandler.StatusCode);
        var tooLong = await _d.PostAsync(id, "extension", new { days = 21, reason = "涉及多个部门" }, _d.Head);
        Assert.Contains("1至20个工作日", (await RequestDesk.JsonAsync(tooLong, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.OkAsync(id, "extension", new { days = 20, reason = "需要调取档案，涉及多个部门" }, _d.Head);
        var details = await _d.DetailsAsync(id);
        // 20 more working days after 10/9: 10/10, 10/11, Saturday 10/12 worked, 10/14 … 11/5.
        Assert.Equal("2024-11-05", details.GetProperty("deadline").GetProperty("due").GetString());
        Assert.Equal(20, details.GetProperty("extensionDays").GetInt32());
        var twice = await _d.PostAsync(id, "extension", new { days = 1, reason = "再延" }, _d.Office);
        Assert.Contains("已延期", (await RequestDesk.JsonAsync(twice, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        await _d.TodayAsync("2024-10-08");
        var (other, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(other);
        await _d.TodayAsync("2024-10-10");
        var afterDue = await _d.PostAsync(other, "extension", new { days = 10, reason = "来不及" }, _d.Head);
        Assert.Contains("已于 2024-10-09 届满", (await RequestDesk.JsonAsync(afterDue, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Fee_notice_is_computed_pauses_the_clock_and_non_payment_closes_the_case()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-09-09");
        await _d.OkAsync(id, "fees", new { method = "PerVolume", quantity = 120, issuedOn = "2024-09-09", noticeReceivedOn = "2024-09-09" });
        var fee = (await _d.DetailsAsync(id)).GetProperty("fees")[0];
        Assert.Equal(1100m, fee.GetProperty("amount").GetDecimal()); // 70 × 10 + 20 × 20
        // 20 working days after 9/9: 9/10–13, Saturday 9/14 worked, 9/18–20, 9/23–27, Sunday 9/29 worked, 9/30, 10/8–11, Saturday 10/12 worked.
        Assert.Equal("2024-10-12", fee.GetProperty("payBy").GetString());
        var twice = await _d.PostAsync(id, "fees", new { method = "PerPiece", quantity = 40 });
        Assert.Contains("只能选择一种计收方式", (await RequestDesk.JsonAsync(twice, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        await _d.TodayAsync("2024-10-09"); // past the original due date: the wait for payment is not counted
        var waiting = (await _d.DetailsAsync(id)).GetProperty("deadline");
        Assert.False(waiting.GetProperty("overdue").GetBoolean());
        Assert.Contains("等待缴纳信息处理费", waiting.GetProperty("text").GetString());
        var tooEarly = await _d.PostAsync(id, "reply", new { outcome = "OtherFeeUnpaid", text = "逾期未缴费" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        var replyWhileOpen = await _d.PostAsync(id, "reply", new { outcome = "Disclosed", text = "予以公开" });
        Assert.Contains("尚未缴纳", (await RequestDesk.JsonAsync(replyWhileOpen, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());

        await _d.TodayAsync("2024-10-14");
        Assert.Equal("缴费期限已于 2024-10-12 届满，未缴费", (await _d.DetailsAsync(id)).GetProperty("deadline").GetProperty("text").GetString());
        await _d.OkAsync(id, "reply", new { outcome = "OtherFeeUnpaid", text = "您逾期未缴纳信息处理费，视为放弃申请。" });
        await _d.OkAsync(id, "reply/approve", new { }, _d.Head);
        var closed = await _d.DetailsAsync(id);
        Assert.Equal("2024-10-14", closed.GetProperty("fees")[0].GetProperty("lapsedOn").GetString());
        Assert.Contains("第六条", closed.GetProperty("outcomeBasis").GetString());
    }

    [Fact]
    public async Task Paying_resumes_the_clock_from_the_day_after_payment()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-09-09");
        await _d.OkAsync(id, "fees", new { method = "PerVolume", quantity = 31 });
        var feeId = (await _d.DetailsAsync(id)).GetProperty("fees")[0].GetProperty("id").GetInt32();
        await _d.TodayAsync("2024-09-13");
        await _d.OkAsync(id, "fees/" + feeId + "/paid", new { on = "2024-09-13" });
        // 9/5, 9/6, 9/9 counted; 9/10–9/13 not; 17 days left from Saturday 9/14 (worked): … 10/14 (Saturday 10/12 worked).
        Assert.Equal("2024-10-14", (await _d.DetailsAsync(id)).GetProperty("deadline").GetProperty("due").GetString());
    }

    [Fact]
    public async Task Per_piece_fees_count_the_applicants_earlier_applications_in_the_month()
    {
        int last = 0;
        for (var i = 0; i < 11; i++) last = (await _d.RegisterAsync("2024-09-04", name: "赵六", contact: "13712345678", description: $"申请公开第{i + 1}项")).Id;
        await _d.AcceptAsync(last);
        await _d.OkAsync(last, "fees", new { method = "PerPiece", quantity = 1 });
        var fee = (await _d.DetailsAsync(last)).GetProperty("fees")[0];
        Assert.Equal(10, fee.GetProperty("earlierPiecesThisMonth").GetInt32());
        Assert.Equal(100m, fee.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Overdue_and_long_overdue_cases_are_derived_and_listed_per_unit()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-09-30");
        var (second, _, _, _) = await _d.RegisterAsync("2024-09-30");
        await _d.TodayAsync("2024-10-10");
        var overdue = await RequestDesk.JsonAsync(await _d.Officer.GetAsync("/api/v1/admin/requests?view=Overdue"));
        Assert.Equal(id, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal("已超期 1 个工作日", overdue.GetProperty("items")[0].GetProperty("deadline").GetProperty("text").GetString());
        await _d.TodayAsync("2024-11-07"); // 41 working days after 9/4
        var longOverdue = await RequestDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/requests?view=LongOverdue"));
        Assert.Equal(id, Assert.Single(longOverdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var byUnit = await RequestDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/requests/by-unit"));
        var row = byUnit.EnumerateArray().Single(r => r.GetProperty("unitId").GetInt32() == _d.Unit.Id);
        Assert.Equal(2, row.GetProperty("open").GetInt32());
        Assert.Equal(2, row.GetProperty("overdue").GetInt32()); // the second one was due 11/01
        Assert.Equal(1, row.GetProperty("longOverdue").GetInt32());
        Assert.NotEqual(0, second);
    }

    [Fact]
    public async Task Reply_needs_approval_by_someone_else_and_the_applicant_sees_it_with_the_code()
    {
        var (id, _, code, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.TodayAsync("2024-09-20");
        await _d.OkAsync(id, "reply", new { outcome = "Disclosed", text = "经查，您申请的信息予以公开，见附件。" });
        var self = await _d.PostAsync(id, "reply/approve", new { }, _d.Officer);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        // A head who also drafted would be refused too (separation of duties).
        await _d.OkAsync(id, "reply/return", new { comment = "请附上文件" }, _d.Head);
        Assert.Equal("办理中", (await _d.DetailsAsync(id)).GetProperty("state").GetString());
        await _d.OkAsync(id, "reply", new { outcome = "Disclosed", text = "经查，您申请的信息予以公开，见附件。" }, _d.Head);
        var headSelf = await _d.PostAsync(id, "reply/approve", new { }, _d.Head);
        Assert.Contains("须由其他人员审批", (await RequestDesk.JsonAsync(headSelf, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.OkAsync(id, "reply/approve", new { repliedOn = "2024-09-20" }, _d.Office);

        var anonymous = _f.CreateClient();
        var status = await RequestDesk.JsonAsync(await anonymous.GetAsync($"/api/v1/requests/{code}"));
        Assert.Equal("已答复", status.GetProperty("state").GetString());
        Assert.Equal("予以公开", status.GetProperty("outcome").GetString());
        Assert.Equal("经查，您申请的信息予以公开，见附件。", status.GetProperty("replyText").GetString());
        Assert.Equal("按期答复", status.GetProperty("deadline").GetString());
        var json = status.GetRawText();
        Assert.DoesNotContain("张三丰", json);
        Assert.DoesNotContain("13812345678", json);

        await _d.OkAsync(id, "archive", new { archiveNumber = "2024-YSQ-001" });
        Assert.Equal("已归档", (await _d.DetailsAsync(id)).GetProperty("state").GetString());
        Assert.Contains("已归档", (await RequestDesk.JsonAsync(await _d.PostAsync(id, "reply", new { outcome = "Disclosed", text = "再答复" }), HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.OkAsync(id, "topic", new { topic = "城乡建设" }); // classifying for analysis stays possible after archiving
    }

    [Fact]
    public async Task Other_units_and_roles_without_request_duties_cannot_see_or_act()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        var otherUnit = await _f.CreateUnitAsync("区教育体育局");
        var otherOfficer = await _f.LoginAsync(otherUnit.Id, Roles.RequestOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync($"/api/v1/admin/requests/{id}/accept", new { })).StatusCode);
        Assert.Equal(0, (await RequestDesk.JsonAsync(await otherOfficer.GetAsync("/api/v1/admin/requests?view=All"))).GetProperty("total").GetInt32());

        var editor = await _f.LoginAsync(_d.Unit.Id, Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/admin/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsJsonAsync($"/api/v1/admin/requests/{id}/accept", new { })).StatusCode);

        var platform = await _f.LoginAsync(_d.Unit.Id, Roles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsJsonAsync($"/api/v1/admin/requests/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsJsonAsync($"/api/v1/admin/requests/{id}/applicant", new { purpose = "看看" })).StatusCode);

        // Transfer hands the case to the other unit: it leaves this unit's lists and appears in theirs.
        await _d.OkAsync(id, "transfer", new { unitId = otherUnit.Id, note = "属于教育事项" });
        Assert.Equal(HttpStatusCode.NotFound, (await _d.Officer.GetAsync($"/api/v1/admin/requests/{id}")).StatusCode);
        Assert.Equal("待审核", (await RequestDesk.JsonAsync(await otherOfficer.GetAsync($"/api/v1/admin/requests/{id}"))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Personal_data_is_masked_in_lists_and_details_and_every_full_view_is_audited()
    {
        var (id, caseNumber, _, _) = await _d.RegisterAsync("2024-09-04", name: "张三丰", contact: "13812345678");
        var list = await _d.Head.GetStringAsync("/api/v1/admin/requests?view=All");
        Assert.Contains("张*", list);
        Assert.DoesNotContain("张三丰", list);
        Assert.DoesNotContain("13812345678", list);
        var details = await _d.DetailsAsync(id, _d.Head);
        Assert.Equal("138****5678", details.GetProperty("applicant").GetProperty("phone").GetString());
        Assert.False(details.GetProperty("mayRevealApplicant").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.Head.PostAsJsonAsync($"/api/v1/admin/requests/{id}/applicant", new { purpose = "核对" })).StatusCode);

        var full = await RequestDesk.JsonAsync(await _d.Officer.PostAsJsonAsync($"/api/v1/admin/requests/{id}/applicant", new { purpose = "电话联系申请人" }));
        Assert.Equal("张三丰", full.GetProperty("name").GetString());
        Assert.Equal("13812345678", full.GetProperty("phone").GetString());
        await _f.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.Where(a => a.Action == "request.applicant.view" && a.EntityId == id.ToString()).SingleAsync();
            Assert.Contains(caseNumber, entry.Summary);
            Assert.DoesNotContain("张三丰", entry.Summary);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Summary.Contains("13812345678") || a.Summary.Contains("张三丰")));
        });
    }

    [Fact]
    public async Task Outcomes_that_rest_on_earlier_steps_need_them_on_record()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        var excessive = await _d.PostAsync(id, "reply", new { outcome = "NotProcessedExcessive", text = "不予处理" });
        Assert.Contains("第三十五条", (await RequestDesk.JsonAsync(excessive, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await _d.OkAsync(id, "reasons", new { on = "2024-09-04" });
        await _d.OkAsync(id, "reasons/assessment", new { finding = "Unreasonable" });
        await _d.OkAsync(id, "reply", new { outcome = "NotProcessedExcessive", text = "您的申请无正当理由且明显超过合理范围，不予处理。" });
        var unclear = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(unclear.Id);
        var r = await _d.PostAsync(unclear.Id, "reply", new { outcome = "UnavailableStillUnclear", text = "仍不明确" });
        Assert.Contains("须先经过补正", (await RequestDesk.JsonAsync(r, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_step_writes_a_case_event_and_an_audit_entry()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        await _d.AcceptAsync(id);
        await _d.OkAsync(id, "reply", new { outcome = "UnavailableNotHeld", text = "经检索，本机关未制作或获取该信息。", referredAgency = "济南市自然资源和规划局" });
        await _d.OkAsync(id, "reply/approve", new { }, _d.Head);
        var events = (await _d.DetailsAsync(id)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["登记", "审核通过", "拟定答复", "答复审批通过"], events);
        await _f.WithDbAsync(async db =>
        {
            var actions = await db.AuditEntries.Where(a => a.EntityType == "InformationRequest" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["request.create", "request.accepted", "request.replydrafted", "request.replyapproved"], actions);
        });
    }

    [Fact]
    public async Task Application_materials_open_only_for_handlers_and_each_download_is_audited_while_released_files_open_for_the_unit()
    {
        var (id, _, _, _) = await _d.RegisterAsync("2024-09-04");
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        async Task<int> UploadAsync(string kind, string name)
        {
            var r = await _d.Officer.PostAsync($"/api/v1/admin/requests/{id}/files?kind={kind}&fileName={name}", new ByteArrayContent(pdf));
            return (await RequestDesk.JsonAsync(r)).GetProperty("id").GetInt32();
        }
        var scan = await UploadAsync("Application", "身份证.pdf");
        var paper = await UploadAsync("CasePaper", "送达回证.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, (await _d.Head.GetAsync($"/admin/requests/{id}/files/{scan}")).StatusCode);
        var headPaper = await _d.Head.GetAsync($"/admin/requests/{id}/files/{paper}");
        Assert.True(headPaper.StatusCode == HttpStatusCode.OK, $"{headPaper.StatusCode} {headPaper.Headers.Location} {await headPaper.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, (await _d.Officer.GetAsync($"/admin/requests/{id}/files/{scan}")).StatusCode);
        var other = await _f.LoginAsync((await _f.CreateUnitAsync("区民政局")).Id, Roles.RequestOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/requests/{id}/files/{paper}")).StatusCode);
        await _f.WithDbAsync(async db => Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "request.applicant.file" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task The_admin_pages_register_list_and_show_a_case_and_run_a_step()
    {
        Assert.Equal(HttpStatusCode.OK, (await _d.Officer.GetAsync("/admin/requests/new")).StatusCode);
        var bad = await Documents.DocumentTestSupport.PostFormAsync(_d.Officer, "/admin/requests/new", null, [new("Input.Channel", "Post"), new("Input.ApplicantName", "李四")]);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请填写签收日期", badHtml);
        Assert.Contains("value=\"李四\"", badHtml); // nothing typed is lost

        var ok = await Documents.DocumentTestSupport.PostFormAsync(_d.Officer, "/admin/requests/new", null,
        [
            new("Input.Channel", "InPerson"), new("Input.HandedInOn", "2024-09-04"), new("Input.UnitId", _d.Unit.Id.ToString()), new("Input.ApplicantType", "NaturalPerson"),
            new("Input.ApplicantName", "李四"), new("Input.Phone", "13900001111"), new("Input.Description", "请公开某某路拓宽工程的规划许可"),
            new("Input.Medium", "Paper"), new("Input.Delivery", "Pickup"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var casePage = ok.Headers.Location!.OriginalString;
        var html = await _d.Officer.GetStringAsync(casePage);
        Assert.Contains("剩余 20 个工作日", html);
        Assert.Contains("2024-10-09", html);
        Assert.Contains("李*", html);
        Assert.DoesNotContain("13900001111", html);
        Assert.Contains("查询码", html); // the one-time flash with the code for the applicant

        var accept = await Documents.DocumentTestSupport.PostFormAsync(_d.Officer, casePage, "Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Contains("办理中", await _d.Officer.GetStringAsync(casePage));
        var list = await _d.Officer.GetStringAsync("/admin/requests?view=Processing");
        Assert.Contains("请公开某某路拓宽工程的规划许可", list);
        Assert.Equal(HttpStatusCode.OK, (await _d.Office.GetAsync("/admin/requests/units")).StatusCode);
        Assert.Contains("依申请公开提醒", await _d.Officer.GetStringAsync("/admin"));
        var editor = await _f.LoginAsync(_d.Unit.Id, Roles.Editor);
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync(casePage)).StatusCode);
    }
}

public sealed class SqliteRequestWorkflowTests() : RequestWorkflowTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRequestWorkflowTests() : RequestWorkflowTests(DatabaseProvider.Postgres);
