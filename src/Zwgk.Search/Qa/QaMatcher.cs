using Zwgk.Search.Query;

namespace Zwgk.Search.Qa;

/// <summary>
/// Finds the entries of a policy Q&amp;A base (政策问答库) that answer a citizen's question. Built once from the entries
/// and immutable (thread-safe); after entries are edited, build a new one (<see cref="WithEntries"/>) and swap it in.
/// </summary>
/// <remarks>
/// Both sides go through the same analysis (<see cref="QaAnalyzer"/>: the site search's normalisation, segmentation and
/// plain-language dictionary, plus question-form stripping and intents). The score of an entry combines
/// <list type="bullet">
/// <item>how much of the question the entry covers: each thing asked, weighted by how rare it is in the base (IDF; a word
/// the base never uses weighs a lot, so a question about something the base does not cover cannot score high), counts fully
/// when the entry's question has it, less in the answer, least in the unit and basis; character bigrams add a
/// spelling-tolerant share;</item>
/// <item>how much of the entry's question the asker's words cover (a keyword prefers the entry that is about it).</item>
/// </list>
/// Both are in [0, 1], and so is the score, their weighted geometric mean (the entry side with a floor, so an entry whose
/// answer alone has what was asked stays a candidate). Figures on the judged set: see the evaluation test
/// (tests/Zwgk.Search.Tests/Qa/QaEvaluationTests.cs).
/// </remarks>
public sealed class QaMatcher
{
    /// <summary>At or above this score a match is confident: show it as the answer. Chosen on the judged set (see
    /// the evaluation test): nearly every correct first match is above it and nearly no question the base cannot answer.</summary>
    public const double GoodMatch = 0.55;

    /// <summary>Below this score an entry is not related enough to be suggested at all.</summary>
    public const double MinScore = 0.2;

    /// <summary>At most this many matches are returned, whatever is asked for.</summary>
    public const int MaxTop = 50;

    /// <summary>A longer question is cut to this many characters before it is analysed.</summary>
    public const int MaxQuestionLength = QaAnalyzer.MaxQuestionLength;

    private const double QuestionField = 1.0, AnswerField = 0.6, MetaField = 0.35;
    private const double UnseenFactor = 1.0; // a word the base never uses is as rare as can be (the cap below keeps a long story in check)
    private const double WordShare = 0.8;    // the rest of the question-side coverage comes from bigrams
    private const double QuestionSideExponent = 0.6;
    private const double EntryCoverageFloor = 0.2;
    /// <summary>Words the base never uses count together as at most this many such words: a question about something
    /// else has one or two of them (护照, 狗证); a long question's many unknown words are mostly its story.</summary>
    private const double UnseenCap = 2;
    private const double OtherFieldsDf = 0.3; // an entry having a word only in its answer, unit or basis counts this much to its rarity

    private readonly QaAnalyzer analyzer;
    private readonly PlainLanguage plain;
    private readonly Doc[] docs;
    private readonly Dictionary<string, int> gramDf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal); // feature → entries having it
    private readonly Dictionary<string, List<int>> questionPostings = new(StringComparer.Ordinal); // … in their question

    public QaMatcher(IEnumerable<QaEntry> entries, PlainLanguage? plainLanguage = null, QaMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        plain = plainLanguage ?? PlainLanguage.Empty;
        Options = options ?? QaMatcherOptions.Default;
        analyzer = new QaAnalyzer(plain, Options);
        var list = new List<Doc>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            ArgumentNullException.ThrowIfNull(e);
            if (string.IsNullOrWhiteSpace(e.Id) || !ids.Add(e.Id)) throw new ArgumentException($"Q&A entry ids must be present and unique: “{e.Id}”.", nameof(entries));
            list.Add(Build(e));
        }
        docs = [.. list];
        Entries = docs.Select(d => d.Entry).ToList();
        for (int i = 0; i < docs.Length; i++)
            foreach (var f in docs[i].Question.Concat(docs[i].Answer.Keys).Concat(docs[i].Meta).Distinct())
                (postings.TryGetValue(f, out var p) ? p : postings[f] = []).Add(i);
        for (int i = 0; i < docs.Length; i++)
            foreach (var f in docs[i].Question)
                (questionPostings.TryGetValue(f, out var p) ? p : questionPostings[f] = []).Add(i);
        foreach (var d in docs)
            foreach (var g in d.QuestionGrams.Concat(d.AnswerGrams).Distinct()) gramDf[g] = gramDf.GetValueOrDefault(g) + 1;
        // An entry's own units are weighted by the base they are in, like a question's.
        var cache = new Dictionary<string, (int, int)>(StringComparer.Ordinal); // entries share most of their words
        foreach (var d in docs)
            d.Variants = d.VariantTexts.Select(v => Weigh(Dedupe(v.Units), cache)).Where(v => v.Length > 0).ToArray();
    }

    public QaMatcherOptions Options { get; }

    public IReadOnlyList<QaEntry> Entries { get; }

    public int Count => docs.Length;

    /// <summary>A matcher over other entries (after edits) with the same dictionary and options; this one is unchanged.</summary>
    public QaMatcher WithEntries(IEnumerable<QaEntry> entries) => new(entries, plain, Options);

    /// <summary>The entries that answer <paramref name="question"/>, best first, at most <paramref name="top"/>, each scoring
    /// at least <see cref="MinScore"/>. Empty when the question is empty, only a question form, or about nothing in the base.</summary>
    public IReadOnlyList<QaMatch> Match(string? question, int top = 5)
    {
        top = Math.Clamp(top, 0, MaxTop);
        if (top == 0 || docs.Length == 0 || string.IsNullOrWhiteSpace(question)) return [];
        var q = analyzer.Analyze(question);
        var units = Weigh(Dedupe(q.Units));
        if (units.Length == 0) return [];
        double unitTotal = units.Sum(u => u.Weight);

        var grams = Options.Bigrams ? q.Grams.Select(g => (Gram: g, Weight: Idf(gramDf.GetValueOrDefault(g)))).ToList() : [];
        double gramTotal = grams.Sum(g => g.Weight);

        var results = new List<QaMatch>();
        foreach (var d in docs)
        {
            double covered = 0;
            foreach (var u in units) covered += u.Weight * UnitScore(u.Unit, d);
            double cq = covered / unitTotal;
            if (gramTotal > 0)
            {
                double g = 0;
                foreach (var (gram, weight) in grams)
                    g += weight * (d.QuestionGrams.Contains(gram) ? QuestionField : d.AnswerGrams.Contains(gram) ? AnswerField : 0);
                cq = WordShare * cq + (1 - WordShare) * g / gramTotal;
            }
            if (cq <= 0) continue;
            double score = cq;
            if (Options.EntryCoverage)
            {
                double cd = 0;
                foreach (var v in d.Variants) cd = Math.Max(cd, Covered(v, q.Features));
                // A floor: an entry whose answer (not its question) has what was asked is still a candidate.
                score = Math.Pow(cq, QuestionSideExponent) * Math.Pow(EntryCoverageFloor + (1 - EntryCoverageFloor) * cd, 1 - QuestionSideExponent);
            }
            if (score >= MinScore) results.Add(new QaMatch(d.Entry, Math.Round(score, 4)));
        }
        return results.OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal).Take(top).ToList();
    }

    /// <summary>For tuning and diagnostics: each unit asked with its weight and its credit in the entry <paramref name="id"/>.</summary>
    internal string Explain(string question, string id)
    {
        var d = docs.First(x => x.Entry.Id == id);
        var q = analyzer.Analyze(question);
        var units = Weigh(Dedupe(q.Units));
        var parts = units.Select(u => $"{u.Unit.Text}[{string.Join("|", u.Unit.Alternatives.Select(a => string.Join("+", a.Words)))}] w={u.Weight:0.00} m={UnitScore(u.Unit, d):0.00}");
        var cd = d.Variants.Select(v => Covered(v, q.Features)).DefaultIfEmpty(0).Max();
        return $"{id}: {string.Join("; ", parts)}; grams={string.Join(",", q.Grams)}; cd={cd:0.00}; doc units: "
            + string.Join("; ", d.Variants.FirstOrDefault()?.Select(v => $"{v.Unit.Text} w={v.Weight:0.00}") ?? []);
    }

    private sealed class Doc(QaEntry entry)
    {
        public QaEntry Entry { get; } = entry;
        public List<QaText> VariantTexts { get; } = [];
        public (QaUnit Unit, double Weight)[][] Variants { get; set; } = [];
        public HashSet<string> Question { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Answer { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Meta { get; } = new(StringComparer.Ordinal);
        public HashSet<string> QuestionGrams { get; } = new(StringComparer.Ordinal);
        public HashSet<string> AnswerGrams { get; } = new(StringComparer.Ordinal);
    }

    private Doc Build(QaEntry e)
    {
        var d = new Doc(e);
        foreach (var text in (e.Alternatives ?? []).Prepend(e.Question))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var a = analyzer.Analyze(text, intentTriggers: true, QaAnalyzer.MaxEntryTextLength);
            d.VariantTexts.Add(a);
            d.Question.UnionWith(a.Features.Keys);
            d.QuestionGrams.UnionWith(a.Grams);
        }
        var answer = analyzer.Analyze(e.Answer, intentTriggers: true, QaAnalyzer.MaxEntryTextLength, withUnits: false);
        foreach (var (f, n) in answer.Features) d.Answer[f] = n;
        d.AnswerGrams.UnionWith(answer.Grams);
        foreach (var text in new[] { e.Unit, e.Basis })
            if (!string.IsNullOrWhiteSpace(text)) d.Meta.UnionWith(analyzer.Analyze(text, maxLength: QaAnalyzer.MaxEntryTextLength, withUnits: false).Features.Keys);
        return d;
    }

    /// <summary>Answers are long and repeat their words: the first mention says most, more add a little (BM25's saturation).</summary>
    private static double FeatureScore(string f, Doc d)
    {
        if (d.Question.Contains(f)) return QuestionField;
        if (d.Answer.TryGetValue(f, out var tf)) return AnswerField * Math.Min(1, tf / (tf + 0.5) / 0.8);
        return d.Meta.Contains(f) ? MetaField : 0;
    }

    private static double UnitScore(QaUnit u, Doc d)
    {
        double best = 0;
        foreach (var a in u.Alternatives)
        {
            double credit = a.PartOf is { } word ? PartCredit(a, word, w => FeatureScore(w, d)) : a.Words.Sum(w => FeatureScore(w, d)) / a.Words.Length;
            best = Math.Max(best, a.Factor * credit);
        }
        return best;
    }

    /// <summary>Share of <paramref name="word"/>'s characters covered by its matched sub-words (each weighted by its field).</summary>
    private static double PartCredit(QaAlternative a, string word, Func<string, double> score)
    {
        Span<double> cover = stackalloc double[word.Length];
        foreach (var sub in a.Words)
        {
            double s = score(sub);
            if (s <= 0) continue;
            for (int at = word.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = word.IndexOf(sub, at + 1, StringComparison.Ordinal))
                for (int k = at; k < at + sub.Length; k++) cover[k] = Math.Max(cover[k], s);
        }
        double sum = 0;
        foreach (var c in cover) sum += c;
        return sum / word.Length;
    }

    /// <summary>The weighted share of an entry's question units that the asker's words cover.</summary>
    private static double Covered((QaUnit Unit, double Weight)[] variant, IReadOnlyDictionary<string, int> asked)
    {
        double total = 0, covered = 0;
        foreach (var (u, weight) in variant)
        {
            total += weight;
            double best = 0;
            foreach (var a in u.Alternatives)
            {
                double credit = a.PartOf is { } word ? PartCredit(a, word, w => asked.ContainsKey(w) ? 1 : 0)
                    : a.Words.Count(asked.ContainsKey) / (double)a.Words.Length;
                best = Math.Max(best, a.Factor * credit);
            }
            covered += weight * best;
        }
        return total > 0 ? covered / total : 0;
    }

    private static List<QaUnit> Dedupe(IEnumerable<QaUnit> units) => units.DistinctBy(u => u.Text).ToList();

    /// <summary>Each unit's weight: its IDF over the base (an entry has it when all words of one alternative are in the entry)
    /// times the unit's own weight (single characters and intents say less).</summary>
    private (QaUnit Unit, double Weight)[] Weigh(List<QaUnit> units, Dictionary<string, (int, int)>? cache = null)
    {
        var result = new (QaUnit, double)[units.Count];
        var unseen = new bool[units.Count];
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var alternatives = u.WeighByFirst ? u.Alternatives[..1] : u.Alternatives;
            string key = string.Join("|", alternatives.Select(a => string.Join("+", a.Words)));
            if (cache is null || !cache.TryGetValue(key, out var f))
            {
                f = (Having(alternatives, postings), Having(alternatives, questionPostings));
                cache?.Add(key, f);
            }
            var (df, inQuestions) = f;
            // Rarity among questions is what tells entries apart: 身份证 is in many answers (as a material to bring) but
            // in few questions, and asked about it should weigh as a subject, not as a common word.
            double idf = Idf(inQuestions + OtherFieldsDf * (df - inQuestions));
            if (df == 0) idf *= UnseenFactor * Commonness(u.Text);
            result[i] = (u, idf * u.Weight);
            unseen[i] = df == 0;
        }
        double unseenTotal = 0;
        for (int i = 0; i < result.Length; i++) if (unseen[i]) unseenTotal += result[i].Item2;
        double cap = UnseenCap * Idf(0) * UnseenFactor;
        if (unseenTotal > cap)
            for (int i = 0; i < result.Length; i++) if (unseen[i]) result[i].Item2 *= cap / unseenTotal;
        return result;
    }

    /// <summary>A word the base never uses that is common in Chinese at large (家里, 以前, 东西, 回来) is more likely the
    /// asker's story than the subject of the question (护照, 商标): it weighs less, down to 0.4 for the commonest words.
    /// Frequencies are the segmenter's (jieba's corpus counts).</summary>
    private static double Commonness(string word)
    {
        long freq = Text.Segmenter.Default.Frequency(word);
        return freq <= 1000 ? 1 : Math.Max(0.4, 1 - 0.3 * Math.Log10(freq / 1000.0));
    }

    /// <summary>Number of entries having all words of at least one alternative, in <paramref name="index"/>.</summary>
    private static int Having(QaAlternative[] alternatives, Dictionary<string, List<int>> index)
    {
        if (alternatives is [{ Words: [var only] }]) return index.TryGetValue(only, out var p) ? p.Count : 0;
        var having = new HashSet<int>();
        foreach (var a in alternatives)
        {
            var lists = new List<List<int>>(a.Words.Length);
            foreach (var w in a.Words)
            {
                if (!index.TryGetValue(w, out var p)) { lists.Clear(); break; }
                lists.Add(p);
            }
            if (lists.Count == 0) continue;
            lists.Sort((x, y) => x.Count.CompareTo(y.Count));
            var all = new HashSet<int>(lists[0]);
            for (int k = 1; k < lists.Count && all.Count > 0; k++) all.IntersectWith(lists[k]);
            having.UnionWith(all);
        }
        return having.Count;
    }

    private double Idf(double df) => Math.Log(1 + (docs.Length - df + 0.5) / (df + 0.5));
}
