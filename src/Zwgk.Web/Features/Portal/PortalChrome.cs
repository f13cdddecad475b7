using Zwgk.Domain.Site;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>
/// Builds the layout's frame. It never throws: the error page uses the same layout, so when the database is the
/// problem the frame falls back to a minimal one instead of failing a second time.
/// </summary>
public sealed class PortalChrome(SiteSettingsService settings, CatalogService catalog, ILogger<PortalChrome> log) : IPortalChrome
{
    private PortalFrame? frame;

    public async Task<PortalFrame> GetAsync(CancellationToken ct = default)
    {
        if (frame is not null) return frame;
        try
        {
            var site = await settings.GetAsync(ct);
            var tree = await catalog.GetTreeAsync(ct);
            frame = new PortalFrame(site, BuildNav(tree));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Portal frame unavailable; rendering the minimal layout");
            frame = new PortalFrame(new SiteSettings { SiteName = "政务公开平台" }, [new NavItem("home", "首页", "/")]);
        }
        return frame;
    }

    public static IReadOnlyList<NavItem> BuildNav(CatalogTree tree)
    {
        var nav = new List<NavItem> { new("home", "首页", "/") };
        foreach (var root in tree.Roots.Where(r => r.IsVisible))
            nav.Add(CatalogUrls.IsDisclosureRoot(root)
                ? new NavItem("xxgk", root.Name, "/xxgk")
                : new NavItem(root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Name, CatalogUrls.Column(root)));
        // 互动交流 (mailbox, consultations, interviews) is not a catalog column; a catalog that names one keeps its own.
        if (!nav.Any(n => n.Text == "互动交流")) nav.Add(new NavItem("hdjl", "互动交流", "/hdjl"));
        // 政策问答 sits right after 政策解读 when the catalog has one, else before 互动交流.
        if (!nav.Any(n => n.Text == "政策问答"))
        {
            var after = nav.FindIndex(n => n.Text.Contains("解读", StringComparison.Ordinal));
            var at = after >= 0 ? after + 1 : nav.FindIndex(n => n.Text == "互动交流");
            nav.Insert(at < 0 ? nav.Count : at, new NavItem("zcwd", "政策问答", "/zcwd"));
        }
        return nav;
    }
}
