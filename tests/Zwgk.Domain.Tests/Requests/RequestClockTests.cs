using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests.Requests;

/// <summary>The reply clock on the shipped 2024 arrangement; dates counted by hand.</summary>
public sealed class RequestClockTests
{
    private static readonly WorkingCalendar Cal = HolidayData.Load().ToCalendar();
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static InformationRequest Case(string received) => new()
    {
        State = RequestState.Processing, ReceivedOn = D(received), ClockStartsOn = D(received), HandlerUserId = "h",
    };

    [Fact]
    public void The_due_date_and_days_left_count_working_days_after_receipt()
    {
        var d = RequestClock.Compute(Case("2024-09-04"), Cal, D("2024-09-13"), feeWaitPausesClock: true);
        Assert.Equal(D("2024-10-09"), d.Due);
        Assert.Equal(7, d.DaysUsed);   // 9/5, 9/6, 9/9–13
        Assert.Equal(13, d.DaysLeft);  // 9/14 (Saturday, worked), 9/18–20, 9/23–27, 9/29 (Sunday, worked), 9/30, 10/8, 10/9
        Assert.False(d.Overdue);
        Assert.Contains(d.SpecialDays, x => x.Date == D("2024-09-14") && x.Reason == ClockDayReason.MakeUpWorkday && x.Counted);
        Assert.Contains(d.SpecialDays, x => x.Date == D("2024-10-01") && x.Reason == ClockDayReason.Holiday && !x.Counted);
    }

    [Fact]
    public void Overdue_the_day_after_the_due_date_and_long_overdue_after_forty_working_days()
    {
        var r = Case("2024-09-04");
        Assert.False(RequestClock.Compute(r, Cal, D("2024-10-09"), true).Overdue);
        var late = RequestClock.Compute(r, Cal, D("2024-10-10"), true);
        Assert.True(late.Overdue);
        Assert.Equal(-1, late.DaysLeft);
        Assert.False(RequestClock.Compute(r, Cal, D("2024-11-05"), true).LongOverdue); // 40th working day
        Assert.True(RequestClock.Compute(r, Cal, D("2024-11-06"), true).LongOverdue);
    }

    [Fact]
    public void An_extension_moves_the_due_date_and_a_reply_in_time_is_on_time()
    {
        var r = Case("2024-09-04");
        r.ExtensionDays = 20;
        var d = RequestClock.Compute(r, Cal, D("2024-10-20"), true);
        Assert.Equal(D("2024-11-05"), d.Due);
        Assert.False(d.Overdue);
        r.RepliedOn = D("2024-11-05");
        Assert.True(RequestClock.Compute(r, Cal, D("2024-12-31"), true).RepliedOnTime);
        r.RepliedOn = D("2024-11-06");
        Assert.False(RequestClock.Compute(r, Cal, D("2024-12-31"), true).RepliedOnTime);
    }

    [Fact]
    public void A_consultation_opened_after_the_period_ran_out_does_not_hide_that_the_case_is_overdue()
    {
        var r = Case("2024-09-04");
        r.Consultations.Add(new RequestConsultation { Kind = ConsultationKind.ThirdParty, Party = "某公司", SentOn = D("2024-10-14"), DueOn = D("2024-11-01") });
        var d = RequestClock.Compute(r, Cal, D("2024-10-16"), true);
        Assert.True(d.Overdue);
        Assert.Null(d.PausedFor);
    }

    [Fact]
    public void The_fee_wait_pauses_only_when_the_site_says_so()
    {
        var r = Case("2024-09-04");
        r.Fees.Add(new RequestFee { Method = FeeMethod.PerVolume, Quantity = 31, Amount = 10m, IssuedOn = D("2024-09-09"), NoticeReceivedOn = D("2024-09-09"), PayBy = D("2024-10-12") });
        var paused = RequestClock.Compute(r, Cal, D("2024-10-10"), feeWaitPausesClock: true);
        Assert.False(paused.Overdue);
        Assert.Equal("等待缴纳信息处理费", paused.PausedFor);
        var running = RequestClock.Compute(r, Cal, D("2024-10-10"), feeWaitPausesClock: false);
        Assert.True(running.Overdue);
        Assert.Equal(D("2024-10-09"), running.Due);
    }

    [Fact]
    public void A_case_waiting_for_its_correction_has_no_running_clock()
    {
        var r = Case("2024-04-01");
        r.State = RequestState.AwaitingCorrection;
        var d = RequestClock.Compute(r, Cal, D("2024-06-30"), true);
        Assert.False(d.Started);
        Assert.False(d.Overdue);
        Assert.Equal(D("2024-04-11"), RequestClock.CorrectionNoticeDeadline(Cal, D("2024-04-01")));
    }

    [Fact]
    public void A_year_without_an_arrangement_is_flagged()
    {
        var d = RequestClock.Compute(Case("2027-03-01"), Cal, D("2027-03-02"), true);
        Assert.True(d.CalendarIncomplete);
        Assert.False(RequestClock.Compute(Case("2024-03-01"), Cal, D("2024-03-02"), true).CalendarIncomplete);
    }
}
