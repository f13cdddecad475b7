using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(CatalogService catalog, DocumentQueries queries, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public ColumnNode? Disclosure { get; private set; }
    /// <summary>Sub-columns of 法定主动公开内容 shown as tiles.</summary>
    public IReadOnlyList<ColumnNode> Tiles { get; private set; } = [];
    /// <summary>Other 政府信息公开 entries (指南, 制度, 年报).</summary>
    public IReadOnlyList<ColumnNode> DisclosureLinks { get; private set; } = [];
    public IReadOnlyList<DocumentListItem> Latest { get; private set; } = [];
    public ColumnNode? NoticeColumn { get; private set; }
    public IReadOnlyList<DocumentListItem> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Formats.Today(clock);
        var tree = await catalog.GetTreeAsync(ct);
        Disclosure = CatalogUrls.DisclosureRoot(tree);
        if (Disclosure is not null)
        {
            var statutory = Disclosure.Children.FirstOrDefault(c => c.Slug == PortalUrls.StatutorySlug)
                ?? Disclosure.Children.OrderByDescending(c => c.Children.Count).FirstOrDefault();
            Tiles = statutory?.Children.Where(c => c.IsVisible).ToList() ?? [];
            DisclosureLinks = Disclosure.Children.Where(c => c.IsVisible && c != statutory).ToList();
        }
        Latest = (await queries.ListPublicAsync(new PublicListFilter(PageSize: 10), ct)).Items;
        NoticeColumn = CatalogUrls.FindBySlug(tree, PortalUrls.NoticeSlug);
        if (NoticeColumn is not null && CatalogUrls.IsPubliclyVisible(tree, NoticeColumn.Id))
            Notices = (await queries.ListPublicAsync(new PublicListFilter(ColumnId: NoticeColumn.Id, PageSize: 8), ct)).Items;
        else NoticeColumn = null;
    }
}
