using Lucene.Net.Index;
using Lucene.Net.Search;
using Zwgk.Search.Analysis;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>
/// Turns a <see cref="ParsedQuery"/> into a Lucene query. Ranking intent (ADR 0004): title beats 文号 beats keywords
/// beats body; exact Chinese beats full pinyin beats initials; a whole-phrase match and proximity add on top.
/// </summary>
internal sealed class QueryBuilder
{
    /// <summary>Phrase and proximity boosts: they change the order, never the matches, and reading positions is the
    /// expensive part of a query, so they are applied only to the top of the result (a rescore window).</summary>
    private readonly List<Lucene.Net.Search.Query> boosts = [];

    /// <summary>First phase: a dictionary word is one term of the combined word field (one postings list), which decides
    /// the matches, the counts and a first ranking. Second phase: the same words scored per field with their boosts, plus
    /// phrase and proximity boosts, over the top of the first ranking only.</summary>
    private readonly bool firstPhase;

    /// <summary>Share of documents above which a word is "common" (关于, 工作, 通知 in government text). When a query also has
    /// rarer words, common ones only add to the score instead of being required: the matches are decided by the words
    /// that discriminate, and a long query stops visiting most of the index (Lucene's CommonTermsQuery idea).</summary>
    public const double CommonWordShare = 0.10;

    private readonly Func<string, double>? share;

    private QueryBuilder(bool firstPhase, Func<string, double>? share)
    {
        this.firstPhase = firstPhase;
        this.share = share;
    }

    public const float TitleBoost = 8f, NumberBoost = 5f, KeywordBoost = 4f, BodyBoost = 1f;
    public const float TitlePhraseBoost = 6f, BodyPhraseBoost = 1.5f, ProximityBoost = 1f;
    public const float PinyinFullBoost = 5f, PinyinInitialsBoost = 2.5f, PinyinMixedBoost = 6f;
    public const float OfficialTermWeight = 0.9f;
    public const float ConvertedPinyinWeight = 0.6f;
    public const int MaxProximityWords = 4;

    /// <summary>All of several words are read term at a time when the rarest is at least this share of the most common.</summary>
    public const double DenseConjunctionRatio = 0.2;

    /// <summary>The first-phase query: decides the matches (and so the total and the facet counts) and a first ranking.</summary>
    public static Lucene.Net.Search.Query? Build(ParsedQuery parsed, Func<string, double>? share = null) =>
        new QueryBuilder(firstPhase: true, share).BuildMatch(parsed);

    /// <summary>The first-phase query and the full ranking query (same matches, per-field scores, phrase and proximity
    /// boosts) that reorders the top of the first ranking.</summary>
    /// <param name="share">Share of documents containing a dictionary word (from the index's term statistics).</param>
    public static (Lucene.Net.Search.Query? Match, Lucene.Net.Search.Query? Ranking) BuildRanking(ParsedQuery parsed, Func<string, double>? share = null)
    {
        var match = Build(parsed, share);
        if (match is null) return (null, null);
        var full = new QueryBuilder(firstPhase: false, share);
        var ranking = new BooleanQuery { { full.BuildMatch(parsed)!, Occur.MUST } };
        foreach (var b in full.boosts) ranking.Add(b, Occur.SHOULD);
        return (match, ranking);
    }

    /// <summary>Partial match, for a query that found nothing as a whole: most of its words (every Han word, pinyin run or
    /// other word is one unit; any one alternative of a colloquial term counts), and an official term may match by most of
    /// its parts. Null when there is nothing to relax (one plain word). Scored per field, without a second phase.</summary>
    public static Lucene.Net.Search.Query? BuildPartial(ParsedQuery parsed)
    {
        var b = new QueryBuilder(firstPhase: false, null) { partial = true };
        var units = new List<Lucene.Net.Search.Query>();
        bool relaxable = false;
        foreach (var clause in parsed.Clauses)
        {
            switch (clause)
            {
                case HanClause h:
                    // Single characters are no evidence of what was asked (旧标题 must not find 新标题): words only.
                    foreach (var u in h.Units.Where(u => !u.Alternatives.All(QueryReader.IsStopWord) && u.Alternatives.Any(a => a.Length > 1)))
                    {
                        relaxable |= u.Alternatives.Any(a => a.Length > 1 && !IsSingleWord(a));
                        units.Add(b.Unit(u));
                    }
                    break;
                case PinyinClause p:
                    units.Add(b.Pinyin(p));
                    break;
                case WordClause w:
                    units.Add(Word(w.Word));
                    break;
            }
        }
        if (units.Count == 0 || (units.Count == 1 && !relaxable)) return null;
        var any = new BooleanQuery();
        foreach (var u in units) any.Add(u, Occur.SHOULD);
        // "Most": one of two, two of three or four, three of five or six …
        any.MinimumNumberShouldMatch = units.Count <= 2 ? 1 : (units.Count + 1) / 2;
        return any;
    }

    /// <summary>Partial mode: an official term of several words needs most of them, not all.</summary>
    private bool partial;

    private Lucene.Net.Search.Query Unit(HanUnit unit)
    {
        if (unit.Alternatives.Count == 1) return Text(unit.Alternatives[0]);
        var alt = new DisjunctionMaxQuery(0.1f);
        for (int i = 0; i < unit.Alternatives.Count; i++)
        {
            var q = Text(unit.Alternatives[i]);
            if (i > 0) q.Boost *= OfficialTermWeight;
            alt.Add(q);
        }
        return alt;
    }

    private Lucene.Net.Search.Query? BuildMatch(ParsedQuery parsed)
    {
        if (parsed.IsEmpty) return null;
        var top = new BooleanQuery();
        foreach (var clause in parsed.Clauses)
        {
            var q = clause switch
            {
                HanClause h => Han(h),
                PinyinClause p => Pinyin(p),
                WordClause w => Word(w.Word),
                _ => null,
            };
            if (q is not null) top.Add(q, Occur.MUST);
        }
        return top.Clauses.Count == 0 ? null : top.Clauses.Count == 1 ? top.Clauses[0].Query : top;
    }

    private Lucene.Net.Search.Query Han(HanClause clause)
    {
        var units = new BooleanQuery();
        // Common plain words (never expansions) become optional when rarer units are there to decide the matches.
        var common = clause.Units.Select(u => u.Alternatives.Count == 1 && !u.IsExpansion && share is not null
            && u.Alternatives[0].Length > 1 && IsSingleWord(u.Alternatives[0]) && share(u.Alternatives[0]) > CommonWordShare).ToList();
        if (common.All(c => c)) common = common.Select(_ => false).ToList();
        var optional = new List<Lucene.Net.Search.Query>();
        for (int k = 0; k < clause.Units.Count; k++)
        {
            var unit = clause.Units[k];
            var q0 = Unit(unit);
            if (common[k]) optional.Add(q0); else units.Add(q0, Occur.SHOULD);
        }
        int n = units.Clauses.Count;
        // With common words set aside, one rare word fewer may be missing (the full ranking still counts every word).
        units.MinimumNumberShouldMatch = optional.Count > 0
            ? (n <= 4 ? Math.Max(1, n - 1) : (int)Math.Ceiling(n * 0.6))
            : (n <= 2 ? n : n <= 4 ? n - 1 : (int)Math.Ceiling(n * 0.6));
        if (firstPhase && n >= 2 && units.Clauses.All(c => c.Query is TermQuery { Boost: 1f } t && t.Term.Field == Fields.AllWords))
        {
            // Term at a time (the same matches and scores): far cheaper for some-of-several words, and for all of a few
            // words when every one is common (leapfrogging pays only when one of them is rare).
            var words = units.Clauses.Select(c => ((TermQuery)c.Query).Term.Text).ToList();
            if (units.MinimumNumberShouldMatch < n || (share is not null && words.Min(share) >= DenseConjunctionRatio * words.Max(share)))
                return new WordSetQuery(Fields.AllWords, words.Select(w => (w, 1f)).ToList(), units.MinimumNumberShouldMatch);
        }
        if (optional.Count > 0)
        {
            // In the first phase the common words are left out (they would be visited for every match); the full ranking scores them.
            if (firstPhase) return n == 1 ? units.Clauses[0].Query : units;
            var withOptional = new BooleanQuery { { units, Occur.MUST } };
            foreach (var o in optional) withOptional.Add(o, Occur.SHOULD);
            AddPhraseBoosts(clause);
            return withOptional;
        }

        AddPhraseBoosts(clause);
        return n == 1 ? units.Clauses[0].Query : units;
    }

    private void AddPhraseBoosts(HanClause clause)
    {
        if (clause.Words.Count >= 2 || clause.Units.Any(u => u.Alternatives.Count > 1))
        {
            boosts.Add(Boosted(Phrase(Fields.TitleGrams, clause.Text), TitlePhraseBoost));
            if (clause.Text.Length <= 16) boosts.Add(Boosted(Phrase(Fields.BodyGrams, clause.Text), BodyPhraseBoost));
            if (clause.Words.Count >= 2)
            {
                // Stop words (的, 关于) are left out, at their positions kept: they occur everywhere, and reading their
                // positions would cost most of the phrase's time.
                var near = new PhraseQuery { Slop = 6 };
                for (int i = 0; i < clause.Words.Count; i++)
                    if (!QueryReader.IsStopWord(clause.Words[i])) near.Add(new Term(Fields.BodyWords, clause.Words[i]), i);
                // Nearness says something about a few words; over many, the sloppy match costs the most of any part of the
                // ranking (every position of every word in every candidate) and the phrase boosts already reward the whole.
                if (near.GetTerms().Length is >= 2 and <= MaxProximityWords) boosts.Add(Boosted(near, ProximityBoost));
            }
        }
    }

    /// <summary>A term anywhere. Several words (an official term such as 居民身份证补领) must all occur, not necessarily
    /// adjacent; adjacency adds a phrase boost.</summary>
    internal Lucene.Net.Search.Query Text(string text)
    {
        var words = new List<Word>(4);
        Segmenter.Default.Cut(text, words);
        if (words.Count <= 1 || text.Length > 24) return Leaf(text);
        var parts = new BooleanQuery();
        // Partial mode: stop words are left out and most of the rest will do (居民身份证补领: two of 居民, 身份证, 补领).
        var kept = partial ? words.Where(w => w.Length >= 2 && !QueryReader.IsStopWord(text.Substring(w.Start, w.Length))).ToList() : words;
        if (kept.Count == 0) kept = words;
        foreach (var w in kept) parts.Add(Leaf(text.Substring(w.Start, w.Length)), partial ? Occur.SHOULD : Occur.MUST);
        if (partial) parts.MinimumNumberShouldMatch = kept.Count <= 2 ? 1 : (kept.Count * 2 + 2) / 3;
        boosts.Add(Boosted(Phrase(Fields.TitleGrams, text), TitlePhraseBoost));
        boosts.Add(Boosted(Phrase(Fields.BodyGrams, text), BodyPhraseBoost));
        return parts;
    }

    /// <summary>One word (or character, or out-of-vocabulary string) anywhere: the best field wins (a small tie-breaker adds the others).</summary>
    private Lucene.Net.Search.Query Leaf(string text)
    {
        var dm = new DisjunctionMaxQuery(0.1f);
        bool dictionaryWord = text.Length > 1 && IsSingleWord(text);
        if (dictionaryWord && firstPhase) return new TermQuery(new Term(Fields.AllWords, text));
        if (dictionaryWord)
        {
            // The word fields hold it wherever the segmenter found it (search mode keeps the words inside longer ones).
            // A sum over fields rather than a max: with these boosts the order is nearly the same, and a plain disjunction
            // runs on Lucene's bucketed scorer, several times cheaper per match for a common word.
            return new BooleanQuery
            {
                { Boosted(new TermQuery(new Term(Fields.TitleWords, text)), TitleBoost), Occur.SHOULD },
                { Boosted(new TermQuery(new Term(Fields.KeywordWords, text)), KeywordBoost), Occur.SHOULD },
                { Boosted(new TermQuery(new Term(Fields.BodyWords, text)), BodyBoost), Occur.SHOULD },
            };
        }
        else
        {
            // Out-of-vocabulary, several words or one character: the gram fields find any substring. Bodies have no
            // unigrams, so a character is found there where the segmenter left it as a word of its own.
            dm.Add(Boosted(new TermQuery(new Term(Fields.KeywordWords, text)), KeywordBoost));
            dm.Add(Boosted(text.Length == 1 ? new TermQuery(new Term(Fields.BodyWords, text)) : Phrase(Fields.BodyGrams, text), BodyBoost));
        }
        dm.Add(Boosted(Phrase(Fields.TitleGrams, text), TitleBoost));
        dm.Add(Boosted(Phrase(Fields.NumberGrams, text), NumberBoost));
        return dm;
    }

    private static bool IsSingleWord(string text)
    {
        var words = new List<Word>(4);
        Segmenter.Default.Cut(text, words);
        return words.Count == 1 && words[0].Length == text.Length;
    }

    private static Lucene.Net.Search.Query Word(string word)
    {
        var dm = new DisjunctionMaxQuery(0.1f)
        {
            Boosted(new TermQuery(new Term(Fields.TitleGrams, word)), TitleBoost),
            Boosted(new TermQuery(new Term(Fields.NumberGrams, word)), NumberBoost),
            Boosted(new TermQuery(new Term(Fields.KeywordWords, word)), KeywordBoost),
            Boosted(new TermQuery(new Term(Fields.BodyGrams, word)), BodyBoost),
        };
        return dm;
    }

    private Lucene.Net.Search.Query Pinyin(PinyinClause clause)
    {
        var any = new DisjunctionMaxQuery(0f);
        // Read back into Chinese, the pinyin also matches bodies; below the direct pinyin match in the title.
        var readings = clause.Readings.Count > 0 ? clause.Readings : clause.Converted is { } only ? [only] : [];
        foreach (var han in readings) any.Add(Boosted(Han(han), ConvertedPinyinWeight));
        foreach (var seq in clause.AllSequences)
        {
            var boost = clause.HasHan ? PinyinMixedBoost : clause.HasInitials ? PinyinInitialsBoost : PinyinFullBoost;
            if (seq.Count >= 2 && seq.All(t => t.Length == 1 && char.IsAsciiLetterLower(t[0])))
            {
                // Initials only: a phrase of initial pairs (zw wg gk), not of single letters found in every title.
                if (seq.Count == 2) { any.Add(Boosted(new TermQuery(new Term(Fields.PinyinInitials, seq[0] + seq[1])), boost)); continue; }
                var pairs = new PhraseQuery();
                for (int i = 0; i + 1 < seq.Count; i++) pairs.Add(new Term(Fields.PinyinInitials, seq[i] + seq[i + 1]));
                any.Add(Boosted(pairs, boost));
                continue;
            }
            var phrase = new PhraseQuery();
            foreach (var t in seq) phrase.Add(new Term(Fields.Pinyin, t));
            phrase.Boost = boost;
            any.Add(phrase);
        }
        // "gongkai" might also be a literal word (an abbreviation, a product name): whichever matches better counts.
        if (clause.Literal is not null) any.Add(Word(clause.Literal));
        return any;
    }

    /// <summary>A phrase over a gram field: bigrams at consecutive positions (or the unigram for one character).</summary>
    internal static Lucene.Net.Search.Query Phrase(string field, string text)
    {
        var grams = Grams(text, unigrams: field != Fields.BodyGrams);
        if (grams.Count == 1) return new TermQuery(new Term(field, grams[0].Term));
        var pq = new PhraseQuery();
        foreach (var (term, pos) in grams) pq.Add(new Term(field, term), pos);
        return pq;
    }

    /// <summary>The query side of <see cref="GramTokenizer"/>: bigrams for Han runs (unigram if alone), whole words otherwise.</summary>
    internal static List<(string Term, int Position)> Grams(string text, bool unigrams = true)
    {
        var result = new List<(string, int)>();
        int pos = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (CharClass.IsHan(c))
            {
                int j = i;
                while (j < text.Length && CharClass.IsHan(text[j])) j++;
                if (j - i == 1) result.Add((text.Substring(i, 1), pos++));
                else for (int k = i; k + 1 < j; k++) result.Add((text.Substring(k, 2), pos++));
                if (j - i > 1 && unigrams) pos++; // the last character's unigram position
                i = j;
            }
            else if (CharClass.IsWordChar(c))
            {
                int j = i;
                while (j < text.Length && (CharClass.IsWordChar(text[j]) || (text[j] == '.' && j > i && j + 1 < text.Length && char.IsAsciiDigit(text[j - 1]) && char.IsAsciiDigit(text[j + 1])))) j++;
                result.Add((text[i..j], pos++));
                i = j;
            }
            else i++;
        }
        return result;
    }

    private static Lucene.Net.Search.Query Boosted(Lucene.Net.Search.Query q, float boost)
    {
        q.Boost = boost;
        return q;
    }
}
