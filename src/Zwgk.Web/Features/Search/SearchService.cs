using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Search;
using Zwgk.Search.Query;
using Zwgk.Search.Suggest;
using Zwgk.Web.Features.Catalog;

namespace Zwgk.Web.Features.Search;

/// <summary>What the portal page and the API accept. Sort: relevance (default), date (newest first), date_asc.</summary>
public sealed record PortalSearchQuery(string? Q, string? Type = null, string? Topic = null, string? Agency = null, int? Year = null,
    string? Genre = null, string? Validity = null, int? Column = null, string? Sort = null, int Page = 1, bool AsTyped = false)
{
    public const int PageSize = 10;

    public bool HasFilters => Type is not null || Topic is not null || Agency is not null || Year is not null || Genre is not null || Validity is not null || Column is not null;

    public SearchSort SortOrder => Sort switch { "date" => SearchSort.Newest, "date_asc" => SearchSort.Oldest, _ => SearchSort.Relevance };
}

public sealed record FacetValueView(string Value, string Label, int Count, bool Selected);
public sealed record FacetView(string Name, string Label, IReadOnlyList<FacetValueView> Values);
public sealed record SearchHitView(string Key, string Type, string TypeLabel, string Url, string Title, string TitleHtml, string SnippetHtml,
    string? DocumentNumber, string? IndexNumber, IReadOnlyList<string> Agencies, string? Topic, string? Genre, string? Validity, DateTimeOffset? PublishedAt);

public sealed record PortalSearchResult(
    string Query, int Total, int Page, int PageSize, IReadOnlyList<SearchHitView> Hits, IReadOnlyList<FacetView> Facets,
    IReadOnlyList<QueryExpansion> Expansions, string? PinyinReading, string? DidYouMean, string? CorrectedFrom,
    /// <summary>URL of the document whose 文号 or 索引号 is exactly the query.</summary>
    string? ExactUrl, IReadOnlyList<string> Related, IReadOnlyList<string> HotWords, double TookMs)
{
    /// <summary>Nothing matched the whole query: the hits hold most of it (shown as 「未找到完全匹配的结果，以下为部分匹配」).</summary>
    public bool Partial { get; init; }

    public int Pages => Math.Max(1, Math.Min((Total + PageSize - 1) / PageSize, SearchEngine.MaxWindow / PageSize));
}

public sealed record SuggestItem(string Text, string Kind);
public sealed record TitleItem(string Title, string TitleHtml, string Url);
public sealed record SuggestResult(string Query, IReadOnlyList<SuggestItem> Suggestions, IReadOnlyList<TitleItem> Titles);

/// <summary>Site search for the public: only published 主动公开 content is ever in the index (ADR 0004).</summary>
public sealed class SearchService(SearchIndexHolder holder, PlainLanguageProvider plain, SuggestionProvider suggestions, QueryLogWriter log,
    CatalogService catalog, ZwgkDbContext db, TimeProvider clock, IOptions<SearchOptions> options)
{
    public static readonly IReadOnlyDictionary<string, string> FacetLabels = new Dictionary<string, string>
    {
        ["type"] = "内容类型", ["topic"] = "主题分类", ["subtopic"] = "二级主题", ["agency"] = "发文机关", ["year"] = "年份",
        ["genre"] = "体裁", ["validity"] = "有效性", ["column"] = "所属栏目",
    };

    /// <param name="searcher">Hash of who searched (<see cref="SearcherHash"/>); null: the search is not logged.</param>
    public async Task<PortalSearchResult> SearchAsync(PortalSearchQuery q, string? searcher, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var text = (q.Q ?? "").Trim();
        if (text.Length > SearchRequest.MaxQueryLength) text = text[..SearchRequest.MaxQueryLength];
        var tree = await catalog.GetTreeAsync(ct);
        IReadOnlyList<string>? columns = null;
        if (q.Column is int col && tree.Find(col) is not null)
            columns = tree.SelfAndDescendants(col).Select(n => n.Id.ToString(CultureInfo.InvariantCulture)).ToList();

        var request = new SearchRequest
        {
            Query = text, Type = Blank(q.Type), Topic = Blank(q.Topic), Agency = Blank(q.Agency), Year = q.Year, Genre = Blank(q.Genre),
            Validity = Blank(q.Validity), Columns = columns, ColumnSelected = q.Column?.ToString(CultureInfo.InvariantCulture),
            Sort = q.SortOrder, Page = Math.Max(1, q.Page), PageSize = PortalSearchQuery.PageSize, AsTyped = q.AsTyped,
        };
        var dictionary = await plain.GetAsync(ct);
        var numbers = DocumentNumber.Normalize(text) is { IsValid: true, Value: { } canonical } ? new[] { canonical } : null;
        var result = holder.Engine.Search(request, dictionary, numbers);

        var suggester = await suggestions.GetAsync(ct);
        // Only phrases that lead to results: the suggestion sources include dictionary terms no document may contain.
        var related = suggester.Related(result.CorrectedFrom is null ? text : result.Query, 24).Select(e => e.Text)
            .Concat(result.Expansions.SelectMany(e => e.Official)).Distinct().Where(r => r != text)
            .Where(r => holder.Engine.HasMatches(r, dictionary)).Take(8).ToList();
        var hot = result.Total == 0 ? await HotWordsAsync(10, ct) : [];

        // Hot words and related searches are built from this log, so it records what people meant: the Chinese a pinyin
        // query stands for, the corrected form of a corrected query, and nothing for a probable typo.
        var meant = result.CorrectedFrom is not null ? result.Query
            : result.PinyinReading is not null ? result.DidYouMean
            : result.DidYouMean is null ? result.Query : null;
        if (searcher is not null && request.Page == 1 && !q.HasFilters && meant is { Length: > 0 } && SearchRules.IsLoggable(meant))
            log.Enqueue(new SearchQueryLog { Query = meant, Hits = result.Partial ? 0 : result.Total, At = clock.GetUtcNow(), Searcher = searcher });

        string? exactUrl = result.ExactKey is { } key ? result.Hits.FirstOrDefault(h => h.Key == key)?.Url ?? UrlOf(key) : null;
        return new PortalSearchResult(result.Query, result.Total, result.Page, result.PageSize,
            result.Hits.Select(ToView).ToList(), result.Facets.Select(f => ToView(f, tree)).Where(f => f.Values.Count > 0).ToList(),
            result.Expansions, result.PinyinReading, result.DidYouMean, result.CorrectedFrom, exactUrl, related, hot,
            clock.GetElapsedTime(started).TotalMilliseconds) { Partial = result.Partial };
    }

    private static string? UrlOf(string key) => key.StartsWith("document:", StringComparison.Ordinal) ? "/doc/" + key["document:".Length..] : null;

    public async Task<SuggestResult> SuggestAsync(string? q, CancellationToken ct = default)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0 || text.Length > 50) return new SuggestResult(text, [], []);
        var suggester = await suggestions.GetAsync(ct);
        var items = suggester.Complete(text, 8).Select(e => new SuggestItem(e.Text, e.Kind.ToString().ToLowerInvariant())).ToList();
        var titles = holder.Engine.SuggestTitles(text, 5).Select(t => new TitleItem(t.Title, t.TitleHtml, t.Url)).ToList();
        return new SuggestResult(text, items, titles);
    }

    /// <summary>热词: pinned words first, then the most searched queries with results in the window that enough different
    /// people asked and that read as words; blocked words never.</summary>
    public async Task<IReadOnlyList<string>> HotWordsAsync(int limit, CancellationToken ct = default)
    {
        var overrides = await db.HotWords.AsNoTracking().OrderBy(h => h.Order).ThenBy(h => h.Id).Select(h => new { h.Word, h.Mode }).ToListAsync(ct);
        var pinned = overrides.Where(o => o.Mode == HotWordMode.Pinned).Select(o => o.Word).ToList();
        var blocked = overrides.Where(o => o.Mode == HotWordMode.Blocked).Select(o => o.Word).ToHashSet(StringComparer.Ordinal);
        var popular = await PopularQueriesAsync(db, clock.GetUtcNow().AddDays(-options.Value.HotWindowDays), options.Value.HotWordMinSearchers,
            limit * 3 + blocked.Count, ct);
        var dictionary = await plain.GetAsync(ct);
        return pinned.Concat(popular.Select(p => p.Query).Where(w => !blocked.Contains(w) && HotWordCheck.IsWordLike(w, dictionary)))
            .Distinct().Take(limit).ToList();
    }

    /// <summary>Queries with results since <paramref name="since"/> asked by at least <paramref name="minSearchers"/>
    /// different searchers, most asked first (public hot words and suggestions).</summary>
    internal static async Task<List<(string Query, int Count)>> PopularQueriesAsync(ZwgkDbContext db, DateTimeOffset since, int minSearchers, int take,
        CancellationToken ct)
    {
        var rows = await db.SearchQueryLogs.AsNoTracking().Where(l => l.At >= since && l.Hits > 0 && l.Searcher != null)
            .GroupBy(l => l.Query).Select(g => new { Query = g.Key, Count = g.Count(), Searchers = g.Select(x => x.Searcher).Distinct().Count() })
            .Where(g => g.Searchers >= minSearchers)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Query).Take(take).ToListAsync(ct);
        return rows.Select(r => (r.Query, r.Count)).ToList();
    }

    private static SearchHitView ToView(SearchHit h) => new(h.Key, h.ContentType, SearchContentTypes.Label(h.ContentType), h.Url, h.Title, h.TitleHtml,
        h.SnippetHtml, h.DocumentNumber, h.IndexNumber, h.Agencies, h.Topic, h.Genre, h.Validity, h.PublishedAt);

    private static FacetView ToView(Facet f, CatalogTree tree) => new(f.Name, FacetLabels.GetValueOrDefault(f.Name, f.Name),
        f.Values.Select(v => new FacetValueView(v.Value, Label(f.Name, v.Value, tree), v.Count, v.Selected))
            .Where(v => v.Label.Length > 0).Take(f.Name is "agency" or "column" ? 30 : 50).ToList());

    private static string Label(string facet, string value, CatalogTree tree) => facet switch
    {
        "type" => SearchContentTypes.Label(value),
        "column" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && tree.Find(id) is { } n ? n.Name : "",
        "subtopic" => value[(value.IndexOf('\\') + 1)..],
        "year" => value + "年",
        _ => value,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
