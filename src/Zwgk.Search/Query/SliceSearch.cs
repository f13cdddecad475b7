using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Zwgk.Search.Query;

/// <summary>
/// Runs one query over the index's segments in parallel slices, one per core (ADR 0004, "concurrent segment search"):
/// a broad query at a million documents visits hundreds of thousands of matches, and splitting the segments between the
/// cores divides its latency. Each slice has its own collectors; their top documents and facet counts are merged.
/// </summary>
internal static class SliceSearch
{
    /// <summary>Below this many documents a query is cheap and a single thread avoids the hand-off.</summary>
    public const int ParallelFrom = 50_000;

    public sealed record Outcome(int Total, ScoreDoc[] Docs, Dictionary<string, Dictionary<string, int>>? Facets);

    /// <param name="sort">Null for relevance.</param>
    /// <param name="numHits">Top documents wanted; 0 to count only.</param>
    /// <param name="dims">Facet dimensions to count over every match, or null.</param>
    public static Outcome Run(IndexSearcher searcher, LuceneQuery query, Lucene.Net.Search.Filter? filter, Sort? sort, int numHits,
        IReadOnlyList<FacetDimension>? dims, int parallelism, int parallelFrom = ParallelFrom)
    {
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var slices = Slices(searcher.IndexReader, parallelism, parallelFrom);
        var tops = new ITopDocsCollector?[slices.Count];
        var facets = new FacetCollector?[slices.Count];
        var counters = new ICollector[slices.Count];
        for (int i = 0; i < slices.Count; i++)
        {
            ITopDocsCollector? top = numHits <= 0 ? null : sort is null
                ? TopScoreDocCollector.Create(numHits, docsScoredInOrder: !weight.ScoresDocsOutOfOrder)
                : TopFieldCollector.Create(sort, numHits, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: !weight.ScoresDocsOutOfOrder);
            tops[i] = top;
            var inner = (ICollector?)top;
            if (dims is not null) counters[i] = facets[i] = new FacetCollector(dims, inner);
            else counters[i] = inner ?? new FacetCollector([], null);
        }

        void RunSlice(int i)
        {
            var collector = counters[i];
            foreach (var leaf in slices[i])
            {
                try
                {
                    collector.SetNextReader(leaf);
                    var scorer = weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs);
                    scorer?.Score(collector);
                }
                catch (CollectionTerminatedException) { }
            }
        }

        if (slices.Count == 1) RunSlice(0);
        else Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, RunSlice);

        int total = 0;
        for (int i = 0; i < slices.Count; i++)
            total += tops[i]?.TotalHits ?? ((FacetCollector)counters[i]).Count;
        ScoreDoc[] docs = [];
        if (numHits > 0)
        {
            if (slices.Count == 1) docs = tops[0]!.GetTopDocs().ScoreDocs;
            else if (sort is null) docs = TopDocs.Merge(null, numHits, tops.Select(t => t!.GetTopDocs()).ToArray()).ScoreDocs;
            else docs = TopDocs.Merge(sort, numHits, tops.Select(t => (TopDocs)t!.GetTopDocs()).ToArray()).ScoreDocs;
        }
        var counts = dims is null ? null : FacetCollector.Merge(facets.Select(f => f!), dims);
        return new Outcome(total, docs, counts);
    }

    /// <summary>Segments split into balanced groups by size (largest first, each to the lightest group).</summary>
    private static List<List<AtomicReaderContext>> Slices(IndexReader reader, int parallelism, int parallelFrom)
    {
        var leaves = reader.Leaves;
        int n = reader.MaxDoc < parallelFrom ? 1 : Math.Clamp(parallelism, 1, Math.Max(1, leaves.Count));
        var slices = Enumerable.Range(0, n).Select(_ => new List<AtomicReaderContext>()).ToList();
        var load = new long[n];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            int lightest = Array.IndexOf(load, load.Min());
            slices[lightest].Add(leaf);
            load[lightest] += leaf.AtomicReader.MaxDoc;
        }
        return slices;
    }
}
