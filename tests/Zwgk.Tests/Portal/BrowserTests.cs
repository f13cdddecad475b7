using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Portal;

/// <summary>
/// A reader's path through the portal in headless Chromium on a real Kestrel server: home → a column → a document,
/// checking the 信息索引表. Screenshots are kept under the test output folder (screenshots/).
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(loadDemo: true);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";
    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _baseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Reader_goes_from_home_to_a_column_to_a_document(int width, int height, string name)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        var home = await page.GotoAsync(_baseUrl + "/");
        Assert.Equal(200, home!.Status);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"{name}-1-home.png"), FullPage = true });

        // Into the disclosure column via a link whose text is a column name, then to the 政策文件 column list.
        await page.GotoAsync(_baseUrl + "/xxgk");
        await page.GetByRole(AriaRole.Link, new() { Name = "政策文件", Exact = true }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("/column/", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"{name}-2-column.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("2024年济南市市中区政务公开") }).First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("/doc/", page.Url);

        var table = page.Locator("#meta-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        var text = await table.InnerTextAsync();
        Assert.Contains("索引号", text);
        Assert.Contains("市中政办发〔2024〕3号", text);
        Assert.Contains("2024年06月30日", text);
        Assert.Contains("济南市市中区人民政府办公室", text);
        Assert.Contains("综合政务", text);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"{name}-3-document.png"), FullPage = true });

        // Nothing overflows the viewport sideways on a phone.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width + 1, $"page is {scrollWidth}px wide in a {width}px viewport");
        Assert.Empty(errors);
    }
}
