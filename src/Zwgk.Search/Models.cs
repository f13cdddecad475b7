namespace Zwgk.Search;

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>A public search. Filters are exact facet values; Columns matches any of the given column ids.</summary>
public sealed record SearchRequest
{
    /// <summary>Longer input is cut: nobody types a 100-character query, and it bounds the query's cost.</summary>
    public const int MaxQueryLength = 100;

    public string Query { get; init; } = "";
    public string? Type { get; init; }
    public string? Topic { get; init; }
    public string? Agency { get; init; }
    public int? Year { get; init; }
    public string? Genre { get; init; }
    public string? Validity { get; init; }
    /// <summary>Column filter: the chosen column and its descendants (the application expands the tree).</summary>
    public IReadOnlyList<string>? Columns { get; init; }
    /// <summary>Column id shown as selected in the column facet.</summary>
    public string? ColumnSelected { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    /// <summary>Search exactly what was typed: no automatic correction of a probable typo (the 仍然搜索 link).</summary>
    public bool AsTyped { get; init; }
    /// <summary>Whether to compute facet counts (the suggest box and exact lookups do not need them).</summary>
    public bool WithFacets { get; init; } = true;
}

public sealed record SearchHit(string Key, string ContentType, string Url, string Title, string TitleHtml, string SnippetHtml,
    string? DocumentNumber, string? IndexNumber, IReadOnlyList<string> Agencies, string? Topic, string? Genre, string? Validity,
    DateTimeOffset? PublishedAt, float Score);

public sealed record FacetValue(string Value, int Count, bool Selected);

public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

/// <summary>A colloquial term found in the query and the official terms searched with it (通俗语言).</summary>
public sealed record QueryExpansion(string Term, IReadOnlyList<string> Official);

public sealed record SearchResult(
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<Facet> Facets,
    IReadOnlyList<QueryExpansion> Expansions,
    /// <summary>How the Latin part of the query was read as pinyin, e.g. "zheng wu gong kai"; null if not.</summary>
    string? PinyinReading,
    /// <summary>"您是不是要找": a better query, when this one found little or was typed in pinyin.</summary>
    string? DidYouMean,
    /// <summary>Key of the item whose 文号 or 索引号 equals the query exactly.</summary>
    string? ExactKey)
{
    /// <summary>When nothing matched what was typed and the results are for <see cref="DidYouMean"/> instead: the original query.</summary>
    public string? CorrectedFrom { get; init; }

    /// <summary>No document matched the whole query: the hits hold most of it (未找到完全匹配的结果，以下为部分匹配).</summary>
    public bool Partial { get; init; }
}
