using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>
/// 回头看: the unfinished tasks of a past year's plan (工作要点: "对上一年度工作要点落实情况开展'回头看'……未完成的要依法督促整改"),
/// carried into a later plan so they are tracked again.
/// </summary>
public sealed class ReviewModel(LedgerQueries queries, LedgerService service, CurrentUser user) : AdminPageModel
{
    [FromQuery] public int? Year { get; set; }
    public int ReviewYear { get; private set; }
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];
    public IReadOnlyList<PlanHeader> Targets { get; private set; } = [];
    public IReadOnlySet<int> Carried { get; private set; } = new HashSet<int>();
    public bool CanManage => user.CanManageLedger();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.SeesAllLedger()) return Forbid();
        ReviewYear = Year ?? queries.Today.Year - 1;
        (Tasks, Targets, Carried) = await queries.ReviewAsync(ReviewYear, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int toPlanId, int[]? taskIds, CancellationToken ct)
    {
        var r = await service.CarryOverAsync(toPlanId, taskIds ?? [], ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (!r.Ok) { FlashError = r.Message; return Redirect($"/admin/ledger/review?year={Year}"); }
        Flash = $"已转入{r.Id}项任务";
        return Redirect($"/admin/ledger/plans/{toPlanId}");
    }
}
