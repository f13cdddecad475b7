using System.Text;
using Zwgk.Search.Analysis;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>A Han word of the query, or a colloquial term with its official alternatives (any one matching is enough).</summary>
internal sealed record HanUnit(IReadOnlyList<string> Alternatives, bool IsExpansion);

internal abstract record Clause;

/// <summary>A run of Chinese: its units are ANDed softly (most must match), the whole run is boosted as a phrase.</summary>
internal sealed record HanClause(string Text, IReadOnlyList<HanUnit> Units, IReadOnlyList<string> Words) : Clause
{
    public IReadOnlyList<QueryExpansion> Expansions { get; init; } = [];
}

/// <summary>Pinyin (possibly mixed with Chinese characters) read as one sequence of positions in the pinyin field.
/// Each token is a Han character, a full syllable or an initial letter.</summary>
internal sealed record PinyinClause(IReadOnlyList<string> Tokens, bool HasInitials, bool HasHan, string? Literal) : Clause
{
    /// <summary>Other readings as short as the first (fangan: fan gan, fang an); any of them may match.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];

    public IEnumerable<IReadOnlyList<string>> AllSequences => Alternatives.Prepend(Tokens);

    /// <summary>Readings of the pinyin back into Chinese words (dibao → 低保), best first.</summary>
    public IReadOnlyList<HanClause> Candidates { get; init; } = [];

    /// <summary>The reading searched everywhere like typed Chinese; the engine may pick a later candidate that has results.</summary>
    public HanClause? Converted { get; init; }

    /// <summary>The candidates that find something in the index, best first (set by the engine; the first is
    /// <see cref="Converted"/>). Pinyin is ambiguous (qixiang: 气象, 七项): each reading gets a share of the first page.</summary>
    public IReadOnlyList<HanClause> Readings { get; init; } = [];
}

/// <summary>A Latin or digit word that is not pinyin (PDF, 2024, 5G).</summary>
internal sealed record WordClause(string Word) : Clause;

internal sealed record ParsedQuery(string Normalized, IReadOnlyList<Clause> Clauses, string? PinyinReading)
{
    public bool IsEmpty => Clauses.Count == 0;

    public IReadOnlyList<QueryExpansion> Expansions => Clauses
        .SelectMany(c => c switch { HanClause h => h.Expansions, PinyinClause { Converted: { } h } => h.Expansions, _ => [] })
        .DistinctBy(e => e.Term).ToList();
}

/// <summary>Reads what the user typed: Chinese runs, pinyin (full, spaced, initials, mixed with Chinese), other words,
/// and colloquial terms to expand. Pinyin is a way to type Chinese, so Latin input is read as pinyin only when it parses
/// as pinyin and has at least two units.</summary>
internal static class QueryReader
{
    public const int MaxLength = SearchRequest.MaxQueryLength;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "的", "了", "吗", "呢", "啊", "吧", "呀", "和", "与", "及", "或", "在", "是", "有", "我", "我们", "你", "您", "想", "要", "能", "请问",
        "如何", "怎么", "怎样", "怎么样", "怎么办", "哪里", "哪儿", "哪些", "哪个", "什么", "多少", "为什么", "是否", "可以", "需要", "关于", "一下",
    };

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <param name="docFreq">Documents of the index containing a word: pinyin is read into words the index holds.</param>
    public static ParsedQuery Read(string raw, PlainLanguage plain, Func<string, int>? docFreq = null)
    {
        var normalized = Normalize(raw);
        var clauses = new List<Clause>();
        var readings = new List<string>();
        var segments = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        int s = 0;
        while (s < segments.Length)
        {
            // Latin segments that read as pinyin: syllables typed one by one ("zheng wu gong kai") are one sequence;
            // words typed with spaces between them ("kuaiji kaoshi") are separate words that need not be adjacent.
            if (IsLatin(segments[s]) && (AllInitials(segments[s]) ?? Pinyin.Default.ParseLatin(segments[s])) is { } first)
            {
                int e = s + 1;
                var units = new List<PinyinUnit>(first);
                bool singles = first.Count == 1;
                while (e < segments.Length && IsLatin(segments[e]) && Pinyin.Default.ParseLatin(segments[e]) is { Count: 1 } u && singles)
                {
                    units.AddRange(u);
                    e++;
                }
                var literal = e - s == 1 ? segments[s] : null;
                AddPinyinOrWords(clauses, readings, units, literal, segments.AsSpan(s, e - s), plain, docFreq);
                s = e;
                continue;
            }
            ReadSegment(segments[s], plain, clauses, readings, docFreq);
            s++;
        }
        return new ParsedQuery(normalized, clauses, readings.Count > 0 ? string.Join(" ", readings) : null);
    }

    /// <summary>Normalised (simplified, half-width, lowercase), punctuation except 〔〕 and digits-dots turned into spaces, trimmed, capped.</summary>
    public static string Normalize(string raw)
    {
        var text = ChineseNormalizer.Normalize(raw.Length > MaxLength ? raw[..MaxLength] : raw);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            bool keep = CharClass.IsHan(c) || CharClass.IsWordChar(c) || c is '\'' or '〔' or '〕' or '[' or ']' or '.' or '-' or '/';
            if (keep) { sb.Append(c); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Letters without a vowel (shgz, zhrm, gzzf) are initials, one per character: 社会公众, 中华人民. The
    /// syllable parser would read sh/zh/ch as one initial and lose a character.</summary>
    /// <remarks>So are letters whose syllable parse mixes initials with short syllables only (agd: 按规定, not a + g + d;
    /// tyap: 统一安排): a character read a, e, o or ya is typed as its first letter too. A real syllable among initials
    /// (zheng w g k) keeps the parse.</remarks>
    private static IReadOnlyList<PinyinUnit>? AllInitials(string latin)
    {
        if (latin.Length is < 2 or > 12 || latin.Any(c => !char.IsAsciiLetterLower(c))) return null;
        bool vowels = latin.Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'v');
        if (vowels && (Pinyin.Default.ParseLatin(latin) is not { } parse || !parse.Any(u => u.IsInitial) || parse.Any(u => !u.IsInitial && u.Text.Length > 2)))
            return null;
        return latin.Select(c => new PinyinUnit(c.ToString(), true, false)).ToList();
    }

    private static bool IsLatin(string s)
    {
        foreach (var c in s) if (!char.IsAsciiLetterLower(c) && c != '\'') return false;
        return s.Length > 0;
    }

    /// <summary>Readings of pinyin tried against the index (the first few that find something are searched).</summary>
    public const int MaxPinyinCandidates = 8;

    private static void AddPinyinOrWords(List<Clause> clauses, List<string> readings, List<PinyinUnit> units, string? literal, ReadOnlySpan<string> words,
        PlainLanguage plain, Func<string, int>? docFreq)
    {
        // One syllable that is also two, the second starting with a vowel (yue: yu'e 余额, tian: ti'an 提案, xian: xi'an
        // 西安): typed without the apostrophe, a two-character word is as likely as the single syllable.
        if (units.Count == 1 && literal is { Length: >= 3 } && !units[0].IsInitial)
            for (int k = 1; k < literal.Length && units.Count == 1; k++)
                if (literal[k] is 'a' or 'o' or 'e' && Pinyin.Default.IsSyllable(literal.AsSpan(0, k)) && Pinyin.Default.IsSyllable(literal.AsSpan(k)))
                    units = [new PinyinUnit(literal[..k], false, false), new PinyinUnit(literal[k..], false, false)];
        if (units.Count >= 2)
        {
            var candidates = PinyinConverter.Default.Convert(units, plain, MaxPinyinCandidates, docFreq).Select(han => ReadHan(han.Replace(" ", "", StringComparison.Ordinal), plain)).ToList();
            var alternatives = literal is null ? [] : Pinyin.Default.ParseLatinAlternatives(literal, false, 4)
                .Select(a => (IReadOnlyList<string>)a.Select(u => u.Text).ToList())
                .Where(a => a.Count >= 2 && !a.SequenceEqual(units.Select(u => u.Text))).ToList();
            clauses.Add(new PinyinClause(units.Select(u => u.Text).ToList(), units.Any(u => u.IsInitial), false, literal) { Alternatives = alternatives, Candidates = candidates, Converted = candidates.FirstOrDefault() });
            readings.Add(string.Join(" ", units.Select(u => u.Text)));
        }
        else foreach (var w in words) clauses.Add(new WordClause(w.Replace("'", "", StringComparison.Ordinal)));
    }

    private enum RunKind { Han, Latin, Other }

    private static void ReadSegment(string segment, PlainLanguage plain, List<Clause> clauses, List<string> readings, Func<string, int>? docFreq)
    {
        // Split into runs of Han, Latin letters and the rest (digits, 〔〕, etc.).
        var runs = new List<(RunKind Kind, string Text)>();
        int i = 0;
        while (i < segment.Length)
        {
            var kind = KindOf(segment[i]);
            int j = i + 1;
            while (j < segment.Length && KindOf(segment[j]) == kind) j++;
            runs.Add((kind, segment[i..j]));
            i = j;
        }

        bool hasHan = runs.Any(r => r.Kind == RunKind.Han);
        var latinAsPinyin = new Dictionary<string, IReadOnlyList<PinyinUnit>?>(StringComparer.Ordinal);
        foreach (var r in runs) if (r.Kind == RunKind.Latin) latinAsPinyin.TryAdd(r.Text, Pinyin.Default.ParseLatin(r.Text));
        bool mixed = hasHan && latinAsPinyin.Count > 0 && latinAsPinyin.Values.All(v => v is not null)
                     && runs.All(r => r.Kind != RunKind.Other);
        if (mixed)
        {
            // 政务gongkai, zhengwu公开: one sequence over the pinyin field.
            var tokens = new List<string>();
            bool initials = false;
            var reading = new List<string>();
            // Readings in Chinese: one word typed half in characters (政wu, 政务gongkai) is looked up as a whole; otherwise
            // each pinyin run is read on its own, between the characters as typed (公积金daikuan).
            var parts = new List<List<string>> { new() { "" } };
            foreach (var (kind, text) in runs)
            {
                if (kind == RunKind.Han)
                {
                    foreach (var c in text) { tokens.Add(c.ToString()); reading.Add(c.ToString()); }
                    parts.Add([text]);
                }
                else
                {
                    var units = latinAsPinyin[text]!;
                    foreach (var u in units) { tokens.Add(u.Text); reading.Add(u.Text); initials |= u.IsInitial; }
                    var options = PinyinConverter.Default.Convert(units, plain, 3, docFreq).Select(h => h.Replace(" ", "", StringComparison.Ordinal)).ToList();
                    if (options.Count == 0 && units.Count == 1 && !units[0].IsInitial)
                        options = PinyinConverter.Default.Chars(units[0].Text, docFreq, 3).ToList();
                    parts.Add(options);
                }
            }
            var whole = initials ? [] : PinyinConverter.Default.MatchMixed(tokens, docFreq);
            var composed = parts.Any(p => p.Count == 0) ? [] : parts.Aggregate(new List<string> { "" },
                (acc, p) => acc.SelectMany(a => p.Select(x => a + x)).Take(MaxPinyinCandidates).ToList());
            var candidates = whole.Concat(composed).Distinct().Take(MaxPinyinCandidates).Select(h => ReadHan(h, plain)).ToList();
            clauses.Add(new PinyinClause(tokens, initials, true, null) { Candidates = candidates, Converted = candidates.FirstOrDefault() });
            readings.Add(string.Join(" ", reading));
            return;
        }

        foreach (var (kind, text) in runs)
        {
            switch (kind)
            {
                case RunKind.Han:
                    clauses.Add(ReadHan(text, plain));
                    break;
                case RunKind.Latin:
                    if (latinAsPinyin[text] is { Count: >= 2 } units)
                        AddPinyinOrWords(clauses, readings, units.ToList(), text, [text], plain, docFreq);
                    else clauses.Add(new WordClause(text.Replace("'", "", StringComparison.Ordinal)));
                    break;
                default:
                    foreach (var part in text.Split(['〔', '〕', '[', ']', '/', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
                    {
                        var w = part.Trim('.');
                        if (w.Length > 0) clauses.Add(new WordClause(w));
                    }
                    break;
            }
        }
    }

    private static RunKind KindOf(char c) =>
        CharClass.IsHan(c) ? RunKind.Han : char.IsAsciiLetterLower(c) || c == '\'' ? RunKind.Latin : RunKind.Other;

    internal static HanClause ReadHan(string text, PlainLanguage plain)
    {
        var expansions = new List<QueryExpansion>();
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        var found = plain.Find(text);
        var units = new List<HanUnit>();
        var wordTexts = new List<string>();
        var emitted = new bool[found.Count];
        foreach (var w in words)
        {
            var wt = text.Substring(w.Start, w.Length);
            wordTexts.Add(wt);
            // A colloquial term replaces the words it overlaps with one unit of alternatives.
            int hit = found.FindIndex(x => w.Start < x.Start + x.Length && w.Start + w.Length > x.Start);
            if (hit >= 0)
            {
                if (!emitted[hit])
                {
                    emitted[hit] = true;
                    var term = text.Substring(found[hit].Start, found[hit].Length);
                    units.Add(new HanUnit([term, .. found[hit].Official], true));
                    if (!expansions.Any(e => e.Term == term)) expansions.Add(new QueryExpansion(term, found[hit].Official));
                }
                // A word reaching outside the term (居民身份证 around 身份证丢了) still means something of its own.
                bool inside = w.Start >= found[hit].Start && w.Start + w.Length <= found[hit].Start + found[hit].Length;
                if (inside || w.Length < 2) continue;
            }
            if (StopWords.Contains(wt)) continue;
            units.Add(new HanUnit([wt], false));
        }
        if (units.Count == 0) units.AddRange(wordTexts.Select(w => new HanUnit([w], false)));
        return new HanClause(text, units, wordTexts) { Expansions = expansions };
    }
}
