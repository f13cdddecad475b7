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

    public SearchResult Search(SearchRequest request, PlainLanguage plain, IReadOnlyList<string>? exactNumbers = null)
    {
        int pageSize = Math.Clamp(request.PageSize, 1, 50);
        int page = Math.Max(1, Math.Min(request.Page, MaxWindow / pageSize));
        var parsed = QueryReader.Read(request.Query ?? "", plain);
        var filters = ActiveFilters(request);

        return index.WithSearcher(searcher =>
        {
            string? exactKey = FindExact(searcher, request.Query ?? "", exactNumbers, filters);
            parsed = ResolvePinyin(searcher, parsed);
            var share = WordShare(searcher);
            var (query, ranking) = QueryBuilder.BuildRanking(parsed, share);
            if (query is null)
            {
                // No query: everything matching the filters, newest first (browse by facet).
                if (filters.Count == 0) return Empty(request, parsed, page, pageSize);
                query = new MatchAllDocsQuery();
            }

            var (total, docs, matches) = Ranked(searcher, query, ranking, filters, request.Sort, page * pageSize, request.WithFacets);
            string? correctedFrom = null;
            string? didYouMean = DidYouMean(searcher, parsed, docs, total, filters);
            if (total == 0 && didYouMean is not null)
            {
                // Nothing for what was typed but a homophone exists: show its results and say so (仍然搜索 links back).
                var corrected = ResolvePinyin(searcher, QueryReader.Read(didYouMean, plain));
                var (cq, cranking) = QueryBuilder.BuildRanking(corrected, share);
                if (cq is not null)
                {
                    (total, docs, matches) = Ranked(searcher, cq, cranking, filters, request.Sort, page * pageSize, request.WithFacets);
                    if (total > 0) { correctedFrom = parsed.Normalized; parsed = corrected; }
                }
            }

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

            var facets = request.WithFacets ? Facets(searcher, query, filters, request, matches!) : [];
            return new SearchResult(parsed.Normalized, total, page, pageSize, hits, facets, parsed.Expansions, parsed.PinyinReading, didYouMean, exactKey)
            { CorrectedFrom = correctedFrom };
        });
    }

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

    /// <summary>Initials are ambiguous (db: 低保, 当兵 …): take the first reading of the pinyin that finds anything.</summary>
    private static ParsedQuery ResolvePinyin(IndexSearcher searcher, ParsedQuery parsed)
    {
        if (!parsed.Clauses.Any(c => c is PinyinClause { Candidates.Count: > 1 })) return parsed;
        var clauses = parsed.Clauses.Select(c =>
        {
            if (c is not PinyinClause { Candidates.Count: > 1 } p) return c;
            foreach (var candidate in p.Candidates)
            {
                var q = QueryBuilder.Build(new ParsedQuery(candidate.Text, [candidate], null));
                if (q is not null && Exists(searcher, q, null)) return p with { Converted = candidate };
            }
            return c;
        }).ToList();
        return parsed with { Clauses = clauses };
    }

    /// <summary>Whether anything matches, stopping at the first hit (a count would visit every match).</summary>
    private static bool Exists(IndexSearcher searcher, LuceneQuery query, Lucene.Net.Search.Filter? filter)
    {
        var c = new FirstHitCollector();
        searcher.Search(query, filter, c);
        return c.Found;
    }

    private sealed class FirstHitCollector : ICollector
    {
        public bool Found;
        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc) { Found = true; throw new CollectionTerminatedException(); }
        public void SetNextReader(AtomicReaderContext context) { if (Found) throw new CollectionTerminatedException(); }
        public bool AcceptsDocsOutOfOrder => true;
    }

    private static readonly ISet<string> TitleOnly = new HashSet<string> { Fields.TitleStored };

    private static SearchResult Empty(SearchRequest request, ParsedQuery parsed, int page, int pageSize) =>
        new(parsed.Normalized, 0, page, pageSize, [], [], parsed.Expansions, parsed.PinyinReading, null, null);

    private sealed record Filter(string Dimension, string Key, LuceneQuery Query);

    /// <summary>How many of the first-phase ranking get the full ranking.</summary>
    public const int RescoreWindow = 1000;

    private static (int Total, ScoreDoc[] Docs, MatchCollector? Matches) Ranked(IndexSearcher searcher, LuceneQuery query, LuceneQuery? ranking,
        List<Filter> filters, SearchSort sort, int numHits, bool collectMatches)
    {
        bool rescore = ranking is not null && sort == SearchSort.Relevance;
        var (total, docs, matches) = Run(searcher, query, filters, null, sort, rescore ? Math.Max(RescoreWindow, numHits) : numHits, collectMatches);
        if (rescore && docs.Length > 0) docs = Rescore(searcher, docs, ranking!);
        return (total, docs.Length > numHits ? docs[..numHits] : docs, matches);
    }

    /// <summary>Scores the window's documents with the full ranking query, which runs only over them (filter first,
    /// leapfrogging): per-field scores and phrase positions are computed for a thousand documents, not for every match.</summary>
    private static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] window, LuceneQuery ranking)
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
        var extra = searcher.Search(new FilteredQuery(boost, new WindowFilter(sets), FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), window.Length)
            .ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
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

    private static (int Total, ScoreDoc[] Docs, MatchCollector? Matches) Run(IndexSearcher searcher, LuceneQuery query, List<Filter> filters,
        string? exceptDimension, SearchSort sort, int numHits, bool collectMatches)
    {
        // Relevance uses the plain score collector (a field-sorting collector costs twice as much per match); ties are
        // broken by date afterwards, over the collected top only. Date sorts use the field collector.
        var matches = collectMatches ? new MatchCollector() : null;
        if (sort == SearchSort.Relevance)
        {
            var byScore = TopScoreDocCollector.Create(Math.Max(1, numHits), docsScoredInOrder: false);
            searcher.Search(query, Combine(filters, exceptDimension), matches is null ? byScore : MultiCollector.Wrap(byScore, matches));
            return (byScore.TotalHits, NewerFirstOnTies(searcher, byScore.GetTopDocs().ScoreDocs), matches);
        }
        var luceneSort = new Sort(new SortField(Fields.Date, SortFieldType.INT64, sort == SearchSort.Newest), SortField.FIELD_SCORE);
        var top = TopFieldCollector.Create(luceneSort, Math.Max(1, numHits), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, Combine(filters, exceptDimension), matches is null ? top : MultiCollector.Wrap(top, matches));
        return (top.TotalHits, top.GetTopDocs().ScoreDocs, matches);
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

    private IReadOnlyList<Facet> Facets(IndexSearcher searcher, LuceneQuery query, List<Filter> filters, SearchRequest request, MatchCollector matches)
    {
        // Unfiltered dimensions (and the second topic level) in one pass over the matches; a filtered dimension is counted
        // without its own filter ("drill sideways"), so its other values stay choosable.
        var plain = Dimensions.Where(d => filters.All(f => f.Dimension != d.Name)).Select(d => (d.Field, d.Multi)).ToList();
        if (request.Topic is not null && filters.All(f => f.Dimension != "topic")) plain.Add((Fields.Topic, false));
        var counts = FacetCounter.CountAll(matches, plain);
        foreach (var f in filters.Where(f => Dimensions.Any(d => d.Name == f.Dimension)))
        {
            var dim = Dimensions.First(d => d.Name == f.Dimension);
            var (_, _, sideways) = Run(searcher, query, filters, f.Dimension, SearchSort.Relevance, 1, true);
            var dims = new List<(string, bool)> { (dim.Field, dim.Multi) };
            if (dim.Name == "topic") dims.Add((Fields.Topic, false));
            foreach (var (field, c) in FacetCounter.CountAll(sideways!, dims)) counts[field] = c;
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
        if (trimmed.Length is 0 or > 80) return null;
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
        if (Homophone(searcher, h.Text, filters) is { } whole) return whole;
        // Word by word: a word that occurs nowhere is replaced by a homophone that occurs in titles (身分证 → 身份证).
        var corrected = h.Text;
        foreach (var w in h.Words.Where(w => w.Length >= 2).Distinct())
        {
            // Words are looked up in the term dictionary (no search); only out-of-vocabulary strings need a phrase probe.
            if (Segmenter.Default.Contains(w))
            {
                if (searcher.IndexReader.DocFreq(new Term(Fields.BodyWords, w)) > 0 || searcher.IndexReader.DocFreq(new Term(Fields.TitleWords, w)) > 0) continue;
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

    /// <summary>Text in some title that reads exactly like <paramref name="text"/> but is written differently.</summary>
    private static string? Homophone(IndexSearcher searcher, string text, List<Filter> filters)
    {
        var readings = Pinyin.Default.Readings(text);
        if (readings.Take(text.Length).Any(r => r is null)) return null;
        var phrase = new PhraseQuery();
        for (int i = 0; i < text.Length; i++) phrase.Add(new Term(Fields.Pinyin, readings[i]));
        var top = searcher.Search(phrase, Combine(filters, null), 3);
        var seq = readings.Take(text.Length).Select(r => r!).ToList();
        foreach (var sd in top.ScoreDocs)
        {
            var match = Highlighter.PinyinMatch(searcher.Doc(sd.Doc, TitleOnly).Get(Fields.TitleStored) ?? "", seq);
            if (match is not null && ChineseNormalizer.Normalize(match) != text) return match;
        }
        return null;
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
