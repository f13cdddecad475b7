using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>网站地图: the visible column tree.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SiteMapModel(CatalogService catalog) : PageModel
{
    public IReadOnlyList<ColumnNode> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Roots = (await catalog.GetTreeAsync(ct)).Roots.Where(r => r.IsVisible).ToList();
}
