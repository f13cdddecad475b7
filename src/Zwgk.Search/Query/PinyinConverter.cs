using System.Collections.Frozen;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>
/// Reads typed pinyin back into Chinese words (dibao → 低保, kuaijikaoshi → 会计 考试, gjjdk → 公积金贷款), so a pinyin
/// query also searches bodies and goes through the plain-language dictionary. Full syllables may map to any common
/// dictionary word; initials are too ambiguous for that (db: 代表, 低保 …), so they map only to the plain-language
/// vocabulary and very common words. The split with the best total score over the whole input wins.
/// </summary>
internal sealed class PinyinConverter
{
    private const int MinFullFrequency = 20, MinInitialsFrequency = 3000;
    private static readonly Lazy<PinyinConverter> Instance = new(() => new PinyinConverter());
    public static PinyinConverter Default => Instance.Value;

    private readonly FrozenDictionary<string, (string Word, long Freq)[]> byFull;
    private readonly FrozenDictionary<string, (string Word, long Freq)[]> byInitials;

    private PinyinConverter()
    {
        var full = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        var initials = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        var text = TextResources.ReadText("jieba-dict.txt.gz");
        TextResources.ForEachLine(text, (start, length) =>
        {
            var line = text.AsSpan(start, length);
            int sp = line.IndexOf(' ');
            if (sp < 2 || sp > 6) return;
            var word = line[..sp];
            foreach (var c in word) if (c < '\u4E00' || c > '\u9FFF') return;
            var rest = line[(sp + 1)..];
            int sp2 = rest.IndexOf(' ');
            if (!long.TryParse(sp2 < 0 ? rest : rest[..sp2], out var freq) || freq < MinFullFrequency) return;
            var w = word.ToString();
            var key = Pinyin.Default.FullPinyin(w);
            (full.TryGetValue(key, out var l1) ? l1 : full[key] = []).Add((w, freq));
            if (freq >= MinInitialsFrequency && w.Length <= 4)
            {
                var ik = Pinyin.Default.Initials(w);
                (initials.TryGetValue(ik, out var l2) ? l2 : initials[ik] = []).Add((w, freq));
            }
        });
        // Keep the three most frequent words per reading.
        byFull = full.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item2).Take(3).ToArray(), StringComparer.Ordinal);
        byInitials = initials.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item2).Take(3).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Chinese readings of a run of pinyin units (all syllables, or all initials), best first, words separated by
    /// spaces; empty if no split covers the whole input. Scores favour the government vocabulary and fewer, longer words.</summary>
    public IReadOnlyList<string> Convert(IReadOnlyList<PinyinUnit> units, PlainLanguage plain, int max = 4)
    {
        int n = units.Count;
        if (n < 2) return [];
        // Beam of the best partial readings ending at each position.
        var beams = new List<(double Score, List<string> Words)>[n + 1];
        for (int k = 0; k <= n; k++) beams[k] = [];
        beams[0].Add((0, []));
        for (int j = 1; j <= n; j++)
        {
            for (int i = Math.Max(0, j - 8); i < j; i++)
            {
                if (beams[i].Count == 0) continue;
                var span = units.Skip(i).Take(j - i).ToList();
                bool allInitials = span.All(u => u.IsInitial);
                if (!allInitials && span.Any(u => u.IsInitial)) continue;
                var key = string.Concat(span.Select(u => u.Text));
                foreach (var (word, score) in Candidates(key, allInitials, j - i, plain))
                    foreach (var (prev, words) in beams[i])
                        beams[j].Add((prev + score, [.. words, word]));
            }
            beams[j] = beams[j].OrderByDescending(b => b.Score).Take(max * 2).ToList();
        }
        return beams[n].OrderByDescending(b => b.Score).Select(b => string.Join(" ", b.Words)).Distinct().Take(max).ToList();
    }

    private IEnumerable<(string Word, double Score)> Candidates(string key, bool initials, int length, PlainLanguage plain)
    {
        foreach (var term in plain.ByPinyin(key, initials))
            if (term.Length == length) yield return (term, 20 + 10 * term.Length);
        if ((initials ? byInitials : byFull).TryGetValue(key, out var hits))
            foreach (var (word, freq) in hits)
                if (word.Length == length && (length >= 2 || !initials))
                    yield return (word, Math.Log(freq) + 2 * word.Length - (length == 1 ? 8 : 0));
    }
}
