using Lucene.Net.Index;
using Lucene.Net.Search;
using Zwgk.Search.Analysis;
using Zwgk.Search.Text;

namespace Zwgk.Search.Query;

/// <summary>
/// Turns a <see cref="ParsedQuery"/> into a Lucene query. Ranking intent (ADR 0004): title beats 文号 beats keywords
/// beats body; exact Chinese beats full pinyin beats initials; a whole-phrase match and proximity add on top.
/// </summary>
internal static class QueryBuilder
{
    public const float TitleBoost = 8f, NumberBoost = 5f, KeywordBoost = 4f, BodyBoost = 1f;
    public const float TitlePhraseBoost = 6f, BodyPhraseBoost = 1.5f, ProximityBoost = 1f;
    public const float PinyinFullBoost = 5f, PinyinInitialsBoost = 2.5f, PinyinMixedBoost = 6f;
    public const float OfficialTermWeight = 0.9f;
    public const float ConvertedPinyinWeight = 0.6f;

    public static Lucene.Net.Search.Query? Build(ParsedQuery parsed)
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

    private static Lucene.Net.Search.Query Han(HanClause clause)
    {
        var units = new BooleanQuery();
        foreach (var unit in clause.Units)
        {
            if (unit.Alternatives.Count == 1) units.Add(Text(unit.Alternatives[0]), Occur.SHOULD);
            else
            {
                var alt = new DisjunctionMaxQuery(0.1f);
                for (int i = 0; i < unit.Alternatives.Count; i++)
                {
                    var q = Text(unit.Alternatives[i]);
                    if (i > 0) q.Boost *= OfficialTermWeight;
                    alt.Add(q);
                }
                units.Add(alt, Occur.SHOULD);
            }
        }
        int n = clause.Units.Count;
        units.MinimumNumberShouldMatch = n <= 2 ? n : n <= 4 ? n - 1 : (int)Math.Ceiling(n * 0.6);

        if (clause.Words.Count < 2 && clause.Units.All(u => u.Alternatives.Count == 1)) return n == 1 ? units.Clauses[0].Query : units;

        var whole = new BooleanQuery { { units, Occur.MUST } };
        whole.Add(Boosted(Phrase(Fields.TitleGrams, clause.Text), TitlePhraseBoost), Occur.SHOULD);
        if (clause.Text.Length <= 16) whole.Add(Boosted(Phrase(Fields.BodyGrams, clause.Text), BodyPhraseBoost), Occur.SHOULD);
        if (clause.Words.Count >= 2)
        {
            var near = new PhraseQuery { Slop = 6 };
            foreach (var w in clause.Words) near.Add(new Term(Fields.BodyWords, w));
            whole.Add(Boosted(near, ProximityBoost), Occur.SHOULD);
        }
        return whole;
    }

    /// <summary>A term anywhere. Several words (an official term such as 居民身份证补领) must all occur, not necessarily
    /// adjacent; adjacency adds a phrase boost.</summary>
    internal static Lucene.Net.Search.Query Text(string text)
    {
        var words = new List<Word>(4);
        Segmenter.Default.Cut(text, words);
        if (words.Count <= 1 || text.Length > 24) return Leaf(text);
        var all = new BooleanQuery();
        var parts = new BooleanQuery();
        foreach (var w in words) parts.Add(Leaf(text.Substring(w.Start, w.Length)), Occur.MUST);
        all.Add(parts, Occur.MUST);
        all.Add(Boosted(Phrase(Fields.TitleGrams, text), TitlePhraseBoost), Occur.SHOULD);
        all.Add(Boosted(Phrase(Fields.BodyGrams, text), BodyPhraseBoost), Occur.SHOULD);
        return all;
    }

    /// <summary>One word (or character, or out-of-vocabulary string) anywhere: the best field wins (a small tie-breaker adds the others).</summary>
    private static Lucene.Net.Search.Query Leaf(string text)
    {
        var dm = new DisjunctionMaxQuery(0.1f);
        bool dictionaryWord = text.Length > 1 && IsSingleWord(text);
        if (dictionaryWord)
        {
            dm.Add(Boosted(new TermQuery(new Term(Fields.TitleWords, text)), TitleBoost));
            dm.Add(Boosted(new TermQuery(new Term(Fields.KeywordWords, text)), KeywordBoost));
            dm.Add(Boosted(new TermQuery(new Term(Fields.BodyWords, text)), BodyBoost));
        }
        else
        {
            // Out-of-vocabulary, several words or one character: the gram fields find any substring.
            dm.Add(Boosted(new TermQuery(new Term(Fields.KeywordWords, text)), KeywordBoost));
            dm.Add(Boosted(Phrase(Fields.BodyGrams, text), BodyBoost));
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

    private static Lucene.Net.Search.Query Pinyin(PinyinClause clause)
    {
        var any = new DisjunctionMaxQuery(0f);
        // Read back into Chinese, the pinyin also matches bodies; below the direct pinyin match in the title.
        if (clause.Converted is { } han) any.Add(Boosted(Han(han), ConvertedPinyinWeight));
        foreach (var seq in clause.AllSequences)
        {
            var phrase = new PhraseQuery();
            foreach (var t in seq) phrase.Add(new Term(Fields.Pinyin, t));
            phrase.Boost = clause.HasHan ? PinyinMixedBoost : clause.HasInitials ? PinyinInitialsBoost : PinyinFullBoost;
            any.Add(phrase);
        }
        // "gongkai" might also be a literal word (an abbreviation, a product name): whichever matches better counts.
        if (clause.Literal is not null) any.Add(Word(clause.Literal));
        return any;
    }

    /// <summary>A phrase over a gram field: bigrams at consecutive positions (or the unigram for one character).</summary>
    internal static Lucene.Net.Search.Query Phrase(string field, string text)
    {
        var grams = Grams(text);
        if (grams.Count == 1) return new TermQuery(new Term(field, grams[0].Term));
        var pq = new PhraseQuery();
        foreach (var (term, pos) in grams) pq.Add(new Term(field, term), pos);
        return pq;
    }

    /// <summary>The query side of <see cref="GramTokenizer"/>: bigrams for Han runs (unigram if alone), whole words otherwise.</summary>
    internal static List<(string Term, int Position)> Grams(string text)
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
                if (j - i > 1) pos++; // the last character's unigram position
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
