using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Security.Pages.Users;

/// <summary>Small read helpers shared by the user-administration pages.</summary>
public static class UserQueries
{
    /// <summary>Role names per user id, in the order of <see cref="Roles.All"/>.</summary>
    public static async Task<Dictionary<string, List<string>>> RolesOfAsync(ZwgkDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n)).ToList());
    }

    /// <summary>Units the current user may put accounts in (all active units for supervisors, their own unit otherwise).</summary>
    public static async Task<List<SelectListItem>> UnitOptionsAsync(ZwgkDbContext db, CurrentUser me, int? include = null, CancellationToken ct = default)
    {
        var q = db.Units.AsNoTracking();
        q = me.SpansAllUnits ? q.Where(u => u.IsActive || u.Id == include) : q.Where(u => u.Id == me.UnitId);
        var units = await q.Select(u => new { u.Id, u.Name, u.ParentId, u.SortOrder, u.IsActive }).ToListAsync(ct);
        return Units.UnitRules.Flatten(units, u => u.Id, u => u.ParentId, u => u.SortOrder)
            .Select(x => new SelectListItem(new string('\u3000', x.Depth) + x.Item.Name + (x.Item.IsActive ? "" : "（已停用）"), x.Item.Id.ToString()))
            .ToList();
    }

    public static string RoleLabels(IEnumerable<string> roles) => string.Join("、", roles.Select(Roles.Label));
}
