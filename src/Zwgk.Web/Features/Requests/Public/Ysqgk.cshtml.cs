using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Domain.Site;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Portal;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Requests.Public;

/// <summary>依申请公开 entry: the rules of the 条例 in plain words, the ways to apply, and the two actions (apply, follow a case).</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class YsqgkModel(SiteSettingsService settings, CatalogService catalog) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;
    /// <summary>The 政府信息公开指南 page, when the portal has it publicly (it names the office, its fax and hours).</summary>
    public string? GuideUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Site = await settings.GetAsync(ct);
        var tree = await catalog.GetTreeAsync(ct);
        if (CatalogUrls.FindBySlug(tree, "gkzn") is { } guide && CatalogUrls.IsPubliclyVisible(tree, guide.Id)) GuideUrl = CatalogUrls.Column(guide);
    }
}
