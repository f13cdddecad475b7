using Zwgk.Search.Query;
using Zwgk.Search.Text;

namespace Zwgk.Search.Suggest;

public enum SuggestionKind { Query, Keyword, Term }

public sealed record SuggestionEntry(string Text, double Weight, SuggestionKind Kind);

/// <summary>
/// Prefix completion over a bounded list of phrases (popular queries, document keywords, plain-language and official terms).
/// Each phrase is reachable by its text, its joined full pinyin and its initials, so 政务, zhengwu, zhengw and zw all complete
/// 政务公开. Immutable: the application builds a new one when its sources change.
/// </summary>
public sealed class Suggester
{
    private readonly SuggestionEntry[] entries;
    private readonly (string Key, int Entry)[] keys;

    public static readonly Suggester Empty = new([]);

    public Suggester(IEnumerable<SuggestionEntry> source)
    {
        // Same phrase from several sources: keep the strongest weight.
        var best = new Dictionary<string, SuggestionEntry>(StringComparer.Ordinal);
        foreach (var e in source)
        {
            var text = e.Text.Trim();
            if (text.Length is < 2 or > 40) continue;
            var norm = ChineseNormalizer.Normalize(text);
            if (!best.TryGetValue(norm, out var existing) || existing.Weight < e.Weight) best[norm] = e with { Text = text };
        }
        entries = best.Values.ToArray();
        var list = new List<(string, int)>(entries.Length * 3);
        for (int i = 0; i < entries.Length; i++)
        {
            var norm = ChineseNormalizer.Normalize(entries[i].Text);
            list.Add((norm, i));
            var full = Pinyin.Default.FullPinyin(norm);
            if (full.Length > 0 && full != norm) list.Add((full, i));
            var initials = Pinyin.Default.Initials(norm);
            if (initials.Length > 1 && initials != norm && initials != full) list.Add((initials, i));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        keys = list.ToArray();
    }

    public int Count => entries.Length;

    /// <summary>Up to <paramref name="limit"/> phrases starting with the prefix (as typed, in pinyin or initials), strongest first.</summary>
    public IReadOnlyList<SuggestionEntry> Complete(string prefix, int limit = 8)
    {
        var p = QueryReader.Normalize(prefix).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        if (p.Length == 0 || keys.Length == 0) return [];
        int lo = LowerBound(p);
        var found = new HashSet<int>();
        for (int i = lo; i < keys.Length && keys[i].Key.StartsWith(p, StringComparison.Ordinal) && found.Count < 500; i++) found.Add(keys[i].Entry);
        var normPrefix = p;
        return found.Select(i => entries[i])
            .Where(e => ChineseNormalizer.Normalize(e.Text) != normPrefix)
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Text.Length).ThenBy(e => e.Text, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    /// <summary>Phrases sharing a word with the query (相关搜索), strongest first.</summary>
    public IReadOnlyList<SuggestionEntry> Related(string query, int limit = 8)
    {
        var norm = QueryReader.Normalize(query);
        if (norm.Length < 2) return [];
        var words = new List<Word>();
        Segmenter.Default.Cut(norm, words);
        var significant = words.Where(w => w.Kind == WordKind.Han && w.Length >= 2).Select(w => norm.Substring(w.Start, w.Length)).Distinct().ToList();
        if (significant.Count == 0) return [];
        return entries.Where(e =>
            {
                var t = ChineseNormalizer.Normalize(e.Text);
                return t != norm && significant.Any(w => t.Contains(w, StringComparison.Ordinal));
            })
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Text.Length).Take(limit).ToList();
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(keys[mid].Key, key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
