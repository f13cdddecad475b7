using System.Globalization;

namespace Zwgk.Domain.Calendar;

/// <summary>One line of an imported arrangement that could not be read, with its 1-based line number.</summary>
public sealed record ArrangementError(int Line, string Message);

/// <summary>
/// Reads a year's arrangement typed from a new State Council notice, one day or span a line:
/// <c>2027-01-01 假 元旦</c>, <c>2027-02-05~2027-02-11 假 春节</c> (or 至), <c>2027-02-07 班 春节</c>.
/// 假/休 = 放假 (holiday), 班 = 调休上班 (a weekend working day). Blank lines and lines starting with # are skipped.
/// </summary>
public static class ArrangementText
{
    public const int MaxLines = 200;
    public const int MaxNameLength = 20;
    /// <summary>Longest span a line may give (春节 with its extension is well under this).</summary>
    public const int MaxSpanDays = 15;

    public static (List<SpecialDay> Days, List<ArrangementError> Errors) Parse(string? text)
    {
        var days = new List<SpecialDay>();
        var errors = new List<ArrangementError>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        if (lines.Length > MaxLines)
        {
            errors.Add(new ArrangementError(0, $"一次最多导入{MaxLines}行"));
            return (days, errors);
        }
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[])[' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3) { errors.Add(new(n, "格式应为“日期 假/班 节日名称”，如 2027-01-01 假 元旦")); continue; }
            var (datePart, kindPart, name) = (parts[0], parts[1], parts[2].Trim());
            var kind = kindPart switch { "假" or "休" => DayKind.Holiday, "班" => DayKind.MakeUpWorkday, _ => (DayKind?)null };
            if (kind is null) { errors.Add(new(n, $"“{kindPart}”应为“假”或“班”")); continue; }
            if (name.Length > MaxNameLength) { errors.Add(new(n, $"节日名称不能超过{MaxNameLength}个字")); continue; }
            var range = datePart.Split(['~', '至'], 2);
            if (!TryDate(range[0], out var from) || (range.Length == 2 && !TryDate(range[1], out _)))
            {
                errors.Add(new(n, $"日期“{datePart}”应为 YYYY-MM-DD 或 YYYY-MM-DD~YYYY-MM-DD")); continue;
            }
            var to = from;
            if (range.Length == 2) TryDate(range[1], out to);
            if (to < from || to.DayNumber - from.DayNumber + 1 > MaxSpanDays) { errors.Add(new(n, $"日期范围不正确（最长{MaxSpanDays}天）")); continue; }
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                // 调休 moves a weekend day to work; a weekday is a working day already.
                if (kind == DayKind.MakeUpWorkday && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add(new(n, $"{d:yyyy-MM-dd}不是周六或周日，不能设为调休上班日")); continue;
                }
                if (seen.TryGetValue(d, out var earlier)) { errors.Add(new(n, $"{d:yyyy-MM-dd}已在第{earlier}行出现")); continue; }
                seen[d] = n;
                days.Add(new SpecialDay(d, kind.Value, name));
            }
        }
        return (days, errors);
    }

    /// <summary>The lines <see cref="Parse"/> reads back, one a day (for showing or exporting a year).</summary>
    public static string Format(IEnumerable<SpecialDay> days) =>
        string.Join("\n", days.OrderBy(d => d.Date).Where(d => d.Kind is DayKind.Holiday or DayKind.MakeUpWorkday)
            .Select(d => $"{d.Date:yyyy-MM-dd} {(d.Kind == DayKind.Holiday ? "假" : "班")} {d.Name}"));

    private static bool TryDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}
