using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Units;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Catalog.Admin;

[Authorize(Policy = Policies.ManageUnits)]
public sealed class IndexModel(ZwgkDbContext db, AuditLog audit, CatalogService catalog, IOutputCacheStore cache) : AdminPageModel
{
    public sealed record Row(Column Column, int Depth, string? OwnerUnit, int Documents, int Children, bool First, bool Last, bool DisclosureRoot)
    {
        public bool CanDelete => Documents == 0 && Children == 0;
    }

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var columns = await db.Columns.AsNoTracking().ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
        var docs = await db.DocumentColumns.GroupBy(dc => dc.ColumnId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var children = columns.Where(c => c.ParentId is not null).GroupBy(c => c.ParentId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var disclosure = columns.ToDictionary(c => c.Id, c => c.IsDisclosureColumn);
        var siblings = columns.GroupBy(c => c.ParentId).ToDictionary(g => g.Key ?? 0, g => g.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Id).ToList());
        Rows = UnitRules.Flatten(columns, c => c.Id, c => c.ParentId, c => c.SortOrder).Select(x =>
        {
            var c = x.Item;
            var sib = siblings[c.ParentId ?? 0];
            return new Row(c, x.Depth, c.OwnerUnitId is int u ? units.GetValueOrDefault(u) : null, docs.GetValueOrDefault(c.Id), children.GetValueOrDefault(c.Id),
                sib[0] == c.Id, sib[^1] == c.Id,
                c.IsDisclosureColumn && !(c.ParentId is int p && disclosure.GetValueOrDefault(p)));
        }).ToList();
    }

    /// <summary>Moves a column one place up or down among its siblings.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct)
    {
        var column = await db.Columns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (column is null) return NotFound();
        var siblings = await db.Columns.Where(c => c.ParentId == column.ParentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var index = siblings.FindIndex(c => c.Id == id);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.Count) return RedirectToPage();
        // Renumber the siblings so equal sort numbers cannot make the swap a no-op.
        var orders = siblings.Select(c => c.SortOrder).Order().ToList();
        for (int i = 1; i < orders.Count; i++) if (orders[i] <= orders[i - 1]) orders[i] = orders[i - 1] + 1;
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        for (int i = 0; i < siblings.Count; i++) siblings[i].SortOrder = orders[i];
        audit.Add("column.move", "Column", column.Id, $"栏目“{column.Name}”{(up ? "上移" : "下移")}一位", new Dictionary<string, (object?, object?)>
        {
            ["位置"] = (index + 1, other + 1),
        });
        await db.SaveChangesAsync(ct);
        await ColumnCache.RefreshAsync(catalog, cache, ct);
        return RedirectToPage(null, null, null, $"c{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await ColumnDeletion.DeleteAsync(db, audit, id, ct);
        if (result.Ok) await ColumnCache.RefreshAsync(catalog, cache, ct);
        Flash = result.Ok ? "栏目已删除" : result.Message;
        return result.Status == ResultStatus.NotFound ? NotFound() : RedirectToPage();
    }
}

public static class ColumnCache
{
    /// <summary>After any column change: drop the cached tree and the cached portal pages that show it.</summary>
    public static async Task RefreshAsync(CatalogService catalog, IOutputCacheStore cache, CancellationToken ct)
    {
        catalog.Invalidate();
        await cache.InvalidatePortalAsync(ct);
    }
}

public static class ColumnDeletion
{
    /// <summary>Deletes a column only when no document is filed under it and it has no sub-columns.</summary>
    public static async Task<ServiceResult> DeleteAsync(ZwgkDbContext db, AuditLog audit, int id, CancellationToken ct)
    {
        var column = await db.Columns.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (column is null) return ServiceResult.NotFound();
        var docs = await db.DocumentColumns.CountAsync(dc => dc.ColumnId == id, ct);
        var children = await db.Columns.CountAsync(c => c.ParentId == id, ct);
        if (docs > 0 || children > 0)
            return ServiceResult.Conflict($"栏目“{column.Name}”下还有{(docs > 0 ? $"{docs}份文件" : "")}{(docs > 0 && children > 0 ? "和" : "")}{(children > 0 ? $"{children}个子栏目" : "")}，不能删除；可先移走或设为不显示");
        db.Columns.Remove(column);
        audit.Add("column.delete", "Column", column.Id, $"删除栏目“{column.Name}”（标识 {column.Slug}）");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(id);
    }
}
