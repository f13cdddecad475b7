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
    /// <summary>Without the index, only words this frequent are guessed (a rare word is more likely a wrong guess than
    /// the one meant); with the index, every dictionary word that occurs in it is a candidate.</summary>
    private const int MinFullFrequency = 20, MinInitialsFrequency = 3000;

    /// <summary>Candidates looked at per reading (most frequent first): initials of two letters match thousands of words.</summary>
    private const int MaxPerKey = 400;

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
            if (sp < 1 || sp > 6) return;
            var word = line[..sp];
            foreach (var c in word) if (c < '\u4E00' || c > '\u9FFF') return;
            var rest = line[(sp + 1)..];
            int sp2 = rest.IndexOf(' ');
            if (!long.TryParse(sp2 < 0 ? rest : rest[..sp2], out var freq) || freq < 1) return;
            var w = word.ToString();
            var key = Pinyin.Default.FullPinyin(w);
            (full.TryGetValue(key, out var l1) ? l1 : full[key] = []).Add((w, freq));
            if (w.Length >= 2)
            {
                var ik = Pinyin.Default.Initials(w);
                (initials.TryGetValue(ik, out var l2) ? l2 : initials[ik] = []).Add((w, freq));
            }
        });
        byFull = full.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item2).Take(MaxPerKey).ToArray(), StringComparer.Ordinal);
        byInitials = initials.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(x => x.Item2).Take(MaxPerKey).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Chinese readings of a run of pinyin units (all syllables, or all initials), best first, words separated by
    /// spaces; empty if no split covers the whole input. Scores favour the government vocabulary and fewer, longer words.
    /// With <paramref name="docFreq"/> (documents of the index containing a word), only words the index holds are read,
    /// and words the index holds often score higher: the reading is meant to find something.</summary>
    public IReadOnlyList<string> Convert(IReadOnlyList<PinyinUnit> units, PlainLanguage plain, int max = 4, Func<string, int>? docFreq = null)
    {
        int n = units.Count;
        if (n < 2) return [];
        // Beam of the best partial readings ending at each position.
        var beams = new List<(double Score, List<string> Words)>[n + 1];
        for (int k = 0; k <= n; k++) beams[k] = [];
        beams[0].Add((0, []));
        int width = docFreq is null ? max * 2 : Math.Max(max * 3, 12);
        for (int j = 1; j <= n; j++)
        {
            for (int i = Math.Max(0, j - 8); i < j; i++)
            {
                if (beams[i].Count == 0) continue;
                var span = units.Skip(i).Take(j - i).ToList();
                bool allInitials = span.All(u => u.IsInitial);
                if (!allInitials && span.Any(u => u.IsInitial)) continue;
                var key = string.Concat(span.Select(u => u.Text));
                foreach (var (word, score) in Candidates(key, allInitials, j - i, plain, docFreq))
                    foreach (var (prev, words) in beams[i])
                        beams[j].Add((prev + score, [.. words, word]));
            }
            beams[j] = beams[j].OrderByDescending(b => b.Score).Take(width).ToList();
        }
        var ranked = beams[n].OrderByDescending(b => b.Score).ToList();
        // A reading with a character standing alone (个 街道, 西 进 平) is kept only when no reading is made of words:
        // a lone character matches nearly every document.
        if (docFreq is not null && ranked.Any(b => b.Words.All(w => w.Length > 1))) ranked = ranked.Where(b => b.Words.All(w => w.Length > 1)).ToList();
        return ranked.Select(b => string.Join(" ", b.Words)).Distinct().Take(max).ToList();
    }

    /// <summary>Single dictionary words matching a sequence of Han characters and syllables (政务gong kai, zheng wu公开,
    /// 政wu): the characters stay as typed, the syllables are read. Most frequent first.</summary>
    public IReadOnlyList<string> MatchMixed(IReadOnlyList<string> tokens, Func<string, int>? docFreq, int max = 4)
    {
        if (tokens.Count is < 2 or > 6 || tokens.Any(t => t.Length == 1 && char.IsAsciiLetterLower(t[0]) && !PinyinSyllables.IsSyllable(t))) return [];
        // Keys over every reading of the typed characters (a polyphone may be read otherwise inside the word), capped.
        var keys = new List<string> { "" };
        foreach (var t in tokens)
        {
            var options = t.Length == 1 && !char.IsAsciiLetterLower(t[0]) ? Pinyin.Default.CharReadings(t[0]) : [t];
            if (options.Count == 0) return [];
            keys = keys.SelectMany(k => options.Take(3).Select(o => k + o)).Take(32).ToList();
        }
        var found = new List<(string Word, double Score)>();
        foreach (var key in keys.Distinct())
        {
            if (!byFull.TryGetValue(key, out var hits)) continue;
            foreach (var (word, freq) in hits)
            {
                if (word.Length != tokens.Count) continue;
                bool fits = true;
                for (int i = 0; i < tokens.Count && fits; i++)
                    if (tokens[i].Length == 1 && !char.IsAsciiLetterLower(tokens[i][0])) fits = word[i] == tokens[i][0];
                if (!fits) continue;
                int df = docFreq?.Invoke(word) ?? 1;
                if (df > 0) found.Add((word, Math.Log(freq) + 1.5 * Math.Log(1 + df)));
            }
        }
        return found.OrderByDescending(f => f.Score).Select(f => f.Word).Distinct().Take(max).ToList();
    }

    /// <summary>Characters read <paramref name="syllable"/>, most frequent first (those the index holds, when it is known).</summary>
    public IEnumerable<string> Chars(string syllable, Func<string, int>? docFreq, int max) =>
        (byFull.TryGetValue(syllable, out var hits) ? hits : []).Where(h => h.Word.Length == 1 && (docFreq is null || docFreq(h.Word) > 0))
            .Select(h => h.Word).Take(max);

    private static readonly double LogTotal = Math.Log(Math.Max(1, Segmenter.Default.TotalFrequency));

    /// <summary>Words for one span of the input. With the index, a word's score is its log-probability in the dictionary
    /// (as the segmenter's): one word beats a split into several (工作作风 over 工资 + 政府), a split into single characters
    /// almost never wins, and only words the index holds are read.</summary>
    private IEnumerable<(string Word, double Score)> Candidates(string key, bool initials, int length, PlainLanguage plain, Func<string, int>? docFreq)
    {
        foreach (var term in plain.ByPinyin(key, initials))
            if (term.Length == length) yield return (term, docFreq is null ? 20 + 10 * term.Length : -9);
        if (!(initials ? byInitials : byFull).TryGetValue(key, out var hits)) yield break;
        foreach (var (word, freq) in hits)
        {
            if (word.Length != length || (length < 2 && initials)) continue;
            if (docFreq is null)
            {
                if (freq < (initials ? MinInitialsFrequency : MinFullFrequency) || (initials && length > 4)) continue;
                yield return (word, Math.Log(freq) + 2 * word.Length - (length == 1 ? 8 : 0));
                continue;
            }
            if (docFreq(word) == 0) continue;
            yield return (word, Math.Log(freq) - LogTotal - (length == 1 ? 4 : 0));
        }
    }
}
