using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>Names in work plans that match no unit (or several, or describe units without naming them): confirm or create.</summary>
public sealed class NamesModel(LedgerQueries queries, LedgerService service, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [FromQuery] public int? Plan { get; set; }
    public IReadOnlyList<UnresolvedName> Names { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanManage => user.CanManageLedger();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.SeesAllLedger()) return Forbid();
        Names = await queries.UnresolvedAsync(Plan, ct);
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, int[]? unitIds, bool remember, CancellationToken ct)
    {
        var r = await service.ConfirmNameAsync(name ?? "", unitIds ?? [], remember, ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = $"已确认「{name}」，涉及{r.Id}项任务"; else FlashError = r.Message;
        return Redirect(Plan is int p ? $"/admin/ledger/names?plan={p}" : "/admin/ledger/names");
    }
}
