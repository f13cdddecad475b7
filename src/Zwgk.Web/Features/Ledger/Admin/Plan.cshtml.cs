using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Ledger;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>One plan's ledger: completion by section and by unit (the dashboard), and the task table with filters.</summary>
public sealed class PlanModel(LedgerQueries queries, LedgerService service, CurrentUser user) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int? Unit { get; set; }
    [FromQuery] public LedgerStatus? Status { get; set; }
    [FromQuery] public int? Section { get; set; }
    public PlanView View { get; private set; } = null!;
    public bool CanManage => user.CanManageLedger();
    public bool SeesAll => user.SeesAllLedger();
    public LedgerStatus StatusOf(TaskRow r) => queries.StatusFor(r);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var v = await queries.PlanAsync(Id, Unit, Status, Section, ct);
        if (v is null) return NotFound();
        View = v;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(bool publish, CancellationToken ct) =>
        Done(await service.PublishAsync(Id, publish, ct), publish ? "已在门户网站公开落实情况" : "已取消公开");

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var r = await service.DeletePlanAsync(Id, ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (!r.Ok) { FlashError = r.Message; return Redirect($"/admin/ledger/plans/{Id}"); }
        Flash = "已删除工作台账";
        return Redirect("/admin/ledger");
    }

    private IActionResult Done(ServiceResult r, string message)
    {
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = message; else FlashError = r.Message;
        return Redirect($"/admin/ledger/plans/{Id}");
    }
}
