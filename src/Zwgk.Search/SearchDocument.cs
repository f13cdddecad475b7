namespace Zwgk.Search;

/// <summary>One searchable item as the index sees it: a document, an interpretation, later a Q&amp;A entry.
/// The application builds these from its database; the engine never reads the database.</summary>
public sealed class SearchDocument
{
    /// <summary>Unique across content types, e.g. "document:42".</summary>
    public required string Key { get; init; }
    /// <summary>Content type code: document, interpretation, qa.</summary>
    public required string ContentType { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string? DocumentNumber { get; init; }
    public string? IndexNumber { get; init; }
    public string? Keywords { get; init; }
    public string? Summary { get; init; }
    /// <summary>Plain text of the body (no markup).</summary>
    public string Body { get; init; } = "";
    /// <summary>Issuing agencies, lead first.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];
    /// <summary>主题分类 as 一级\二级 or 一级.</summary>
    public string? Topic { get; init; }
    /// <summary>体裁 / 文种.</summary>
    public string? Genre { get; init; }
    /// <summary>有效性 label (有效, 失效, 废止 …).</summary>
    public string? Validity { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateOnly? WrittenOn { get; init; }
    /// <summary>Columns (栏目) the item is listed in, as opaque ids; the application maps them to names.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}
