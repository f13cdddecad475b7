using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Import;

/// <summary>Element a 信息索引表 label stands for.</summary>
public enum IndexField
{
    Other,
    Title,
    DocumentNumber,
    IssuingAgency,
    WrittenOn,
    PublishedOn,
    IndexNumber,
    TopicCategory,
}

/// <summary>What the 信息索引表 (metadata block) at the top of a portal page says; raw values as the page writes them.</summary>
public sealed record PageIndexInfo
{
    public string? Title { get; init; }
    public string? DocumentNumber { get; init; }
    public IReadOnlyList<string> IssuingAgencies { get; init; } = [];
    public DateOnly? WrittenOn { get; init; }
    /// <summary>发布日期; a portal's 发文日期/生成日期 is the publication date too.</summary>
    public DateOnly? PublishedOn { get; init; }
    /// <summary>Label the publication date came from (发布日期, 发文日期, 生成日期 …).</summary>
    public string? PublishedOnLabel { get; init; }
    public string? IndexNumber { get; init; }
    public string? TopicCategory { get; init; }
    public bool IsEmpty => Title is null && DocumentNumber is null && IssuingAgencies.Count == 0 && WrittenOn is null
        && PublishedOn is null && IndexNumber is null && TopicCategory is null;
}

/// <summary>
/// Reads 信息索引表 blocks in the layouts portals use: <c>label：value</c> pairs several to a line, labels with spaces
/// inside (<c>文    号</c>, <c>索 引 号</c>), pipe rows (<c>文号 | … | 成文日期: | … |</c>), table rows, one cell per line,
/// half- and full-width colons, and the usual synonyms of each label.
/// </summary>
public static partial class PageIndex
{
    private static readonly (string Label, IndexField Field)[] Labels =
    [
        ("标题", IndexField.Title), ("文件标题", IndexField.Title), ("名称", IndexField.Title), ("文件名称", IndexField.Title),
        ("发文字号", IndexField.DocumentNumber), ("文号", IndexField.DocumentNumber), ("文件号", IndexField.DocumentNumber),
        ("文件编号", IndexField.DocumentNumber),
        ("发文机关", IndexField.IssuingAgency), ("发文单位", IndexField.IssuingAgency), ("发布机构", IndexField.IssuingAgency),
        ("发文机构", IndexField.IssuingAgency), ("发布单位", IndexField.IssuingAgency), ("成文单位", IndexField.IssuingAgency),
        ("成文日期", IndexField.WrittenOn), ("成文时间", IndexField.WrittenOn),
        ("发布日期", IndexField.PublishedOn), ("发文日期", IndexField.PublishedOn), ("生成日期", IndexField.PublishedOn),
        ("发布时间", IndexField.PublishedOn), ("公开日期", IndexField.PublishedOn),
        ("索引号", IndexField.IndexNumber),
        ("主题分类", IndexField.TopicCategory), ("组配分类", IndexField.TopicCategory), ("信息分类", IndexField.TopicCategory),
        ("主题词", IndexField.Other), ("关键词", IndexField.Other), ("有效性", IndexField.Other), ("体裁", IndexField.Other),
        ("公文种类", IndexField.Other), ("文种", IndexField.Other), ("信息来源", IndexField.Other), ("来源", IndexField.Other),
        ("公开方式", IndexField.Other), ("公开范围", IndexField.Other), ("公开时限", IndexField.Other), ("时效", IndexField.Other),
        ("生效日期", IndexField.Other), ("废止日期", IndexField.Other), ("失效日期", IndexField.Other), ("浏览次数", IndexField.Other),
        ("统一编号", IndexField.Other), ("登记号", IndexField.Other),
    ];

    private static readonly Dictionary<string, IndexField> ByLabel = Labels.ToDictionary(l => l.Label, l => l.Field);

    /// <summary>Label regex: each label may have spaces between its characters; longest labels first.</summary>
    private static readonly Regex LabelPattern = new(
        "(?<label>" + string.Join('|', Labels.Select(l => l.Label).OrderByDescending(l => l.Length)
            .Select(l => string.Join(@"[\s\u3000\u00A0]*", l.Select(c => Regex.Escape(c.ToString()))))) + @")[\s\u3000\u00A0]*(?<colon>[:：])?",
        RegexOptions.Compiled);

    /// <summary>The field <paramref name="text"/> names when it is nothing but a label (spaces and a colon allowed).</summary>
    public static IndexField? AsLabel(string text)
    {
        var key = Compact(text).TrimEnd(':', '：');
        return ByLabel.TryGetValue(key, out var field) ? field : null;
    }

    /// <summary>
    /// Splits one line into (label, value) pairs when it is made of labelled values only; null when the line is something else.
    /// A label standing alone yields a pair with a null value (the value follows in the next cell or line).
    /// </summary>
    public static List<(string Label, string? Value)>? ParseLine(string line)
    {
        if (line.Contains('|') || line.Contains('｜'))
        {
            var cells = line.Split(['|', '｜']).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            var pairs = ParseCells(cells);
            return pairs.Count > 0 ? pairs : null;
        }

        var matches = LabelPattern.Matches(line).Where(m => IsLabelMatch(line, m)).ToList();
        if (matches.Count == 0 || line[..matches[0].Index].Trim().Length > 0)
        {
            return null;
        }

        // "文号" alone, or "label: value label: value …" (a value without a colon only when the line is one label + value).
        if (matches.Count == 1 && !matches[0].Groups["colon"].Success)
        {
            var rest = line[(matches[0].Index + matches[0].Length)..].Trim();
            return rest.Length == 0 ? [(Compact(matches[0].Groups["label"].Value), null)] : null;
        }

        if (matches.Any(m => !m.Groups["colon"].Success))
        {
            return null;
        }

        var result = new List<(string, string?)>();
        for (var k = 0; k < matches.Count; k++)
        {
            var start = matches[k].Index + matches[k].Length;
            var end = k + 1 < matches.Count ? matches[k + 1].Index : line.Length;
            var value = line[start..end].Trim().Trim('\u3000');
            result.Add((Compact(matches[k].Groups["label"].Value), value.Length == 0 ? null : value));
        }

        return result;
    }

    /// <summary>Pairs in a row of cells: "label" followed by its value cell, or "label：value" in one cell.</summary>
    public static List<(string Label, string? Value)> ParseCells(IReadOnlyList<string> cells)
    {
        var result = new List<(string, string?)>();
        for (var c = 0; c < cells.Count; c++)
        {
            if (AsLabel(cells[c]) is not null)
            {
                var hasValue = c + 1 < cells.Count && AsLabel(cells[c + 1]) is null;
                result.Add((Compact(cells[c]).TrimEnd(':', '：'), hasValue ? cells[c + 1].Trim() : null));
                if (hasValue)
                {
                    c++;
                }

                continue;
            }

            if (ParseLine(cells[c]) is { } inline)
            {
                result.AddRange(inline);
            }
        }

        return result;
    }

    /// <summary>Builds the index from (label, value) pairs; the first value of each field wins.</summary>
    public static PageIndexInfo Build(IEnumerable<(string Label, string? Value)> pairs)
    {
        string? title = null, number = null, indexNumber = null, topic = null, publishedLabel = null;
        IReadOnlyList<string> agencies = [];
        DateOnly? written = null, published = null;
        foreach (var (label, raw) in pairs)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value) || value is "无" or "—" or "-" or "/" or "暂无")
            {
                continue;
            }

            switch (ByLabel.GetValueOrDefault(label))
            {
                case IndexField.Title: title ??= value; break;
                case IndexField.DocumentNumber: number ??= value; break;
                case IndexField.IssuingAgency when agencies.Count == 0: agencies = SplitAgencies(value); break;
                case IndexField.WrittenOn when written is null: written = ParseDate(value); break;
                case IndexField.PublishedOn when published is null:
                    published = ParseDate(value);
                    publishedLabel = published is null ? null : label;
                    break;
                case IndexField.IndexNumber: indexNumber ??= Compact(value); break;
                case IndexField.TopicCategory: topic ??= value; break;
            }
        }

        return new PageIndexInfo
        {
            Title = title, DocumentNumber = number, IssuingAgencies = agencies, WrittenOn = written, PublishedOn = published,
            PublishedOnLabel = publishedLabel, IndexNumber = indexNumber, TopicCategory = topic,
        };
    }

    /// <summary>Dates as portals write them: 2021年07月28日, 2021-07-28, 2021/7/28, 2021.07.28, with or without a time.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var compact = Compact(text);
        var m = NumericDateRegex().Match(compact);
        if (m.Success)
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return y is >= 1900 and <= 2199 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
        }

        var cn = ChineseDateRegex().Match(compact);
        return cn.Success && ChineseDate.TryParse(cn.Value, out var date) ? date : null;
    }

    /// <summary>Several agencies of a joint document, as one value: "A、B", "A，B", "A；B", "A B".</summary>
    public static IReadOnlyList<string> SplitAgencies(string value)
    {
        var parts = AgencySeparatorRegex().Split(value.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count > 1 && parts.All(DocumentExtractor.IsAgencyName) ? parts : [Compact(value)];
    }

    internal static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\u200B' or '\uFEFF'))
            {
                sb.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
            }
        }

        return sb.ToString();
    }

    // "名称" inside "单位名称" or "文号" inside "发文字号" are not labels of their own.
    private static bool IsLabelMatch(string line, Match m)
    {
        var before = m.Index > 0 ? line[m.Index - 1] : ' ';
        return !DocumentExtractor.IsHan(before) || (m.Groups["colon"].Success && Compact(m.Groups["label"].Value).Length >= 3);
    }

    [GeneratedRegex(@"(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})")]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"[〇○零一二三四五六七八九ＯO]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")]
    private static partial Regex ChineseDateRegex();

    [GeneratedRegex(@"[、，,；;]|[\s\u3000]{1,}")]
    private static partial Regex AgencySeparatorRegex();
}
