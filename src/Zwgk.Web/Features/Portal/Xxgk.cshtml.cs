using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>政府信息公开专栏: the whole disclosure catalog with per-column document counts.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class XxgkModel(CatalogService catalog, PortalQueries portal, ZwgkDbContext db) : PageModel
{
    public ColumnNode Root { get; private set; } = null!;
    public IReadOnlyDictionary<int, int> Counts { get; private set; } = new Dictionary<int, int>();
    /// <summary>The office published some year's 公开承诺事项 (work-plan progress): link /gkcn.</summary>
    public bool HasCommitments { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var tree = await catalog.GetTreeAsync(ct);
        if (CatalogUrls.DisclosureRoot(tree) is not { IsVisible: true } root) return NotFound();
        Root = root;
        Counts = await portal.SubtreeCountsAsync(ct);
        HasCommitments = await db.WorkPlans.AnyAsync(p => p.PublishProgress, ct);
        return Page();
    }

    public int CountOf(ColumnNode n) => Counts.GetValueOrDefault(n.Id);
}
