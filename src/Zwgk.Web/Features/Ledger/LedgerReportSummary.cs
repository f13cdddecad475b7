using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

/// <summary>
/// 工作要点落实情况 text for an annual report: the district's report (unit null) summarises every task of the year; a unit's
/// report summarises its own part in the tasks its unit carries. Statuses come from <see cref="LedgerSnapshot"/> on today's date.
/// The caller authorises (the report page allows only those who may write the report).
/// </summary>
public sealed class LedgerReportSummary(ZwgkDbContext db, TimeProvider clock)
{
    public async Task<string> ComposeAsync(int year, int? unitId, CancellationToken ct = default)
    {
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(Year: year, UnitId: unitId), Formats.Today(clock), ct);
        string? unitName = null;
        if (unitId is int u)
            unitName = await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.ShortName ?? x.Name).FirstOrDefaultAsync(ct);
        return LedgerSummary.Compose(year, Items(rows, unitId), unitName);
    }

    /// <summary>Rows to summary items; for a unit, the task's status is that unit's part (a task closed by the office is done).</summary>
    public static IReadOnlyList<LedgerSummaryItem> Items(IReadOnlyList<TaskRow> rows, int? unitId) => rows.Select(r =>
    {
        var parts = unitId is int u ? r.Assignments.Where(a => a.UnitId == u).ToList() : r.Assignments.ToList();
        var status = unitId is null || r.ClosedAt is not null || parts.Count == 0 ? r.Status : Worst(parts.Select(p => p.Status));
        return new LedgerSummaryItem(r.ParentSectionHeading ?? r.SectionHeading, r.Requirement, status,
            parts.Select(p => new LedgerSummaryUnit(p.DisplayName, p.Status)).ToList(), Written(r), r.IsPublic);
    }).ToList();

    private static string? Written(TaskRow r) => r.LeadUnitsText is { Length: > 0 } lead
        ? r.ResponsibleUnitsText is { Length: > 0 } resp ? lead + "、" + resp : lead
        : r.ResponsibleUnitsText;

    // A unit normally has one assignment per task; should it have two (lead and responsible), the less advanced one counts.
    private static LedgerStatus Worst(IEnumerable<LedgerStatus> statuses) => statuses
        .OrderBy(s => s switch
        {
            LedgerStatus.Overdue => 0,
            LedgerStatus.NotStarted => 1,
            LedgerStatus.InProgress => 2,
            LedgerStatus.AwaitingVerification => 3,
            _ => 4,
        }).First();
}
