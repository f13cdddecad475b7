using Zwgk.Domain.Documents;

namespace Zwgk.Import;

/// <summary>
/// What <see cref="DocumentExtractor.Extract"/> found in an imported file. Values are only ever taken from the text:
/// a field that could not be found is null and its name is listed in <see cref="Missing"/>.
/// </summary>
public sealed record ImportCandidate
{
    /// <summary>Field names used in <see cref="Missing"/>.</summary>
    public static class Fields
    {
        public const string Title = "title";
        public const string DocumentNumber = "documentNumber";
        public const string IssuingAgency = "issuingAgency";
        public const string WrittenOn = "writtenOn";
    }

    public required string SourceFileName { get; init; }

    /// <summary>标题, joined from wrapped lines.</summary>
    public string? Title { get; init; }

    /// <summary>发文字号 in canonical form (see <see cref="Documents.DocumentNumber.Normalize"/>).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>发文字号 exactly as it appears in the source text.</summary>
    public string? DocumentNumberOriginal { get; init; }

    /// <summary>Full normalisation result for the 发文字号 (changes, two-digit-year warning…).</summary>
    public DocumentNumberResult? DocumentNumberCheck { get; init; }

    /// <summary>发文机关.</summary>
    public string? IssuingAgency { get; init; }

    /// <summary>Every issuing agency of a joint document, lead issuer first (only the lead's 文号 is carried).</summary>
    public IReadOnlyList<string> IssuingAgencies { get; init; } = [];

    /// <summary>发布日期 from the page's 信息索引表 (发布日期, or a portal's 发文日期/生成日期).</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>索引号 from the page's 信息索引表, verbatim.</summary>
    public string? IndexNumber { get; init; }

    /// <summary>主题分类 as the page's 信息索引表 writes it.</summary>
    public string? TopicCategory { get; init; }

    /// <summary>Where the page's 信息索引表 disagrees with the document itself (the document's value was kept), in Chinese.</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    /// <summary>成文日期 (the signing date).</summary>
    public DateOnly? WrittenOn { get; init; }

    /// <summary>Body blocks (the header, 文号 and title are not repeated here).</summary>
    public required IReadOnlyList<TextBlock> Blocks { get; init; }

    /// <summary>Body as safe HTML: &lt;p&gt;, &lt;h2&gt;/&lt;h3&gt;, &lt;table&gt;; all text HTML-encoded.</summary>
    public required string BodyHtml { get; init; }

    /// <summary>Names (see <see cref="Fields"/>) of the fields that could not be found.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Chinese notes on what was normalised, and where values came from.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>True when a value was accepted but should be checked by a person (e.g. a two-digit year in the 文号).</summary>
    public bool NeedsReview => DocumentNumberCheck?.NeedsReview == true;
}
