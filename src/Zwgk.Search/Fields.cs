namespace Zwgk.Search;

/// <summary>Lucene field names. Text is indexed three ways (ADR 0004): dictionary words for precision, character
/// unigrams+bigrams so nothing out of vocabulary is unfindable, and a pinyin field for titles and keywords.</summary>
internal static class Fields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Url = "url";
    public const string Date = "date";          // numeric doc values: published ticks (sort, freshness)
    public const string TitleStored = "title_s";
    public const string BodyStored = "body_s";
    public const string NumberStored = "number_s";
    public const string IndexStored = "index_s";
    public const string AgencyStored = "agency_s";
    public const string DateStored = "date_s";
    public const string SummaryStored = "summary_s";

    public const string TitleWords = "title_w";
    public const string TitleGrams = "title_g";
    public const string Pinyin = "py";            // title + keywords: char, syllable and initial stacked per position
    public const string NumberGrams = "number_g";
    public const string NumberExact = "number_x";
    public const string IndexExact = "index_x";
    public const string KeywordWords = "kw_w";
    public const string BodyWords = "body_w";
    /// <summary>Title (twice), keywords, summary and body as words in one field: one postings list per word decides the
    /// matches and a first ranking cheaply; the per-field scoring runs only on the top of that ranking (ADR 0004).</summary>
    public const string AllWords = "all_w";
    /// <summary>Titles and keywords as bigrams of initials (政务公开 → zw wg gk): initials typed as a phrase (zwgk) become a
    /// phrase of these, far more selective than a phrase of single letters that occur in nearly every title.</summary>
    public const string PinyinInitials = "pyi";
    public const string BodyGrams = "body_g";

    // Facet dimensions: indexed as exact terms for filtering and as doc values for counting.
    public const string Topic = "topic";          // both levels: 一级 and 一级\二级
    public const string Topic1 = "topic1";
    public const string Agency = "agency";
    public const string Year = "year";
    public const string Genre = "genre";
    public const string Validity = "validity";
    public const string Column = "column";
}
