using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Portal;

/// <summary>Interim search: full-text search comes later; until then a title-contains match over public documents.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SearchModel(DocumentQueries queries, TimeProvider clock) : PageModel
{
    public const int MaxQueryLength = 100;

    public string Query { get; private set; } = "";
    public PagedResult<DocumentListItem>? Result { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Today = Formats.Today(clock);
        Query = (q ?? "").Trim();
        if (Query.Length > MaxQueryLength) Query = Query[..MaxQueryLength];
        if (Query.Length == 0) return;
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var term = Query;
        var matches = queries.Public.Where(d => d.Title.Contains(term) || (d.DocumentNumber != null && d.DocumentNumber.Contains(term)))
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id);
        Result = await DocumentQueries.PageAsync(matches, page, 20, ct);
    }

    public string PageUrl(int page) => $"/search?q={Uri.EscapeDataString(Query)}" + (page > 1 ? $"&page={page}" : "");
}
