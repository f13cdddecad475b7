namespace Zwgk.Bench.Corpus;

/// <summary>
/// One published document as the search index sees it. Planted documents have keys "P001"…, generated ones "G0000001"….
/// </summary>
/// <param name="Key">"P001"… for planted documents, "G0000001"… for generated ones.</param>
/// <param name="ContentType">"document", or "interpretation" for a 政策解读.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号, e.g. 市中政办发〔2024〕3号; null when the document has none.</param>
/// <param name="IndexNumber">索引号 {unit credit code}/{year}-{7-digit serial}; null when unknown.</param>
/// <param name="Agency">发文机关 (full name).</param>
/// <param name="Topic">主题分类, stored as 一级\二级 (or 一级 alone) from the national list.</param>
/// <param name="Genre">体裁 (文种): 通知, 意见, 办法, 方案, 公告, 解读 ….</param>
/// <param name="Validity">"有效", "失效" or "废止".</param>
/// <param name="WrittenOn">成文日期.</param>
/// <param name="PublishedAt">发布时间 (China Standard Time offset).</param>
/// <param name="Keywords">主题词 separated by spaces; null when none.</param>
/// <param name="Body">Plain text, paragraphs separated by '\n'.</param>
/// <param name="Column">栏目 name from the site catalog (行政规范性文件, 其他文件, 通知公告, 政策解读, 工作动态 …).</param>
public sealed record CorpusDocument(
    string Key,
    string ContentType,
    string Title,
    string? DocumentNumber,
    string? IndexNumber,
    string Agency,
    string Topic,
    string Genre,
    string Validity,
    DateOnly WrittenOn,
    DateTimeOffset PublishedAt,
    string? Keywords,
    string Body,
    string Column);

/// <summary>
/// A query with the planted documents a person would judge relevant, best first.
/// Filters restrict results the way the search page does: topic (exact stored value 一级\二级), genre (exact), year (of 成文日期,
/// which for every planted document is also the year of publication).
/// </summary>
/// <param name="Query">What the user types.</param>
/// <param name="Class">short, long, pinyin, initials, mixed, colloquial, number, traditional, filtered or typo.</param>
/// <param name="Relevant">Keys of the relevant planted documents, best first; at least one.</param>
public sealed record JudgedQuery(
    string Query,
    string Class,
    IReadOnlyList<string> Relevant,
    string? TopicFilter = null,
    string? GenreFilter = null,
    int? YearFilter = null);
