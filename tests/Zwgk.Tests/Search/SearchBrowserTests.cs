using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Search;

/// <summary>
/// Site search in headless Chromium on the demo content: suggestions as you type (keyboard), the results page at desktop
/// and phone widths (and in 适老化 mode) without sideways overflow, and the back-office pages of the 公开办.
/// Screenshots go to the shared screenshots/ folder (search-*.png).
/// </summary>
public sealed class SearchBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(loadDemo: true);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _baseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        await SearchTestSupport.CatchUpAsync(_factory);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(BrowserTests.ScreenshotDir);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"search-{name}.png"), FullPage = true });

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(int width, int height, bool care = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        if (care) await context.AddCookiesAsync([new Cookie { Name = "zwgk.care", Value = "1", Url = _baseUrl }]);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return (page, errors);
    }

    [Fact]
    public async Task Suggestions_appear_while_typing_and_the_keyboard_picks_one()
    {
        var (page, errors) = await OpenAsync(1280, 900);
        await page.GotoAsync(_baseUrl + "/search");
        var box = page.Locator("#search-q");
        Assert.Equal("combobox", await box.GetAttributeAsync("role"));
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));

        await box.PressSequentiallyAsync("zwgk", new() { Delay = 40 });
        var list = page.Locator("#" + await box.GetAttributeAsync("aria-controls"));
        await Assertions.Expect(list).ToBeVisibleAsync();
        Assert.Equal("listbox", await list.GetAttributeAsync("role"));
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var title = list.Locator("[role=option].title-option").First;
        await Assertions.Expect(title).ToBeVisibleAsync();
        Assert.Contains("政务公开", await title.InnerTextAsync());
        Assert.Equal(1, await title.Locator("em").CountAsync());
        Assert.StartsWith("/doc/", await title.GetAttributeAsync("href"));
        await Shot(page, "suggest");

        // ↓ makes the first option active (announced through aria-activedescendant); Esc closes, ↓ reopens.
        await box.PressAsync("ArrowDown");
        var first = list.Locator("[role=option]").First;
        Assert.Equal(await first.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await first.GetAttributeAsync("aria-selected"));
        await box.PressAsync("Escape");
        await Assertions.Expect(list).ToBeHiddenAsync();
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(list).ToBeVisibleAsync();

        // Enter follows the active option: a search word searches for it, a title opens the document.
        var chosen = (await first.InnerTextAsync()).Trim();
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=") && Uri.UnescapeDataString(url).Contains("q=" + chosen));
        Assert.Equal(chosen, await page.InputValueAsync("#search-q"));
        Assert.True(await page.Locator(".search-hits > li").CountAsync() > 0);

        // The header box has the same suggestions; the last title option opens the document.
        var header = page.Locator("#header-q");
        await header.FillAsync("");
        await header.PressSequentiallyAsync("政务", new() { Delay = 40 });
        var headerList = page.Locator("#" + await header.GetAttributeAsync("aria-controls"));
        await Assertions.Expect(headerList.Locator(".title-option").First).ToBeVisibleAsync();
        var options = await headerList.Locator("[role=option]").CountAsync();
        var target = await headerList.Locator("[role=option]").Last.GetAttributeAsync("href");
        await header.PressAsync("ArrowUp");
        await header.PressAsync("ArrowUp");
        await header.PressAsync("ArrowDown");
        Assert.Equal(await headerList.Locator("[role=option]").Nth(options - 1).GetAttributeAsync("id"), await header.GetAttributeAsync("aria-activedescendant"));
        await header.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith(target!));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280, 900, "desktop", false)]
    [InlineData(390, 844, "phone", false)]
    [InlineData(390, 844, "phone-care", true)]
    [InlineData(1280, 900, "desktop-care", true)]
    public async Task The_results_page_fits_the_screen(int width, int height, string name, bool care)
    {
        var (page, errors) = await OpenAsync(width, height, care);
        var response = await page.GotoAsync(_baseUrl + "/search?q=" + Uri.EscapeDataString("政务公开"));
        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator(".search-hits > li").CountAsync() >= 3);
        Assert.Equal(care, await page.Locator("body.care").CountAsync() == 1);
        await Shot(page, name);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width + 1, $"sideways overflow at {width}px");

        // A chosen filter on a phone keeps the facet column open; nothing found still fits.
        await page.GotoAsync(_baseUrl + "/search?q=" + Uri.EscapeDataString("政务公开") + "&genre=" + Uri.EscapeDataString("通知"));
        await Assertions.Expect(page.Locator(".facet [aria-current=true]").Filter(new() { HasText = "通知" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width + 1);
        await page.GotoAsync(_baseUrl + "/search?q=" + Uri.EscapeDataString("没有这样的内容啊"));
        await Assertions.Expect(page.Locator(".search-empty")).ToBeVisibleAsync();
        await Shot(page, name + "-empty");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width + 1);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_openness_office_maintains_the_dictionary_and_hot_words()
    {
        var unit = await _factory.CreateUnitAsync("区公开办");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.OpennessOffice);
        var (page, errors) = await OpenAsync(1280, 900);
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", user.UserName!);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        await page.GotoAsync(_baseUrl + "/admin");
        await page.Locator(".quick-links a[href='/admin/search']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/search"));
        await Shot(page, "admin-index");

        await page.GotoAsync(_baseUrl + "/admin/search/terms/new");
        await page.FillAsync("#Input_Category", "民政");
        await page.FillAsync("#Input_Term", "暖心饭桌");
        await page.Locator("form.edit-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Official']")).ToContainTextAsync("请至少填写一个规范用语");
        Assert.Equal("暖心饭桌", await page.InputValueAsync("#Input_Term"));
        await Shot(page, "admin-term-error");
        await page.FillAsync("#Input_Official", "老年助餐服务\n社区长者食堂");
        await page.Locator("form.edit-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/search/terms?"));
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("暖心饭桌");
        await Shot(page, "admin-terms");

        await page.GotoAsync(_baseUrl + "/search?q=" + Uri.EscapeDataString("暖心饭桌"));
        await Assertions.Expect(page.Locator(".search-notices")).ToContainTextAsync("已为您同时搜索：老年助餐服务、社区长者食堂");
        await SearchTestSupport.FlushQueryLogAsync(_factory);

        await page.GotoAsync(_baseUrl + "/admin/search/hotwords?days=7");
        await Assertions.Expect(page.Locator("#top-title + table")).ToContainTextAsync("暖心饭桌");
        await Shot(page, "admin-hotwords");
        Assert.Empty(errors);
    }
}
