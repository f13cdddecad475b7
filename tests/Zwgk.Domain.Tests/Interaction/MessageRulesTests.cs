using Zwgk.Domain.Calendar;
using Zwgk.Domain.Interaction.Messages;

namespace Zwgk.Domain.Tests.Interaction;

/// <summary>Message deadlines on the working-day calendar, derived timeliness, the state machine, duplicates and masking.</summary>
public sealed class MessageRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>2026 as published: 劳动节 5/1–5/5 off, Saturday 5/9 a 调休 working day.</summary>
    private static readonly WorkingCalendar Cal = HolidayData.Load().ToCalendar();

    private static Message New(MessageType type, string received = "2026-04-30") => new()
    {
        Type = type, ReceivedOn = D(received), Title = "关于小区停车的咨询", Content = "请问小区周边能否增设停车位？", WriterName = "张三", Phone = "13812345678",
    };

    [Theory]
    [InlineData(MessageType.Inquiry, "2026-05-11")]     // 5/6,5/7,5/8,5/9(调休),5/11
    [InlineData(MessageType.SiteError, "2026-05-08")]   // 3 working days: 5/6,5/7,5/8
    [InlineData(MessageType.Complaint, "2026-05-18")]   // 10: …5/11,5/12,5/13,5/14,5/15,5/18
    public void Reply_deadline_skips_the_holiday_and_counts_the_make_up_Saturday(MessageType type, string due)
    {
        var m = New(type);
        MessageRules.SetDeadlines(m, Cal, new MessageTimeLimits());
        Assert.Equal(D(due), m.ReplyDue);
        Assert.Equal(D("2026-05-06"), m.AcknowledgeDue);
    }

    [Fact]
    public void Configured_limits_change_the_deadline()
    {
        var m = New(MessageType.Inquiry);
        MessageRules.SetDeadlines(m, Cal, new MessageTimeLimits(Inquiry: 2, Acknowledge: 2));
        Assert.Equal(D("2026-05-07"), m.ReplyDue);
        Assert.Equal(D("2026-05-07"), m.AcknowledgeDue);
    }

    [Fact]
    public void Timeliness_moves_from_on_time_to_due_soon_to_overdue_and_answered_late()
    {
        var m = New(MessageType.Inquiry);
        MessageRules.SetDeadlines(m, Cal, new MessageTimeLimits());
        m.State = MessageState.Handling;
        Assert.Equal(Timeliness.OnTime, MessageRules.Timeliness(m, D("2026-05-06"), Cal));
        // Saturday 5/9 is a working day, so on Friday 5/8 two working days are left.
        Assert.Equal(Timeliness.OnTime, MessageRules.Timeliness(m, D("2026-05-08"), Cal));
        Assert.Equal(Timeliness.DueSoon, MessageRules.Timeliness(m, D("2026-05-09"), Cal));
        Assert.Equal(Timeliness.DueSoon, MessageRules.Timeliness(m, D("2026-05-11"), Cal));
        Assert.Equal(Timeliness.Overdue, MessageRules.Timeliness(m, D("2026-05-12"), Cal));
        m.State = MessageState.Closed;
        m.RepliedOn = D("2026-05-12");
        Assert.Equal(Timeliness.AnsweredLate, MessageRules.Timeliness(m, D("2026-06-01"), Cal));
        m.RepliedOn = D("2026-05-11");
        Assert.Equal(Timeliness.AnsweredOnTime, MessageRules.Timeliness(m, D("2026-06-01"), Cal));
        m.State = MessageState.Rejected;
        Assert.Equal(Timeliness.NotCounted, MessageRules.Timeliness(m, D("2026-06-01"), Cal));
    }

    [Fact]
    public void The_state_machine_allows_only_its_transitions()
    {
        var now = DateTimeOffset.UnixEpoch;
        var m = New(MessageType.Inquiry);
        Assert.NotNull(MessageRules.DraftReply(m, "答复", 1, "甲", "u1", now));          // not routed yet
        Assert.NotNull(MessageRules.ReturnToOffice(m, "不是本单位职责"));                 // nothing to return
        Assert.Null(MessageRules.Route(m, 7));
        Assert.Equal((MessageState.Handling, 7), (m.State, m.UnitId!.Value));
        Assert.NotNull(MessageRules.Route(m, 8));                                        // routing is once; then transfer
        Assert.NotNull(MessageRules.Transfer(m, 8, " "));                               // a transfer needs a reason
        Assert.Null(MessageRules.Transfer(m, 8, "属于区住建局职责"));
        Assert.Null(MessageRules.ReturnToOffice(m, "不是本单位职责"));
        Assert.Equal(MessageState.Unrouted, m.State);
        Assert.Null(m.UnitId);
        Assert.Null(MessageRules.Route(m, 9));
        Assert.Null(MessageRules.Acknowledge(m, now));
        Assert.NotNull(MessageRules.Acknowledge(m, now));
        Assert.NotNull(MessageRules.ApproveReply(m, "乙", "u2", now, D("2026-05-06")));  // nothing drafted
        Assert.Null(MessageRules.DraftReply(m, "已转交相关部门处理。", 9, "甲", "u1", now));
        Assert.Equal(MessageState.InReview, m.State);
        Assert.NotNull(MessageRules.ApproveReply(m, "甲", "u1", now, D("2026-05-06")));  // the drafter cannot approve
        Assert.NotNull(MessageRules.ReturnReply(m, "", "u2"));
        Assert.Null(MessageRules.ReturnReply(m, "请写明依据", "u2"));
        Assert.Equal(MessageState.Handling, m.State);
        Assert.Null(MessageRules.DraftReply(m, "依据《条例》……", 9, "甲", "u1", now));
        Assert.Null(MessageRules.ApproveReply(m, "乙", "u2", now, D("2026-05-07")));
        Assert.Equal(MessageState.Closed, m.State);
        Assert.Equal(D("2026-05-07"), m.RepliedOn);
        Assert.NotNull(MessageRules.Reject(m, "重复"));                                   // closed stays closed
    }

    [Fact]
    public void Public_only_when_the_writer_and_staff_agree_and_the_screen_did_not_hold_it()
    {
        var now = DateTimeOffset.UnixEpoch;
        var m = New(MessageType.Inquiry);
        m.State = MessageState.Closed;
        Assert.NotNull(MessageRules.SetPublish(m, true, now));   // the writer chose private
        m.WantsPublic = true;
        m.Held = true;
        Assert.NotNull(MessageRules.SetPublish(m, true, now));   // held until staff release it
        m.Held = false;
        Assert.Null(MessageRules.SetPublish(m, true, now));
        Assert.True(m.IsPublic);
        m.Held = true;
        Assert.False(m.IsPublic);
    }

    [Fact]
    public void Satisfaction_is_given_once_after_the_reply()
    {
        var now = DateTimeOffset.UnixEpoch;
        var m = New(MessageType.Inquiry);
        m.State = MessageState.Handling;
        Assert.NotNull(MessageRules.Rate(m, Satisfaction.Satisfied, null, now));
        m.State = MessageState.Closed;
        Assert.Null(MessageRules.Rate(m, Satisfaction.Unsatisfied, "没有解决", now));
        Assert.NotNull(MessageRules.Rate(m, Satisfaction.Satisfied, null, now));
        Assert.Equal(Satisfaction.Unsatisfied, m.Satisfaction);
    }

    [Fact]
    public void Duplicates_ignore_spacing_and_punctuation_and_tolerate_small_edits()
    {
        Assert.True(MessageRules.IsNearDuplicate("停车难", "小区门口 停车难，请增设车位！", "停车难", "小区门口停车难请增设车位"));
        Assert.True(MessageRules.IsNearDuplicate("关于和平路小区停车难的问题", "和平路小区门口每天晚上停车都很难，希望相关部门能够增设停车位，方便居民出行，谢谢。",
            "关于和平路小区停车难的问题", "和平路小区门口每天晚上停车都很难，希望相关部门能够增设停车位，方便居民出行。"));
        Assert.False(MessageRules.IsNearDuplicate("停车难", "小区门口停车难，请增设车位", "噪音扰民", "工地夜间施工噪音太大"));
        Assert.Equal(MessageRules.NormaliseContact("138 1234 5678", null), MessageRules.NormaliseContact("+86 13812345678", null));
    }

    [Fact]
    public void Validation_names_missing_and_overlong_fields()
    {
        var m = New(MessageType.Inquiry);
        m.Title = new string('长', Shared.FieldLengths.MessageTitle + 1);
        m.Phone = "abc";
        m.WriterName = "";
        var e = MessageRules.Validate(m);
        Assert.Contains("title", e.Keys);
        Assert.Contains("contact", e.Keys);
        Assert.Contains("name", e.Keys);
        Assert.Equal("张*", MessageRules.PublicName("张三"));
    }

    [Theory]
    [InlineData("/xxgk/index.html", true)]
    [InlineData("https://www.example.gov.cn/a", true)]
    [InlineData("//evil.example/phish", false)]
    [InlineData("javascript:alert(1)", false)]
    public void The_error_page_address_is_this_site_or_http(string url, bool accepted)
    {
        var m = New(MessageType.SiteError);
        m.PageUrl = url;
        Assert.Equal(accepted, !MessageRules.Validate(m).ContainsKey("pageUrl"));
    }
}
