using Zwgk.Domain.Ledger;

namespace Zwgk.Domain.Tests.Ledger;

/// <summary>Status derivation for one unit's part and for a task, on given days.</summary>
public sealed class LedgerStatusTests
{
    private static readonly DateTimeOffset T = new(2024, 5, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TaskDates Dec31 = new(DeadlineKind.Date, new DateOnly(2024, 12, 31), null);
    private static readonly AssignmentProgress Nothing = new(null, null, null, null);
    private static readonly AssignmentProgress Started = new(T, null, null, null);
    private static readonly AssignmentProgress Reported = new(T, T, null, null);
    private static readonly AssignmentProgress Verified = new(T, T, T, null);
    private static readonly AssignmentProgress SentBack = new(T, null, null, T);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_part_moves_from_not_started_through_progress_and_verification_to_done()
    {
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.Of(Nothing, Dec31, D(2024, 6, 1)));
        Assert.Equal(LedgerStatus.InProgress, LedgerStatuses.Of(Started, Dec31, D(2024, 6, 1)));
        Assert.Equal(LedgerStatus.AwaitingVerification, LedgerStatuses.Of(Reported, Dec31, D(2024, 6, 1)));
        Assert.Equal(LedgerStatus.Done, LedgerStatuses.Of(Verified, Dec31, D(2024, 6, 1)));
        // Sent back for 整改 without new progress is still in progress, not "not started".
        Assert.Equal(LedgerStatus.InProgress, LedgerStatuses.Of(SentBack, Dec31, D(2024, 6, 1)));
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_deadline_unless_completion_was_reported()
    {
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.Of(Nothing, Dec31, D(2024, 12, 31)));
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.Of(Nothing, Dec31, D(2025, 1, 1)));
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.Of(SentBack, Dec31, D(2025, 1, 1)));
        Assert.Equal(LedgerStatus.AwaitingVerification, LedgerStatuses.Of(Reported, Dec31, D(2025, 1, 1)));
        Assert.Equal(LedgerStatus.Done, LedgerStatuses.Of(Verified, Dec31, D(2025, 1, 1)));
    }

    [Fact]
    public void An_unreached_milestone_before_the_deadline_makes_the_part_overdue_early()
    {
        var withMilestone = Dec31 with { EarliestOpenMilestone = D(2024, 6, 30) };
        Assert.Equal(D(2024, 6, 30), withMilestone.NextDue);
        Assert.Equal(LedgerStatus.InProgress, LedgerStatuses.Of(Started, withMilestone, D(2024, 6, 30)));
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.Of(Started, withMilestone, D(2024, 7, 1)));
        // A milestone on a task without a deadline still counts; an ongoing task alone never becomes overdue.
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.Of(Nothing, new TaskDates(DeadlineKind.None, null, D(2021, 12, 31)), D(2022, 1, 1)));
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.Of(Nothing, new TaskDates(DeadlineKind.Ongoing, null, null), D(2030, 1, 1)));
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.Of(Nothing, new TaskDates(DeadlineKind.None, null, null), D(2030, 1, 1)));
    }

    [Fact]
    public void A_task_takes_the_worst_of_its_units_and_is_done_when_closed_or_all_verified()
    {
        var today = D(2024, 6, 1);
        Assert.Equal(LedgerStatus.Done, LedgerStatuses.OfTask(true, [LedgerStatus.Overdue], Dec31, today));
        Assert.Equal(LedgerStatus.Done, LedgerStatuses.OfTask(false, [LedgerStatus.Done, LedgerStatus.Done], Dec31, today));
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.OfTask(false, [LedgerStatus.Done, LedgerStatus.Overdue], Dec31, today));
        Assert.Equal(LedgerStatus.AwaitingVerification, LedgerStatuses.OfTask(false, [LedgerStatus.Done, LedgerStatus.AwaitingVerification], Dec31, today));
        Assert.Equal(LedgerStatus.InProgress, LedgerStatuses.OfTask(false, [LedgerStatus.Done, LedgerStatus.NotStarted], Dec31, today));
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.OfTask(false, [LedgerStatus.NotStarted, LedgerStatus.NotStarted], Dec31, today));
        // Nobody carries it yet: not started until its date passes, then overdue.
        Assert.Equal(LedgerStatus.NotStarted, LedgerStatuses.OfTask(false, [], Dec31, today));
        Assert.Equal(LedgerStatus.Overdue, LedgerStatuses.OfTask(false, [], Dec31, D(2025, 1, 1)));
    }

    [Fact]
    public void Late_completion_and_due_soon_reminders()
    {
        Assert.True(LedgerStatuses.CompletedLate(D(2025, 1, 3), Dec31));
        Assert.False(LedgerStatuses.CompletedLate(D(2024, 12, 31), Dec31));
        Assert.False(LedgerStatuses.CompletedLate(D(2025, 1, 3), new TaskDates(DeadlineKind.Ongoing, null, null)));
        Assert.True(LedgerStatuses.IsDueSoon(LedgerStatus.InProgress, Dec31, D(2024, 12, 16), 15));
        Assert.False(LedgerStatuses.IsDueSoon(LedgerStatus.InProgress, Dec31, D(2024, 12, 15), 15));
        Assert.False(LedgerStatuses.IsDueSoon(LedgerStatus.AwaitingVerification, Dec31, D(2024, 12, 20), 15));
        Assert.False(LedgerStatuses.IsDueSoon(LedgerStatus.Overdue, Dec31, D(2025, 1, 2), 15));
    }
}
