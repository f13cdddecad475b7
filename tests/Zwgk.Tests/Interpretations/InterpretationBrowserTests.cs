using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Interpretations.Demo;

namespace Zwgk.Tests.Interpretations;

/// <summary>
/// The demo site on a fresh start: a policy with interpretations in four forms and a major policy still without one.
/// Looks at the admin panel, the report and the public interpretation pages on desktop and 390 px; screenshots go to
/// screenshots/interpretations-*.png.
/// </summary>
public sealed class InterpretationBrowserTests : IAsyncLifetime
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

    private async Task<IPage> SignInAsync(string userName, int width)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"interpretations-{name}.png"), FullPage = true });

    private Task<int> IdAsync(string title) =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.Where(d => d.Title == title).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task Demo_policy_shows_its_interpretations_checks_and_report_on_desktop_and_phone()
    {
        var policy = await IdAsync(InterpretationDemo.Titles[0]);
        var graphic = await IdAsync("一图读懂：高校毕业生就业创业若干措施");
        var text = await IdAsync(InterpretationDemo.Titles[2]);
        var govUnit = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Kind == UnitKind.DistrictGovernment).Select(u => u.Id).FirstAsync());
        var office = await _factory.CreateUserAsync(govUnit, Roles.OpennessOffice);

        foreach (var (width, tag) in new[] { (1366, "desktop"), (390, "phone") })
        {
            var pub = await NewPageAsync(width);
            await pub.GotoAsync($"{_baseUrl}/doc/{policy}");
            var related = pub.Locator("section[aria-labelledby=jd-title] li");
            Assert.Equal(4, await related.CountAsync());
            Assert.Equal(4, (await pub.Locator("section[aria-labelledby=jd-title] .jd-form").AllInnerTextsAsync()).Distinct().Count());
            await Shot(pub, $"policy-{tag}");

            await pub.GotoAsync($"{_baseUrl}/doc/{graphic}");
            var img = pub.Locator(".jd-media img");
            Assert.StartsWith("一图读懂", await img.GetAttributeAsync("alt"));
            Assert.True(await img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
            Assert.Equal(1, await pub.Locator($"section[aria-labelledby=zc-title] a[href='/doc/{policy}']").CountAsync());
            await Shot(pub, $"graphic-{tag}");

            await pub.GotoAsync($"{_baseUrl}/doc/{text}");
            Assert.Equal(4, await pub.Locator(".jd-points li").CountAsync());
            Assert.Contains("主要负责人解读", await pub.Locator(".jd-meta").InnerTextAsync());
            await Shot(pub, $"text-{tag}");

            var admin = await SignInAsync(office.UserName!, width);
            await admin.GotoAsync($"{_baseUrl}/admin/documents/{policy}");
            Assert.Equal(4, await admin.Locator("#interp-list tbody tr").CountAsync());
            Assert.Contains("逾期发布", await admin.Locator("#interp-list").InnerTextAsync());
            await Shot(admin, $"admin-policy-{tag}");

            await admin.GotoAsync($"{_baseUrl}/admin/interpretations/report");
            var total = admin.Locator("#interp-report tr.total");
            Assert.Equal("2", (await total.Locator("td").Nth(0).InnerTextAsync()).Trim());      // required
            Assert.Equal("1", (await total.Locator("td").Nth(5).InnerTextAsync()).Trim());      // overdue (the major policy)
            await admin.Locator("#interp-report tr.total td").Nth(5).Locator("a").ClickAsync();
            await admin.Locator("#interp-policies").WaitForAsync();
            Assert.Contains(InterpretationDemo.Titles[1], await admin.Locator("#interp-policies").InnerTextAsync());
            await Shot(admin, $"report-{tag}");

            await admin.GotoAsync($"{_baseUrl}/admin/interpretations/{graphic}");
            await Shot(admin, $"editor-{tag}");
        }

        // One click from the policy opens the editor of a new draft; saving it lands on the draft's page with the checks.
        var staff = await SignInAsync(office.UserName!, 1366);
        await staff.GotoAsync($"{_baseUrl}/admin/documents/{policy}");
        await staff.Locator("button", new() { HasText = "为本文件新建解读" }).ClickAsync();
        await staff.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/admin/interpretations/\\d+$"));
        await staff.Locator("#form").SelectOptionAsync("Video");
        await staff.FillAsync("#iname", "李明");
        await staff.FillAsync("#ititle", "副局长");
        await staff.FillAsync("#clause-0", "第四条");
        await staff.FillAsync("#point-0", "见习补贴按最低工资标准的60%发放");
        await staff.Locator("button", new() { HasText = "保存解读信息" }).ClickAsync();
        await staff.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/admin/documents/\\d+$"));
        Assert.Contains("解读信息已保存", await staff.ContentAsync());
        Assert.Contains("解读形式：视频解读", await staff.Locator("#interp-self").InnerTextAsync());
        await Shot(staff, "new-draft-desktop");
    }
}
