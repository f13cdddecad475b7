using System.Text.RegularExpressions;

namespace Zwgk.Domain.Shared;

/// <summary>
/// Masking of personal data for public pages and staff lists (applicants, letter writers). One home for the rules so every
/// feature masks the same way: a phone shows 138****5678, an id number its region and last four.
/// </summary>
public static partial class PersonalData
{
    /// <summary>张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep their first letter.</summary>
    public static string MaskName(string? name)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0) return "";
        return n[..1] + new string('*', Math.Clamp(n.Length - 1, 1, 3));
    }

    /// <summary>13812345678 → 138****5678; a landline keeps its area code and last four digits (0531-****6666).</summary>
    public static string MaskPhone(string? phone)
    {
        var p = (phone ?? "").Trim();
        if (p.Count(char.IsAsciiDigit) < 7) return p.Length == 0 ? "" : "****";
        var dash = p.IndexOf('-');
        if (p.StartsWith('0') && dash > 0) return p[..(dash + 1)] + MaskDigits(p[(dash + 1)..], 0);
        return MaskDigits(p, 3);
    }

    private static string MaskDigits(string s, int keepHead, int keepTail = 4)
    {
        var digits = s.Count(char.IsAsciiDigit);
        keepHead = Math.Min(keepHead, Math.Max(0, digits - keepTail - 1));
        var chars = s.ToCharArray();
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            if (seen >= keepHead && seen < digits - keepTail) chars[i] = '*';
            seen++;
        }
        return new string(chars);
    }

    /// <summary>370102199001011234 → 370102********1234.</summary>
    public static string MaskIdNumber(string? id)
    {
        var s = (id ?? "").Trim();
        if (s.Length <= 8) return s.Length == 0 ? "" : new string('*', s.Length);
        var head = s.Length >= 15 ? 6 : 2;
        return s[..head] + new string('*', s.Length - head - 4) + s[^4..];
    }

    /// <summary>zhangsan@example.com → z***@example.com.</summary>
    public static string MaskEmail(string? email)
    {
        var e = (email ?? "").Trim();
        var at = e.IndexOf('@');
        if (at <= 0) return e.Length == 0 ? "" : "***";
        return e[..1] + "***" + e[at..];
    }

    /// <summary>Keeps the first six characters (province, city, district), masks the rest.</summary>
    public static string MaskAddress(string? address)
    {
        var a = (address ?? "").Trim();
        return a.Length <= 6 ? (a.Length == 0 ? "" : a[..Math.Min(2, a.Length)] + "****") : a[..6] + "****";
    }

    /// <summary>
    /// Kinds of personal data found in free text (手机号码, 固定电话, 身份证号码, 电子邮箱), in that order, each at most once:
    /// a hint for staff before they publish text typed by others. Digits inside longer numbers do not count.
    /// </summary>
    public static IReadOnlyList<string> Find(params IEnumerable<string?> texts)
    {
        var found = new List<string>();
        foreach (var t in texts)
        {
            if (string.IsNullOrEmpty(t)) continue;
            if (!found.Contains("身份证号码") && IdNumberPattern().IsMatch(t)) found.Add("身份证号码");
            if (!found.Contains("手机号码") && MobilePattern().IsMatch(t)) found.Add("手机号码");
            if (!found.Contains("固定电话") && LandlinePattern().IsMatch(t)) found.Add("固定电话");
            if (!found.Contains("电子邮箱") && EmailPattern().IsMatch(t)) found.Add("电子邮箱");
        }
        string[] order = ["手机号码", "固定电话", "身份证号码", "电子邮箱"];
        return order.Where(found.Contains).ToList();
    }

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<![0-9])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
