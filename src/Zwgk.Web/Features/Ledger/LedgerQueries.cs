using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

public sealed record StatusCounts(int Total, int NotStarted, int InProgress, int AwaitingVerification, int Done, int Overdue)
{
    public static StatusCounts Of(IEnumerable<LedgerStatus> statuses)
    {
        var list = statuses.ToList();
        return new(list.Count, list.Count(s => s == LedgerStatus.NotStarted), list.Count(s => s == LedgerStatus.InProgress),
            list.Count(s => s == LedgerStatus.AwaitingVerification), list.Count(s => s == LedgerStatus.Done), list.Count(s => s == LedgerStatus.Overdue));
    }

    /// <summary>Completion rate in whole percent (已完成 / 总数).</summary>
    public int Percent => Total == 0 ? 0 : (int)Math.Round(Done * 100.0 / Total);
    public int Count(LedgerStatus s) => s switch
    {
        LedgerStatus.NotStarted => NotStarted, LedgerStatus.InProgress => InProgress, LedgerStatus.AwaitingVerification => AwaitingVerification,
        LedgerStatus.Done => Done, LedgerStatus.Overdue => Overdue, _ => 0,
    };
}

public sealed record PlanListItem(int Id, int Year, string Title, string? SourceFileName, DateTimeOffset CreatedAt, bool PublishProgress, StatusCounts Counts, int UnresolvedNames);

public sealed record PlanHeader(int Id, int Year, string Title, string? SourceFileName, string? Layout, string? ImportNotes, bool PublishProgress, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record SectionProgress(int? SectionId, string Heading, int Level, StatusCounts Counts);

public sealed record UnitProgress(int UnitId, string UnitName, StatusCounts Counts, int DueSoon);

public sealed record PlanView(PlanHeader Plan, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<SectionProgress> Sections, IReadOnlyList<UnitProgress> Units, StatusCounts Counts);

public sealed record UnresolvedName(string Name, int Tasks, string? Explanation, IReadOnlyList<string> Candidates);

public sealed record ReportView(int Id, TaskReportKind Kind, string Text, DateTimeOffset At, string ActorName, IReadOnlyList<TaskEvidence> Evidence);

public sealed record AssignmentDetail(AssignmentRow Row, string? Feedback, int Rounds, string? VerifiedBy, IReadOnlyList<ReportView> Reports, bool CanReport, bool CanVerify);

public sealed record TaskDetail(TaskRow Task, PlanHeader Plan, string? Source, string? BodyText, string? ClosedBy, string? ClosingNote,
    IReadOnlyList<TaskUnitMention> Mentions, IReadOnlyList<TaskMilestone> Milestones, IReadOnlyList<AssignmentDetail> Assignments,
    TaskRow? CarriedFrom, bool CanManage);

public sealed record Reminder(TaskRow Task, AssignmentRow Part, bool Overdue, DateOnly? Due);

/// <summary>Read side of the ledger, scoped to what the user may see (a unit sees the tasks it carries).</summary>
public sealed class LedgerQueries(ZwgkDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int DueSoonDays = 15;
    public DateOnly Today => Formats.Today(clock);

    private int? UnitScope => user.SeesAllLedger() ? null : user.UnitId;

    public async Task<IReadOnlyList<PlanListItem>> PlansAsync(CancellationToken ct = default)
    {
        if (!user.CanSeeLedger()) return [];
        var plans = await db.WorkPlans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Year, p.Title, p.SourceFileName, p.CreatedAt, p.PublishProgress }).ToListAsync(ct);
        var unresolved = await db.LedgerMentions.AsNoTracking()
            .Where(m => m.ConfirmedAt == null && (m.Resolution == ResolutionKind.Unresolved || m.Resolution == ResolutionKind.Ambiguous || m.Resolution == ResolutionKind.Unspecified))
            .Join(db.LedgerTasks, m => m.TaskId, t => t.Id, (m, t) => new { t.PlanId, m.Name }).Distinct().ToListAsync(ct);
        // One snapshot for every plan the user sees (a few set-based queries), grouped here, not one snapshot per plan.
        var byPlan = (await LedgerSnapshot.LoadAsync(db, new LedgerScope(UnitId: UnitScope), Today, ct)).ToLookup(r => r.PlanId);
        var result = new List<PlanListItem>();
        foreach (var p in plans)
        {
            var rows = byPlan[p.Id].ToList();
            if (UnitScope is not null && rows.Count == 0) continue;
            result.Add(new PlanListItem(p.Id, p.Year, p.Title, p.SourceFileName, p.CreatedAt, p.PublishProgress, Counts(rows),
                UnitScope is null ? unresolved.Count(u => u.PlanId == p.Id) : 0));
        }
        return result;
    }

    /// <summary>For a unit user, each task's status is the status of the unit's own part.</summary>
    private StatusCounts Counts(IEnumerable<TaskRow> rows) => StatusCounts.Of(rows.Select(StatusFor));

    public LedgerStatus StatusFor(TaskRow r) =>
        UnitScope is int unit && r.Assignments.FirstOrDefault(a => a.UnitId == unit) is { } own && r.ClosedAt is null ? own.Status : r.Status;

    public async Task<PlanView?> PlanAsync(int planId, int? unitFilter = null, LedgerStatus? statusFilter = null, int? sectionFilter = null, CancellationToken ct = default)
    {
        if (!user.CanSeeLedger()) return null;
        var header = await HeaderAsync(planId, ct);
        if (header is null) return null;
        var all = await LedgerSnapshot.LoadAsync(db, new LedgerScope(PlanId: planId, UnitId: UnitScope), Today, ct);
        if (UnitScope is not null && all.Count == 0) return null;
        var sections = await db.WorkPlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        var bySection = new List<SectionProgress>();
        foreach (var s in sections)
        {
            var childIds = sections.Where(c => c.ParentId == s.Id).Select(c => c.Id).ToHashSet();
            var inSection = all.Where(t => t.SectionId == s.Id || (t.SectionId is int id && childIds.Contains(id))).ToList();
            if (inSection.Count > 0) bySection.Add(new SectionProgress(s.Id, s.Number + s.Title, s.Level, Counts(inSection)));
        }
        var units = all.SelectMany(t => t.Assignments.Select(a => (t, a))).GroupBy(x => (x.a.UnitId, x.a.DisplayName))
            .Select(g => new UnitProgress(g.Key.UnitId, g.Key.DisplayName,
                StatusCounts.Of(g.Select(x => x.t.ClosedAt is not null ? LedgerStatus.Done : x.a.Status)),
                g.Count(x => x.t.ClosedAt is null && LedgerStatuses.IsDueSoon(x.a.Status, x.t.Dates, Today, DueSoonDays))))
            .Where(u => UnitScope is null || u.UnitId == UnitScope)
            .OrderBy(u => u.Counts.Percent).ThenByDescending(u => u.Counts.Overdue).ThenBy(u => u.UnitName).ToList();
        IEnumerable<TaskRow> tasks = all;
        if (unitFilter is int uf) tasks = tasks.Where(t => t.Assignments.Any(a => a.UnitId == uf));
        if (statusFilter is { } sf) tasks = tasks.Where(t => StatusFor(t) == sf);
        if (sectionFilter is int sec)
        {
            var ids = sections.Where(s => s.Id == sec || s.ParentId == sec).Select(s => s.Id).ToHashSet();
            tasks = tasks.Where(t => t.SectionId is int id && ids.Contains(id));
        }
        return new PlanView(header, tasks.ToList(), bySection, units, Counts(all));
    }

    private Task<PlanHeader?> HeaderAsync(int planId, CancellationToken ct) => db.WorkPlans.AsNoTracking().Where(p => p.Id == planId)
        .Select(p => new PlanHeader(p.Id, p.Year, p.Title, p.SourceFileName, p.Layout, p.ImportNotes, p.PublishProgress, p.CreatedAt, p.CreatedBy))
        .FirstOrDefaultAsync(ct);

    public async Task<TaskDetail?> TaskAsync(int taskId, CancellationToken ct = default)
    {
        if (!user.CanSeeLedger()) return null;
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(TaskIds: [taskId], UnitId: UnitScope), Today, ct);
        if (rows.Count == 0) return null;
        var row = rows[0];
        var t = await db.LedgerTasks.AsNoTracking().Where(x => x.Id == taskId)
            .Select(x => new { x.Source, x.BodyText, x.ClosedBy, x.ClosingNote }).FirstAsync(ct);
        var plan = (await HeaderAsync(row.PlanId, ct))!;
        var mentions = await db.LedgerMentions.AsNoTracking().Where(m => m.TaskId == taskId).OrderBy(m => m.Order).ToListAsync(ct);
        var milestones = await db.LedgerMilestones.AsNoTracking().Where(m => m.TaskId == taskId).OrderBy(m => m.DueOn).ToListAsync(ct);
        var assignmentIds = row.Assignments.Select(a => a.Id).ToList();
        var records = await db.LedgerAssignments.AsNoTracking().Where(a => assignmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Feedback, a.Rounds, a.VerifiedBy }).ToDictionaryAsync(a => a.Id, ct);
        var reports = await db.LedgerReports.AsNoTracking().Include(r => r.Evidence).Where(r => assignmentIds.Contains(r.AssignmentId))
            .OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(ct);
        var details = row.Assignments
            // A unit's staff see their own part's log in full; other units' parts show only their status.
            .Select(a => new AssignmentDetail(a, records[a.Id].Feedback, records[a.Id].Rounds, records[a.Id].VerifiedBy,
                user.SeesAllLedger() || a.UnitId == user.UnitId
                    ? reports.Where(r => r.AssignmentId == a.Id).Select(r => new ReportView(r.Id, r.Kind, r.Text, r.At, r.ActorName, r.Evidence)).ToList()
                    : [],
                row.ClosedAt is null && a.VerifiedAt is null && a.ReportedDoneAt is null && user.CanReportFor(a.UnitId),
                a.ReportedDoneAt is not null && a.VerifiedAt is null && user.CanManageLedger()))
            .ToList();
        TaskRow? from = null;
        if (row.CarriedOverFromTaskId is int fromId && user.SeesAllLedger())
            from = (await LedgerSnapshot.LoadAsync(db, new LedgerScope(TaskIds: [fromId]), Today, ct)).FirstOrDefault();
        return new TaskDetail(row, plan, t.Source, t.BodyText, t.ClosedBy, t.ClosingNote, mentions, milestones, details, from, user.CanManageLedger());
    }

    /// <summary>Names the importer could not tie to units, across plans (or one plan), for a person to confirm or create.</summary>
    public async Task<IReadOnlyList<UnresolvedName>> UnresolvedAsync(int? planId = null, CancellationToken ct = default)
    {
        if (!user.SeesAllLedger()) return [];
        var q = db.LedgerMentions.AsNoTracking()
            .Where(m => m.ConfirmedAt == null && (m.Resolution == ResolutionKind.Unresolved || m.Resolution == ResolutionKind.Ambiguous || m.Resolution == ResolutionKind.Unspecified));
        if (planId is int p) q = q.Where(m => db.LedgerTasks.Any(t => t.Id == m.TaskId && t.PlanId == p));
        var rows = await q.Select(m => new { m.Name, m.TaskId, m.Explanation }).ToListAsync(ct);
        var resolver = new UnitResolver(await LedgerImportService.DirectoryAsync(db, ct));
        return rows.GroupBy(r => r.Name).OrderByDescending(g => g.Select(x => x.TaskId).Distinct().Count()).ThenBy(g => g.Key)
            .Select(g => new UnresolvedName(g.Key, g.Select(x => x.TaskId).Distinct().Count(), g.First().Explanation,
                resolver.Resolve(g.Key).Candidates.Select(c => c.Name).ToList()))
            .ToList();
    }

    /// <summary>
    /// 提醒: the user's unit's parts that are overdue or due within <see cref="DueSoonDays"/> days (for the office: every unit's),
    /// most urgent first.
    /// </summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(CancellationToken ct = default)
    {
        if (!user.CanSeeLedger()) return [];
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(UnitId: UnitScope, OpenOnly: true), Today, ct);
        return rows
            .SelectMany(r => r.Assignments.Where(a => UnitScope is null || a.UnitId == UnitScope).Select(a => (r, a)))
            .Where(x => x.a.Status == LedgerStatus.Overdue || LedgerStatuses.IsDueSoon(x.a.Status, x.r.Dates, Today, DueSoonDays))
            .Select(x => new Reminder(x.r, x.a, x.a.Status == LedgerStatus.Overdue, x.r.Dates.NextDue))
            .OrderByDescending(x => x.Overdue).ThenBy(x => x.Due).ThenBy(x => x.Part.DisplayName).ToList();
    }

    /// <summary>The tasks the user's unit carries (all plans, newest first), with the year of each plan.</summary>
    public async Task<(IReadOnlyList<TaskRow> Tasks, IReadOnlyDictionary<int, int> YearOfPlan)> MineAsync(CancellationToken ct = default)
    {
        if (!user.CanSeeLedger() || user.UnitId == 0) return ([], new Dictionary<int, int>());
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(UnitId: user.UnitId), Today, ct);
        var years = await db.WorkPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Year, ct);
        return (rows.OrderByDescending(r => years.GetValueOrDefault(r.PlanId)).ThenBy(r => r.Order).ToList(), years);
    }

    /// <summary>回头看: unfinished tasks of <paramref name="year"/>'s plans, with the plans of later years they may be carried into.</summary>
    public async Task<(IReadOnlyList<TaskRow> Tasks, IReadOnlyList<PlanHeader> Targets, IReadOnlySet<int> AlreadyCarried)> ReviewAsync(int year, CancellationToken ct = default)
    {
        if (!user.SeesAllLedger()) return ([], [], new HashSet<int>());
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(Year: year), Today, ct);
        var open = rows.Where(r => r.Status != LedgerStatus.Done).ToList();
        var targets = await db.WorkPlans.AsNoTracking().Where(p => p.Year > year).OrderBy(p => p.Year)
            .Select(p => new PlanHeader(p.Id, p.Year, p.Title, p.SourceFileName, p.Layout, p.ImportNotes, p.PublishProgress, p.CreatedAt, p.CreatedBy)).ToListAsync(ct);
        var ids = open.Select(r => r.Id).ToList();
        var carried = (await db.LedgerTasks.AsNoTracking().Where(t => t.CarriedOverFromTaskId != null && ids.Contains(t.CarriedOverFromTaskId.Value))
            .Select(t => t.CarriedOverFromTaskId!.Value).ToListAsync(ct)).ToHashSet();
        return (open, targets, carried);
    }
}
