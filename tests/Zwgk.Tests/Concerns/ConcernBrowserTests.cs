using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Concerns;

/// <summary>
/// The demo site's 回应关切 (two public concerns with responses, one internal one waiting) seen in a browser: the admin
/// register and the portal page on desktop and at 390 px. Screenshots go to screenshots/concerns-*.png.
/// </summary>
public sealed class ConcernBrowserTests : IAsyncLifetime
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

    private async Task<IPage> NewPageAsync(int width)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") throw new InvalidOperationException("console error: " + m.Text + " at " + m.Location); };
        return page;
    }

    private async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"concerns-{name}.png"), FullPage = true });

    private Task<int> UnitAsync(string code) =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Demo_register_and_portal_page_on_desktop_and_phone()
    {
        // A fresh demo start: two public concerns with responses on the portal, and one internal concern still waiting.
        var concerns = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().PublicConcerns.AsNoTracking().Include(c => c.Responses).ToListAsync());
        Assert.Equal(3, concerns.Count);
        Assert.Equal(2, concerns.Count(c => c.IsPublic && c.Responses.Count > 0));
        var waiting = Assert.Single(concerns, c => c.Responses.Count == 0 && c.ClosedAt is null);
        var api = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/api/v1/concerns")).RootElement;
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        Assert.Equal(3, api.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("responses").GetArrayLength()));

        var office = await _factory.CreateUserAsync(await UnitAsync("SZQZFB"), Roles.OpennessOffice);
        var admin = await NewPageAsync(1366);
        await SignInAsync(admin, office.UserName!);
        await admin.GotoAsync(_baseUrl + "/admin");
        Assert.Contains($"舆情 #{waiting.Id}", await admin.Locator("#concern-reminders").InnerTextAsync());
        await admin.GotoAsync(_baseUrl + "/admin/concerns");
        var firstRow = await admin.Locator("table.concern-admin-list tbody tr").First.InnerTextAsync();
        Assert.Contains("即将超时", firstRow); // the waiting one, due within 12 hours, comes first
        await Shot(admin, "admin-desktop");
        await admin.GotoAsync(_baseUrl + $"/admin/concerns/{concerns.Single(c => c.Level == Zwgk.Domain.Concerns.ConcernLevel.Major).Id}");
        Assert.Equal(2, await admin.Locator("#concern-milestones tbody tr").CountAsync());
        await Shot(admin, "admin-detail");
        await admin.SetViewportSizeAsync(390, 900);
        await admin.GotoAsync(_baseUrl + "/admin/concerns");
        await Shot(admin, "admin-390");

        var visitor = await NewPageAsync(1366);
        await visitor.GotoAsync(_baseUrl + "/hdjl");
        await visitor.Locator("a[href='/hygz']").First.ClickAsync();
        await visitor.WaitForURLAsync(u => u.EndsWith("/hygz", StringComparison.Ordinal));
        Assert.Equal(2, await visitor.Locator("ul.concern-list > li").CountAsync());
        Assert.DoesNotContain(waiting.Topic, await visitor.ContentAsync());
        await Shot(visitor, "hygz-desktop");
        await visitor.Locator("ul.concern-list h2 a").First.ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Shot(visitor, "detail-desktop");
        await visitor.SetViewportSizeAsync(390, 900);
        await visitor.GotoAsync(_baseUrl + "/hygz");
        // Nothing wider than the phone's screen.
        Assert.True(await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Shot(visitor, "hygz-390");
        await visitor.Locator("ul.concern-list h2 a").Nth(1).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Shot(visitor, "detail-390");
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/hygz/{waiting.Id}")).StatusCode);
    }
}
