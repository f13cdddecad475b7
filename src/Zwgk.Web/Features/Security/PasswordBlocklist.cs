using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Search.Text;

namespace Zwgk.Web.Features.Security;

/// <summary>
/// Refuses passwords that are common (an embedded list) or guessable from the site (pinyin of the site, district and
/// unit names, the user's own name). A password is compared by a few forms, each case-insensitive and with full-width
/// characters folded: as typed; without up to six trailing digits or symbols (Password@2024 → password); without up to
/// four leading ones; and each of those with common look-alike substitutions undone (P@ssw0rd → password).
/// </summary>
public sealed partial class PasswordBlocklist
{
    public const int MaxIgnoredSuffix = 6;
    public const int MaxIgnoredPrefix = 4;
    /// <summary>Shorter site words (initials such as "szq") would refuse too much by accident.</summary>
    public const int MinSiteWordLength = 4;

    private readonly HashSet<string> _common;

    public PasswordBlocklist() : this(LoadEmbedded()) { }

    public PasswordBlocklist(IEnumerable<string> words)
    {
        _common = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) _common.UnionWith(Forms(w));
    }

    public int Count => _common.Count;

    public bool IsCommon(string password) => Forms(password).Any(_common.Contains);

    /// <summary>True when a form of the password is one of <paramref name="words"/> (site or personal words, compared the same way).</summary>
    public static bool MatchesAny(string password, IEnumerable<string> words)
    {
        var forms = Forms(password).ToHashSet(StringComparer.Ordinal);
        return words.Where(w => w.Length >= MinSiteWordLength).Any(w => forms.Overlaps(Forms(w)));
    }

    /// <summary>The forms a password is compared by (see the class summary); forms of fewer than two characters are dropped.</summary>
    public static IEnumerable<string> Forms(string password)
    {
        var p = password.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new HashSet<string>(StringComparer.Ordinal);
        void Add(string s)
        {
            if (s.Length < 2) return;
            result.Add(s);
            if (!s.Any(char.IsAsciiLetter)) return;
            result.Add(Undo(s, one: 'i'));
            result.Add(Undo(s, one: 'l'));
        }
        Add(p);
        int end = p.Length;
        while (end > 0 && !char.IsLetter(p[end - 1])) end--;
        if (end > 0 && p.Length - end is > 0 and <= MaxIgnoredSuffix)
        {
            var trimmed = p[..end];
            Add(trimmed);
            int start = 0;
            while (start < trimmed.Length && !char.IsLetter(trimmed[start])) start++;
            if (start is > 0 and <= MaxIgnoredPrefix) Add(trimmed[start..]);
        }
        int lead = 0;
        while (lead < p.Length && !char.IsLetter(p[lead])) lead++;
        if (lead is > 0 and <= MaxIgnoredPrefix && lead < p.Length) Add(p[lead..]);
        return result;
    }

    private static string Undo(string s, char one) => string.Create(s.Length, (s, one), static (dst, state) =>
    {
        for (int i = 0; i < state.s.Length; i++)
            dst[i] = state.s[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' => state.one,
                '!' => 'i',
                '3' => 'e',
                '$' or '5' => 's',
                '7' => 't',
                var c => c,
            };
    });

    /// <summary>
    /// Words guessable from Chinese names (site, units, people): full pinyin and initials of each name, and of each
    /// place inside it with and without its 省/市/区/县 (济南市市中区人民政府 → jinan, shizhong, shizhongqu, …); plus the
    /// labels of the site's domain (www.shizhong.gov.cn → shizhong).
    /// </summary>
    public static HashSet<string> SiteWords(IEnumerable<string> names, string? domain = null)
    {
        var pinyin = Pinyin.Default;
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Add(string w)
        {
            if (w.Length >= MinSiteWordLength) words.Add(w);
        }
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            Add(pinyin.FullPinyin(name));
            Add(pinyin.Initials(name));
            var stem = GovernmentSuffix().Replace(name.Trim(), "");
            Add(pinyin.FullPinyin(stem));
            foreach (Match m in Place().Matches(stem))
            {
                Add(pinyin.FullPinyin(m.Value));
                Add(pinyin.FullPinyin(m.Value[..^1]));
                Add(pinyin.Initials(m.Value));
            }
        }
        if (!string.IsNullOrWhiteSpace(domain))
            foreach (var label in domain.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries))
                if (label is not ("www" or "gov" or "cn" or "com" or "net" or "org")) Add(label);
        return words;
    }

    [GeneratedRegex("(人民政府|政府|办公室)$")]
    private static partial Regex GovernmentSuffix();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,}?[省市区县旗]")]
    private static partial Regex Place();

    private static IEnumerable<string> LoadEmbedded()
    {
        using var stream = typeof(PasswordBlocklist).Assembly.GetManifestResourceStream("Zwgk.Web.Features.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        }
        return lines;
    }
}
