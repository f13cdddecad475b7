using Zwgk.Domain.Calendar;

namespace Zwgk.Domain.Requests;

/// <summary>The statutory periods, in working days, each with its source.</summary>
public static class StatutoryPeriods
{
    /// <summary>条例第三十三条第二款: reply within 20 working days of receipt.</summary>
    public const int Reply = 20;
    /// <summary>条例第三十三条第二款: an approved extension adds at most 20 working days.</summary>
    public const int MaxExtension = 20;
    /// <summary>条例第三十条: the one correction notice goes out within 7 working days of receipt.</summary>
    public const int CorrectionNotice = 7;
    /// <summary>条例第三十二条 (third parties) and 第三十四条 (co-making agencies): 15 working days to give an opinion.</summary>
    public const int Consultation = 15;
    /// <summary>《政府信息公开信息处理费管理办法》: pay within 20 working days from the day after receiving the fee notice.</summary>
    public const int FeePayment = 20;
    /// <summary>The longest lawful period (20 + 20 extension): a case still open past it is 严重超期 (long overdue).</summary>
    public const int LongOverdue = Reply + MaxExtension;
}

/// <summary>Why a day inside the reply period did not count, or counted although it is a weekend.</summary>
public enum ClockDayReason { Weekend, Holiday, MakeUpWorkday, Consultation, FeePayment }

public sealed record ClockDay(DateOnly Date, ClockDayReason Reason, string? Name, bool Counted);

/// <summary>A time span not counted on the reply clock (consultation, unpaid fee notice): working days in (From, To].</summary>
public sealed record ClockPause(ClockDayReason Reason, string Label, DateOnly From, DateOnly? To);

/// <summary>The reply deadline of a case as of a given day, and how it was computed.</summary>
public sealed record RequestDeadline
{
    /// <summary>False while the receipt is unconfirmed (online submission) or the case waits for its correction.</summary>
    public bool Started { get; init; }
    public DateOnly? ClockStartsOn { get; init; }
    /// <summary>Working days the case may take: 20, plus an approved extension.</summary>
    public int AllowedDays { get; init; }
    /// <summary>Null while a pause is open: the due date is not known until it ends.</summary>
    public DateOnly? Due { get; init; }
    /// <summary>Counted working days up to the reply or to the day asked about.</summary>
    public int DaysUsed { get; init; }
    /// <summary>Working days left until the due date (negative when overdue); while paused, the days the clock still has.</summary>
    public int DaysLeft { get; init; }
    public string? PausedFor { get; init; }
    public bool Overdue { get; init; }
    /// <summary>Open past 40 counted working days (the longest lawful period with an extension).</summary>
    public bool LongOverdue { get; init; }
    public bool? RepliedOnTime { get; init; }
    /// <summary>A longer period set under 条例第三十五条 replaces the computed date.</summary>
    public bool LongerPeriod { get; init; }
    public IReadOnlyList<ClockDay> SpecialDays { get; init; } = [];
    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];
    /// <summary>The calendar had no holiday arrangement for a year the period reaches (weekends only were skipped there).</summary>
    public bool CalendarIncomplete { get; init; }
}

/// <summary>
/// The reply clock (条例第三十条, 第三十三条): 20 working days from the day after receipt (or after the corrected application
/// arrives), plus an approved extension, not counting time spent consulting third parties and other agencies. Whether the
/// wait for a fee pauses the clock is not settled nationally, so it is a site setting (both dates are always recorded).
/// </summary>
public static class RequestClock
{
    public static RequestDeadline Compute(InformationRequest r, WorkingCalendar calendar, DateOnly today, bool feeWaitPausesClock)
    {
        if (r.ClockStartsOn is not { } start || r.State is RequestState.Submitted)
            return new RequestDeadline { Started = false };

        var allowed = StatutoryPeriods.Reply + r.ExtensionDays;
        var pauses = Pauses(r, today, feeWaitPausesClock);
        var asOf = r.RepliedOn ?? today;
        var awaitingCorrection = r.State == RequestState.AwaitingCorrection;

        var special = new List<ClockDay>();
        int counted = 0, usedAsOf = 0;
        DateOnly? due = null;
        string? pausedFor = awaitingCorrection ? "待申请人补正" : null;
        // Walk day by day: a few hundred days at most, and the explanation needs each skipped day anyway.
        var limit = start.AddYears(2);
        for (var d = start.AddDays(1); d <= limit; d = d.AddDays(1))
        {
            var kind = calendar.KindOf(d);
            var working = kind is DayKind.Workday or DayKind.MakeUpWorkday;
            var pause = pauses.FirstOrDefault(p => d > p.From && (p.To is null || d <= p.To));
            if (pause is not null && pause.To is null && d > asOf)
            {
                // A pause opened after the period had already run out does not hide that the case is overdue.
                if (due is null) pausedFor ??= pause.Label;
                break;
            }
            if (pause is not null && working)
            {
                if (due is null) special.Add(new ClockDay(d, pause.Reason, pause.Label, false));
                continue;
            }
            if (!working)
            {
                if (due is null) special.Add(new ClockDay(d, kind == DayKind.Weekend ? ClockDayReason.Weekend : ClockDayReason.Holiday, calendar.NameOf(d), false));
                continue;
            }
            counted++;
            if (d <= asOf) usedAsOf = counted;
            if (kind == DayKind.MakeUpWorkday && due is null) special.Add(new ClockDay(d, ClockDayReason.MakeUpWorkday, calendar.NameOf(d), true));
            if (counted == allowed && due is null) due = d;
            if (due is not null && d >= asOf) break;
            if (awaitingCorrection && d >= asOf) break;
        }

        if (awaitingCorrection)
            // 条例第三十条: the clock restarts from the corrected application; nothing counted so far carries over.
            return new RequestDeadline
            {
                Started = false, ClockStartsOn = start, AllowedDays = allowed, DaysUsed = usedAsOf, DaysLeft = allowed,
                PausedFor = pausedFor, Pauses = pauses,
            };

        var longer = r.ReasonFinding == Requests.ReasonFinding.ReasonableLongerPeriod && r.LongerPeriodDueOn is not null;
        if (longer) due = r.LongerPeriodDueOn;
        var paused = pausedFor is not null && r.RepliedOn is null;
        int left;
        if (due is { } dd) left = dd >= asOf ? calendar.WorkingDaysBetween(asOf, dd) : -calendar.WorkingDaysBetween(dd, asOf);
        else left = allowed - usedAsOf;
        if (paused && !longer) due = null;

        var open = r.RepliedOn is null;
        var overdue = open && !paused && due is { } d2 && today > d2;
        return new RequestDeadline
        {
            Started = true,
            ClockStartsOn = start,
            AllowedDays = allowed,
            Due = due,
            DaysUsed = usedAsOf,
            DaysLeft = paused ? allowed - usedAsOf : left,
            PausedFor = paused ? pausedFor : null,
            Overdue = overdue,
            LongOverdue = open && !longer && usedAsOf > StatutoryPeriods.LongOverdue,
            RepliedOnTime = r.RepliedOn is { } replied ? due is null || replied <= due : null,
            LongerPeriod = longer,
            SpecialDays = special,
            Pauses = pauses,
            CalendarIncomplete = !calendar.Covers(start, due ?? asOf),
        };
    }

    /// <summary>Spans not counted: consultations until answered or their 15 days run out; unpaid fee notices if configured.</summary>
    public static IReadOnlyList<ClockPause> Pauses(InformationRequest r, DateOnly today, bool feeWaitPausesClock)
    {
        var list = new List<ClockPause>();
        foreach (var c in r.Consultations.OrderBy(c => c.SentOn))
        {
            // 条例第三十三条第三款: consultation time is not counted. Silence ends it when the 15 working days run out.
            DateOnly? end = c.AnsweredOn ?? (today > c.DueOn ? c.DueOn : null);
            list.Add(new ClockPause(ClockDayReason.Consultation, c.Kind.Label() + "（" + c.Party + "）", c.SentOn, end));
        }
        if (feeWaitPausesClock)
            foreach (var f in r.Fees.Where(f => f.Payable > 0).OrderBy(f => f.IssuedOn))
                list.Add(new ClockPause(ClockDayReason.FeePayment, "等待缴纳信息处理费", f.IssuedOn, f.PaidOn ?? f.LapsedOn));
        return list;
    }

    /// <summary>条例第三十条: the last day to send the one correction notice.</summary>
    public static DateOnly CorrectionNoticeDeadline(WorkingCalendar calendar, DateOnly receivedOn) =>
        calendar.AddWorkingDays(receivedOn, StatutoryPeriods.CorrectionNotice);
}
