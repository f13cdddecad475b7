using System.Globalization;
using System.Text;

namespace Zwgk.Domain.Interaction;

/// <summary>What the screen found in a piece of public writing (a message, a comment, an interview question).</summary>
/// <param name="Words">Listed words found, as listed.</param>
/// <param name="Reasons">Why the text is held for a person to look at, in Chinese, for the staff list.</param>
public sealed record ScreenResult(IReadOnlyList<string> Words, IReadOnlyList<string> Reasons)
{
    public static readonly ScreenResult Clean = new([], []);

    /// <summary>Held texts are still accepted and handled; they are only kept off public pages until a person has looked.</summary>
    public bool Held => Reasons.Count > 0;
}

/// <summary>
/// The sensitive-word and spam screen for public writing. A hit never refuses the text (an angry complaint is still a
/// complaint to answer); it holds the text back from public pages until staff have looked. Matching ignores spaces,
/// punctuation and symbols put between characters to dodge a list (代*开*发*票), and full-width forms and case.
/// </summary>
public sealed class SensitiveWords
{
    /// <summary>A small default list: advertising and illegal trade seen in government mailboxes, and abuse.
    /// The 公开办 adds its own words; words that are also ordinary requests (办证, 贷款) are deliberately not here.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "代开发票", "发票代开", "刷单", "网络赌博", "博彩网站", "六合彩", "私服", "枪支出售", "出售枪支", "迷药", "代孕",
        "裸聊", "套现", "裸贷", "兼职日结", "加微信领取", "傻逼", "操你妈", "狗官",
    ];

    /// <summary>More links than this in one text reads as advertising.</summary>
    public const int MaxLinks = 3;

    private readonly (string Listed, string Folded)[] words;

    public SensitiveWords(IEnumerable<string> words) =>
        this.words = words.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct()
            .Select(w => (w, Fold(w))).Where(p => p.Item2.Length > 0).ToArray();

    public IReadOnlyList<string> Listed => words.Select(w => w.Listed).ToList();

    public ScreenResult Screen(params string?[] texts)
    {
        var joined = string.Join("\n", texts.Where(t => !string.IsNullOrEmpty(t)));
        if (joined.Length == 0) return ScreenResult.Clean;
        var folded = Fold(joined);
        var hits = words.Where(w => folded.Contains(w.Folded, StringComparison.Ordinal)).Select(w => w.Listed).ToList();
        var reasons = new List<string>();
        if (hits.Count > 0) reasons.Add("含敏感词：" + string.Join("、", hits));
        var links = CountLinks(joined);
        if (links > MaxLinks) reasons.Add($"含{links}个网址");
        if (LongestRun(joined) >= 20) reasons.Add("含大量重复字符");
        return reasons.Count == 0 ? ScreenResult.Clean : new ScreenResult(hits, reasons);
    }

    /// <summary>Letters and digits only (ideographs included), full-width folded to ASCII, lower case.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c0 in text.Normalize(NormalizationForm.FormKC))
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c0);
            if (cat is UnicodeCategory.OtherLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.DecimalDigitNumber)
                sb.Append(char.ToLowerInvariant(c0));
        }
        return sb.ToString();
    }

    private static int CountLinks(string text)
    {
        var n = 0;
        foreach (var marker in new[] { "http://", "https://", "www." })
            for (var i = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(marker, i + marker.Length, StringComparison.OrdinalIgnoreCase))
                if (marker != "www." || i < 8 || !text.AsSpan(i - 8, 8).Contains("://", StringComparison.Ordinal)) n++;
        return n;
    }

    private static int LongestRun(string text)
    {
        int best = 0, run = 0;
        char prev = '\0';
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            run = c == prev ? run + 1 : 1;
            prev = c;
            best = Math.Max(best, run);
        }
        return best;
    }
}
