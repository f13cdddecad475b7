namespace Zwgk.Domain.Ledger;

/// <summary>Derived status of a task or of one unit's part in it; never stored, always computed from the records and the date.</summary>
public enum LedgerStatus
{
    /// <summary>未开始: nothing reported yet.</summary>
    NotStarted = 1,
    /// <summary>推进中: progress reported (or sent back for 整改).</summary>
    InProgress = 2,
    /// <summary>待核查: the unit reported it done; the office has not verified yet.</summary>
    AwaitingVerification = 3,
    /// <summary>已完成: verified (销号).</summary>
    Done = 4,
    /// <summary>逾期: the deadline or a milestone passed and the unit has not reported it done.</summary>
    Overdue = 5,
}

/// <summary>What status derivation needs of one unit's part (so queries can project it without loading entities).</summary>
public readonly record struct AssignmentProgress(DateTimeOffset? StartedAt, DateTimeOffset? ReportedDoneAt, DateTimeOffset? VerifiedAt, DateTimeOffset? FeedbackAt);

/// <summary>What status derivation needs of a task's dates.</summary>
public readonly record struct TaskDates(DeadlineKind Kind, DateOnly? DueOn, DateOnly? EarliestOpenMilestone)
{
    /// <summary>The first date by which something is owed: the deadline or an unreached milestone, whichever is earlier.</summary>
    public DateOnly? NextDue => Kind == DeadlineKind.Date && DueOn is { } due
        ? EarliestOpenMilestone is { } m && m < due ? m : due
        : EarliestOpenMilestone;
}

public static class LedgerStatuses
{
    public static readonly IReadOnlyList<LedgerStatus> All =
        [LedgerStatus.NotStarted, LedgerStatus.InProgress, LedgerStatus.AwaitingVerification, LedgerStatus.Done, LedgerStatus.Overdue];

    public static string Label(this LedgerStatus status) => status switch
    {
        LedgerStatus.NotStarted => "未开始",
        LedgerStatus.InProgress => "推进中",
        LedgerStatus.AwaitingVerification => "待核查",
        LedgerStatus.Done => "已完成",
        LedgerStatus.Overdue => "逾期",
        _ => status.ToString(),
    };

    /// <summary>CSS modifier used by the admin and public pages.</summary>
    public static string CssClass(this LedgerStatus status) => status switch
    {
        LedgerStatus.NotStarted => "st-new",
        LedgerStatus.InProgress => "st-progress",
        LedgerStatus.AwaitingVerification => "st-verify",
        LedgerStatus.Done => "st-done",
        LedgerStatus.Overdue => "st-overdue",
        _ => "",
    };

    /// <summary>
    /// One unit's status on <paramref name="today"/> (China date). Verified wins; a report of completion waits for the office and
    /// is never overdue (the unit did its part in time or not — <see cref="CompletedLate"/> says which); otherwise a passed
    /// deadline or milestone makes it overdue. Ongoing tasks (长期坚持) and tasks without a date are never overdue.
    /// </summary>
    public static LedgerStatus Of(AssignmentProgress a, TaskDates dates, DateOnly today)
    {
        if (a.VerifiedAt is not null) return LedgerStatus.Done;
        if (a.ReportedDoneAt is not null) return LedgerStatus.AwaitingVerification;
        if (dates.NextDue is { } due && today > due) return LedgerStatus.Overdue;
        return a.StartedAt is not null || a.FeedbackAt is not null ? LedgerStatus.InProgress : LedgerStatus.NotStarted;
    }

    /// <summary>
    /// A task's status from its units' statuses: closed (销号) is done; any unit overdue makes it overdue; every unit reported
    /// or verified waits for verification; any movement is progress. A task nobody carries is overdue once its date passes.
    /// </summary>
    public static LedgerStatus OfTask(bool closed, IReadOnlyCollection<LedgerStatus> units, TaskDates dates, DateOnly today)
    {
        if (closed) return LedgerStatus.Done;
        if (units.Count == 0) return dates.NextDue is { } due && today > due ? LedgerStatus.Overdue : LedgerStatus.NotStarted;
        if (units.Contains(LedgerStatus.Overdue)) return LedgerStatus.Overdue;
        if (units.All(s => s is LedgerStatus.Done)) return LedgerStatus.Done;
        if (units.All(s => s is LedgerStatus.AwaitingVerification or LedgerStatus.Done)) return LedgerStatus.AwaitingVerification;
        if (units.Any(s => s is not LedgerStatus.NotStarted)) return LedgerStatus.InProgress;
        return LedgerStatus.NotStarted;
    }

    /// <summary>The unit reported completion after the deadline (shown as 逾期完成).</summary>
    public static bool CompletedLate(DateOnly? reportedDoneOn, TaskDates dates) =>
        reportedDoneOn is { } done && dates.Kind == DeadlineKind.Date && dates.DueOn is { } due && done > due;

    /// <summary>Due within <paramref name="days"/> calendar days and not yet reported done (提醒).</summary>
    public static bool IsDueSoon(LedgerStatus status, TaskDates dates, DateOnly today, int days) =>
        status is LedgerStatus.NotStarted or LedgerStatus.InProgress
        && dates.NextDue is { } due && due >= today && due.DayNumber - today.DayNumber <= days;
}
