using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>
/// End to end in Chromium: the office uploads the 2024 工作要点; the finance bureau's editor reports its task done with a link;
/// another officer verifies it (销号); the office publishes the year's progress and a citizen reads it on a phone.
/// Screenshots are kept under the test output folder (screenshots/ledger-*.png).
/// </summary>
public sealed class LedgerBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _factory.Clock.SetChinaDate(new DateOnly(2024, 9, 2));
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

    private async Task<IPage> NewPageAsync(int width = 1366)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
        // CI runs the other test assemblies beside this one on two cores: a sign-in (password hashing) or the 54-task import can
        // take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") throw new InvalidOperationException("console error: " + m.Text + " at " + m.Location); };
        return page;
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"ledger-{name}.png"), FullPage = fullPage });

    [Fact]
    public async Task The_office_imports_a_unit_reports_another_officer_verifies_and_citizens_read_the_progress()
    {
        var ids = await _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            return (Office: await db.Units.Where(u => u.Code == "SZQZFB").Select(u => u.Id).SingleAsync(),
                    Finance: await db.Units.Where(u => u.Code == "SZCZJ").Select(u => u.Id).SingleAsync());
        });
        var officer = await _factory.CreateUserAsync(ids.Office, Roles.OpennessOffice);
        var officer2 = await _factory.CreateUserAsync(ids.Office, Roles.OpennessOffice);
        var finance = await _factory.CreateUserAsync(ids.Finance, Roles.Editor);
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"), "001_*.txt").Single();

        // The office previews, then imports.
        var office = await SignInAsync(officer.UserName!);
        await office.GotoAsync(_baseUrl + "/admin/ledger/import");
        await office.Locator("#file").SetInputFilesAsync(seed);
        await office.Locator("form:has(#file) button[type=submit]").ClickAsync();
        await office.Locator("h2", new() { HasText = "识别结果" }).WaitForAsync();
        await Shot(office, "import-preview", fullPage: false);
        await office.Locator("#file").SetInputFilesAsync(seed);
        await office.Locator("input[type=checkbox][name=PreviewOnly]").UncheckAsync();
        await office.Locator("form:has(#file) button[type=submit]").ClickAsync();
        await office.WaitForURLAsync(url => url.Contains("/admin/ledger/plans/"));
        var planUrl = office.Url;
        Assert.Contains("已导入：54项任务", await office.ContentAsync());
        await Shot(office, "plan", fullPage: false);

        // The finance bureau sees its tasks, reports task 13 done with a link.
        var unit = await SignInAsync(finance.UserName!);
        await unit.GotoAsync(_baseUrl + "/admin/ledger/mine");
        await Shot(unit, "mine", fullPage: false);
        await unit.Locator("a", new() { HasText = "规范公开行政事业性收费" }).ClickAsync();
        await unit.WaitForURLAsync(url => url.Contains("/admin/ledger/tasks/", StringComparison.Ordinal));
        var taskUrl = unit.Url;
        await unit.Locator("textarea[name=text]").FillAsync("已在政府信息公开专栏“财政信息”栏目公开2024年行政事业性收费和政府性基金目录清单。");
        await unit.Locator("textarea[name=links]").FillAsync("https://www.jnsz.gov.cn/col/col1/index.html");
        await unit.Locator("input[name=markDone]").CheckAsync();
        await unit.Locator("form:has(textarea[name=text]) button[type=submit]").ClickAsync();
        await unit.Locator(".flash", new() { HasText = "已报送完成，等待政务公开办核查" }).WaitForAsync();
        var after = await unit.ContentAsync();
        Assert.Contains("待核查", after);

        // Another officer verifies; the only unit passing closes the task.
        var verifier = await SignInAsync(officer2.UserName!);
        await verifier.GotoAsync(taskUrl);
        await Shot(verifier, "task-verify");
        await verifier.Locator("button[name=pass][value=true]").ClickAsync();
        await verifier.Locator(".flash", new() { HasText = "核查通过" }).WaitForAsync();
        var closed = await verifier.ContentAsync();
        Assert.Contains("全部责任单位核查通过，销号", closed);
        await Shot(verifier, "task-done");

        // The office publishes; a citizen reads the progress on a phone, without internal progress text.
        await office.GotoAsync(planUrl);
        await office.Locator("button", new() { HasText = "在门户公开落实情况" }).ClickAsync();
        await office.Locator(".flash", new() { HasText = "已在门户网站公开落实情况" }).WaitForAsync();
        var citizen = await NewPageAsync(390);
        var response = await citizen.GotoAsync(_baseUrl + "/gkcn/2024");
        Assert.Equal(200, response!.Status);
        var publicPage = await citizen.ContentAsync();
        Assert.Contains("规范公开行政事业性收费", publicPage);
        Assert.Contains("已完成", publicPage);
        Assert.DoesNotContain("财政信息”栏目公开2024年", publicPage);
        await Shot(citizen, "public-phone", fullPage: false);
    }
}
