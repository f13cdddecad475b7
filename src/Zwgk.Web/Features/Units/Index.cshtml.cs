using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Units;

[Authorize(Policy = Policies.ManageUnits)]
public sealed class IndexModel(ZwgkDbContext db, AuditLog audit, IOutputCacheStore cache) : AdminPageModel
{
    public sealed record Row(Unit Unit, int Depth, int Users, int Documents, int Columns, int Children)
    {
        /// <summary>Anything that points at the unit keeps it from being deleted; it can still be deactivated.</summary>
        public bool Referenced => Counts.Total > 0;
        public UnitReferenceCount Counts => new(Users, Documents, Columns, Children);
    }

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var refs = await UnitReferences.CountAsync(db, null, ct);
        Rows = UnitRules.Flatten(units, u => u.Id, u => u.ParentId, u => u.SortOrder)
            .Select(x =>
            {
                var r = refs.GetValueOrDefault(x.Item.Id);
                return new Row(x.Item, x.Depth, r.Users, r.Documents, r.Columns, r.Children);
            })
            .ToList();
    }

    public async Task<IActionResult> OnPostActivateAsync(int id, bool active, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        if (unit.IsActive == active) return RedirectToPage();
        unit.IsActive = active;
        audit.Add(active ? "unit.activate" : "unit.deactivate", "Unit", unit.Id, $"{(active ? "启用" : "停用")}单位“{unit.Name}”",
            new Dictionary<string, (object?, object?)> { ["状态"] = (active ? "停用" : "启用", active ? "启用" : "停用") }, unit.Id);
        await db.SaveChangesAsync(ct);
        await cache.InvalidatePortalAsync(ct);
        Flash = active ? $"已启用“{unit.Name}”" : $"已停用“{unit.Name}”，已有数据不受影响";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var r = (await UnitReferences.CountAsync(db, id, ct)).GetValueOrDefault(id);
        if (r.Total > 0)
        {
            Flash = $"“{unit.Name}”仍被引用（{r.Describe()}），不能删除，可改为停用";
            return RedirectToPage();
        }
        db.Units.Remove(unit);
        audit.Add("unit.delete", "Unit", unit.Id, $"删除单位“{unit.Name}”（编码 {unit.Code}）", unitId: null);
        await db.SaveChangesAsync(ct);
        await cache.InvalidatePortalAsync(ct);
        Flash = $"已删除“{unit.Name}”";
        return RedirectToPage();
    }
}

public readonly record struct UnitReferenceCount(int Users, int Documents, int Columns, int Children)
{
    public int Total => Users + Documents + Columns + Children;

    public string Describe() => string.Join("、", new[]
    {
        Users > 0 ? $"{Users}个用户" : null, Documents > 0 ? $"{Documents}份文件" : null,
        Columns > 0 ? $"{Columns}个栏目" : null, Children > 0 ? $"{Children}个下级单位" : null,
    }.Where(s => s is not null));
}

public static class UnitReferences
{
    /// <summary>How many users, documents (owned or issued), columns and child units point at each unit (or just <paramref name="unitId"/>).</summary>
    public static async Task<Dictionary<int, UnitReferenceCount>> CountAsync(ZwgkDbContext db, int? unitId, CancellationToken ct)
    {
        var users = await db.Users.Where(u => unitId == null || u.UnitId == unitId).GroupBy(u => u.UnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var owned = await db.Documents.Where(d => unitId == null || d.OwnerUnitId == unitId).GroupBy(d => d.OwnerUnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var issued = await db.DocumentIssuers.Where(i => unitId == null || i.UnitId == unitId).GroupBy(i => i.UnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var columns = await db.Columns.Where(c => c.OwnerUnitId != null && (unitId == null || c.OwnerUnitId == unitId)).GroupBy(c => c.OwnerUnitId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var children = await db.Units.Where(u => u.ParentId != null && (unitId == null || u.ParentId == unitId)).GroupBy(u => u.ParentId!.Value).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);

        var keys = users.Select(x => x.Key).Concat(owned.Select(x => x.Key)).Concat(issued.Select(x => x.Key)).Concat(columns.Select(x => x.Key)).Concat(children.Select(x => x.Key)).Distinct();
        return keys.ToDictionary(k => k, k => new UnitReferenceCount(
            users.FirstOrDefault(x => x.Key == k)?.N ?? 0,
            (owned.FirstOrDefault(x => x.Key == k)?.N ?? 0) + (issued.FirstOrDefault(x => x.Key == k)?.N ?? 0),
            columns.FirstOrDefault(x => x.Key == k)?.N ?? 0,
            children.FirstOrDefault(x => x.Key == k)?.N ?? 0));
    }
}
