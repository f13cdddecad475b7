using Zwgk.Search.Analysis;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>Whether a logged query reads as words, before it may become a public hot word: `x`, `sdfsdf`, `啊啊啊` or a
/// string of unrelated characters found something (a letter occurs in some title) but mean nothing to other readers.</summary>
public static class HotWordCheck
{
    /// <summary>Share of the Han characters that dictionary words (of two or more characters) or plain-language terms
    /// must cover.</summary>
    public const double MinWordCoverage = 0.6;

    public static bool IsWordLike(string query, PlainLanguage plain)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(plain);
        var text = QueryReader.Normalize(query).Replace(" ", "", StringComparison.Ordinal);
        int han = text.Count(CharClass.IsHan);
        // Hot words are what residents type in Chinese (pinyin queries are logged as the Chinese they stand for).
        if (han < 2 || han * 2 < text.Length) return false;
        // Repetition (啊啊啊, 哈哈哈哈) is typing, not a term: most characters must differ.
        if (text.Where(CharClass.IsHan).Distinct().Count() * 2 <= han) return false;
        var covered = new bool[text.Length];
        foreach (var (start, length, _) in plain.Find(text))
            for (int i = start; i < start + length; i++) covered[i] = true;
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        foreach (var w in words)
            if (w.Kind == WordKind.Han && w.Length >= 2 && Segmenter.Default.Contains(text.AsSpan(w.Start, w.Length)))
                for (int i = w.Start; i < w.End; i++) covered[i] = true;
        int known = 0;
        for (int i = 0; i < text.Length; i++) if (covered[i] && CharClass.IsHan(text[i])) known++;
        return known >= MinWordCoverage * han;
    }
}
