using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>工作台账 home: the yearly plans with their progress, and what is overdue or due soon.</summary>
public sealed class IndexModel(LedgerQueries queries, CurrentUser user) : AdminPageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];
    public bool CanManage => user.CanManageLedger();
    public bool SeesAll => user.SeesAllLedger();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanSeeLedger()) return Forbid();
        Plans = await queries.PlansAsync(ct);
        Reminders = await queries.RemindersAsync(ct);
        return Page();
    }
}
