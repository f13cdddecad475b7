using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Portal;

/// <summary>
/// The demo's 2024 工作要点 (seed 001) with its 任务分解表, and the 政府信息公开指南, in Chromium at desktop and phone width:
/// the table keeps its header row (th scope=col, 工作任务 over two columns) and scrolls inside its own box on a phone; the
/// 落款 is right-aligned; the page never scrolls sideways. Screenshots: screenshots/demo-*.png.
/// </summary>
public sealed class DemoBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(loadDemo: true);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
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

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Task_table_and_guide_read_well_at_desktop_and_phone_width(int width, int height, string name)
    {
        var (docId, guideId) = await _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            return (await db.Documents.Where(d => d.DocumentNumber == "市中政办发〔2024〕3号").Select(d => d.Id).SingleAsync(),
                await db.Columns.Where(c => c.Slug == "gkzn").Select(c => c.Id).SingleAsync());
        });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync($"{_baseUrl}/doc/{docId}");
        var table = page.Locator("#doc-body .table-scroll[role=region][tabindex='0'] table");
        Assert.Equal(["序号", "工作任务", "具体要求", "责任单位", "完成时限"], (await table.Locator("thead th[scope=col]").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal("2", await table.Locator("th[scope=col]", new() { HasText = "工作任务" }).GetAttributeAsync("colspan"));
        Assert.Equal(54, await table.Locator("tbody tr").CountAsync());
        // Every row is as wide as the header (6 columns).
        Assert.True(await table.EvaluateAsync<bool>("t => [...t.tBodies[0].rows].every(r => [...r.cells].reduce((n, c) => n + c.colSpan, 0) === 6)"));
        Assert.Equal("right", await page.Locator("#doc-body p.signature").First.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"document page scrolls sideways at {width}px");
        var narrowest = await table.Locator("td").EvaluateAllAsync<double>("cells => Math.min(...cells.map(c => c.getBoundingClientRect().width))");
        Assert.True(narrowest >= 40, $"narrowest cell {narrowest}px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"demo-1-task-table-{name}.png"), FullPage = true });
        // Close-ups of the 落款 and the head of the table (the full page is very tall).
        foreach (var (selector, part) in new[] { ("#doc-body p.signature", "signature"), ("#doc-body .table-scroll", "table-head") })
        {
            var top = await page.Locator(selector).First.EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserTests.ScreenshotDir, $"demo-1-{part}-{name}.png"), FullPage = true,
                Clip = new Clip { X = 0, Y = (float)Math.Max(0, top - 160), Width = width, Height = 900 },
            });
        }

        await page.GotoAsync($"{_baseUrl}/column/{guideId}");
        Assert.Contains("依申请公开", await page.InnerTextAsync("article.single-page"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"guide scrolls sideways at {width}px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"demo-2-guide-{name}.png"), FullPage = true });
        Assert.Empty(errors);
    }
}
