using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Ledger;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>本单位任务: every task the user's unit carries, with the unit's own status and its reminders.</summary>
public sealed class MineModel(LedgerQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public LedgerStatus? Status { get; set; }
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];
    public IReadOnlyDictionary<int, int> YearOfPlan { get; private set; } = new Dictionary<int, int>();
    public StatusCounts Counts { get; private set; } = StatusCounts.Of([]);
    public int UnitId => user.UnitId;
    public LedgerStatus StatusOf(TaskRow r) => r.ClosedAt is not null ? LedgerStatus.Done : r.Assignments.FirstOrDefault(a => a.UnitId == user.UnitId)?.Status ?? r.Status;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanSeeLedger()) return Forbid();
        var (all, years) = await queries.MineAsync(ct);
        YearOfPlan = years;
        Counts = StatusCounts.Of(all.Select(StatusOf));
        Tasks = Status is { } s ? all.Where(t => StatusOf(t) == s).ToList() : all;
        return Page();
    }
}
