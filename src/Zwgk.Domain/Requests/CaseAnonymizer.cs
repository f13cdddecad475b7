using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Domain.Requests;

/// <summary>What the anonymiser replaced; the library draft shows the kinds and counts, never the values.</summary>
public enum PersonalDataKind
{
    /// <summary>申请人姓名或名称.</summary>
    ApplicantName = 1,
    /// <summary>法定代表人或负责人、联系人.</summary>
    RepresentativeName = 2,
    /// <summary>手机、固定电话.</summary>
    Phone = 3,
    Email = 4,
    /// <summary>居民身份证号码 (18 digits, or the old 15).</summary>
    IdNumber = 5,
    /// <summary>统一社会信用代码.</summary>
    CreditCode = 6,
    Address = 7,
    PostalCode = 8,
}

/// <summary>The applicant's personal data the texts are cleaned of (the values recorded on the case).</summary>
public sealed record AnonymizerSubject(
    string? ApplicantName = null, string? LegalRepresentative = null, string? ContactPerson = null, string? Phone = null,
    string? Email = null, string? IdNumber = null, string? Address = null, string? PostalCode = null)
{
    public static AnonymizerSubject Of(InformationRequest r) =>
        new(r.ApplicantName, r.LegalRepresentative, r.ContactPerson, r.Phone, r.Email, r.IdNumber, r.Address, r.PostalCode);
}

public sealed record Replacement(PersonalDataKind Kind, int Count);

/// <param name="Text">The text with every replaced value as a placeholder.</param>
/// <param name="Replacements">Kinds replaced and how often, in kind order; empty when nothing was found.</param>
public sealed record AnonymizedText(string Text, IReadOnlyList<Replacement> Replacements);

/// <summary>
/// Cleans case texts of personal data before they enter the 案例库 (条例第十五条: personal privacy is not disclosed; the library
/// is shared across units, so nothing that identifies the applicant may stay). Two passes: the values recorded on the case
/// wherever they occur (the name as 申请人, everything else as ***), then patterns that identify anyone (mobile and landline
/// numbers, e-mail addresses, 居民身份证号码, 统一社会信用代码, 邮编 after its label), so a neighbour's phone in the description
/// goes too. Pure and deterministic; a person still reads the result before it is confirmed (the draft step).
/// </summary>
public static partial class CaseAnonymizer
{
    public const string ApplicantPlaceholder = "申请人";
    public const string Mask = "***";

    public static AnonymizedText Anonymize(string? text, AnonymizerSubject subject)
    {
        var counts = new Dictionary<PersonalDataKind, int>();
        var s = text ?? "";
        if (s.Length == 0) return new AnonymizedText("", []);

        // 1. Known values, longest first so an address containing the name is replaced whole.
        var known = new List<(string Value, PersonalDataKind Kind, string Placeholder)>();
        void Add(string? value, PersonalDataKind kind, string placeholder, int minLength)
        {
            var v = value?.Trim();
            if (!string.IsNullOrEmpty(v) && v.Length >= minLength) known.Add((v, kind, placeholder));
        }
        // One-character names would wipe out ordinary words; real names have two or more.
        Add(subject.ApplicantName, PersonalDataKind.ApplicantName, ApplicantPlaceholder, 2);
        Add(subject.LegalRepresentative, PersonalDataKind.RepresentativeName, Mask, 2);
        Add(subject.ContactPerson, PersonalDataKind.RepresentativeName, Mask, 2);
        Add(subject.Email, PersonalDataKind.Email, Mask, 3);
        // Organisations record their 统一社会信用代码 as the id number.
        Add(subject.IdNumber, subject.IdNumber?.Trim() is { Length: 18 } code && !LooksLikeIdNumber(code) ? PersonalDataKind.CreditCode : PersonalDataKind.IdNumber, Mask, 6);
        Add(subject.Address, PersonalDataKind.Address, Mask, 4);
        // The street part of the address (after 省/市/区/县) is how people repeat it in a description.
        if (AddressDetail(subject.Address) is { } detail) Add(detail, PersonalDataKind.Address, Mask, 4);
        foreach (var (value, kind, placeholder) in known.OrderByDescending(k => k.Value.Length))
            s = ReplaceLiteral(s, value, placeholder, kind, counts);
        // Phone and postal code as digit sequences: the case may hold "0531-8888 6666", the text "053188886666".
        if (Digits(subject.Phone) is { Length: >= 7 } phone) s = ReplaceDigits(s, phone, PersonalDataKind.Phone, counts);
        if (Digits(subject.PostalCode) is { Length: 6 } postal) s = ReplaceDigits(s, postal, PersonalDataKind.PostalCode, counts);

        // 2. Patterns, most specific first (an e-mail may hold digits; an id number contains a phone-like run).
        s = ReplacePattern(s, EmailPattern(), _ => PersonalDataKind.Email, counts);
        s = ReplacePattern(s, CodePattern(), m => LooksLikeIdNumber(m.Value) ? PersonalDataKind.IdNumber : PersonalDataKind.CreditCode, counts);
        s = ReplacePattern(s, OldIdPattern(), _ => PersonalDataKind.IdNumber, counts);
        s = ReplacePattern(s, MobilePattern(), _ => PersonalDataKind.Phone, counts);
        s = ReplacePattern(s, LandlinePattern(), _ => PersonalDataKind.Phone, counts);
        s = PostalLabelPattern().Replace(s, m =>
        {
            Bump(counts, PersonalDataKind.PostalCode);
            return m.Groups["label"].Value + Mask;
        });

        return new AnonymizedText(s, counts.OrderBy(c => c.Key).Select(c => new Replacement(c.Key, c.Value)).ToList());
    }

    /// <summary>Sums the replacements of several texts of one case.</summary>
    public static IReadOnlyList<Replacement> Combine(IEnumerable<AnonymizedText> texts) =>
        texts.SelectMany(t => t.Replacements).GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => new Replacement(g.Key, g.Sum(r => r.Count))).ToList();

    public static string Label(this PersonalDataKind k) => k switch
    {
        PersonalDataKind.ApplicantName => "申请人姓名或名称",
        PersonalDataKind.RepresentativeName => "法定代表人或联系人姓名",
        PersonalDataKind.Phone => "电话号码",
        PersonalDataKind.Email => "电子邮箱",
        PersonalDataKind.IdNumber => "身份证号码",
        PersonalDataKind.CreditCode => "统一社会信用代码",
        PersonalDataKind.Address => "地址",
        PersonalDataKind.PostalCode => "邮政编码",
        _ => k.ToString(),
    };

    /// <summary>"电话号码2处、地址1处" for the draft; "未发现个人信息" when nothing was replaced.</summary>
    public static string Describe(IEnumerable<Replacement> replacements)
    {
        var parts = replacements.Select(r => $"{r.Kind.Label()}{r.Count}处").ToList();
        return parts.Count == 0 ? "未发现个人信息" : string.Join("、", parts);
    }

    /// <summary>"山东省济南市市中区七里山路15号" → "七里山路15号": the part after the last administrative level in the head.</summary>
    public static string? AddressDetail(string? address)
    {
        var a = address?.Trim();
        if (string.IsNullOrEmpty(a)) return null;
        var cut = -1;
        // Levels only within the first 15 characters: later 区/市 belong to street or estate names (…小区, …市场).
        for (var i = 0; i < Math.Min(a.Length, 15); i++)
            if (a[i] is '省' or '市' or '区' or '县' or '旗' or '州') cut = i;
        if (cut < 0) return null;
        var rest = a[(cut + 1)..].Trim();
        return rest.Length >= 4 && rest.Length < a.Length ? rest : null;
    }

    /// <summary>An 18-character 居民身份证号码: 6-digit region, a plausible birth date, 3 digits, a check digit or X (GB 11643).</summary>
    public static bool LooksLikeIdNumber(string s)
    {
        if (s.Length != 18 || !s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] is 'X' or 'x')) return false;
        var year = int.Parse(s.AsSpan(6, 4));
        var month = int.Parse(s.AsSpan(10, 2));
        var day = int.Parse(s.AsSpan(12, 2));
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static string ReplaceLiteral(string s, string value, string placeholder, PersonalDataKind kind, Dictionary<PersonalDataKind, int> counts)
    {
        var n = 0;
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (true)
        {
            var at = s.IndexOf(value, i, StringComparison.OrdinalIgnoreCase);
            if (at < 0) break;
            sb.Append(s, i, at - i).Append(placeholder);
            i = at + value.Length;
            n++;
        }
        if (n == 0) return s;
        sb.Append(s, i, s.Length - i);
        counts[kind] = counts.GetValueOrDefault(kind) + n;
        return sb.ToString();
    }

    /// <summary>The digits in order, allowing spaces, dashes and brackets between them, not inside a longer number.</summary>
    private static string ReplaceDigits(string s, string digits, PersonalDataKind kind, Dictionary<PersonalDataKind, int> counts)
    {
        var pattern = @"(?<![0-9A-Za-z])" + string.Join(@"[\s\-()（）]?", digits.Select(c => c.ToString())) + @"(?![0-9A-Za-z])";
        return ReplacePattern(s, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), _ => kind, counts);
    }

    private static string ReplacePattern(string s, Regex pattern, Func<Match, PersonalDataKind> kind, Dictionary<PersonalDataKind, int> counts) =>
        pattern.Replace(s, m =>
        {
            Bump(counts, kind(m));
            return Mask;
        });

    private static void Bump(Dictionary<PersonalDataKind, int> counts, PersonalDataKind kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;

    private static string? Digits(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var d = new string(s.Where(char.IsAsciiDigit).ToArray());
        return d.Length == 0 ? null : d;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    // 18 characters: a 居民身份证号码 (17 digits + digit/X) or a 统一社会信用代码 (GB 32100: digits and capitals without I, O, S, V, Z).
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CodePattern();

    // First-generation (15-digit) identity card numbers still appear in old files.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OldIdPattern();

    // Mobile numbers (1[3-9] + 9 digits), optionally written 138-1234-5678 or with +86.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+?86[\s\-]?)?1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MobilePattern();

    // Landlines: area code 0xx(x) with a separator, then 7–8 digits (an area code is required: bare 8-digit runs are often amounts or serials).
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[\-\s])\d{3,4}[\-\s]?\d{4}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"(?<label>(?:邮编|邮政编码)\s*[:：]?\s*)\d{6}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PostalLabelPattern();
}
