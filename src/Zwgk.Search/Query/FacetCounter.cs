using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Zwgk.Search.Query;

/// <summary>Collects every matching document (per segment) so facet counts cover the whole result, not just a page.</summary>
internal sealed class MatchCollector : ICollector
{
    public readonly List<(AtomicReaderContext Context, FixedBitSet Docs)> Segments = [];
    private FixedBitSet? current;
    public int Count;

    public void SetScorer(Scorer scorer) { }
    public void Collect(int doc) { current!.Set(doc); Count++; }
    public void SetNextReader(AtomicReaderContext context)
    {
        current = new FixedBitSet(context.AtomicReader.MaxDoc);
        Segments.Add((context, current));
    }
    public bool AcceptsDocsOutOfOrder => true;
}

/// <summary>
/// Facet counting over doc values. Reading doc values per hit is too slow for broad queries at a million documents, so
/// each segment's ordinals are decoded once into plain arrays and cached for the segment's lifetime (segments are
/// immutable; the cache key is the segment core).
/// </summary>
internal static class FacetCounter
{
    private sealed class SegmentOrds
    {
        public required string[] Labels;
        /// <summary>Single-valued: ord per doc (-1 none). Multi-valued: CSR layout (Starts has MaxDoc+1 entries).</summary>
        public int[]? Single;
        public int[]? Starts;
        public int[]? Values;
    }

    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrds>> Cache = new();

    /// <summary>Counts several dimensions in one pass over the matches (one walk of the bit set instead of one per dimension).</summary>
    public static Dictionary<string, Dictionary<string, int>> CountAll(MatchCollector matches, IReadOnlyList<(string Field, bool Multi)> dims)
    {
        var result = dims.ToDictionary(d => d.Field, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (context, docs) in matches.Segments)
        {
            var ords = dims.Select(d => Ords(context.AtomicReader, d.Field, d.Multi)).ToArray();
            var perOrd = ords.Select(o => new int[o?.Labels.Length ?? 0]).ToArray();
            var singles = ords.Select(o => o is { Labels.Length: > 0 } ? o.Single : null).ToArray();
            int n = dims.Count;
            for (int doc = docs.Length > 0 ? docs.NextSetBit(0) : -1; doc >= 0; doc = doc + 1 < docs.Length ? docs.NextSetBit(doc + 1) : -1)
            {
                for (int d = 0; d < n; d++)
                {
                    var o = ords[d];
                    if (o is null || o.Labels.Length == 0) continue;
                    if (singles[d] is { } single)
                    {
                        int v = single[doc];
                        if (v >= 0) perOrd[d][v]++;
                    }
                    else
                    {
                        var starts = o.Starts!;
                        var values = o.Values!;
                        for (int k = starts[doc]; k < starts[doc + 1]; k++) perOrd[d][values[k]]++;
                    }
                }
            }
            for (int d = 0; d < n; d++)
            {
                if (ords[d] is not { } o) continue;
                var counts = result[dims[d].Field];
                for (int v = 0; v < perOrd[d].Length; v++)
                {
                    if (perOrd[d][v] == 0) continue;
                    var label = o.Labels[v];
                    counts[label] = counts.GetValueOrDefault(label) + perOrd[d][v];
                }
            }
        }
        return result;
    }

    private static SegmentOrds? Ords(AtomicReader reader, string field, bool multiValued)
    {
        var perField = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, SegmentOrds>());
        lock (perField)
        {
            if (perField.TryGetValue(field, out var cached)) return cached;
            var built = multiValued ? BuildMulti(reader, field) : BuildSingle(reader, field);
            if (built is not null) perField[field] = built;
            return built;
        }
    }

    private static SegmentOrds? BuildSingle(AtomicReader reader, string field)
    {
        var dv = reader.GetSortedDocValues(field);
        if (dv is null) return new SegmentOrds { Labels = [], Single = [] };
        var labels = new string[dv.ValueCount];
        var scratch = new BytesRef();
        for (int o = 0; o < labels.Length; o++) { dv.LookupOrd(o, scratch); labels[o] = scratch.Utf8ToString(); }
        var single = new int[reader.MaxDoc];
        for (int d = 0; d < single.Length; d++) single[d] = dv.GetOrd(d);
        return new SegmentOrds { Labels = labels, Single = single };
    }

    private static SegmentOrds? BuildMulti(AtomicReader reader, string field)
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
