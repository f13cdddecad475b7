using System.Globalization;
using System.Text.RegularExpressions;

namespace Zwgk.Import;

/// <summary>Parses dates written the Chinese way: <c>2021年7月28日</c>, <c>2021 年 7 月 28 日</c>, <c>二〇二一年七月二十八日</c>.</summary>
public static partial class ChineseDate
{
    /// <summary>Parses a string that is exactly one date (surrounding and inner whitespace ignored).</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = Zwgk.Domain.Documents.DocumentNumber.FullWidthDigitsToAscii(
            Zwgk.Domain.Documents.DocumentNumber.RemoveWhitespace(text));
        var m = DateRegex().Match(compact);
        return m.Success && TryBuild(m, out date);
    }

    /// <summary>Finds the last date inside a string (e.g. a signature line that ends with the date).</summary>
    internal static bool TryParseTrailing(string text, out DateOnly date, out string prefix)
    {
        date = default;
        prefix = string.Empty;
        var m = TrailingDateRegex().Match(text);
        if (!m.Success || !TryBuild(m, out date))
        {
            return false;
        }

        prefix = text[..m.Index];
        return true;
    }

    private static bool TryBuild(Match m, out DateOnly date)
    {
        date = default;
        var year = ParseYear(m.Groups["y"].Value);
        var month = ParseSmallNumber(m.Groups["m"].Value);
        var day = ParseSmallNumber(m.Groups["d"].Value);
        if (year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int ParseYear(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var year = 0;
        foreach (var c in text)
        {
            var digit = c switch
            {
                '〇' or '○' or '零' or 'Ｏ' or 'O' or '0' => 0,
                _ => "一二三四五六七八九".IndexOf(c) + 1,
            };
            if (digit < 0)
            {
                return -1;
            }

            year = (year * 10) + digit;
        }

        return year;
    }

    // 1–99 written with ASCII digits or Chinese numerals (七, 十, 十二, 二十八, 三十一).
    private static int ParseSmallNumber(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        const string digits = "一二三四五六七八九";
        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 ? digits.IndexOf(text[0]) + 1 : -1;
        }

        var tens = ten == 0 ? 1 : (ten == 1 ? digits.IndexOf(text[0]) + 1 : -1);
        var units = ten == text.Length - 1 ? 0 : (ten == text.Length - 2 ? digits.IndexOf(text[^1]) + 1 : -1);
        return tens <= 0 || units < 0 ? -1 : (tens * 10) + units;
    }

    [GeneratedRegex(@"^(?<y>\d{4}|[〇○零一二三四五六七八九ＯO]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<y>\d{4}|[〇○零一二三四五六七八九ＯO]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日$")]
    private static partial Regex TrailingDateRegex();
}
