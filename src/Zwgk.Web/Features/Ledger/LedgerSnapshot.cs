using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Ledger;

/// <summary>One unit's part in a task, with its derived status.</summary>
public sealed record AssignmentRow(int Id, int UnitId, string UnitName, string? UnitShortName, bool IsLead, LedgerStatus Status,
    bool CompletedLate, bool NeedsRectification, DateTimeOffset? ReportedDoneAt, DateTimeOffset? VerifiedAt, DateTimeOffset? LastReportAt)
{
    public string DisplayName => UnitShortName ?? UnitName;
}

/// <summary>A task with its section, units as written and as assigned, latest progress and derived status.</summary>
public sealed record TaskRow(int Id, int PlanId, int Order, string? Number, int? SectionId, string? SectionHeading, string? ParentSectionHeading,
    string Requirement, string? LeadUnitsText, string? ResponsibleUnitsText, string? DeadlineText, DeadlineKind DeadlineKind, DateOnly? DueOn,
    TaskDates Dates, LedgerStatus Status, bool IsPublic, DateTimeOffset? ClosedAt, int? CarriedOverFromTaskId,
    IReadOnlyList<AssignmentRow> Assignments, int UnresolvedMentions, string? LatestReport, DateTimeOffset? LatestReportAt)
{
    /// <summary>"长期坚持" / "2024-12-31" / the text as written when it could not be read as a date.</summary>
    public string DeadlineDisplay => DeadlineKind switch
    {
        DeadlineKind.Date => DeadlineText ?? DueOn!.Value.ToString("yyyy-MM-dd"),
        DeadlineKind.Ongoing => DeadlineText ?? "长期坚持",
        _ => DeadlineText ?? "",
    };

    public string NumberDisplay => Number ?? Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Which tasks a snapshot holds.</summary>
/// <param name="OpenOnly">Only tasks not yet closed (销号): reminders need nothing else, and closed tasks pile up over the years.</param>
public sealed record LedgerScope(int? PlanId = null, int? Year = null, int? UnitId = null, IReadOnlyCollection<int>? TaskIds = null, bool OpenOnly = false);

/// <summary>
/// Loads tasks with everything status derivation needs in a few set-based queries (no per-task round trips) and derives
/// statuses for a given day. Every list, dashboard, export and summary reads through here, so they agree.
/// </summary>
public static class LedgerSnapshot
{
    public static async Task<IReadOnlyList<TaskRow>> LoadAsync(ZwgkDbContext db, LedgerScope scope, DateOnly today, CancellationToken ct = default)
    {
        var tasks = db.LedgerTasks.AsNoTracking();
        if (scope.PlanId is int planId) tasks = tasks.Where(t => t.PlanId == planId);
        if (scope.Year is int year) tasks = tasks.Where(t => db.WorkPlans.Any(p => p.Id == t.PlanId && p.Year == year));
        if (scope.UnitId is int unitId) tasks = tasks.Where(t => t.Assignments.Any(a => a.UnitId == unitId));
        if (scope.TaskIds is { } ids) tasks = tasks.Where(t => ids.Contains(t.Id));
        if (scope.OpenOnly) tasks = tasks.Where(t => t.ClosedAt == null);

        var rows = await tasks.Select(t => new
        {
            t.Id, t.PlanId, t.Order, t.Number, t.SectionId, t.Requirement, t.LeadUnitsText, t.ResponsibleUnitsText, t.DeadlineText,
            t.DeadlineKind, t.DueOn, t.IsPublic, t.ClosedAt, t.CarriedOverFromTaskId,
            EarliestMilestone = t.Milestones.Where(m => m.ReachedOn == null).Min(m => (DateOnly?)m.DueOn),
            Unresolved = t.Mentions.Count(m => m.Resolution == ResolutionKind.Unresolved || m.Resolution == ResolutionKind.Ambiguous || m.Resolution == ResolutionKind.Unspecified),
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var taskIds = rows.Select(r => r.Id).ToList();
        var sectionIds = rows.Where(r => r.SectionId != null).Select(r => r.SectionId!.Value).Distinct().ToList();
        var sections = await db.WorkPlanSections.AsNoTracking().Where(s => sectionIds.Contains(s.Id) || db.WorkPlanSections.Any(c => sectionIds.Contains(c.Id) && c.ParentId == s.Id))
            .Select(s => new { s.Id, s.ParentId, s.Number, s.Title }).ToDictionaryAsync(s => s.Id, ct);

        var assignments = await ChunkedAsync(taskIds, chunk => db.LedgerAssignments.AsNoTracking().Where(a => chunk.Contains(a.TaskId))
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => new
            {
                a.Id, a.TaskId, a.UnitId, u.Name, u.ShortName, u.SortOrder, a.IsLead, a.StartedAt, a.ReportedDoneAt, a.ReportedDoneOn, a.VerifiedAt, a.FeedbackAt, a.LastReportAt,
            }), ct);
        var latest = await ChunkedAsync(taskIds, chunk => db.LedgerReports.AsNoTracking()
            .Where(r => r.Kind == TaskReportKind.Progress || r.Kind == TaskReportKind.Done)
            .Join(db.LedgerAssignments.Where(a => chunk.Contains(a.TaskId)), r => r.AssignmentId, a => a.Id, (r, a) => new { a.TaskId, r.At, r.Text, r.Id }), ct);
        var latestByTask = latest.GroupBy(l => l.TaskId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).First());
        var byTask = assignments.ToLookup(a => a.TaskId);

        var result = new List<TaskRow>(rows.Count);
        foreach (var t in rows.OrderBy(r => r.PlanId).ThenBy(r => r.Order))
        {
            var dates = new TaskDates(t.DeadlineKind, t.DueOn, t.EarliestMilestone);
            var parts = byTask[t.Id].OrderByDescending(a => a.IsLead).ThenBy(a => a.SortOrder).ThenBy(a => a.UnitId).Select(a =>
            {
                var status = LedgerStatuses.Of(new AssignmentProgress(a.StartedAt, a.ReportedDoneAt, a.VerifiedAt, a.FeedbackAt), dates, today);
                return new AssignmentRow(a.Id, a.UnitId, a.Name, a.ShortName, a.IsLead, status, LedgerStatuses.CompletedLate(a.ReportedDoneOn, dates),
                    a.FeedbackAt != null && a.ReportedDoneAt == null && a.VerifiedAt == null, a.ReportedDoneAt, a.VerifiedAt, a.LastReportAt);
            }).ToList();
            var status = LedgerStatuses.OfTask(t.ClosedAt != null, parts.Select(p => p.Status).ToList(), dates, today);
            var section = t.SectionId is int sid ? sections.GetValueOrDefault(sid) : null;
            var parent = section?.ParentId is int pid ? sections.GetValueOrDefault(pid) : null;
            var last = latestByTask.GetValueOrDefault(t.Id);
            result.Add(new TaskRow(t.Id, t.PlanId, t.Order, t.Number, t.SectionId, section is null ? null : section.Number + section.Title,
                parent is null ? null : parent.Number + parent.Title, t.Requirement, t.LeadUnitsText, t.ResponsibleUnitsText, t.DeadlineText,
                t.DeadlineKind, t.DueOn, dates, status, t.IsPublic, t.ClosedAt, t.CarriedOverFromTaskId, parts, t.Unresolved, last?.Text, last?.At));
        }
        return result;
    }

    // SQLite caps bound parameters; a plan has tens to hundreds of tasks, a year a few plans, so chunks of 500 are plenty.
    private static async Task<List<T>> ChunkedAsync<T>(List<int> ids, Func<List<int>, IQueryable<T>> query, CancellationToken ct)
    {
        var all = new List<T>();
        foreach (var chunk in ids.Chunk(500)) all.AddRange(await query([.. chunk]).ToListAsync(ct));
        return all;
    }
}
