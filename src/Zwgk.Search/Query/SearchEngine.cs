using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Zwgk.Search.Index;
using Zwgk.Search.Text;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Zwgk.Search.Query;

/// <summary>A title offered while typing.</summary>
public sealed record TitleSuggestion(string Key, string Title, string TitleHtml, string Url);

/// <summary>Runs searches against a <see cref="SearchIndex"/>. Stateless and thread-safe.</summary>
public sealed class SearchEngine(SearchIndex index)
{
    public const int MaxWindow = 1000;
    public static readonly string[] FacetNames = ["type", "topic", "agency", "year", "genre", "validity", "column"];

    private static readonly (string Name, string Field, bool Multi)[] Dimensions =
    [
        ("type", Fields.Type, false), ("topic", Fields.Topic1, false), ("agency", Fields.Agency, true), ("year", Fields.Year, false),
        ("genre", Fields.Genre, false), ("validity", Fields.Validity, false), ("column", Fields.Column, true),
    ];

    /// <summary>Every dimension a search may count (the second topic level too).</summary>
    internal static readonly FacetDimension[] AllFacetDimensions =
        [.. Dimensions.Select(d => new FacetDimension(d.Field, d.Multi)), new FacetDimension(Fields.Topic, false)];

    public SearchResult Search(SearchRequest request, PlainLanguage plain, IReadOnlyList<string>? exactNumbers = null)
    {
        int pageSize = Math.Clamp(request.PageSize, 1, 50);
        int page = Math.Max(1, Math.Min(request.Page, MaxWindow / pageSize));
        var filters = ActiveFilters(request);

        return index.WithSearcher(searcher =>
        {
            var docFreq = DocFreq(searcher);
            var parsed = QueryReader.Read(request.Query ?? "", plain, docFreq);
            var t0 = Mark();
            string? exactKey = FindExact(searcher, request.Query ?? "", exactNumbers, filters);
            Phase("exact", t0); t0 = Mark();
            parsed = ResolvePinyin(searcher, parsed);
            Phase("pinyin", t0); t0 = Mark();
            var share = WordShare(searcher);
            var (query, ranking) = QueryBuilder.BuildRanking(parsed, share);
            Phase("build", t0);
            if (query is null)
            {
                // No query: everything matching the filters, newest first (browse by facet).
                if (filters.Count == 0) return Empty(request, parsed, page, pageSize);
                query = new MatchAllDocsQuery();
            }

            var dims = request.WithFacets ? FacetDimensions(filters, request) : null;
            var (total, docs, counts) = Ranked(searcher, query, ranking, filters, request.Sort, page * pageSize, dims);
            string? correctedFrom = null;
            t0 = Mark();
            string? didYouMean = DidYouMean(searcher, parsed, docs, total, filters);
            Phase("dym", t0);
            if (didYouMean is not null && !request.AsTyped && (total == 0 || TypedNowhere(searcher, parsed)))
            {
                // Nothing for what was typed, or Chinese that occurs nowhere as typed while a homophone does (政务工开 →
                // 政务公开, typed with a pinyin input method): show the homophone's results and say so (仍然搜索 links back).
                var corrected = ResolvePinyin(searcher, QueryReader.Read(didYouMean, plain, docFreq));
                var (cq, cranking) = QueryBuilder.BuildRanking(corrected, share);
                if (cq is not null)
                {
                    var again = Ranked(searcher, cq, cranking, filters, request.Sort, page * pageSize, dims);
                    if (again.Total > 0) { (total, docs, counts) = again; query = cq; correctedFrom = parsed.Normalized; parsed = corrected; }
                }
            }

            bool partial = false;
            if (total == 0 && QueryBuilder.BuildPartial(parsed) is { } relaxed)
            {
                // Nothing has all of it: the documents with most of it (a word absent everywhere, an official term whose
                // parts occur apart), labelled as partial; a query of one word has nothing to relax and stays empty.
                var again = Ranked(searcher, relaxed, null, filters, request.Sort, page * pageSize, dims);
                if (again.Total > 0) { (total, docs, counts) = again; query = relaxed; partial = true; }
            }
            if (page == 1 && request.Sort == SearchSort.Relevance && docs.Length > 0 && !partial) docs = ShareAmongReadings(searcher, parsed, docs, filters, pageSize, share);

            t0 = Mark();
            var terms = HighlightTerms.From(parsed);
            var hits = new List<SearchHit>(pageSize);
            for (int i = (page - 1) * pageSize; i < docs.Length; i++) hits.Add(Hit(searcher, docs[i], terms));
            if (exactKey is not null && page == 1 && hits.All(h => h.Key != exactKey))
            {
                // The document whose 索引号 or 文号 was typed is the answer even when its text does not match.
                var exact = searcher.Search(new TermQuery(new Term(Fields.Key, exactKey)), 1);
                if (exact.ScoreDocs.Length == 1)
                {
                    hits.Insert(0, Hit(searcher, exact.ScoreDocs[0], terms));
                    if (hits.Count > pageSize) hits.RemoveAt(hits.Count - 1);
                    total++;
                }
            }

            Phase("hits", t0); t0 = Mark();
            var facets = request.WithFacets ? Facets(searcher, query, filters, request, counts!) : [];
            Phase("facets", t0);
            return new SearchResult(parsed.Normalized, total, page, pageSize, hits, facets, parsed.Expansions, parsed.PinyinReading, didYouMean, exactKey)
            { CorrectedFrom = correctedFrom, Partial = partial };
        });
    }

    /// <summary>Whether a query finds any document (相关搜索 only offers phrases that lead to results).</summary>
    public bool HasMatches(string query, PlainLanguage plain) => index.WithSearcher(searcher =>
    {
        var (match, _) = QueryBuilder.BuildRanking(ResolvePinyin(searcher, QueryReader.Read(query, plain)), WordShare(searcher));
        return match is not null && Exists(searcher, match, null);
    });

    /// <summary>The Lucene queries a search would run (first phase and full ranking), for diagnostics.</summary>
    public (string? Match, string? Ranking) Describe(string query, PlainLanguage plain) => index.WithSearcher(searcher =>
    {
        var parsed = ResolvePinyin(searcher, QueryReader.Read(query, plain, DocFreq(searcher)));
        var (match, ranking) = QueryBuilder.BuildRanking(parsed, WordShare(searcher));
        return (match?.ToString(), ranking?.ToString());
    });

    /// <summary>Share of documents that contain a word, from the term dictionary of the combined word field; null for a
    /// small index, where the shares say little and every query is cheap anyway.</summary>
    private static Func<string, double>? WordShare(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        if (reader.MaxDoc < CommonWordsFrom) return null;
        double docs = Math.Max(1, reader.MaxDoc);
        return word => reader.DocFreq(new Term(Fields.AllWords, word)) / docs;
    }

    public const int CommonWordsFrom = 10_000;

    /// <summary>Documents containing a dictionary word (term lookups, remembered for the query).</summary>
    private static Func<string, int> DocFreq(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return word =>
        {
            if (!seen.TryGetValue(word, out var n)) seen[word] = n = reader.DocFreq(new Term(Fields.AllWords, word));
            return n;
        };
    }

    /// <summary>Documents of each pinyin reading ranked in full before they share the first page.</summary>
    private const int ReadingWindow = 100;

    /// <summary>Readings of one pinyin query searched side by side (each gets a share of the first page).</summary>
    public const int MaxPinyinReadings = 4;

    /// <summary>Pinyin is ambiguous (db: 低保, 当兵 …; qixiang: 气象, 七项): keep the readings that find something, best first.</summary>
    private static ParsedQuery ResolvePinyin(IndexSearcher searcher, ParsedQuery parsed)
    {
        if (!parsed.Clauses.Any(c => c is PinyinClause { Candidates.Count: > 0 })) return parsed;
        var clauses = parsed.Clauses.Select(c =>
        {
            if (c is not PinyinClause { Candidates.Count: > 0 } p) return c;
            var found = new List<HanClause>();
            foreach (var candidate in p.Candidates)
            {
                var q = QueryBuilder.Build(new ParsedQuery(candidate.Text, [candidate], null));
                if (q is not null && Exists(searcher, q, null)) found.Add(candidate);
                if (found.Count == MaxPinyinReadings) break;
            }
            return found.Count == 0 ? c : p with { Converted = found[0], Readings = found };
        }).ToList();
        return parsed with { Clauses = clauses };
    }

    /// <summary>A pinyin query read several ways (qixiang: 气象, 七项) ranks the documents of one reading (the one in titles,
    /// or the commonest) above all others; the reader meant one of them, so each reading gets a share of the first page,
    /// taken in turns with the overall ranking.</summary>
    private ScoreDoc[] ShareAmongReadings(IndexSearcher searcher, ParsedQuery parsed, ScoreDoc[] docs, List<Filter> filters, int pageSize,
        Func<string, double>? share)
    {
        // Even one reading gets its share: the direct match over title pinyin may be another word (全sheng finds 安全生产,
        // 全省 is in bodies only).
        if (parsed.Clauses.Count(c => c is PinyinClause { Readings.Count: > 0 }) != 1) return docs;
        var pinyin = (PinyinClause)parsed.Clauses.First(c => c is PinyinClause { Readings.Count: > 0 });
        var lists = new List<ScoreDoc[]> { docs };
        foreach (var reading in pinyin.Readings)
        {
            var alone = parsed with { Clauses = parsed.Clauses.Select(c => ReferenceEquals(c, pinyin) ? reading : c).ToList() };
            // Ranked in full (phrase and proximity boosts) over a short window: a reading of several words (政策 措施)
            // should put the documents where they stand together first.
            var (q, ranking) = QueryBuilder.BuildRanking(alone, share);
            if (q is null) continue;
            var top = Run(searcher, q, filters, null, SearchSort.Relevance, ReadingWindow, null).Docs;
            if (ranking is not null && top.Length > 1) top = Rescore(searcher, top, ranking);
            lists.Add(top.Length > pageSize ? top[..pageSize] : top);
        }
        var merged = new List<ScoreDoc>(pageSize);
        var taken = new HashSet<int>();
        for (int i = 0; merged.Count < pageSize && lists.Any(l => i < l.Length); i++)
            foreach (var list in lists)
                if (i < list.Length && merged.Count < pageSize && taken.Add(list[i].Doc)) merged.Add(list[i]);
        return [.. merged];
    }

    /// <summary>Whether anything matches, stopping at the first hit (a count would visit every match).</summary>
    private static bool Exists(IndexSearcher searcher, LuceneQuery query, Lucene.Net.Search.Filter? filter)
    {
        var c = new FirstHitsCollector(1);
        searcher.Search(query, filter, c);
        return c.Docs.Count > 0;
    }

    private const int HomophoneSample = 20;

    /// <summary>The first matches in index order, stopping when there are enough.</summary>
    private sealed class FirstHitsCollector(int limit) : ICollector
    {
        public readonly List<int> Docs = [];
        private int docBase;
        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc)
        {
            Docs.Add(docBase + doc);
            if (Docs.Count >= limit) throw new CollectionTerminatedException();
        }
        public void SetNextReader(AtomicReaderContext context)
        {
            if (Docs.Count >= limit) throw new CollectionTerminatedException();
            docBase = context.DocBase;
        }
        public bool AcceptsDocsOutOfOrder => true;
    }

    private static readonly ISet<string> TitleOnly = new HashSet<string> { Fields.TitleStored };

    private static SearchResult Empty(SearchRequest request, ParsedQuery parsed, int page, int pageSize) =>
        new(parsed.Normalized, 0, page, pageSize, [], [], parsed.Expansions, parsed.PinyinReading, null, null);

    private sealed record Filter(string Dimension, string Key, LuceneQuery Query);

    /// <summary>How many of the first-phase ranking get the full ranking.</summary>
    public int RescoreWindow { get; init; } = 1000;

    private (int Total, ScoreDoc[] Docs, Dictionary<string, Dictionary<string, int>>? Counts) Ranked(IndexSearcher searcher, LuceneQuery query,
        LuceneQuery? ranking, List<Filter> filters, SearchSort sort, int numHits, IReadOnlyList<FacetDimension>? dims)
    {
        bool rescore = ranking is not null && sort == SearchSort.Relevance;
        var t0 = Mark();
        var (total, docs, counts) = Run(searcher, query, filters, null, sort, rescore ? Math.Max(RescoreWindow, numHits) : numHits, dims);
        Phase("run", t0); t0 = Mark();
        if (rescore && docs.Length > 0) docs = Rescore(searcher, docs, ranking!);
        Phase("rescore", t0);
        return (total, docs.Length > numHits ? docs[..numHits] : docs, counts);
    }

    /// <summary>Scores the window's documents with the full ranking query, which runs only over them (filter first,
    /// leapfrogging): per-field scores and phrase positions are computed for a thousand documents, not for every match.</summary>
    private ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] window, LuceneQuery ranking)
    {
        var boost = ranking;
        var leaves = searcher.IndexReader.Leaves;
        var sets = new Dictionary<int, FixedBitSet>();
        foreach (var sd in window)
        {
            int leaf = ReaderUtil.SubIndex(sd.Doc, leaves);
            if (!sets.TryGetValue(leaf, out var set)) sets[leaf] = set = new FixedBitSet(leaves[leaf].AtomicReader.MaxDoc);
            set.Set(sd.Doc - leaves[leaf].DocBase);
        }
        var windowed = new FilteredQuery(boost, new WindowFilter(sets), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        var extra = SliceSearch.Run(searcher, windowed, null, null, window.Length, null, Parallelism, ParallelFromDocuments)
            .Docs.ToDictionary(d => d.Doc, d => d.Score);
        // Equal scores keep the first-phase order (which is newer first on ties).
        return window.Select((d, i) => (Doc: new ScoreDoc(d.Doc, extra.TryGetValue(d.Doc, out var full) ? full : d.Score * 1e-3f), i))
            .OrderByDescending(x => x.Doc.Score).ThenBy(x => x.i).Select(x => x.Doc).ToArray();
    }

    private sealed class WindowFilter(Dictionary<int, FixedBitSet> sets) : Lucene.Net.Search.Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs) =>
            sets.TryGetValue(context.Ord, out var set) ? set : null;
    }

    private static List<Filter> ActiveFilters(SearchRequest r)
    {
        var list = new List<Filter>();
        void Add(string dim, string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) list.Add(new Filter(dim, dim + "=" + value, new TermQuery(new Term(field, value))));
        }
        Add("type", Fields.Type, r.Type);
        Add("topic", Fields.Topic, r.Topic);
        Add("agency", Fields.Agency, r.Agency);
        Add("year", Fields.Year, r.Year?.ToString(CultureInfo.InvariantCulture));
        Add("genre", Fields.Genre, r.Genre);
        Add("validity", Fields.Validity, r.Validity);
        if (r.Columns is { Count: > 0 } cols)
        {
            var any = new BooleanQuery();
            foreach (var c in cols.Take(512)) any.Add(new TermQuery(new Term(Fields.Column, c)), Occur.SHOULD);
            list.Add(new Filter("column", "column=" + string.Join(",", cols.Take(512).Order(StringComparer.Ordinal)), any));
        }
        return list;
    }

    // Filter document sets are cached per segment (as Solr's filterCache does): the same year or topic filter recurs
    // across searches, and a cached bit set makes it nearly free. Bounded: cleared when it grows past the limit.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachingWrapperFilter> FilterCache = new(StringComparer.Ordinal);
    private const int FilterCacheLimit = 2000;

    private static Lucene.Net.Search.Filter? Combine(List<Filter> filters, string? except)
    {
        var active = filters.Where(f => f.Dimension != except).ToList();
        if (active.Count == 0) return null;
        var key = string.Join("\u001f", active.Select(f => f.Key));
        if (FilterCache.TryGetValue(key, out var cached)) return cached;
        var all = new BooleanQuery();
        foreach (var f in active) all.Add(f.Query, Occur.MUST);
        if (FilterCache.Count > FilterCacheLimit) FilterCache.Clear();
        return FilterCache.GetOrAdd(key, _ => new CachingWrapperFilter(new QueryWrapperFilter(all)));
    }

    /// <summary>Told how long each phase of a search took (exact, pinyin, build, run, rescore, dym, hits, facets): diagnostics
    /// for the benchmark. Null (the default) costs nothing.</summary>
    public Action<string, TimeSpan>? PhaseObserver { get; init; }

    private long Mark() => PhaseObserver is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();

    private void Phase(string name, long start) => PhaseObserver?.Invoke(name, System.Diagnostics.Stopwatch.GetElapsedTime(start));

    /// <summary>Cores a single search may use (segments are searched in parallel slices).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Index size from which searches run in parallel slices (below it a query is cheap anyway).</summary>
    public int ParallelFromDocuments { get; init; } = SliceSearch.ParallelFrom;

    private (int Total, ScoreDoc[] Docs, Dictionary<string, Dictionary<string, int>>? Counts) Run(IndexSearcher searcher, LuceneQuery query,
        List<Filter> filters, string? exceptDimension, SearchSort sort, int numHits, IReadOnlyList<FacetDimension>? dims)
    {
        // Relevance uses the plain score collector (a field-sorting collector costs twice as much per match); ties are
        // broken by date afterwards, over the collected top only. Date sorts use the field collector.
        var luceneSort = sort == SearchSort.Relevance ? null
            : new Sort(new SortField(Fields.Date, SortFieldType.INT64, sort == SearchSort.Newest), SortField.FIELD_SCORE);
        var outcome = SliceSearch.Run(searcher, query, Combine(filters, exceptDimension), luceneSort, numHits, dims, Parallelism, ParallelFromDocuments);
        var docs = luceneSort is null && numHits > 0 ? NewerFirstOnTies(searcher, outcome.Docs) : outcome.Docs;
        return (outcome.Total, docs, outcome.Facets);
    }

    private static ScoreDoc[] NewerFirstOnTies(IndexSearcher searcher, ScoreDoc[] docs)
    {
        if (docs.Length < 2) return docs;
        var leaves = searcher.IndexReader.Leaves;
        long DateOf(int doc)
        {
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            return leaf.AtomicReader.GetNumericDocValues(Fields.Date)?.Get(doc - leaf.DocBase) ?? 0;
        }
        return docs.Select(d => (d, date: DateOf(d.Doc))).OrderByDescending(x => x.d.Score).ThenByDescending(x => x.date).Select(x => x.d).ToArray();
    }

    /// <summary>Unfiltered dimensions (and the second topic level), counted in the same pass that collects the matches.</summary>
    private static List<FacetDimension> FacetDimensions(List<Filter> filters, SearchRequest request)
    {
        var plain = Dimensions.Where(d => filters.All(f => f.Dimension != d.Name)).Select(d => new FacetDimension(d.Field, d.Multi)).ToList();
        if (request.Topic is not null && filters.All(f => f.Dimension != "topic")) plain.Add(new FacetDimension(Fields.Topic, false));
        return plain;
    }

    private IReadOnlyList<Facet> Facets(IndexSearcher searcher, LuceneQuery query, List<Filter> filters, SearchRequest request,
        Dictionary<string, Dictionary<string, int>> counts)
    {
        // A filtered dimension is counted without its own filter ("drill sideways"), so its other values stay choosable.
        foreach (var f in filters.Where(f => Dimensions.Any(d => d.Name == f.Dimension)))
        {
            var dim = Dimensions.First(d => d.Name == f.Dimension);
            var dims = new List<FacetDimension> { new(dim.Field, dim.Multi) };
            if (dim.Name == "topic") dims.Add(new FacetDimension(Fields.Topic, false));
            var (_, _, sideways) = Run(searcher, query, filters, f.Dimension, SearchSort.Relevance, 0, dims);
            foreach (var (field, c) in sideways!) counts[field] = c;
        }

        var facets = new List<Facet>(Dimensions.Length + 1);
        foreach (var (name, field, _) in Dimensions)
        {
            string? selected = name switch
            {
                "type" => request.Type, "topic" => request.Topic is { } t ? DocumentMapper.TopicLevel1(t) : null, "agency" => request.Agency,
                "year" => request.Year?.ToString(CultureInfo.InvariantCulture), "genre" => request.Genre, "validity" => request.Validity,
                "column" => request.ColumnSelected, _ => null,
            };
            facets.Add(new Facet(name, Order(name, counts.GetValueOrDefault(field) ?? [], selected)));
            if (name == "topic" && request.Topic is { } topic)
            {
                // Second level (二级) of the chosen first level.
                var level1 = DocumentMapper.TopicLevel1(topic);
                var sub = (counts.GetValueOrDefault(Fields.Topic) ?? []).Where(kv => kv.Key.StartsWith(level1 + "\\", StringComparison.Ordinal)).ToDictionary();
                facets.Add(new Facet("subtopic", Order("subtopic", sub, topic.Contains('\\') ? topic : null)));
            }
        }
        return facets;
    }

    private static List<FacetValue> Order(string name, Dictionary<string, int> counts, string? selected)
    {
        IEnumerable<KeyValuePair<string, int>> ordered = name == "year"
            ? counts.OrderByDescending(kv => kv.Key, StringComparer.Ordinal)
            : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        var list = ordered.Select(kv => new FacetValue(kv.Key, kv.Value, kv.Key == selected)).ToList();
        if (selected is not null && !counts.ContainsKey(selected)) list.Insert(0, new FacetValue(selected, 0, true));
        return list;
    }

    private static string? FindExact(IndexSearcher searcher, string raw, IReadOnlyList<string>? numbers, List<Filter> filters)
    {
        var q = new BooleanQuery();
        var trimmed = raw.Trim();
        // Every 文号 and 索引号 has digits (year, serial number); anything else skips the lookups.
        if (trimmed.Length is 0 or > 80 || !trimmed.Any(char.IsDigit)) return null;
        q.Add(new TermQuery(new Term(Fields.IndexExact, trimmed.ToLowerInvariant())), Occur.SHOULD);
        q.Add(new TermQuery(new Term(Fields.NumberExact, trimmed)), Occur.SHOULD);
        foreach (var n in numbers ?? []) q.Add(new TermQuery(new Term(Fields.NumberExact, n)), Occur.SHOULD);
        var top = searcher.Search(q, Combine(filters, null), 2);
        // Two documents with the same 文号 (a 发文 and its 解读 can share it) are no jump: the result list shows both.
        return top.TotalHits == 1 ? searcher.Doc(top.ScoreDocs[0].Doc).Get(Fields.Key) : null;
    }

    private static SearchHit Hit(IndexSearcher searcher, ScoreDoc sd, HighlightTerms terms)
    {
        var d = searcher.Doc(sd.Doc);
        var title = d.Get(Fields.TitleStored) ?? "";
        var titleSpans = Highlighter.Spans(title, terms, withPinyin: true);
        var snippetTerms = terms;
        if (terms.PinyinSequences.Count > 0 && titleSpans.Count > 0)
        {
            // A pinyin query matched these characters in the title: mark the same words in the snippet.
            snippetTerms = new HighlightTerms();
            snippetTerms.Chinese.AddRange(terms.Chinese);
            snippetTerms.Parts.AddRange(terms.Parts);
            foreach (var (s, e) in titleSpans) snippetTerms.Chinese.Add(ChineseNormalizer.Normalize(title[s..e]));
        }
        var body = d.Get(Fields.BodyStored);
        var summary = d.Get(Fields.SummaryStored);
        var snippet = Highlighter.Snippet(body is { Length: > 0 } ? body : summary ?? "", snippetTerms);
        var agencies = d.Get(Fields.AgencyStored) is { } a ? a.Split(DocumentMapper.Separator) : [];
        var ticks = d.GetField(Fields.DateStored)?.GetInt64Value() ?? 0;
        return new SearchHit(d.Get(Fields.Key), d.Get(Fields.Type), d.Get(Fields.Url) ?? "", title, Highlighter.Mark(title, titleSpans), snippet,
            d.Get(Fields.NumberStored), d.Get(Fields.IndexStored), agencies, d.Get(Fields.Topic + "_s"), d.Get(Fields.Genre), d.Get(Fields.Validity),
            ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null, float.IsNaN(sd.Score) ? 0 : sd.Score);
    }

    /// <summary>"您是不是要找": the Chinese a pinyin query stands for (from the best title it matched), or, for Chinese that
    /// found little, a homophone that occurs in titles (typed with a pinyin input method: 政务公凯 → 政务公开).</summary>
    private static string? DidYouMean(IndexSearcher searcher, ParsedQuery parsed, ScoreDoc[] docs, int total, List<Filter> filters)
    {
        if (parsed.Clauses.Count == 1 && parsed.Clauses[0] is PinyinClause p)
        {
            var title = docs.Length > 0 ? searcher.Doc(docs[0].Doc, TitleOnly).Get(Fields.TitleStored) ?? "" : "";
            var match = p.AllSequences.Select(seq => Highlighter.PinyinMatch(title, seq)).FirstOrDefault(m => m is not null)
                        ?? p.Converted?.Text;
            return match is not null && match != parsed.Normalized ? match : null;
        }
        if (parsed.Clauses.Count != 1 || parsed.Clauses[0] is not HanClause h || h.Text.Length < 2 || h.Text.Length > 12) return null;
        if (total >= 5)
        {
            // Enough results that contain the text as typed: no correction.
            int containing = 0;
            foreach (var sd in docs.Take(5))
                if ((searcher.Doc(sd.Doc, TitleOnly).Get(Fields.TitleStored) ?? "").Contains(h.Text, StringComparison.Ordinal)) containing++;
            if (containing > 0) return null;
        }
        // Found, and made of words the index knows: no typo (and no search over the readings of every title).
        if (total > 0 && h.Words.All(w => w.Length >= 2 && Segmenter.Default.Contains(w) && KnownWord(searcher, w))) return null;
        if (Homophone(searcher, h.Text, filters) is { } whole) return whole;
        // Word by word: a word that occurs nowhere is replaced by a homophone that occurs in titles (身分证 → 身份证).
        var corrected = h.Text;
        foreach (var w in h.Words.Where(w => w.Length >= 2).Distinct())
        {
            // Words are looked up in the term dictionary (no search); only out-of-vocabulary strings need a phrase probe.
            if (Segmenter.Default.Contains(w))
            {
                if (KnownWord(searcher, w)) continue;
            }
            else
            {
                var anywhere = new BooleanQuery { { QueryBuilder.Phrase(Fields.TitleGrams, w), Occur.SHOULD }, { QueryBuilder.Phrase(Fields.BodyGrams, w), Occur.SHOULD } };
                if (Exists(searcher, anywhere, null)) continue;
            }
            if (Homophone(searcher, w, filters) is { } replacement) corrected = corrected.Replace(w, replacement, StringComparison.Ordinal);
        }
        return corrected != h.Text ? corrected : null;
    }

    private static bool KnownWord(IndexSearcher searcher, string word) =>
        searcher.IndexReader.DocFreq(new Term(Fields.BodyWords, word)) > 0 || searcher.IndexReader.DocFreq(new Term(Fields.TitleWords, word)) > 0;

    /// <summary>Whether a single Chinese query occurs nowhere as typed (in no title and no body as a phrase).</summary>
    private static bool TypedNowhere(IndexSearcher searcher, ParsedQuery parsed)
    {
        // A colloquial term (五保户, 开饭店) is found through its official terms: it is no typo even though it occurs nowhere.
        if (parsed.Clauses is not [HanClause h] || h.Text.Length < 2 || parsed.Expansions.Count > 0) return false;
        var anywhere = new BooleanQuery { { QueryBuilder.Phrase(Fields.TitleGrams, h.Text), Occur.SHOULD }, { QueryBuilder.Phrase(Fields.BodyGrams, h.Text), Occur.SHOULD } };
        return !Exists(searcher, anywhere, null);
    }

    /// <summary>Text in some title that reads exactly like <paramref name="text"/> but is written differently.</summary>
    private static string? Homophone(IndexSearcher searcher, string text, List<Filter> filters)
    {
        var readings = Pinyin.Default.Readings(text);
        if (readings.Take(text.Length).Any(r => r is null)) return null;
        var phrase = new PhraseQuery();
        for (int i = 0; i < text.Length; i++) phrase.Add(new Term(Fields.Pinyin, readings[i]));
        // The first titles that read so (stopping early: a common reading occurs in a large share of the index), and of
        // their spellings other than the text, the most frequent.
        var first = new FirstHitsCollector(HomophoneSample);
        searcher.Search(phrase, Combine(filters, null), first);
        var seq = readings.Take(text.Length).Select(r => r!).ToList();
        return first.Docs
            .Select(doc => Highlighter.PinyinMatch(searcher.Doc(doc, TitleOnly).Get(Fields.TitleStored) ?? "", seq))
            .Where(m => m is not null && ChineseNormalizer.Normalize(m) != text)
            .GroupBy(m => m!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
    }

    /// <summary>Titles for the suggestion box: a Chinese prefix as a phrase of the title, a pinyin prefix (full, initials or
    /// an unfinished last syllable) over the pinyin field.</summary>
    public IReadOnlyList<TitleSuggestion> SuggestTitles(string prefix, int limit = 6)
    {
        var normalized = QueryReader.Normalize(prefix);
        if (normalized.Length == 0) return [];
        return index.WithSearcher(searcher =>
        {
            LuceneQuery? q;
            IReadOnlyList<string>? pinyinSeq = null;
            var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
            if (compact.All(char.IsAsciiLetterLower) && Pinyin.Default.ParseLatin(compact, allowPrefixLast: true) is { Count: >= 1 } units
                && (units.Count >= 2 || compact.Length >= 2))
            {
                var mpq = new MultiPhraseQuery();
                foreach (var u in units)
                {
                    if (!u.IsPrefix) mpq.Add(new Term(Fields.Pinyin, u.Text));
                    else
                    {
                        var expanded = ExpandPrefix(searcher.IndexReader, Fields.Pinyin, u.Text, 64);
                        if (expanded.Length == 0) return (IReadOnlyList<TitleSuggestion>)[];
                        mpq.Add(expanded);
                    }
                }
                q = mpq;
                pinyinSeq = units.Where(u => !u.IsPrefix).Select(u => u.Text).ToList();
            }
            else q = QueryBuilder.Phrase(Fields.TitleGrams, normalized);

            var top = searcher.Search(q, null, limit, new Sort(SortField.FIELD_SCORE, new SortField(Fields.Date, SortFieldType.INT64, true)), true, false);
            var terms = new HighlightTerms();
            if (pinyinSeq is { Count: > 0 }) terms.PinyinSequences.Add(pinyinSeq); else terms.Chinese.Add(normalized);
            return top.ScoreDocs.Select(sd =>
            {
                var d = searcher.Doc(sd.Doc);
                var title = d.Get(Fields.TitleStored) ?? "";
                return new TitleSuggestion(d.Get(Fields.Key), title, Highlighter.Mark(title, Highlighter.Spans(title, terms, withPinyin: true)), d.Get(Fields.Url) ?? "");
            }).ToList();
        });
    }

    private static Term[] ExpandPrefix(IndexReader reader, string field, string prefix, int max)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return [];
        var result = new List<Term>();
        var e = terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END) return [];
        do
        {
            var t = e.Term;
            if (!StringHelper.StartsWith(t, start)) break;
            var s = t.Utf8ToString();
            if (s.All(char.IsAsciiLetterLower)) result.Add(new Term(field, s));
        } while (result.Count < max && e.MoveNext());
        return result.ToArray();
    }
}
