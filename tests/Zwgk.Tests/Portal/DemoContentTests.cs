using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Portal;

/// <summary>
/// The demo site shows what a real district site would (issue 9 §5): its own documents only, each with its real 发布日期
/// (索引号 year, year filter, list order), the 政策文件库 filled, a written 政府信息公开指南 and 制度 as editable content,
/// and 相关搜索 that lead to results. Runs on both providers.
/// </summary>
public abstract class DemoContentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _factory = null!;
    private HttpClient _client = null!;
    private static readonly HtmlParser Parser = new();

    public async ValueTask InitializeAsync()
    {
        _factory = new ZwgkFactory(provider, loadDemo: true);
        _client = _factory.CreateClient();
        await _factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> JsonAsync(string url) => JsonDocument.Parse(await _client.GetStringAsync(url)).RootElement;

    private Task<int> ColumnIdAsync(string slug) =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Columns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Demo_shows_only_the_districts_own_documents_with_their_real_publication_dates()
    {
        var list = await JsonAsync("/api/v1/documents?pageSize=50");
        // The 政策解读 demo adds its own recent documents; this test is about the manifest's.
        var items = list.GetProperty("items").EnumerateArray()
            .Where(i => !Zwgk.Web.Features.Interpretations.Demo.InterpretationDemo.Titles.Contains(i.GetProperty("title").GetString())).ToList();
        Assert.Equal(3, items.Count);
        Assert.DoesNotContain(items, i => i.GetProperty("title").GetString()!.Contains("枣庄", StringComparison.Ordinal));
        Assert.False(await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Units.AnyAsync(u => u.Name.Contains("枣庄"))));

        // Newest first by 发布日期; the 索引号 year is the publication year, not the year the demo was loaded (2026).
        var dates = items.Select(i => DateOnly.FromDateTime(i.GetProperty("publishedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime)).ToList();
        Assert.Equal([new DateOnly(2024, 6, 30), new DateOnly(2023, 3, 15), new DateOnly(2021, 7, 28)], dates);
        var numbers = items.Select(i => i.GetProperty("documentNumber").GetString()).ToList();
        Assert.Equal("市中政办发〔2024〕3号", numbers[0]);
        Assert.Equal("市中政办字〔2021〕11号", numbers[2]);
        Assert.Contains("/2024-", items[0].GetProperty("indexNumber").GetString());
        Assert.Contains("/2023-", items[1].GetProperty("indexNumber").GetString());
        Assert.Contains("/2021-", items[2].GetProperty("indexNumber").GetString());

        var in2021 = await JsonAsync("/api/v1/documents?year=2021");
        Assert.Equal(1, in2021.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Demo_interaction_pages_show_answered_messages_consultations_the_catalog_and_events()
    {
        async Task<string> Page(string url) => System.Net.WebUtility.HtmlDecode(await _client.GetStringAsync(url));
        var letters = await Page("/hdjl/xx");
        Assert.Contains("关于小学一年级入学报名时间的咨询", letters);
        Assert.Contains("陈**", letters);
        Assert.DoesNotContain("陈女士", letters);
        Assert.DoesNotContain("社区卫生服务中心周末是否开诊", letters); // not yet answered
        var consultations = await Page("/hdjl/yjzj");
        Assert.Contains("老旧小区改造提升实施方案", consultations);
        Assert.Contains("全民健身场地设施开放管理办法", consultations);
        var closedId = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Consultations
            .Where(c => c.Title.Contains("全民健身")).Select(c => c.Id).SingleAsync());
        var feedback = await Page($"/hdjl/yjzj/{closedId}");
        Assert.Contains("部分采纳", feedback);
        Assert.Contains("暂不采纳", feedback);
        Assert.Contains("老旧小区改造提升实施方案", await Page("/zdjc"));
        var interviews = await Page("/hdjl/ft");
        Assert.Contains("稳就业促创业政策解读在线访谈", interviews);
        Assert.Contains("医保政策进社区在线访谈", interviews);
        Assert.Contains("走进政务服务中心", await Page("/hdjl/kfr"));
    }

    [Fact]
    public async Task Policy_library_guide_and_rules_are_filled_with_editable_content()
    {
        var library = Parser.ParseDocument(await _client.GetStringAsync($"/column/{await ColumnIdAsync("zcwjk")}"));
        var titles = library.QuerySelectorAll("main a[href^='/doc/']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(titles, t => t.Contains("2024年济南市市中区政务公开", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("2021年济南市市中区政务公开", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("政府信息公开工作制度", StringComparison.Ordinal));

        var rules = Parser.ParseDocument(await _client.GetStringAsync($"/column/{await ColumnIdAsync("gkzd")}"));
        Assert.Contains(rules.QuerySelectorAll("main a[href^='/doc/']"), a => a.TextContent.Contains("济南市市中区政府信息公开工作制度", StringComparison.Ordinal));

        // The guide covers what 条例 第十二条 asks for, is marked as demo data, and is the column's stored page (editable).
        var gkzn = await ColumnIdAsync("gkzn");
        var guide = Parser.ParseDocument(await _client.GetStringAsync($"/column/{gkzn}"));
        var text = guide.QuerySelector("article.single-page")!.TextContent;
        foreach (var part in new[] { "演示数据", "政府信息的分类", "编排体系", "获取方式", "依申请公开", "受理机构", "当面提交", "信函申请", "在线申请", "办公地址", "办公时间", "联系电话", "传真", "互联网联系方式" })
            Assert.Contains(part, text, StringComparison.Ordinal);
        Assert.NotEmpty(guide.QuerySelectorAll("article.single-page .table-scroll[role=region] table th[scope=col]"));
        var stored = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Columns.Where(c => c.Id == gkzn).Select(c => c.PageHtml).SingleAsync());
        Assert.Contains("受理机构", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("政务公开")]
    [InlineData("低保")]
    [InlineData("依申请公开")]
    [InlineData("信息公开")]
    public async Task Related_searches_lead_to_results(string query)
    {
        var result = await JsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        foreach (var related in result.GetProperty("related").EnumerateArray().Select(r => r.GetString()!))
        {
            var again = await JsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(related));
            Assert.True(again.GetProperty("total").GetInt32() > 0, $"相关搜索“{related}”（来自“{query}”）没有结果");
        }
    }
}

public sealed class SqliteDemoContentTests() : DemoContentTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDemoContentTests() : DemoContentTests(DatabaseProvider.Postgres);
