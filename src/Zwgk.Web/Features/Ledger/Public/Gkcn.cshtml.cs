using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Public;

/// <summary>One task as the public sees it: no progress text, no staff, only what was promised, by whom, by when, and where it stands.</summary>
public sealed record CommitmentRow(string Number, string Requirement, string Units, string Deadline, LedgerStatus Status, DateOnly? CompletedOn);

/// <summary>A section heading (一、… or （一）…) with its tasks; level-2 groups sit under their level-1 heading.</summary>
public sealed record CommitmentGroup(string? Heading, string? SubHeading, IReadOnlyList<CommitmentRow> Rows);

public sealed record CommitmentPlan(int Id, string Title, IReadOnlyList<CommitmentGroup> Groups);

public sealed record CommitmentCounts(int Total, int Done, int InProgress, int Awaiting, int NotStarted, int Overdue);

/// <summary>
/// 公开承诺事项 (/gkcn, /gkcn/{year}): the yearly work-plan tasks the office chose to publish (plan PublishProgress, task
/// IsPublic), with statuses derived by <see cref="LedgerSnapshot"/> for today. Not output-cached: statuses turn overdue with
/// the date and change with every verification. A year with nothing published answers 404.
/// </summary>
public sealed class GkcnModel(ZwgkDbContext db, TimeProvider clock) : PageModel
{
    public int? Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<CommitmentPlan> Plans { get; private set; } = [];
    public CommitmentCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Years = await db.WorkPlans.AsNoTracking().Where(p => p.PublishProgress).Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (year is int y && !Years.Contains(y)) return NotFound();
        Year = year ?? (Years.Count > 0 ? Years[0] : null);
        Today = Formats.Today(clock);
        if (Year is not int shown) return Page();

        var plans = await db.WorkPlans.AsNoTracking().Where(p => p.PublishProgress && p.Year == shown).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var result = new List<CommitmentPlan>();
        var all = new List<TaskRow>();
        foreach (var p in plans)
        {
            var rows = (await LedgerSnapshot.LoadAsync(db, new LedgerScope(PlanId: p.Id), Today, ct)).Where(r => r.IsPublic).ToList();
            all.AddRange(rows);
            result.Add(new CommitmentPlan(p.Id, p.Title, Group(rows)));
        }

        Plans = result;
        Counts = new CommitmentCounts(all.Count, all.Count(r => r.Status == LedgerStatus.Done), all.Count(r => r.Status == LedgerStatus.InProgress),
            all.Count(r => r.Status == LedgerStatus.AwaitingVerification), all.Count(r => r.Status == LedgerStatus.NotStarted),
            all.Count(r => r.Status == LedgerStatus.Overdue));
        return Page();
    }

    /// <summary>Consecutive tasks of the same section form a group, in document order.</summary>
    private static List<CommitmentGroup> Group(IReadOnlyList<TaskRow> rows)
    {
        var groups = new List<CommitmentGroup>();
        string? top = null, sub = null;
        List<CommitmentRow>? current = null;
        var seq = 0;
        foreach (var r in rows)
        {
            var (t, s) = r.ParentSectionHeading is { } parent ? (parent, r.SectionHeading) : (r.SectionHeading, null);
            if (current is null || t != top || s != sub)
            {
                current = [];
                groups.Add(new CommitmentGroup(t, s, current));
                (top, sub) = (t, s);
            }
            seq++;
            current.Add(new CommitmentRow(r.Number is { Length: > 0 } n ? n : seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Requirement, Units(r), r.DeadlineDisplay, r.Status, CompletedOn(r)));
        }
        return groups;
    }

    /// <summary>The units carrying the task by their display names (lead first, marked); the names as written when none resolved.</summary>
    public static string Units(TaskRow r)
    {
        if (r.Assignments.Count > 0)
        {
            var names = r.Assignments.GroupBy(a => a.UnitId).Select(g => g.Any(a => a.IsLead) && r.Assignments.Any(a => !a.IsLead)
                ? g.First().DisplayName + "（牵头）" : g.First().DisplayName);
            return string.Join("、", names);
        }
        return string.Join("、", new[] { r.LeadUnitsText, r.ResponsibleUnitsText }.Where(x => !string.IsNullOrWhiteSpace(x)));
    }

    /// <summary>Done: the day it was closed (销号), or the day the last unit's part was verified.</summary>
    public static DateOnly? CompletedOn(TaskRow r)
    {
        if (r.Status != LedgerStatus.Done) return null;
        var at = r.ClosedAt ?? r.Assignments.Max(a => a.VerifiedAt);
        return at is { } v ? DateOnly.FromDateTime(v.ToOffset(Formats.ChinaOffset).DateTime) : null;
    }
}
