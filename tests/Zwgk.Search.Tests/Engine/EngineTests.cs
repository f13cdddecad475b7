using Xunit;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Engine;

public sealed class EngineTests
{
    private static TempIndex Sample() => new(
    [
        TempIndex.Doc("a", "关于2024年政务公开工作要点的通知", "深入推进政务公开标准化规范化建设。", number: "市中政办发〔2024〕3号"),
        TempIndex.Doc("b", "中国银行市中支行营业网点调整公告", "银行网点营业时间调整。", topic: "财政、金融、审计\\金融", agency: "区金融服务中心", genre: "公告"),
        TempIndex.Doc("c", "区行政审批服务局窗口服务指南", "行政审批事项办理流程。", topic: "综合政务\\政务公开", agency: "区行政审批服务局", genre: "指南", year: 2023),
        TempIndex.Doc("d", "长清区与市中区结对帮扶工作方案", "长清区有关单位参加。", topic: "综合政务\\其他", genre: "方案", year: 2022, validity: "失效"),
        TempIndex.Doc("e", "重庆市来访考察交流活动报道", "重庆市代表团考察。", topic: "综合政务\\其他", genre: "其他", year: 2021),
        TempIndex.Doc("f", "城乡居民最低生活保障审核确认办法", "规范最低生活保障审核确认工作。", topic: "民政、扶贫、救灾\\社会救助", agency: "区民政局", genre: "办法",
            keywords: "最低生活保障 社会救助"),
        TempIndex.Doc("g", "关于调整城乡居民基本养老金标准的通知", "提高基础养老金标准。", topic: "劳动、人事、监察\\社会保障", agency: "区人力资源和社会保障局", type: "document"),
        TempIndex.Doc("h", "《关于调整城乡居民基本养老金标准的通知》政策解读", "解读养老金调整。", topic: "劳动、人事、监察\\社会保障", agency: "区人力资源和社会保障局",
            type: "interpretation", genre: "解读"),
    ]);

    private static List<string> Keys(SearchResult r) => r.Hits.Select(h => h.Key).ToList();

    [Theory]
    [InlineData("zhengwugongkai")]
    [InlineData("zheng wu gong kai")]
    [InlineData("zwgk")]
    [InlineData("政务gongkai")]
    [InlineData("zhengwu公开")]
    [InlineData("政務公開")]
    [InlineData("政务公开")]
    public void Every_way_of_typing_政务公开_finds_it(string query)
    {
        using var ix = Sample();
        var r = ix.Search(query);
        Assert.Equal("a", r.Hits[0].Key);
        Assert.Contains("<em>政务公开</em>", r.Hits[0].TitleHtml);
    }

    [Fact]
    public void Polyphones_are_read_by_word_not_by_character()
    {
        using var ix = Sample();
        Assert.Equal("b", ix.Search("yinhang").Hits.Single().Key);
        Assert.Empty(ix.Search("yinxing").Hits);          // 行 as xíng is wrong inside 银行
        Assert.Equal("c", ix.Search("xingzheng").Hits.Single().Key);
        Assert.Equal("d", ix.Search("changqingqu").Hits.Single().Key);
        Assert.Empty(ix.Search("zhangqingqu").Hits);
        Assert.Equal("e", ix.Search("chongqing").Hits.Single().Key);
        Assert.Equal("<em>银行</em>", ix.Search("yinhang").Hits[0].TitleHtml[2..13]);
    }

    [Fact]
    public void Ambiguous_pinyin_tries_every_shortest_reading()
    {
        // fangan reads fan gan or fang an; 方案 is fang an.
        using var ix = Sample();
        Assert.Equal("d", ix.Search("fangan").Hits.Single().Key);
    }

    [Fact]
    public void A_pinyin_query_says_how_it_was_read_and_what_it_stands_for()
    {
        using var ix = Sample();
        var r = ix.Search("zhengwugongkai");
        Assert.Equal("zheng wu gong kai", r.PinyinReading);
        Assert.Equal("政务公开", r.DidYouMean);
    }

    [Fact]
    public void A_homophone_typo_with_no_results_is_corrected_and_says_so()
    {
        using var ix = Sample();
        var r = ix.Search("养老筋");
        Assert.Equal("养老金", r.DidYouMean);
    }

    [Fact]
    public void A_homophone_typo_found_nowhere_as_typed_shows_the_homophone_results_unless_asked_for_as_typed()
    {
        // 政务工开 matches through its parts (政务, 工, 开) but occurs nowhere as typed; 政务公开 reads the same.
        using var ix = Sample();
        var corrected = ix.Search("政务工开");
        Assert.Equal("政务工开", corrected.CorrectedFrom);
        Assert.Equal("政务公开", corrected.Query);
        Assert.Equal("a", corrected.Hits[0].Key);
        Assert.Contains("<em>政务公开</em>", corrected.Hits[0].TitleHtml);

        var typed = ix.Search("政务工开", with: r => r with { AsTyped = true });
        Assert.Null(typed.CorrectedFrom);
        Assert.Equal("政务工开", typed.Query);
        Assert.Equal("政务公开", typed.DidYouMean);

        // Text that occurs as typed is never replaced, even where a homophone exists.
        Assert.Null(ix.Search("政务公开").CorrectedFrom);
    }

    [Fact]
    public void A_colloquial_term_is_expanded_not_corrected_to_a_homophone()
    {
        // 五保户 occurs nowhere as typed and 五保护 (wu bao hu) is in a title, but it is a colloquial term for 特困人员.
        using var ix = new TempIndex(
        [
            TempIndex.Doc("x", "特困人员救助供养工作办法", "特困人员救助供养标准。", genre: "办法"),
            TempIndex.Doc("y", "关于加强五保护林管理的通知", "护林工作。"),
        ]);
        var r = ix.Search("五保户", new PlainLanguage(PlainLanguage.LoadDefaultEntries()));
        Assert.Null(r.CorrectedFrom);
        Assert.Equal("x", r.Hits[0].Key);
        Assert.Contains(r.Expansions, e => e.Term == "五保户");
    }

    [Fact]
    public void Plain_language_expands_to_official_terms_and_reports_it()
    {
        using var ix = Sample();
        var plain = new PlainLanguage([new PlainLanguageEntry("社会保障", "退休金", ["养老金"]), new PlainLanguageEntry("社会保障", "低保", ["最低生活保障"])]);
        var r = ix.Search("退休金", plain);
        Assert.Equal(["g", "h"], Keys(r).Order());
        Assert.Equal("退休金", r.Expansions.Single().Term);
        Assert.Equal(["养老金"], r.Expansions.Single().Official);
        Assert.Contains("<em>养老金</em>", r.Hits[0].TitleHtml);
        Assert.Equal("f", ix.Search("低保审核", plain).Hits[0].Key);
        Assert.Empty(ix.Search("退休金").Hits); // without the dictionary nothing says 退休金
    }

    [Fact]
    public void Facets_count_the_whole_result_and_a_filtered_dimension_keeps_its_other_values()
    {
        using var ix = Sample();
        var all = ix.Search("", with: r => r with { Type = "document" });
        var r = ix.Search("养老金");
        var type = r.Facets.Single(f => f.Name == "type").Values;
        Assert.Equal(1, type.Single(v => v.Value == "document").Count);
        Assert.Equal(1, type.Single(v => v.Value == "interpretation").Count);

        var filtered = ix.Search("养老金", with: q => q with { Type = "interpretation" });
        Assert.Equal(["h"], Keys(filtered));
        var typeAfter = filtered.Facets.Single(f => f.Name == "type").Values;
        Assert.True(typeAfter.Single(v => v.Value == "interpretation").Selected);
        Assert.Equal(1, typeAfter.Single(v => v.Value == "document").Count); // still choosable
        Assert.Equal(7, all.Total);
    }

    [Fact]
    public void Filters_by_topic_level_agency_year_genre_validity_and_column()
    {
        using var ix = Sample();
        Assert.Equal(["g", "h"], Keys(ix.Search("", with: r => r with { Topic = "劳动、人事、监察" })).Order());
        Assert.Equal(["f"], Keys(ix.Search("", with: r => r with { Topic = "民政、扶贫、救灾\\社会救助" })));
        Assert.Equal(["c"], Keys(ix.Search("", with: r => r with { Agency = "区行政审批服务局" })));
        Assert.Equal(["d"], Keys(ix.Search("", with: r => r with { Year = 2022 })));
        Assert.Equal(["d"], Keys(ix.Search("", with: r => r with { Validity = "失效" })));
        Assert.Equal(["b"], Keys(ix.Search("", with: r => r with { Genre = "公告" })));
        Assert.Equal(8, ix.Search("", with: r => r with { Columns = ["1", "2"] }).Total);
        Assert.Equal(0, ix.Search("", with: r => r with { Columns = ["2"] }).Total);
        var sub = ix.Search("", with: r => r with { Topic = "综合政务" }).Facets.Single(f => f.Name == "subtopic").Values;
        Assert.Equal(2, sub.Single(v => v.Value == "综合政务\\政务公开").Count);
    }

    [Fact]
    public void Sort_by_date_and_paging()
    {
        using var ix = Sample();
        var newest = ix.Search("", with: r => r with { Type = "document", Sort = SearchSort.Newest, PageSize = 3 });
        Assert.Equal(7, newest.Total);
        Assert.Equal(3, newest.Hits.Count);
        Assert.True(newest.Hits[0].PublishedAt >= newest.Hits[1].PublishedAt);
        var page3 = ix.Search("", with: r => r with { Type = "document", Sort = SearchSort.Newest, PageSize = 3, Page = 3 });
        Assert.Single(page3.Hits);
        Assert.Equal(2021, ix.Search("", with: r => r with { Type = "document", Sort = SearchSort.Oldest }).Hits[0].PublishedAt!.Value.Year);
    }

    [Fact]
    public void Exact_document_number_is_a_jump_and_the_title_outranks_the_body()
    {
        using var ix = Sample();
        Assert.Equal("a", ix.Engine.Search(new SearchRequest { Query = "市中政办发〔2024〕3号" }, PlainLanguage.Empty).ExactKey);
        var r = ix.Search("最低生活保障");
        Assert.Equal("f", r.Hits[0].Key);
        Assert.Contains("<em>最低生活保障</em>", r.Hits[0].SnippetHtml);
    }

    [Fact]
    public void Snippets_are_html_encoded_around_the_match()
    {
        var body = string.Concat(Enumerable.Repeat("这是与主题无关的一段说明文字。", 30)) + "特别说明：困难群众<script>alert(1)</script>救助标准提高。" + string.Concat(Enumerable.Repeat("其他内容。", 40));
        using var ix = new TempIndex([TempIndex.Doc("x", "工作通知", body)]);
        var hit = ix.Search("救助标准").Hits.Single();
        Assert.Contains("<em>救助标准</em>", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.DoesNotContain("</script", hit.SnippetHtml);
        Assert.Contains("script&gt;", hit.SnippetHtml);
        Assert.StartsWith("…", hit.SnippetHtml);
        Assert.True(hit.SnippetHtml.Length < 400);
    }

    [Fact]
    public void A_text_with_the_whole_phrase_marks_the_phrase_and_one_without_marks_the_words()
    {
        using var ix = new TempIndex(
        [
            TempIndex.Doc("x", "关于推进政务公开的通知", "各单位要加强政务公开。信息公开和政务服务也要同步推进。"),
            TempIndex.Doc("y", "政务服务事项清单", "本清单涉及政务服务事项。相关信息依法公开。"),
        ]);
        var r = ix.Search("政务公开");
        var x = r.Hits.Single(h => h.Key == "x");
        Assert.Contains("<em>政务公开</em>", x.SnippetHtml);
        Assert.DoesNotContain("信息<em>公开</em>", x.SnippetHtml);
        var y = r.Hits.Single(h => h.Key == "y");
        Assert.Contains("<em>政务</em>", y.TitleHtml);
        Assert.Contains("<em>公开</em>", y.SnippetHtml);
    }

    [Fact]
    public void Out_of_vocabulary_text_and_single_characters_are_findable_through_bigrams()
    {
        using var ix = new TempIndex([TempIndex.Doc("x", "锦绣河湾片区改造公示", "涉及鍪字等生僻字。"), TempIndex.Doc("y", "税务通知", "关于税的说明")]);
        Assert.Equal("x", ix.Search("绣河湾").Hits.Single().Key);
        Assert.Equal("x", ix.Search("鍪").Hits.Single().Key);
        Assert.Equal("y", ix.Search("税").Hits.Single().Key);
    }

    [Fact]
    public void Suggest_titles_by_prefix_pinyin_and_unfinished_syllable()
    {
        using var ix = Sample();
        Assert.Equal("f", ix.Engine.SuggestTitles("最低生活").Single().Key);
        Assert.Contains(ix.Engine.SuggestTitles("zuidishenghuo"), t => t.Key == "f");
        Assert.Contains(ix.Engine.SuggestTitles("zuidishengh"), t => t.Key == "f");
        Assert.Contains(ix.Engine.SuggestTitles("zdsh"), t => t.Key == "f");
        Assert.Contains("<em>", ix.Engine.SuggestTitles("zuidishenghuo")[0].TitleHtml);
    }
}
