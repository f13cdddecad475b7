namespace Zwgk.Domain.Shared;

/// <summary>
/// Masking of personal data for public pages and staff lists (applicants, letter writers). One home for the rules so every
/// feature masks the same way: a phone shows 138****5678, an id number its region and last four.
/// </summary>
public static class PersonalData
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
}
