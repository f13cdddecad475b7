using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Search.SearchTestSupport;

namespace Zwgk.Tests.Search;

/// <summary>The public /search page as HTML (no JavaScript): facets, filters, the zero-result page, exact 文号 jumps and the form.</summary>
public sealed class SearchPageTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private HttpClient _anonymous = null!;

    public ValueTask InitializeAsync()
    {
        _anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Facets_are_links_with_counts_and_choosing_one_filters_the_results()
    {
        var unit = await _factory.CreateUnitAsync("区水务局");
        await AddDocumentAsync(_factory, unit.Id, "关于全面推行河长制的通知");
        await AddDocumentAsync(_factory, unit.Id, "关于河长制巡河工作的通知");
        await AddDocumentAsync(_factory, unit.Id, "河长制工作考核办法", genre: "办法", validity: Validity.Abolished);
        await CatchUpAsync(_factory);

        var page = await GetHtmlAsync(_anonymous, SearchUrl("河长制"));
        Assert.Contains("找到约 3 条结果", page.QuerySelector(".search-summary").Text());
        Assert.Equal(3, page.QuerySelectorAll(".search-hits > li").Length);
        Assert.Contains("<em>", page.QuerySelector(".hit-title a")!.InnerHtml);
        Assert.Contains(page.QuerySelectorAll(".hit .badge"), b => b.Text() == "废止");

        // 体裁 facet: "全部" is current, each value is a link with its count.
        var genre = page.QuerySelector("#facet-genre")!.ParentElement!;
        Assert.Equal("全部", genre.QuerySelector("[aria-current=true]").Text());
        var notice = genre.QuerySelectorAll("a.facet-value").Single(a => a.QuerySelector(".facet-label").Text() == "通知");
        Assert.StartsWith("2", notice.QuerySelector(".facet-count").Text());
        var measures = genre.QuerySelectorAll("a.facet-value").Single(a => a.QuerySelector(".facet-label").Text() == "办法");
        Assert.StartsWith("1", measures.QuerySelector(".facet-count").Text());
        var href = notice.GetAttribute("href")!;
        Assert.Contains("genre=", href);

        // Following the link filters; the chosen value is marked current and can be removed with ×.
        var filtered = await GetHtmlAsync(_anonymous, href);
        Assert.Equal(2, filtered.QuerySelectorAll(".search-hits > li").Length);
        Assert.All(filtered.QuerySelectorAll(".hit-title a"), a => Assert.DoesNotContain("办法", a.Text()));
        var chosen = filtered.QuerySelector("#facet-genre")!.ParentElement!.QuerySelector("[aria-current=true]");
        Assert.Contains("通知", chosen.Text());
        var remove = chosen!.ParentElement!.QuerySelector("a.facet-remove")!;
        Assert.Contains("×", remove.Text());
        Assert.DoesNotContain("genre=", remove.GetAttribute("href"));
        Assert.Contains("体裁：通知", filtered.QuerySelector(".search-chosen").Text());

        // Sorting is a link too, and keeps the filter.
        var newest = filtered.QuerySelectorAll(".search-sort a").Single(a => a.Text() == "最新发布").GetAttribute("href")!;
        Assert.Contains("sort=date", newest);
        Assert.Contains("genre=", newest);
        Assert.Equal(2, (await GetHtmlAsync(_anonymous, newest)).QuerySelectorAll(".search-hits > li").Length);
    }

    [Fact]
    public async Task Nothing_found_shows_tips_hot_words_and_where_else_to_look()
    {
        await _factory.WithDbAsync(async db =>
        {
            db.HotWords.Add(new HotWord { Word = "营商环境", Mode = HotWordMode.Pinned, UpdatedAt = _factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        var page = await GetHtmlAsync(_anonymous, SearchUrl("量子纠缠实验室"));
        var empty = page.QuerySelector(".search-empty")!;
        Assert.Equal("没有找到与“量子纠缠实验室”相关的内容", empty.QuerySelector("h2").Text());
        var text = empty.Text();
        Assert.Contains("错别字", text);
        Assert.Contains("更通俗或更正式的说法", text);
        Assert.Contains("减少关键词", text);
        Assert.Contains("拼音", text);
        var hot = empty.QuerySelectorAll(".word-list a").Single(a => a.Text() == "营商环境");
        Assert.Equal(SearchUrl("营商环境"), hot.GetAttribute("href"));
        Assert.NotNull(empty.QuerySelector("a[href='/xxgk']"));
        Assert.Empty(page.QuerySelectorAll(".search-hits"));
    }

    [Fact]
    public async Task A_query_nothing_matches_whole_shows_partial_matches_labelled_as_such_in_the_page_and_the_api()
    {
        var unit = await _factory.CreateUnitAsync("区人社局");
        await AddDocumentAsync(_factory, unit.Id, "关于调整城乡居民基本养老金标准的通知", body: "<p>城乡居民基本养老金每人每月提高20元。</p>");
        await CatchUpAsync(_factory);

        // 飞碟 occurs nowhere: before, nothing was found at all.
        var page = await GetHtmlAsync(_anonymous, SearchUrl("养老金 飞碟"));
        Assert.Equal("未找到完全匹配的结果，以下为部分匹配", page.QuerySelector(".search-partial").Text());
        Assert.Single(page.QuerySelectorAll(".search-hits > li"));
        Assert.Contains("<em>养老金</em>", page.QuerySelector(".hit-title a")!.InnerHtml);
        var api = System.Text.Json.JsonDocument.Parse(await _anonymous.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("养老金 飞碟"))).RootElement;
        Assert.True(api.GetProperty("partial").GetBoolean());
        Assert.Equal(1, api.GetProperty("total").GetInt32());

        // A whole match is not labelled; nonsense stays empty.
        var whole = await GetHtmlAsync(_anonymous, SearchUrl("养老金标准"));
        Assert.Null(whole.QuerySelector(".search-partial"));
        var nonsense = await GetHtmlAsync(_anonymous, SearchUrl("飞碟外星人"));
        Assert.Null(nonsense.QuerySelector(".search-partial"));
        Assert.NotNull(nonsense.QuerySelector(".search-empty"));
    }

    [Fact]
    public async Task A_typo_shows_the_results_it_stands_for_with_a_link_to_search_as_typed()
    {
        var unit = await _factory.CreateUnitAsync("区政府办公室");
        await AddDocumentAsync(_factory, unit.Id, "关于印发2026年政务公开工作要点的通知");
        await AddDocumentAsync(_factory, unit.Id, "关于开展防汛工作的通知");
        await CatchUpAsync(_factory);

        // 政务工开 (a pinyin input slip) matches through its parts but occurs nowhere as typed.
        var page = await GetHtmlAsync(_anonymous, SearchUrl("政务工开"));
        var notice = page.QuerySelectorAll(".search-notice").Single(p => p.Text().Contains("仍然搜索"));
        Assert.Equal("以下是“政务公开”的结果。仍然搜索：政务工开", notice.Text());
        Assert.Contains("<em>政务公开</em>", page.QuerySelector(".hit-title a")!.InnerHtml);

        var asTyped = notice.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal(SearchUrl("政务工开", "&asis=1"), asTyped);
        var typed = await GetHtmlAsync(_anonymous, asTyped);
        Assert.DoesNotContain(typed.QuerySelectorAll(".search-notice"), p => p.Text().Contains("仍然搜索"));
        Assert.Contains(typed.QuerySelectorAll(".search-notice a"), a => a.Text() == "政务公开"); // 您是不是要找
    }

    [Fact]
    public async Task An_exact_document_number_opens_the_document()
    {
        var unit = await _factory.CreateUnitAsync("区政府办");
        var id = await AddDocumentAsync(_factory, unit.Id, "关于印发区政务公开工作要点的通知", number: "测试政办发〔2026〕7号");
        await CatchUpAsync(_factory);

        var jump = await _anonymous.GetAsync(SearchUrl("测试政办发〔2026〕7号"));
        Assert.Equal(HttpStatusCode.Redirect, jump.StatusCode);
        Assert.Equal($"/doc/{id}", jump.Headers.Location!.OriginalString);

        // nojump=1 (and any filter) shows the results page instead, with a link to the document.
        var stay = await GetHtmlAsync(_anonymous, SearchUrl("测试政办发〔2026〕7号", "&nojump=1"));
        Assert.Contains(stay.QuerySelectorAll(".search-notice a"), a => a.GetAttribute("href") == $"/doc/{id}");
        await GetHtmlAsync(_anonymous, SearchUrl("测试政办发〔2026〕7号", "&type=document"));
    }

    [Fact]
    public async Task The_search_form_works_without_javascript()
    {
        var unit = await _factory.CreateUnitAsync("区医保局");
        await AddDocumentAsync(_factory, unit.Id, "关于调整城乡居民医疗保险缴费标准的通知");
        await CatchUpAsync(_factory);

        var start = await GetHtmlAsync(_anonymous, "/search");
        var form = start.QuerySelector("main form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(start.QuerySelector($"label[for='{input.Id}']"));
        Assert.Contains("支持拼音", start.QuerySelector(".search-tips").Text());
        Assert.Contains("首字母", start.QuerySelector(".search-tips").Text());
        Assert.Contains("通俗说法", start.QuerySelector(".search-tips").Text());
        // Strict CSP: no inline script or style anywhere on the page.
        Assert.All(start.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
        Assert.Empty(start.QuerySelectorAll("[style], style"));

        // What the browser sends when the form is submitted: GET /search?q=…
        var results = await GetHtmlAsync(_anonymous, form.GetAttribute("action") + "?" + input.GetAttribute("name") + "=" + Uri.EscapeDataString("医疗保险"));
        Assert.Equal("医疗保险", results.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Contains("医疗保险", results.QuerySelector(".hit-title").Text());
        Assert.Equal("“医疗保险”的检索结果_" + "济南市市中区人民政府（演示站点）", results.Title);
        Assert.Equal("站内检索", results.QuerySelector("meta[name=ColumnName]")!.GetAttribute("content"));

        // Pinyin initials work through the same plain form.
        var initials = await GetHtmlAsync(_anonymous, SearchUrl("ylbx"));
        Assert.Contains("医疗保险", initials.QuerySelector(".search-hits").Text());
        Assert.Contains("按拼音", initials.QuerySelector(".search-notices").Text());
    }

    [Theory]
    [InlineData("/admin/search")]
    [InlineData("/admin/search/terms")]
    [InlineData("/admin/search/terms/new")]
    [InlineData("/admin/search/hotwords")]
    public async Task Admin_pages_are_for_the_openness_office_and_platform_administrators(string url)
    {
        var anonymous = await _anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/login", anonymous.Headers.Location!.AbsolutePath);

        var unit = await _factory.CreateUnitAsync("区编辑局");
        var editor = await _factory.LoginAsync(unit.Id, Roles.Editor);
        var refused = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/denied", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(refused.Headers.Location)).StatusCode);
        var unitAdmin = await _factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await unitAdmin.GetAsync(url)).StatusCode);

        var office = await _factory.LoginAsync(unit.Id, Roles.OpennessOffice);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(url)).StatusCode);
        var platform = await _factory.LoginAsync(unit.Id, Roles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Only_search_managers_see_the_dashboard_link()
    {
        var unit = await _factory.CreateUnitAsync("区看板局");
        var editor = await GetHtmlAsync(await _factory.LoginAsync(unit.Id, Roles.Editor), "/admin");
        Assert.Null(editor.QuerySelector(".quick-links a[href='/admin/search']"));
        var office = await GetHtmlAsync(await _factory.LoginAsync(unit.Id, Roles.OpennessOffice), "/admin");
        Assert.NotNull(office.QuerySelector(".quick-links a[href='/admin/search']"));
    }

    [Fact]
    public async Task The_openness_office_adds_a_term_and_the_next_search_uses_it()
    {
        var unit = await _factory.CreateUnitAsync("区民政局");
        await AddDocumentAsync(_factory, unit.Id, "关于提高特困人员救助供养标准的通知");
        await CatchUpAsync(_factory);
        var office = await _factory.LoginAsync(unit.Id, Roles.OpennessOffice);

        // Refused in Chinese next to the field, with what was typed kept.
        var bad = await SubmitFormAsync(office, "/admin/search/terms/new", "main form.edit-form",
            new Dictionary<string, string> { ["Input.Category"] = "社会救助", ["Input.Term"] = "五保", ["Input.Official"] = "", ["Input.Enabled"] = "true" });
        var badPage = await HtmlAsync(bad);
        Assert.Contains("请至少填写一个规范用语", badPage.QuerySelector("[data-valmsg-for='Input.Official']").Text());
        Assert.Equal("社会救助", badPage.QuerySelector("#Input_Category")!.GetAttribute("value"));
        Assert.Equal("五保", badPage.QuerySelector("#Input_Term")!.GetAttribute("value"));

        var saved = await SubmitFormAsync(office, "/admin/search/terms/new?term=" + Uri.EscapeDataString("五保"), "main form.edit-form",
            new Dictionary<string, string> { ["Input.Category"] = "社会救助", ["Input.Official"] = "特困人员救助供养\n农村五保供养", ["Input.Enabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await GetHtmlAsync(office, saved.Headers.Location!.OriginalString);
        var row = list.QuerySelectorAll(".terms-table tbody tr").Single(r => r.Children[1].Text() == "五保");
        Assert.Equal("特困人员救助供养、农村五保供养", row.Children[2].Text());
        Assert.Contains(list.QuerySelectorAll(".category-filter a"), a => a.Text().StartsWith("社会救助"));

        var results = await GetHtmlAsync(_anonymous, SearchUrl("五保"));
        Assert.Contains("已为您同时搜索：特困人员救助供养、农村五保供养", results.QuerySelector(".search-notices").Text());
        Assert.Contains("特困人员救助供养", results.QuerySelector(".search-hits").Text());

        // Deleting asks first (a page), then the POST removes it.
        var termId = row.QuerySelector("a[href$='/edit']")!.GetAttribute("href")!.Split('/')[4];
        var confirm = await GetHtmlAsync(office, $"/admin/search/terms/{termId}/delete");
        Assert.Contains("确定要删除", confirm.QuerySelector(".confirm-box").Text());
        var deleted = await SubmitFormAsync(office, $"/admin/search/terms/{termId}/delete", ".confirm-box form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = await GetHtmlAsync(_anonymous, SearchUrl("五保"));
        Assert.DoesNotContain("已为您同时搜索", after.QuerySelector("main").Text());
    }

    [Fact]
    public async Task Hot_word_statistics_show_unanswered_searches_with_quick_actions()
    {
        var unit = await _factory.CreateUnitAsync("区统计局");
        await AddDocumentAsync(_factory, unit.Id, "关于开展全国经济普查的通知");
        await CatchUpAsync(_factory);
        await GetHtmlAsync(_anonymous, SearchUrl("经济普查"));
        await GetHtmlAsync(_anonymous, SearchUrl("经济普查"));
        await GetHtmlAsync(_anonymous, SearchUrl("查不到的说法"));
        // Two more readers (another browser each): a public hot word needs three different searchers.
        foreach (var browser in new[] { "TestBrowser/2", "TestBrowser/3" })
        {
            var reader = _factory.CreateClient();
            reader.DefaultRequestHeaders.UserAgent.ParseAdd(browser);
            await GetHtmlAsync(reader, SearchUrl("经济普查"));
        }
        await FlushQueryLogAsync(_factory);

        var office = await _factory.LoginAsync(unit.Id, Roles.OpennessOffice);
        var page = await GetHtmlAsync(office, "/admin/search/hotwords?days=7");
        Assert.Equal("近7天", page.QuerySelector(".period-switch [aria-current=true]").Text());
        var top = page.QuerySelector("#top-title")!.ParentElement!.QuerySelectorAll("tbody tr").First();
        Assert.Equal("经济普查", top.Children[0].Text());
        Assert.Equal("4", top.Children[1].Text());
        var zero = page.QuerySelector("#zero-title")!.ParentElement!.QuerySelectorAll("tbody tr").Single();
        Assert.Equal("查不到的说法", zero.Children[0].Text());
        Assert.Equal("/admin/search/terms/new?term=" + Uri.EscapeDataString("查不到的说法"),
            zero.QuerySelectorAll("a").Single(a => a.Text() == "加入词库").GetAttribute("href"));
        Assert.Contains("经济普查", page.QuerySelector(".hotword-list").Text());

        // 屏蔽 from the table: gone from what the public sees.
        var block = await SubmitFormAsync(office, "/admin/search/hotwords?days=7", "#top-title + table tbody tr:first-child form:nth-of-type(2)",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        var hot = await _anonymous.GetStringAsync("/api/v1/search/hot");
        Assert.DoesNotContain("经济普查", hot);
        page = await GetHtmlAsync(office, "/admin/search/hotwords?days=7");
        Assert.Contains("屏蔽", page.QuerySelector("#overrides-title")!.ParentElement!.QuerySelector("tbody").Text());

        // The add form: a pinned word comes first for the public; a bad word is refused in Chinese with the input kept.
        var pin = await SubmitFormAsync(office, "/admin/search/hotwords", "form.hotword-form",
            new Dictionary<string, string> { ["Input.Word"] = "经济普查公报", ["Input.Mode"] = "Pinned", ["Input.Order"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, pin.StatusCode);
        Assert.StartsWith("[\"经济普查公报\"", await _anonymous.GetStringAsync("/api/v1/search/hot"));
        var tooLong = new string('长', 31);
        var refused = await HtmlAsync(await SubmitFormAsync(office, "/admin/search/hotwords", "form.hotword-form",
            new Dictionary<string, string> { ["Input.Word"] = tooLong, ["Input.Mode"] = "Pinned", ["Input.Order"] = "0" }));
        Assert.Contains("热词须为1至30个字", refused.QuerySelector("[data-valmsg-for='Input.Word']").Text());
        Assert.Equal(tooLong, refused.QuerySelector("#Input_Word")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_index_page_shows_the_status_and_rebuilds_on_request()
    {
        var unit = await _factory.CreateUnitAsync("区档案局");
        await AddDocumentAsync(_factory, unit.Id, "关于档案数字化工作的通知");
        await CatchUpAsync(_factory);
        var admin = await _factory.LoginAsync(unit.Id, Roles.PlatformAdmin);

        var page = await GetHtmlAsync(admin, "/admin/search");
        Assert.Contains("已收录内容", page.QuerySelector(".search-status").Text());
        Assert.NotNull(page.QuerySelector("a[href='/admin/search/terms']"));
        Assert.NotNull(page.QuerySelector("a[href='/admin/search/hotwords']"));

        var rebuilt = await SubmitFormAsync(admin, "/admin/search", "form.reindex-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        var after = await GetHtmlAsync(admin, rebuilt.Headers.Location!.OriginalString);
        Assert.Contains("索引已重建", after.QuerySelector(".flash").Text());
        Assert.Contains("档案数字化", (await GetHtmlAsync(_anonymous, SearchUrl("档案数字化"))).QuerySelector(".search-hits").Text());
    }
}
