using System.Globalization;
using Ganss.Xss;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>A column: document list with filters and paging, a single page, or a redirect to an external site.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ColumnModel(CatalogService catalog, DocumentQueries queries, ZwgkDbContext db, IHtmlSanitizer sanitizer, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public ColumnNode Column { get; private set; } = null!;
    public IReadOnlyList<ColumnNode> Path { get; private set; } = [];
    /// <summary>Heading of the side navigation (the parent, or the column itself at the top level).</summary>
    public ColumnNode NavRoot { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string? PageHtml { get; private set; }
    public PagedResult<DocumentListItem>? Result { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Issuers { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "topic")] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "validity")] public Validity? ValidityFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public int? Unit { get; set; }
    /// <summary>Read from the query by hand: "page" is a reserved route value in Razor Pages.</summary>
    public int PageNumber { get; private set; } = 1;

    public bool Filtered => Year is not null || Topic is not null || ValidityFilter is not null || Unit is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var tree = await catalog.GetTreeAsync(ct);
        if (tree.Find(id) is not { } column || !CatalogUrls.IsPubliclyVisible(tree, id)) return NotFound();
        Column = column;
        Path = tree.PathOf(id);
        NavRoot = Path.Count >= 2 ? Path[^2] : column;
        Today = Formats.Today(clock);

        switch (column.Type)
        {
            case ColumnType.ExternalLink:
                return Uri.TryCreate(column.ExternalUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                    ? Redirect(url.AbsoluteUri)
                    : NotFound();
            case ColumnType.SinglePage:
                var html = await db.Columns.AsNoTracking().Where(c => c.Id == id).Select(c => c.PageHtml).FirstOrDefaultAsync(ct);
                PageHtml = string.IsNullOrWhiteSpace(html) ? null : Documents.Public.BodyHtml.ForPortal(sanitizer.Sanitize(html));
                return Page();
        }

        if (Topic is not null && !TopicCategories.Tree.Any(t => t.Name == Topic)) Topic = null;
        if (ValidityFilter is { } v && !Enum.IsDefined(v)) ValidityFilter = null;
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        Result = await queries.ListPublicAsync(new PublicListFilter(id, Year, Topic, ValidityFilter, Unit, PageNumber, PageSize), ct);
        Years = await queries.PublicYearsAsync(ct);
        Issuers = await queries.PublicIssuersAsync(ct);
        return Page();
    }

    /// <summary>Link to a page of this list keeping the active filters.</summary>
    public string PageUrl(int page)
    {
        var q = new List<string>();
        if (Year is int y) q.Add($"year={y}");
        if (Topic is not null) q.Add($"topic={Uri.EscapeDataString(Topic)}");
        if (ValidityFilter is Validity v) q.Add($"validity={v}");
        if (Unit is int u) q.Add($"unit={u}");
        if (page > 1) q.Add($"page={page}");
        return $"/column/{Column.Id}" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
