namespace Zwgk.Domain.Search;

/// <summary>
/// "Content X changed": written in the same transaction as the change, consumed by every node's search indexer.
/// The task only names the content; the indexer reloads its current state, so tasks are idempotent and order-free.
/// </summary>
public class SearchIndexTask
{
    public long Id { get; set; }
    /// <summary>document, unit (re-index the documents of a renamed unit), later qa …</summary>
    public string ContentType { get; set; } = "";
    public int ContentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SearchContentTypes
{
    public const string Document = "document";
    public const string Interpretation = "interpretation";
    public const string Unit = "unit";
    /// <summary>政策问答库 entries (published, not resting on an abolished policy).</summary>
    public const string Qa = "qa";

    public static string Label(string type) => type switch
    {
        Document => "政府文件",
        Interpretation => "政策解读",
        Qa => "政策问答",
        _ => type,
    };
}

/// <summary>A colloquial term and the official terms searched with it (通俗语言词库), edited by the 公开办.</summary>
public class PlainLanguageTerm
{
    public int Id { get; set; }
    public string Category { get; set; } = "";
    public string Term { get; set; } = "";
    /// <summary>Official terms separated by '|'.</summary>
    public string Official { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public IReadOnlyList<string> OfficialTerms => Official.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// A term of the shipped plain-language dictionary that this site has already been given (added, or found deleted or
/// renamed by staff). The start-up top-up adds only shipped terms not recorded here, so entries shipped later reach an
/// existing site, and a term staff deleted is never put back.
/// </summary>
public class PlainLanguageShippedTerm
{
    public string Term { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One public search, for hot searches (热词) and tuning. Holds no user, address or session: the query, and a
/// keyed hash of client address + browser that changes with every hot-word window (so distinct searchers can be counted
/// within a window, and the address cannot be recovered or followed across windows).</summary>
public class SearchQueryLog
{
    public const int SearcherLength = 16;

    public long Id { get; set; }
    public string Query { get; set; } = "";
    public int Hits { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Hex of the keyed hash (see above); null for entries written before it existed.</summary>
    public string? Searcher { get; set; }
}

public enum HotWordMode { Pinned = 1, Blocked = 2 }

/// <summary>An editor's override of the hot-search list: pinned words show first, blocked words never show.</summary>
public class HotWord
{
    public int Id { get; set; }
    public string Word { get; set; } = "";
    public HotWordMode Mode { get; set; }
    public int Order { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public static class SearchRules
{
    public const int MaxTermLength = 30;

    /// <summary>Validates a plain-language entry; returns field → message (Chinese) for the admin form and API.</summary>
    public static Dictionary<string, string> Validate(string? category, string? term, IReadOnlyList<string> official)
    {
        var errors = new Dictionary<string, string>();
        var t = term?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(category)) errors["Category"] = "请选择或填写分类";
        else if (category.Trim().Length > 20) errors["Category"] = "分类不能超过20个字";
        if (t.Length < 2) errors["Term"] = "通俗说法至少2个字";
        else if (t.Length > MaxTermLength) errors["Term"] = $"通俗说法不能超过{MaxTermLength}个字";
        else if (t.Contains('|')) errors["Term"] = "通俗说法不能包含“|”";
        if (official.Count == 0) errors["Official"] = "请至少填写一个规范用语";
        else if (official.Count > 5) errors["Official"] = "规范用语最多5个";
        else if (official.Any(o => o.Length > MaxTermLength)) errors["Official"] = $"每个规范用语不能超过{MaxTermLength}个字";
        else if (official.Any(o => o == t)) errors["Official"] = "规范用语不能与通俗说法相同";
        return errors;
    }

    /// <summary>Queries that look like personal data (ID card, phone or bank numbers: 6+ digits in a row) are not logged.</summary>
    public static bool IsLoggable(string query)
    {
        if (query.Length is 0 or > 50) return false;
        int run = 0;
        foreach (var c in query)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 6) return false;
        }
        return !query.Contains('@');
    }
}
