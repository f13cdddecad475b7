using System.Net;
using System.Text;
using Zwgk.Search.Analysis;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>What to mark in titles and snippets: Chinese terms (words, whole runs, official terms of an expansion)
/// and pinyin sequences matched against the text's in-context readings, so a pinyin hit marks the right characters.</summary>
internal sealed class HighlightTerms
{
    public List<string> Chinese { get; } = [];
    /// <summary>Words of a longer query: marked only in a text where no whole query string occurs (else the page turns red).</summary>
    public List<string> Parts { get; } = [];
    public List<IReadOnlyList<string>> PinyinSequences { get; } = [];

    public static HighlightTerms From(ParsedQuery parsed)
    {
        var t = new HighlightTerms();
        foreach (var c in parsed.Clauses)
        {
            switch (c)
            {
                case HanClause h:
                    // Single characters of a longer query would light up everywhere (公 in 办公室): mark runs and words only.
                    t.Chinese.Add(h.Text);
                    foreach (var u in h.Units)
                    {
                        // A colloquial term's official forms are whole terms of their own; plain words are parts.
                        if (u.IsExpansion)
                        {
                            t.Chinese.AddRange(u.Alternatives.Where(a => a.Length >= 2));
                            // An official term may occur only in parts (居民身份证 … 补领): the snippet is taken where they do.
                            t.Parts.AddRange(u.Alternatives.SelectMany(WordsOf));
                        }
                        else t.Parts.AddRange(u.Alternatives.Where(a => a.Length >= 2 && a != h.Text));
                    }
                    break;
                case PinyinClause p:
                    t.PinyinSequences.AddRange(p.AllSequences);
                    foreach (var converted in p.Readings.Count > 0 ? p.Readings : p.Converted is { } only ? [only] : [])
                        foreach (var u in converted.Units) t.Chinese.AddRange(u.Alternatives.Where(a => a.Length >= 2));
                    if (p.Literal is { Length: > 1 } lit) t.Chinese.Add(lit);
                    break;
                case WordClause w when w.Word.Length >= (w.Word.All(char.IsAsciiDigit) ? 4 : 2):
                    t.Chinese.Add(w.Word);
                    break;
            }
        }
        // Longest first so a whole-phrase match wins over its parts in the span merge.
        t.Chinese.Sort((a, b) => b.Length.CompareTo(a.Length));
        t.Parts.Sort((a, b) => b.Length.CompareTo(a.Length));
        return t;
    }

    private static IEnumerable<string> WordsOf(string text)
    {
        var words = new List<Word>(4);
        Segmenter.Default.Cut(text, words);
        return words.Count < 2 ? [] : words.Select(w => text.Substring(w.Start, w.Length)).Where(w => w.Length >= 2 && !QueryReader.IsStopWord(w));
    }
}

internal static class Highlighter
{
    public const string Open = "<em>", Close = "</em>";

    /// <summary>Matched character spans, merged and sorted.</summary>
    public static List<(int Start, int End)> Spans(string text, HighlightTerms terms, bool withPinyin)
    {
        var spans = new List<(int, int)>();
        if (text.Length == 0) return spans;
        var norm = ChineseNormalizer.Normalize(text);
        void Find(List<string> list)
        {
            foreach (var term in list)
            {
                if (term.Length == 0) continue;
                int from = 0, at;
                while (from < norm.Length && (at = norm.IndexOf(term, from, StringComparison.Ordinal)) >= 0)
                {
                    spans.Add((at, at + term.Length));
                    from = at + term.Length;
                }
            }
        }
        Find(terms.Chinese);
        if (spans.Count == 0) Find(terms.Parts);
        if (withPinyin && terms.PinyinSequences.Count > 0)
        {
            var readings = Pinyin.Default.Readings(norm);
            foreach (var seq in terms.PinyinSequences)
            {
                for (int i = 0; i + seq.Count <= norm.Length; i++)
                {
                    if (MatchesAt(norm, readings, i, seq)) spans.Add((i, i + seq.Count));
                }
            }
        }
        return Merge(spans);
    }

    /// <summary>The Chinese text a pinyin sequence matched in <paramref name="text"/>, for "您是不是要找".</summary>
    public static string? PinyinMatch(string text, IReadOnlyList<string> seq)
    {
        var norm = ChineseNormalizer.Normalize(text);
        var readings = Pinyin.Default.Readings(norm);
        for (int i = 0; i + seq.Count <= norm.Length; i++)
            if (MatchesAt(norm, readings, i, seq)) return text.Substring(i, seq.Count);
        return null;
    }

    private static bool MatchesAt(string norm, string?[] readings, int i, IReadOnlyList<string> seq)
    {
        for (int k = 0; k < seq.Count; k++)
        {
            char c = norm[i + k];
            if (!CharClass.IsHan(c)) return false;
            var token = seq[k];
            if (token.Length == 1 && CharClass.IsHan(token[0])) { if (token[0] != c) return false; continue; }
            var r = readings[i + k];
            if (r is null) return false;
            if (token.Length == 1 ? r[0] != token[0] : r != token) return false;
        }
        return true;
    }

    private static List<(int, int)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int, int)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start <= merged[^1].Item2) merged[^1] = (merged[^1].Item1, Math.Max(merged[^1].Item2, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    /// <summary>HTML-encodes <paramref name="text"/>[start, end) and wraps the spans in &lt;em&gt;.</summary>
    public static string Mark(string text, List<(int Start, int End)> spans, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var sb = new StringBuilder((end - start) + spans.Count * 9);
        int pos = start;
        foreach (var (s0, e0) in spans)
        {
            int s = Math.Max(s0, start), e = Math.Min(e0, end);
            if (e <= s) continue;
            if (s > pos) sb.Append(WebUtility.HtmlEncode(text[pos..s]));
            sb.Append(Open).Append(WebUtility.HtmlEncode(text[s..e])).Append(Close);
            pos = e;
        }
        if (pos < end) sb.Append(WebUtility.HtmlEncode(text[pos..end]));
        return sb.ToString();
    }

    /// <summary>A snippet of about <paramref name="length"/> characters around the densest cluster of distinct matches,
    /// starting at a sentence start when one is near; the head of the text when nothing matches.</summary>
    public static string Snippet(string text, HighlightTerms terms, int length = 140)
    {
        text = CollapseWhitespace(text);
        if (text.Length == 0) return "";
        var spans = Spans(text, terms, withPinyin: false);
        if (spans.Count == 0) return Mark(text, spans, 0, Math.Min(length, text.Length)) + (text.Length > length ? "…" : "");

        // Window with the most distinct matched strings (then the most matches); ties go to the earliest.
        int bestStart = 0, bestScore = -1;
        var norm = ChineseNormalizer.Normalize(text);
        for (int i = 0; i < spans.Count; i++)
        {
            int windowStart = spans[i].Start, windowEnd = windowStart + length;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int hits = 0;
            for (int j = i; j < spans.Count && spans[j].End <= windowEnd; j++) { distinct.Add(norm[spans[j].Start..spans[j].End]); hits++; }
            int score = distinct.Count * 1000 + hits;
            if (score > bestScore) { bestScore = score; bestStart = windowStart; }
        }
        int start = SentenceStart(text, bestStart, maxBack: 30);
        int end = Math.Min(text.Length, start + length);
        var html = Mark(text, spans, start, end);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    private static int SentenceStart(string text, int at, int maxBack)
    {
        for (int i = at - 1; i >= Math.Max(0, at - maxBack); i--)
            if (text[i] is '。' or '！' or '？' or '；' or '\n' or '!' or '?' or ';') return i + 1;
        // No sentence start nearby: a little context, without starting inside a Latin word or number.
        int start = Math.Max(0, at - Math.Min(10, at));
        while (start > 0 && start > at - 30 && char.IsAsciiLetterOrDigit(text[start]) && char.IsAsciiLetterOrDigit(text[start - 1])) start--;
        return start;
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool ws = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { if (!ws && sb.Length > 0) sb.Append(' '); ws = true; }
            else { sb.Append(c); ws = false; }
        }
        return sb.ToString().TrimEnd();
    }
}
