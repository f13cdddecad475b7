using Lucene.Net.Index;
using Lucene.Net.Search;
using Xunit;
using Zwgk.Bench.Corpus;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Engine;

/// <summary>The execution shortcuts (term-at-a-time word sets, parallel segment slices) must not change any result.</summary>
public sealed class ExecutionTests : IClassFixture<ExecutionTests.Corpus>
{
    /// <summary>Generated documents committed in batches (several segments), some deleted afterwards.</summary>
    public sealed class Corpus : IDisposable
    {
        internal TempIndex Index { get; } = new();

        public Corpus()
        {
            int i = 0;
            foreach (var d in new CorpusGenerator(7).Generate(3000).Select(d => d.ToSearchDocument()))
            {
                Index.Index.Upsert(d);
                if (++i % 700 == 0) Index.Index.Commit(i);
            }
            foreach (var d in new CorpusGenerator(7).Generate(3000).Where((_, n) => n % 37 == 0)) Index.Index.Delete(d.Key);
            Index.Index.Commit(i + 1);
        }

        public void Dispose() => Index.Dispose();
    }

    private readonly Corpus corpus;
    public ExecutionTests(Corpus corpus) => this.corpus = corpus;

    [Theory]
    [InlineData(2, "工作", "通知", "管理", "服务", "安全")]
    [InlineData(3, "工作", "通知", "管理", "服务", "安全")]
    [InlineData(4, "就业", "创业", "高校", "毕业生", "做好", "进一步")]
    [InlineData(2, "养老", "保险", "缴费")]
    public void A_word_set_matches_and_scores_as_the_boolean_query_does(int minMatch, params string[] words)
    {
        var boolean = new BooleanQuery { MinimumNumberShouldMatch = minMatch };
        foreach (var w in words) boolean.Add(new TermQuery(new Term(Fields.AllWords, w)), Occur.SHOULD);
        var set = new WordSetQuery(Fields.AllWords, words.Select(w => (w, 1f)).ToList(), minMatch);
        var year = new QueryWrapperFilter(new TermQuery(new Term(Fields.Year, "2024")));

        corpus.Index.Index.WithSearcher(searcher =>
        {
            foreach (var filter in new Lucene.Net.Search.Filter?[] { null, year })
            {
                var expected = searcher.Search(boolean, filter, 5000);
                var actual = searcher.Search(set, filter, 5000);
                Assert.True(expected.TotalHits > 20, "the case should have matches");
                Assert.Equal(expected.TotalHits, actual.TotalHits);
                var scores = expected.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
                foreach (var d in actual.ScoreDocs) Assert.Equal(scores[d.Doc], d.Score, 4);
            }
            return 0;
        });
    }

    [Theory]
    [InlineData("工作", null, null, SearchSort.Relevance)]
    [InlineData("关于做好安全生产工作的通知", null, null, SearchSort.Relevance)]
    [InlineData("养老保险", "劳动、人事、监察\\社会保障", null, SearchSort.Relevance)]
    [InlineData("通知", null, 2024, SearchSort.Newest)]
    [InlineData("zhengwugongkai", null, null, SearchSort.Relevance)]
    [InlineData("", null, 2023, SearchSort.Newest)]
    public void Parallel_slices_return_what_one_thread_returns(string q, string? topic, int? year, SearchSort sort)
    {
        var plain = new PlainLanguage(PlainLanguage.LoadDefaultEntries());
        var single = new SearchEngine(corpus.Index.Index) { Parallelism = 1 };
        var sliced = new SearchEngine(corpus.Index.Index) { Parallelism = 3, ParallelFromDocuments = 0 };
        var request = new SearchRequest { Query = q, Topic = topic, Year = year, Sort = sort, PageSize = 20, WithFacets = true };
        var a = single.Search(request, plain);
        var b = sliced.Search(request, plain);

        Assert.True(a.Total > 0);
        Assert.Equal(a.Total, b.Total);
        Assert.Equal(Flatten(a), Flatten(b));
        Assert.Equal(a.Hits.Select(h => (h.Key, Math.Round(h.Score, 4))), b.Hits.Select(h => (h.Key, Math.Round(h.Score, 4))));
    }

    private static List<string> Flatten(SearchResult r) =>
        r.Facets.SelectMany(f => f.Values.Select(v => $"{f.Name}:{v.Value}={v.Count}:{v.Selected}")).ToList();
}
