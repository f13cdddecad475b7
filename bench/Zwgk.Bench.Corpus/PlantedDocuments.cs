using System.Globalization;
using System.Text;

namespace Zwgk.Bench.Corpus;

/// <summary>
/// The hand-written documents the judged queries are about: specific, realistic policies of the demo district (济南市市中区),
/// the three real 政务公开工作要点 seeds (faithful excerpts), interpretations (政策解读) of several of them, and older
/// 失效 versions next to current ones so that year and validity filters matter.
/// </summary>
public static class PlantedDocuments
{
    /// <summary>All planted documents in key order. Validated once, together with <see cref="JudgedQueries.All"/>, on first use.</summary>
    public static IReadOnlyList<CorpusDocument> All { get; } = CorpusData.Documents;
}

/// <summary>The judged queries over <see cref="PlantedDocuments"/>.</summary>
public static class JudgedQueries
{
    /// <summary>All judged queries. Every relevant key exists in <see cref="PlantedDocuments.All"/> (checked on first use).</summary>
    public static IReadOnlyList<JudgedQuery> All { get; } = CorpusData.Queries;
}

/// <summary>Builds both lists once and validates them together, so either entry point checks the whole corpus.</summary>
internal static class CorpusData
{
    public static readonly CorpusDocument[] Documents = Planted.Build();
    public static readonly JudgedQuery[] Queries = QueryList.Build();

    static CorpusData() => CorpusValidation.Validate(Documents, Queries);
}

/// <summary>Helpers shared by the planted-document files.</summary>
internal static partial class Planted
{
    public static CorpusDocument[] Build()
    {
        var all = new List<CorpusDocument>(160);
        all.AddRange(Openness());
        all.AddRange(SocialInsurance());
        all.AddRange(Assistance());
        all.AddRange(Housing());
        all.AddRange(Education());
        all.AddRange(Health());
        all.AddRange(Employment());
        all.AddRange(Business());
        all.AddRange(Civil());
        all.AddRange(Various());
        return [.. all];
    }

    private const string Document = "document";
    private const string Interpretation = "interpretation";

    // Columns of the site catalog.
    private const string Normative = "行政规范性文件";
    private const string Other = "其他文件";
    private const string Notices = "通知公告";
    private const string Interpretations = "政策解读";
    private const string Retired = "废止失效文件";
    private const string AnnualReports = "政府信息公开年报";

    private const string InForce = "有效";
    private const string Expired = "失效";
    private const string Abolished = "废止";

    private static readonly HashSet<string> SignedGenres = new(StringComparer.Ordinal)
    {
        "通知", "意见", "公告", "通告", "通报", "决定", "批复", "函",
    };

    /// <summary>
    /// A planted document. <paramref name="written"/> is yyyy-MM-dd. The 索引号 is derived from the issuer's credit code, the year
    /// and the key, so it is stable and unique; publication follows a few days after 成文日期 within the same year.
    /// Documents of the statutory kinds (通知, 意见, 公告 …) get the 落款 (issuer and date) appended unless <paramref name="signed"/> is false.
    /// </summary>
    private static CorpusDocument Doc(
        string key, string title, string? number, Agency agency, string topic, string genre, string validity, string written,
        string? keywords, string column, string body, string contentType = Document, bool? signed = null, bool indexed = true)
    {
        var n = int.Parse(key.AsSpan(1), CultureInfo.InvariantCulture);
        var writtenOn = DateOnly.ParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var publishedDay = writtenOn.AddDays(contentType == Interpretation ? 0 : n % 4 + 1);
        if (publishedDay.Year != writtenOn.Year) publishedDay = writtenOn;
        var local = publishedDay.ToDateTime(new TimeOnly(9, 0)).AddMinutes(n * 23 % 480);
        var publishedAt = new DateTimeOffset(local, TimeSpan.FromHours(8));

        var text = new StringBuilder(body.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        if (signed ?? (contentType == Document && SignedGenres.Contains(genre)))
            text.Append('\n').Append(agency.Name).Append('\n').Append(ChineseDate(writtenOn));

        var index = indexed ? $"{agency.CreditCode}/{writtenOn.Year}-{100 + n * 7:D7}" : null;
        return new CorpusDocument(key, contentType, title, number, index, agency.Name, topic, genre, validity, writtenOn, publishedAt,
            keywords, text.ToString(), column);
    }

    private static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
