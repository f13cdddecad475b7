using System.Buffers;
using System.Collections.ObjectModel;
using System.Text;

namespace Zwgk.Search.Text;

/// <summary>
/// One unit of Latin typed as pinyin: a full syllable ("zheng"), an initial (one letter, "z"), or, last only,
/// an incomplete syllable being typed (IsPrefix, "gon").
/// </summary>
public readonly record struct PinyinUnit(string Text, bool IsInitial, bool IsPrefix);

/// <summary>
/// Pinyin of Chinese text (tone-less, lowercase, ü written v) and parsing of Latin typed as pinyin. Readings come
/// from go-pinyin's character table ordered by pinyin-pro, with pinyin-pro's in-context readings for dictionary
/// words that differ (银行 yin hang, 重庆 chong qing). Immutable and thread-safe.
/// </summary>
public sealed class Pinyin
{
    private static readonly Lazy<Pinyin> s_default =
        new(() => new Pinyin(Segmenter.Default, Tables.Load(Segmenter.Default)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Embedded tables and <see cref="Segmenter.Default"/>, loaded on first use.</summary>
    public static Pinyin Default => s_default.Value;

    private readonly Segmenter _segmenter;
    private readonly Tables _t;

    [ThreadStatic] private static List<Word>? t_words;
    [ThreadStatic] private static List<Word>? t_parts;

    private Pinyin(Segmenter segmenter, Tables tables)
    {
        _segmenter = segmenter;
        _t = tables;
    }

    /// <summary>Same tables, words found with another segmenter (e.g. one with unit names added).</summary>
    public Pinyin WithSegmenter(Segmenter segmenter) => new(segmenter ?? throw new ArgumentNullException(nameof(segmenter)), _t);

    /// <summary>
    /// Reading in context of each char of normalized <paramref name="text"/> into output[0..text.Length): the word's
    /// reading for dictionary words read differently in context, else each character's most common reading; null for
    /// non-Han chars (and for the second half of a surrogate pair). Strings are shared, nothing is allocated.
    /// </summary>
    public void Readings(ReadOnlySpan<char> text, string?[] output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Length < text.Length) throw new ArgumentException("Output is shorter than the text.", nameof(output));
        Array.Clear(output, 0, text.Length);
        var words = t_words ??= [];
        words.Clear();
        _segmenter.Cut(text, words);
        foreach (var w in words)
            if (w.Kind == WordKind.Han) ReadWord(text.Slice(w.Start, w.Length), output.AsSpan(w.Start), subCut: true);
        words.Clear();
    }

    private void ReadWord(ReadOnlySpan<char> word, Span<string?> output, bool subCut)
    {
        if (_t.WordStart[word[0]] && _t.WordLookup.TryGetValue(word, out var inContext))
        {
            inContext.CopyTo(output);
            return;
        }
        // A word added with Segmenter.WithWords (a unit name such as 重庆市长寿区人民政府) has no reading of its own:
        // read its parts as the base dictionary cuts them, so 重庆 inside it still reads chong qing.
        if (subCut && word.Length > 2 && !ReferenceEquals(_segmenter, _t.BaseSegmenter) && !_t.BaseSegmenter.Contains(word))
        {
            var parts = t_parts ??= [];
            parts.Clear();
            _t.BaseSegmenter.Cut(word, parts);
            foreach (var p in parts)
                if (p.Kind == WordKind.Han) ReadWord(word.Slice(p.Start, p.Length), output[p.Start..], subCut: false);
            parts.Clear();
            return;
        }
        for (int k = 0; k < word.Length; k++)
        {
            char c = word[k];
            if (char.IsHighSurrogate(c) && k + 1 < word.Length && char.IsLowSurrogate(word[k + 1]))
            {
                output[k] = _t.Supplementary.TryGetValue(char.ConvertToUtf32(c, word[k + 1]), out var r) ? r[0] : null;
                k++;
            }
            else output[k] = _t.First[c];
        }
    }

    /// <summary>Readings of each char of normalized <paramref name="text"/>; see <see cref="Readings(ReadOnlySpan{char}, string?[])"/>.</summary>
    public string?[] Readings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new string?[text.Length];
        Readings(text, output);
        return output;
    }

    /// <summary>All readings of <paramref name="c"/>, most common first; empty for non-Han chars.</summary>
    public IReadOnlyList<string> CharReadings(char c) => _t.All[c] ?? Tables.None;

    /// <summary>All readings of a character outside the BMP (CJK Ext B+), most common first.</summary>
    public IReadOnlyList<string> CharReadings(Rune rune) =>
        rune.IsBmp ? CharReadings((char)rune.Value) : _t.Supplementary.TryGetValue(rune.Value, out var r) ? r : Tables.None;

    /// <summary>Whether <paramref name="latin"/> (lowercase, ü as v) is a whole syllable: "zheng", "a", "er", "lv", "nve".</summary>
    public bool IsSyllable(ReadOnlySpan<char> latin) => PinyinSyllables.IsSyllable(latin);

    /// <summary>Whether <paramref name="latin"/> begins some syllable (or is one): "zhen", "zh", "g".</summary>
    public bool IsSyllablePrefix(ReadOnlySpan<char> latin) => PinyinSyllables.IsPrefix(latin);

    /// <summary>
    /// Reads Latin typed as pinyin: full syllables and initials, with apostrophe, space or hyphen as separators
    /// (zhengwugongkai → zheng wu gong kai, zwgk → z w g k, xi'an → xi an, xian → xian). Among the possible readings
    /// it takes the fewest initials, then the fewest units; zh/ch/sh typed as an initial become z/c/s. A vowel
    /// right after a lone initial is not accepted, so English words like "covid" or "report" give null.
    /// With <paramref name="allowPrefixLast"/> the last unit may be a syllable being typed (zhengwugon → … gon, IsPrefix).
    /// </summary>
    public IReadOnlyList<PinyinUnit>? ParseLatin(string latin, bool allowPrefixLast = false)
    {
        ArgumentNullException.ThrowIfNull(latin);
        var r = PinyinSyllables.Parse(latin, allowPrefixLast, 1);
        return r.Count == 0 ? null : r[0];
    }

    /// <summary>
    /// Equally short readings of ambiguous input, best first (fangan → fan gan, fang an), at most
    /// <paramref name="maxResults"/>; empty when it is not pinyin. The first is <see cref="ParseLatin"/>'s.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PinyinUnit>> ParseLatinAlternatives(string latin, bool allowPrefixLast = false, int maxResults = 4)
    {
        ArgumentNullException.ThrowIfNull(latin);
        return PinyinSyllables.Parse(latin, allowPrefixLast, maxResults);
    }

    /// <summary>Joined readings of <paramref name="text"/> (any form; normalized here): 政务公开 → zhengwugongkai. ASCII letters and digits are kept.</summary>
    public string FullPinyin(string text) => Join(text, initialsOnly: false);

    /// <summary>First letters of the readings of <paramref name="text"/>: 政务公开 → zwgk. ASCII letters and digits are kept.</summary>
    public string Initials(string text) => Join(text, initialsOnly: true);

    private string Join(string text, bool initialsOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        var norm = ChineseNormalizer.Normalize(text);
        var readings = ArrayPool<string?>.Shared.Rent(norm.Length);
        try
        {
            Readings(norm, readings);
            int length = 0;
            for (int i = 0; i < norm.Length; i++)
            {
                if (readings[i] is { } r) length += initialsOnly ? 1 : r.Length;
                else if (char.IsAsciiLetterOrDigit(norm[i])) length++;
            }
            return string.Create(length, (norm, readings, initialsOnly), static (dst, state) =>
            {
                var (s, rs, initials) = state;
                int o = 0;
                for (int i = 0; i < s.Length; i++)
                {
                    if (rs[i] is { } r)
                    {
                        if (initials) dst[o++] = r[0];
                        else { r.CopyTo(dst[o..]); o += r.Length; }
                    }
                    else if (char.IsAsciiLetterOrDigit(s[i])) dst[o++] = s[i];
                }
            });
        }
        finally
        {
            Array.Clear(readings, 0, norm.Length);
            ArrayPool<string?>.Shared.Return(readings);
        }
    }

    private sealed class Tables
    {
        public static readonly IReadOnlyList<string> None = ReadOnlyCollection<string>.Empty;

        public readonly string?[] First = new string?[65536];                        // most common reading per BMP char
        public readonly IReadOnlyList<string>?[] All = new IReadOnlyList<string>?[65536];
        public readonly Dictionary<int, ReadOnlyCollection<string>> Supplementary = [];
        public readonly bool[] WordStart = new bool[65536];                           // first chars of WordLookup keys
        private readonly Dictionary<string, string?[]> _words = new(StringComparer.Ordinal);
        public readonly Dictionary<string, string?[]>.AlternateLookup<ReadOnlySpan<char>> WordLookup;

        /// <summary>The dictionary the word readings were made for (jieba's).</summary>
        public readonly Segmenter BaseSegmenter;

        private Tables(Segmenter baseSegmenter)
        {
            BaseSegmenter = baseSegmenter;
            WordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public static Tables Load(Segmenter baseSegmenter)
        {
            var t = new Tables(baseSegmenter);
            // One string per distinct syllable, shared by every table and every output.
            var pool = new Dictionary<string, string>(StringComparer.Ordinal);
            var poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
            string Intern(ReadOnlySpan<char> s)
            {
                if (poolLookup.TryGetValue(s, out var v)) return v;
                v = s.ToString();
                pool.Add(v, v);
                return v;
            }

            var chars = TextResources.ReadText("pinyin-chars.txt.gz");
            var list = new List<string>();
            TextResources.ForEachLine(chars, (start, len) =>
            {
                var line = chars.AsSpan(start, len);
                int tab = line.IndexOf('\t');
                if (tab is not (1 or 2)) throw new InvalidDataException($"Bad pinyin-chars line: {line}");
                list.Clear();
                foreach (var range in line[(tab + 1)..].Split(',')) list.Add(Intern(line[(tab + 1)..][range]));
                var readings = new ReadOnlyCollection<string>([.. list]);
                if (tab == 1)
                {
                    t.First[line[0]] = readings[0];
                    t.All[line[0]] = readings;
                }
                else t.Supplementary[char.ConvertToUtf32(line[0], line[1])] = readings;
            });

            var words = TextResources.ReadText("pinyin-words.txt.gz");
            TextResources.ForEachLine(words, (start, len) =>
            {
                var line = words.AsSpan(start, len);
                int tab = line.IndexOf('\t');
                if (tab <= 0) throw new InvalidDataException($"Bad pinyin-words line: {line}");
                var word = line[..tab];
                var syllables = line[(tab + 1)..];
                // One reading per UTF-16 unit, null on the low half of a surrogate pair, to copy straight into output.
                var readings = new string?[word.Length];
                var it = syllables.Split(' ');
                for (int k = 0; k < word.Length; k++)
                {
                    if (!it.MoveNext()) return; // fewer syllables than characters: unusable
                    readings[k] = Intern(syllables[it.Current]);
                    if (char.IsHighSurrogate(word[k]) && k + 1 < word.Length) k++;
                }
                if (it.MoveNext()) return;
                t._words[word.ToString()] = readings;
                t.WordStart[word[0]] = true;
            });
            return t;
        }
    }
}
