using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Zwgk.Search.Query;

/// <summary>
/// At least <see cref="MinMatch"/> of a set of words in one field, scored as the BooleanQuery of their TermQuerys would be
/// (BM25: no coord, no query norm). Evaluated term at a time per segment: each word's postings are read straight through
/// into score and count arrays, then the documents with enough words are handed out in order. For a long query of common
/// words this reads each postings list once without the skipping and queue work of a document-at-a-time min-should-match
/// scorer, several times cheaper per posting (ADR 0004).
/// </summary>
internal sealed class WordSetQuery(string field, IReadOnlyList<(string Word, float Boost)> words, int minMatch) : Lucene.Net.Search.Query
{
    public string Field { get; } = field;
    public IReadOnlyList<(string Word, float Boost)> Words { get; } = words;
    public int MinMatch { get; } = minMatch;

    public override Weight CreateWeight(IndexSearcher searcher) => new WordSetWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var (w, _) in Words) terms.Add(new Term(Field, w));
    }

    public override string ToString(string field) =>
        "(" + string.Join(" ", Words.Select(w => Field + ":" + w.Word + (w.Boost != 1f ? "^" + w.Boost.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")))
        + ")~" + MinMatch + (Boost != 1f ? "^" + Boost.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public override bool Equals(object? obj) =>
        obj is WordSetQuery o && o.Field == Field && o.MinMatch == MinMatch && o.Boost == Boost && o.Words.SequenceEqual(Words);

    public override int GetHashCode() => HashCode.Combine(Field, MinMatch, Boost, Words.Count > 0 ? Words[0].Word : "");

    private sealed class WordSetWeight : Weight
    {
        private readonly WordSetQuery query;
        private readonly Similarity similarity;
        private readonly Term[] terms;
        private readonly TermContext[] contexts;
        private readonly Similarity.SimWeight?[] stats;

        public WordSetWeight(WordSetQuery query, IndexSearcher searcher)
        {
            this.query = query;
            similarity = searcher.Similarity;
            terms = query.Words.Select(w => new Term(query.Field, w.Word)).ToArray();
            contexts = terms.Select(t => TermContext.Build(searcher.TopReaderContext, t)).ToArray();
            var collection = searcher.CollectionStatistics(query.Field);
            stats = terms.Select((t, i) => contexts[i].DocFreq == 0 ? null
                : similarity.ComputeWeight(query.Words[i].Boost, collection, searcher.TermStatistics(t, contexts[i]))).ToArray();
        }

        public override Lucene.Net.Search.Query Query => query;

        public override float GetValueForNormalization()
        {
            float sum = 0;
            foreach (var s in stats) if (s is not null) sum += s.GetValueForNormalization();
            return sum * query.Boost * query.Boost;
        }

        public override void Normalize(float norm, float topLevelBoost)
        {
            foreach (var s in stats) s?.Normalize(norm, topLevelBoost * query.Boost);
        }

        public override bool ScoresDocsOutOfOrder => false;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(query.Field);
            if (fieldTerms is null) return null;
            var postings = new List<(DocsEnum Docs, Similarity.SimScorer Scorer)>(terms.Length);
            for (int i = 0; i < terms.Length; i++)
            {
                var state = contexts[i].Get(context.Ord);
                if (state is null || stats[i] is null) continue;
                var te = fieldTerms.GetEnumerator();
                te.SeekExact(terms[i].Bytes, state);
                postings.Add((te.Docs(null, null, DocsFlags.FREQS), similarity.GetSimScorer(stats[i], context)));
            }
            if (postings.Count < query.MinMatch) return null;
            return new WordSetScorer(this, context.AtomicReader.MaxDoc, postings, Math.Max(1, query.MinMatch), acceptDocs);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
                return new Explanation(scorer.GetScore(), $"at least {query.MinMatch} of {terms.Length} words, BM25 sum");
            return new Explanation(0, "no match");
        }
    }

    private sealed class WordSetScorer : Scorer
    {
        private readonly int maxDoc;
        private readonly List<(DocsEnum Docs, Similarity.SimScorer Scorer)> postings;
        private readonly int minMatch;
        private readonly IBits? acceptDocs;
        private float[]? scores;
        private byte[]? counts;
        private int first, last, doc = -1;

        public WordSetScorer(Weight weight, int maxDoc, List<(DocsEnum, Similarity.SimScorer)> postings, int minMatch, IBits? acceptDocs) : base(weight)
        {
            this.maxDoc = maxDoc;
            this.postings = postings;
            this.minMatch = minMatch;
            this.acceptDocs = acceptDocs;
        }

        private void Accumulate()
        {
            scores = ArrayPool<float>.Shared.Rent(maxDoc);
            counts = ArrayPool<byte>.Shared.Rent(maxDoc);
            Array.Clear(scores, 0, maxDoc);
            Array.Clear(counts, 0, maxDoc);
            first = maxDoc; last = -1;
            foreach (var (docs, sim) in postings)
            {
                int d = docs.NextDoc();
                if (d == NO_MORE_DOCS) continue;
                if (d < first) first = d;
                int prev = d;
                for (; d != NO_MORE_DOCS; d = docs.NextDoc())
                {
                    scores[d] += sim.Score(d, docs.Freq);
                    counts[d]++;
                    prev = d;
                }
                if (prev > last) last = prev; // postings are in order: the last one read is this list's largest
            }
        }

        public override int DocID => doc;

        public override int Freq => counts is null || doc < 0 || doc >= maxDoc ? 0 : counts[doc];

        public override float GetScore() => scores![doc];

        public override int NextDoc() => Advance(doc + 1);

        public override int Advance(int target)
        {
            if (doc == NO_MORE_DOCS) return doc;
            if (counts is null) Accumulate();
            var c = counts!;
            int end = Math.Min(last, maxDoc - 1);
            for (int d = Math.Max(target, first); d <= end; d++)
            {
                if (c[d] >= minMatch && (acceptDocs is null || acceptDocs.Get(d))) return doc = d;
            }
            Release();
            return doc = NO_MORE_DOCS;
        }

        private void Release()
        {
            if (scores is not null) ArrayPool<float>.Shared.Return(scores);
            if (counts is not null) ArrayPool<byte>.Shared.Return(counts);
            scores = null;
            counts = null;
        }

        public override long GetCost() => postings.Sum(p => p.Docs.GetCost());
    }
}
