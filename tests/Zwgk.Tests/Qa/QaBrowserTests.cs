using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Qa;

/// <summary>
/// The demo's 政策问答 in Chromium: the portal list and an entry (desktop and 390 px), the 公开办's list and an upload with
/// its result. Screenshots go to screenshots/qa-*.png.
/// </summary>
public sealed class QaBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(DatabaseProvider.Sqlite, loadDemo: true);
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
        return await context.NewPageAsync();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"qa-{name}.png"), FullPage = true });

    [Fact]
    public async Task The_demo_questions_and_the_back_office_look_right_on_desktop_and_phone()
    {
        int published = 0, withDoc = 0, entry = 0;
        await _factory.WithDbAsync(async db =>
        {
            published = await db.QaItems.CountAsync(q => q.Status == QaStatus.Published);
            withDoc = await db.QaItems.CountAsync(q => q.BasisDocumentId != null);
            entry = await db.QaItems.Where(q => q.BasisDocumentId != null).Select(q => q.Id).FirstAsync();
        });
        Assert.InRange(published, 15, 20);
        Assert.True(withDoc >= 2, "the 政务公开 entries rest on the demo's 信息公开制度");

        foreach (var (width, suffix) in new[] { (1366, "desktop"), (390, "mobile") })
        {
            var page = await NewPageAsync(width);
            await page.GotoAsync(_baseUrl + "/zcwd");
            Assert.Contains("政策问答", await page.TitleAsync());
            Assert.True(await page.Locator(".qa-list li").CountAsync() >= 10);
            await Shot(page, "zcwd-" + suffix);
            await page.GotoAsync(_baseUrl + "/zcwd?q=" + Uri.EscapeDataString("看病报销"));
            await Shot(page, "zcwd-search-" + suffix);
            await page.GotoAsync(_baseUrl + $"/zcwd/{entry}");
            Assert.True(await page.Locator("#qa-basis a").CountAsync() == 1);
            await Shot(page, "entry-" + suffix);
        }

        var office = await _factory.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var user = await _factory.CreateUserAsync(office.Id, Roles.OpennessOffice);
        var admin = await NewPageAsync(1366);
        await admin.GotoAsync(_baseUrl + "/admin/login");
        await admin.FillAsync("#Input_UserName", user.UserName!);
        await admin.FillAsync("#Input_Password", ZwgkFactory.Password);
        await admin.Locator("form button[type=submit]").First.ClickAsync();
        await admin.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        await admin.GotoAsync(_baseUrl + "/admin/qa");
        await Shot(admin, "admin-list");
        await admin.GotoAsync(_baseUrl + "/admin/qa/import");
        await admin.SetInputFilesAsync("#file", QaDesk.FixturePath("faq-gbk.csv"));
        await admin.Locator("form[enctype] button[type=submit]").ClickAsync();
        await admin.WaitForSelectorAsync("#qa-import-result");
        Assert.Equal("1", await admin.InnerTextAsync("#qa-imported"));
        Assert.Equal("17", await admin.InnerTextAsync("#qa-skipped"));
        await Shot(admin, "import-result");
        await admin.GotoAsync(_baseUrl + "/admin/qa/units");
        await Shot(admin, "units");
        await admin.GotoAsync(_baseUrl + $"/admin/qa/{entry}");
        await Shot(admin, "admin-details");
    }
}
