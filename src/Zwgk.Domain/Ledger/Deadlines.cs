using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Domain.Ledger;

/// <summary>How a task's 完成时限 reads: a date, ongoing (长期坚持, 持续推进 …), or nothing usable.</summary>
public enum DeadlineKind
{
    None = 0,
    Date = 1,
    Ongoing = 2,
}

/// <summary>A task's deadline as parsed from its 完成时限 cell; <see cref="Text"/> keeps the cell as written.</summary>
public sealed record TaskDeadline(DeadlineKind Kind, DateOnly? Date, string? Text)
{
    public static readonly TaskDeadline None = new(DeadlineKind.None, null, null);

    /// <summary>"yyyy-MM-dd", "ongoing" or null, as the ledger's JSON shows it.</summary>
    public string? JsonValue => Kind switch
    {
        DeadlineKind.Date => Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DeadlineKind.Ongoing => "ongoing",
        _ => null,
    };
}

/// <summary>A date named inside a requirement's running text ("2021年6月底前"), with the clause that contains it.</summary>
public sealed record Milestone(DateOnly Date, string Phrase, string Clause);

/// <summary>
/// Reads 完成时限 cells and dates inside requirement text. A date without a year takes the plan's year; month-only and
/// "底/末" dates mean the last day of the month; 上半年 = 6月30日, 第N季度 = the quarter's last day, 年底/年内 = 12月31日.
/// </summary>
public static partial class DeadlineParser
{
    private const int MaxInput = 2000;

    /// <summary>
    /// Parses a 完成时限 cell. A cell naming both a date and 长期坚持 gives the date; a cell that cannot be read gives
    /// <see cref="DeadlineKind.None"/> with its text kept; a date with no year and no <paramref name="planYear"/> gives None.
    /// </summary>
    public static TaskDeadline Parse(string? text, int? planYear)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TaskDeadline.None;
        }

        var written = CollapseSpaces(text.Length > MaxInput ? text[..MaxInput] : text);
        var t = Normalize(written);
        foreach (Match m in DateRegex().Matches(t))
        {
            if (ToDate(m, planYear) is { } date)
            {
                return new TaskDeadline(DeadlineKind.Date, date, written);
            }
        }

        if (YearOnlyRegex().Match(t) is { Success: true } yo)
        {
            var y = int.Parse(yo.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (y is >= 1900 and <= 2200)
            {
                return new TaskDeadline(DeadlineKind.Date, new DateOnly(y, 12, 31), written);
            }
        }

        if (OngoingRegex().IsMatch(t))
        {
            return new TaskDeadline(DeadlineKind.Ongoing, null, written);
        }

        return new TaskDeadline(DeadlineKind.None, null, written);
    }

    /// <summary>
    /// Dates inside running text that set a time limit: a date followed by 前/之前/以前 ("于7月15日前", "2021年年底前")
    /// or introduced by 于/到/在/截至 ("于2024年6月底完成"). Bare years ("2021年我区…") are not milestones.
    /// </summary>
    public static IReadOnlyList<Milestone> FindMilestones(string requirement, int? planYear)
    {
        if (string.IsNullOrWhiteSpace(requirement))
        {
            return [];
        }

        var t = Normalize(requirement.Length > 50_000 ? requirement[..50_000] : requirement);
        var result = new List<Milestone>();
        foreach (Match m in DateRegex().Matches(t))
        {
            var hasBefore = m.Groups["before"].Success;
            var before = m.Index > 0 ? t[..m.Index] : string.Empty;
            var introduced = LeadInRegex().IsMatch(before);
            if (!hasBefore && !introduced)
            {
                continue;
            }

            if (ToDate(m, planYear) is not { } date)
            {
                continue;
            }

            var phrase = m.Value;
            var clause = ClauseAround(t, m.Index, m.Length);
            if (result.Any(r => r.Date == date && r.Clause == clause))
            {
                continue;
            }

            result.Add(new Milestone(date, phrase, clause));
            if (result.Count >= 50)
            {
                break;
            }
        }

        return result;
    }

    private static string ClauseAround(string t, int index, int length)
    {
        var start = t.LastIndexOfAny(ClauseEnds, Math.Max(0, index - 1));
        start = start < 0 || start >= index ? (start < 0 ? 0 : start + 1) : start + 1;
        var end = t.IndexOfAny(ClauseEnds, index + length);
        end = end < 0 ? t.Length : end + 1;
        var clause = t[start..end].Trim();
        return clause.Length > 500 ? clause[..500] : clause;
    }

    private static readonly char[] ClauseEnds = ['。', '；', ';', '！', '？', '\n'];

    private static DateOnly? ToDate(Match m, int? planYear)
    {
        int? year = null;
        if (m.Groups["y"].Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["iy"].Success)
        {
            year = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
        }

        year ??= planYear;
        if (year is not { } y || y < 1900 || y > 2200)
        {
            return null;
        }

        int month, day;
        if (m.Groups["im"].Success)
        {
            month = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return null;
            }

            day = m.Groups["id"].Success ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : DateTime.DaysInMonth(y, month);
        }
        else if (m.Groups["m"].Success)
        {
            month = MonthNumber(m.Groups["m"].Value);
            if (month is < 1 or > 12)
            {
                return null;
            }

            if (m.Groups["d"].Success)
            {
                day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            }
            else
            {
                day = m.Groups["part"].Value switch
                {
                    "上旬" => 10,
                    "中旬" => 20,
                    _ => DateTime.DaysInMonth(y, month),
                };
            }
        }
        else if (m.Groups["half"].Success)
        {
            month = m.Groups["half"].Value == "上半年" ? 6 : 12;
            day = month == 6 ? 30 : 31;
        }
        else if (m.Groups["q"].Success)
        {
            var q = m.Groups["q"].Value switch { "一" or "1" => 1, "二" or "2" => 2, "三" or "3" => 3, _ => 4 };
            month = q * 3;
            day = DateTime.DaysInMonth(y, month);
        }
        else if (m.Groups["ye"].Success)
        {
            month = 12;
            day = 31;
        }
        else
        {
            return null;
        }

        if (day < 1 || day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        return new DateOnly(y, month, day);
    }

    private static int MonthNumber(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return s switch
        {
            "一" => 1, "二" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6, "七" => 7, "八" => 8, "九" => 9,
            "十" => 10, "十一" => 11, "十二" => 12, _ => 0,
        };
    }

    /// <summary>Folds full-width digits and removes whitespace (deadline cells wrap: "2024年 12月底前").</summary>
    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string s) => SpacesRegex().Replace(s, " ").Trim();

    // One date expression; named groups: y (year), m/d (month/day) with an optional part of month, half (上/下半年),
    // q (quarter), ye (年底/年末/年内 …), iy/im/id (ISO-like 2024-12-31, 2024.12, 2024/12/31); "before" = 前/之前/以前.
    [GeneratedRegex(
        @"(?<!\d)(?:(?<iy>\d{4})[\-./](?<im>\d{1,2})(?:[\-./](?<id>\d{1,2}))?(?!\d)" +
        @"|(?:(?<y>\d{4})年(?:度)?)?(?:(?<m>\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:(?<d>\d{1,2})[日号]|(?<part>底|末|上旬|中旬|下旬))?" +
        @"|(?<half>上半年|下半年)|(?:第)?(?<q>[一二三四1-4])季度(?:末|底)?|(?<ye>年底|年末|年内|全年|(?(y)(?:底|末)|(?!)))))(?<before>之?前|以前)?")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^(?<y>\d{4})年(?:度|内|全年)?(?:前|之前|以前|完成)?$")]
    private static partial Regex YearOnlyRegex();

    [GeneratedRegex(@"(?:于|到|在|截至|截止|至)$")]
    private static partial Regex LeadInRegex();

    [GeneratedRegex(@"长期|持续|常态化|经常性|定期|每年|每季度|每月|及时|随时")]
    private static partial Regex OngoingRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
