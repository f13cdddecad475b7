using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Domain.Search;
using Zwgk.Search;
using Zwgk.Search.Query;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Portal;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Search.Public;

/// <summary>
/// 站内检索 for the public. Works without JavaScript: a GET form, and every filter, sort and page is a plain link.
/// Not output-cached: queries are logged for hot words and statistics. An exact 文号/索引号 jumps to the document.
/// </summary>
public sealed class SearchModel(SearchService search, CatalogService catalog, SearcherHash searchers) : PageModel
{
    /// <summary>Query-string keys of the filters, in the order they appear in generated links.</summary>
    public static readonly string[] FilterKeys = ["type", "topic", "agency", "year", "genre", "validity", "column"];

    public static readonly (string Key, string Label)[] Sorts = [("relevance", "相关度"), ("date", "最新发布"), ("date_asc", "最早发布")];

    /// <summary>What the reader typed (shown in the box), trimmed and cut to the maximum length.</summary>
    public string Query { get; private set; } = "";
    public string Sort { get; private set; } = "relevance";
    public int PageNumber { get; private set; } = 1;
    public bool NoJump { get; private set; }
    /// <summary>Search what was typed without automatic typo correction (the 仍然搜索 link).</summary>
    public bool AsTyped { get; private set; }
    /// <summary>Active filters (query-string key → value).</summary>
    public Dictionary<string, string> Filters { get; } = new(StringComparer.Ordinal);
    public PortalSearchResult? Result { get; private set; }
    /// <summary>Shown when there is no query: pinned and popular searches.</summary>
    public IReadOnlyList<string> HotWords { get; private set; } = [];
    /// <summary>The 政府信息公开指南 page (how to apply for information not published), when the column exists publicly.</summary>
    public string? GuideUrl { get; private set; }
    private CatalogTree? tree;

    public bool HasFilters => Filters.Count > 0;
    /// <summary>Nothing asked yet: the start page with hot words and tips.</summary>
    public bool IsStart => Query.Length == 0 && !HasFilters;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var q = Request.Query;
        Query = q["q"].ToString().Trim();
        if (Query.Length > SearchRequest.MaxQueryLength) Query = Query[..SearchRequest.MaxQueryLength];
        foreach (var key in FilterKeys)
        {
            var value = q[key].ToString().Trim();
            if (value.Length == 0 || value.Length > 200) continue;
            if (key is "year" or "column" && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            Filters[key] = value;
        }
        var sort = q["sort"].ToString();
        Sort = Sorts.Any(s => s.Key == sort) ? sort : "relevance";
        PageNumber = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? Math.Min(p, SearchEngine.MaxWindow) : 1;
        NoJump = q["nojump"] == "1";
        AsTyped = q["asis"] == "1";

        tree = await catalog.GetTreeAsync(ct);
        if (CatalogUrls.FindBySlug(tree, "gkzn") is { } guide && CatalogUrls.IsPubliclyVisible(tree, guide.Id)) GuideUrl = CatalogUrls.Column(guide);

        if (IsStart)
        {
            HotWords = await search.HotWordsAsync(10, ct);
            return Page();
        }

        var query = new PortalSearchQuery(Query, Filter("type"), Filter("topic"), Filter("agency"), IntFilter("year"), Filter("genre"),
            Filter("validity"), IntFilter("column"), Sort == "relevance" ? null : Sort, PageNumber, AsTyped);
        Result = await search.SearchAsync(query, searchers.Of(HttpContext), ct);

        // 文号 or 索引号 typed exactly: straight to the document (the reader can come back with nojump=1).
        if (Result.ExactUrl is { } exact && PageNumber == 1 && !HasFilters && !NoJump) return Redirect(exact);
        return Page();
    }

    private string? Filter(string key) => Filters.GetValueOrDefault(key);

    private int? IntFilter(string key) =>
        Filters.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Link to this search with some parameters changed (null removes one); filters and sort go back to page 1.</summary>
    public string Link(IReadOnlyDictionary<string, string?>? changes = null, int page = 1, string? query = null, bool asTyped = false)
    {
        var values = new List<KeyValuePair<string, string>>();
        var q = query ?? Query;
        if (q.Length > 0) values.Add(new("q", q));
        foreach (var key in FilterKeys)
        {
            var value = changes is not null && changes.TryGetValue(key, out var changed) ? changed : Filters.GetValueOrDefault(key);
            if (!string.IsNullOrEmpty(value)) values.Add(new(key, value));
        }
        var sort = changes is not null && changes.TryGetValue("sort", out var s) ? s : Sort;
        if (!string.IsNullOrEmpty(sort) && sort != "relevance") values.Add(new("sort", sort));
        if (page > 1) values.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        if (NoJump && values.Count > 0) values.Add(new("nojump", "1"));
        if ((AsTyped || asTyped) && q.Length > 0) values.Add(new("asis", "1"));
        return Build(values);
    }

    /// <summary>仍然搜索: the query as typed, not corrected, with the current filters.</summary>
    public string AsTypedLink(string typed) => Link(null, 1, typed, asTyped: true);

    public string FilterLink(string key, string? value) => Link(new Dictionary<string, string?> { [key] = value });

    public string SortLink(string sort) => Link(new Dictionary<string, string?> { ["sort"] = sort });

    public string PageLink(int page) => Link(null, page);

    /// <summary>Every filter removed, query and sort kept.</summary>
    public string ClearFiltersLink() => Link(FilterKeys.ToDictionary(k => k, string? (_) => null));

    /// <summary>A fresh search for another query (hot words, related searches, did-you-mean): no filters.</summary>
    public static string SearchLink(string query) => Build([new("q", query)]);

    private static string Build(List<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0) return "/search";
        var sb = new StringBuilder("/search?");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append('&');
            sb.Append(values[i].Key).Append('=').Append(Uri.EscapeDataString(values[i].Value));
        }
        return sb.ToString();
    }

    /// <summary>Label of an active filter even when its facet has no values left (nothing found).</summary>
    public string FilterLabel(string key, string value)
    {
        var fromFacet = Result?.Facets.FirstOrDefault(f => f.Name == key)?.Values.FirstOrDefault(v => v.Value == value)?.Label;
        if (!string.IsNullOrEmpty(fromFacet)) return fromFacet;
        return key switch
        {
            "type" => SearchContentTypes.Label(value),
            "year" => value + "年",
            "column" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && tree?.Find(id) is { } n ? n.Name : value,
            _ => value,
        };
    }

    public static string FilterName(string key) => SearchService.FacetLabels.GetValueOrDefault(key, key);

    /// <summary>Facets the page can filter on (each maps to a query-string key).</summary>
    public IEnumerable<FacetView> Facets => Result?.Facets.Where(f => FilterKeys.Contains(f.Name)) ?? [];

    public static string ValidityCss(string? validity) => validity switch
    {
        "现行有效" => "v-inforce",
        "已修改" => "v-amended",
        "失效" => "v-expired",
        "废止" => "v-abolished",
        "尚未生效" => "v-pending",
        _ => "v-expired",
    };

    public static string FormatMs(double ms) => ms < 10 ? ms.ToString("0.#", CultureInfo.InvariantCulture) : Math.Round(ms).ToString(CultureInfo.InvariantCulture);
}
