using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Security.Pages.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(ZwgkDbContext db, CurrentUser me, TimeProvider clock) : AdminPageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string UserName, string DisplayName, string UnitName, IReadOnlyList<string> Roles, bool IsActive,
        bool IsLocked, bool MustChangePassword, DateTimeOffset CreatedAt, bool CanManage);

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool SpansAllUnits => me.SpansAllUnits;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!me.SpansAllUnits) q = q.Where(u => u.UnitId == me.UnitId);
        else if (Unit is int unitId) q = q.Where(u => u.UnitId == unitId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            q = q.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }
        if (!string.IsNullOrEmpty(Role) && Domain.Security.Roles.All.Contains(Role))
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var users = await q.OrderBy(u => u.Unit!.SortOrder).ThenBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Unit = u.Unit!.Name, u.UnitId, u.IsActive, u.LockoutEnd, u.MustChangePassword, u.CreatedAt })
            .ToListAsync(ct);
        var roles = await UserQueries.RolesOfAsync(db, users.Select(u => u.Id).ToList(), ct);
        var actor = Actor.From(me);
        var now = clock.GetUtcNow();
        Rows = users.Select(u =>
        {
            var r = roles.GetValueOrDefault(u.Id) ?? [];
            return new Row(u.Id, u.UserName ?? "", u.DisplayName, u.Unit, r, u.IsActive, u.LockoutEnd > now, u.MustChangePassword, u.CreatedAt,
                UserAdminRules.CanManage(actor, new UserState(u.Id, u.UnitId, r, u.IsActive)) is null);
        }).ToList();
        if (me.SpansAllUnits)
        {
            Units = await UserQueries.UnitOptionsAsync(db, me, Unit, ct);
            foreach (var item in Units) item.Selected = item.Value == Unit?.ToString();
        }
    }

    public string PageLink(int page) =>
        Url.Page(null, new { unit = Unit, q = Q, role = Role, p = page }) ?? "";
}
