using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Zwgk.Search.Query;

/// <summary>One facet dimension to count: a doc-values field, single- or multi-valued.</summary>
internal readonly record struct FacetDimension(string Field, bool Multi);

/// <summary>
/// Counts facet values while the matches are collected (one pass: no bit set of matches walked afterwards), and hands
/// each match on to an inner collector (the top documents), if any. One instance per slice of segments: not thread-safe.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<FacetDimension> dims, ICollector? inner) : ICollector
{
    private readonly Dictionary<string, int>[] totals = dims.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private FacetCounter.SegmentOrds[] ords = [];
    // Per dimension: counts indexed by ordinal + 1 (slot 0 is "no value", so the hot loops need no test).
    private int[][] counts = [];
    // Matches are buffered and counted a dimension at a time: a tight loop over one small ordinal array per dimension
    // runs several times faster than touching every dimension's array for each match.
    private readonly int[] buffer = new int[4096];
    private int buffered;
    public int Count;

    public void SetScorer(Scorer scorer) => inner?.SetScorer(scorer);

    public void Collect(int doc)
    {
        inner?.Collect(doc);
        Count++;
        if (ords.Length == 0) return;
        buffer[buffered++] = doc;
        if (buffered == buffer.Length) CountBuffered();
    }

    private void CountBuffered()
    {
        var docs = buffer.AsSpan(0, buffered);
        for (int d = 0; d < ords.Length; d++)
        {
            var o = ords[d];
            var c = counts[d];
            if (o.Small is { } small)
            {
                foreach (int doc in docs) c[small[doc]]++;
            }
            else if (o.Single is { Length: > 0 } single)
            {
                foreach (int doc in docs) c[single[doc] + 1]++;
            }
            else if (o.Starts is { } starts)
            {
                var values = o.Values!;
                foreach (int doc in docs)
                    for (int k = starts[doc], end = starts[doc + 1]; k < end; k++) c[values[k] + 1]++;
            }
        }
        buffered = 0;
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        inner?.SetNextReader(context);
        ords = dims.Count == 0 ? [] : dims.Select(d => FacetCounter.Ords(context.AtomicReader, d.Field, d.Multi)).ToArray();
        counts = ords.Select(o => new int[o.Labels.Length + 1]).ToArray();
    }

    public bool AcceptsDocsOutOfOrder => inner?.AcceptsDocsOutOfOrder ?? true;

    private void Flush()
    {
        CountBuffered();
        for (int d = 0; d < counts.Length; d++)
        {
            var labels = ords[d].Labels;
            var c = counts[d];
            for (int v = 0; v < labels.Length; v++)
                if (c[v + 1] != 0) totals[d][labels[v]] = totals[d].GetValueOrDefault(labels[v]) + c[v + 1];
        }
        counts = [];
        ords = [];
    }

    /// <summary>Counts per field and label, summed over the given collectors (the slices of one search).</summary>
    public static Dictionary<string, Dictionary<string, int>> Merge(IEnumerable<FacetCollector> collectors, IReadOnlyList<FacetDimension> dims)
    {
        var result = dims.ToDictionary(d => d.Field, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var c in collectors)
        {
            c.Flush();
            for (int d = 0; d < dims.Count; d++)
                foreach (var (label, n) in c.totals[d]) result[dims[d].Field][label] = result[dims[d].Field].GetValueOrDefault(label) + n;
        }
        return result;
    }
}

/// <summary>
/// Facet ordinals per segment. Reading doc values per hit is too slow for broad queries at a million documents, so each
/// segment's ordinals are decoded once into plain arrays and cached for the segment's lifetime (segments are immutable;
/// the cache key is the segment core).
/// </summary>
internal static class FacetCounter
{
    internal sealed class SegmentOrds
    {
        public required string[] Labels;
        /// <summary>Single-valued: ord per doc (-1 none), or, with fewer than 255 values, ord + 1 per doc in a byte (0 none:
        /// a quarter of the memory to stream through). Multi-valued: CSR layout (Starts has MaxDoc+1 entries).</summary>
        public int[]? Single;
        public byte[]? Small;
        public int[]? Starts;
        public int[]? Values;
    }

    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrds>> Cache = new();

    /// <summary>Decodes a segment's ordinals for every facet dimension (searcher warm-up).</summary>
    internal static void Warm(AtomicReader reader)
    {
        foreach (var d in SearchEngine.AllFacetDimensions) Ords(reader, d.Field, d.Multi);
    }

    internal static SegmentOrds Ords(AtomicReader reader, string field, bool multiValued)
    {
        var perField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, SegmentOrds>());
        lock (perField)
        {
            if (perField.TryGetValue(field, out var cached)) return cached;
            var built = multiValued ? BuildMulti(reader, field) : BuildSingle(reader, field);
            perField[field] = built;
            return built;
        }
    }

    private static SegmentOrds BuildSingle(AtomicReader reader, string field)
    {
        var dv = reader.GetSortedDocValues(field);
        if (dv is null) return new SegmentOrds { Labels = [], Single = [] };
        var labels = new string[dv.ValueCount];
        var scratch = new BytesRef();
        for (int o = 0; o < labels.Length; o++) { dv.LookupOrd(o, scratch); labels[o] = scratch.Utf8ToString(); }
        if (labels.Length < byte.MaxValue)
        {
            var small = new byte[reader.MaxDoc];
            for (int d = 0; d < small.Length; d++) small[d] = (byte)(dv.GetOrd(d) + 1);
            return new SegmentOrds { Labels = labels, Small = small };
        }
        var single = new int[reader.MaxDoc];
        for (int d = 0; d < single.Length; d++) single[d] = dv.GetOrd(d);
        return new SegmentOrds { Labels = labels, Single = single };
    }

    private static SegmentOrds BuildMulti(AtomicReader reader, string field)
    {
        var dv = reader.GetSortedSetDocValues(field);
        if (dv is null) return new SegmentOrds { Labels = [], Single = [] };
        var labels = new string[dv.ValueCount];
        var scratch = new BytesRef();
        for (int o = 0; o < labels.Length; o++) { dv.LookupOrd(o, scratch); labels[o] = scratch.Utf8ToString(); }
        var starts = new int[reader.MaxDoc + 1];
        var values = new List<int>(reader.MaxDoc);
        for (int d = 0; d < reader.MaxDoc; d++)
        {
            starts[d] = values.Count;
            dv.SetDocument(d);
            long o;
            while ((o = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) values.Add((int)o);
        }
        starts[reader.MaxDoc] = values.Count;
        return new SegmentOrds { Labels = labels, Starts = starts, Values = values.ToArray() };
    }
}
