using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Messages;

/// <summary>
/// End to end in Chromium: a citizen writes to the 区长信箱 and gets a 查询码; the 公开办 routes it; the unit's 互动交流经办
/// drafts the reply; the unit administrator approves and publishes; the citizen enters the code and sees the reply, then
/// finds it in 留言选登 on a phone. Screenshots (desktop and 390 px) go to screenshots/messages-*.png.
/// </summary>
public sealed class MessageBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _factory.Clock.SetChinaDate(new DateOnly(2026, 4, 30));
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
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"messages-{name}.png"), FullPage = fullPage });

    [Fact]
    public async Task A_citizen_writes_staff_reply_and_the_citizen_reads_the_reply_with_the_code()
    {
        var unit = await _factory.CreateUnitAsync("区住房和城乡建设局");
        var officeUnit = await _factory.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var office = await _factory.CreateUserAsync(officeUnit.Id, Roles.OpennessOffice);
        var officer = await _factory.CreateUserAsync(unit.Id, Roles.InteractionOfficer);
        var head = await _factory.CreateUserAsync(unit.Id, Roles.UnitAdmin);

        // The citizen writes (desktop), with one mistake first: the form keeps what was typed.
        var citizen = await NewPageAsync();
        await citizen.GotoAsync(_baseUrl + "/hdjl");
        await Shot(citizen, "hdjl", fullPage: false);
        await citizen.Locator("a", new() { HasText = "咨询" }).First.ClickAsync();
        await citizen.WaitForURLAsync(url => url.Contains("/hdjl/xx/write", StringComparison.Ordinal));
        await citizen.FillAsync("#f-title", "和平路小区停车难的问题");
        await citizen.FillAsync("#f-name", "张三丰");
        await citizen.FillAsync("#f-contact", "13812345678");
        await citizen.Locator("#f-public-yes").CheckAsync();
        await citizen.Locator("button.submit-button").ClickAsync();
        await citizen.Locator(".form-errors").WaitForAsync();
        Assert.Equal("和平路小区停车难的问题", await citizen.InputValueAsync("#f-title"));
        await Shot(citizen, "write-errors");
        await citizen.FillAsync("#f-content", "和平路小区门口晚上停车很难，能否增设停车位？");
        await Shot(citizen, "write");
        await citizen.Locator("button.submit-button").ClickAsync();
        await citizen.WaitForURLAsync(url => url.Contains("/hdjl/xx/done", StringComparison.Ordinal));
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Contains("2026年05月11日", await citizen.Locator("#due-on").InnerTextAsync());
        await Shot(citizen, "done");

        // The office routes it to the bureau.
        var o = await SignInAsync(office.UserName!);
        await o.GotoAsync(_baseUrl + "/admin/messages");
        await Shot(o, "admin-inbox", fullPage: false);
        await o.Locator("a", new() { HasText = "和平路小区停车难的问题" }).First.ClickAsync();
        await o.WaitForURLAsync(url => url.Contains("/admin/messages/", StringComparison.Ordinal));
        var detailUrl = o.Url;
        Assert.Contains("张三丰", await o.Locator("#writer-name").InnerTextAsync());
        await o.Locator("#route-unit").SelectOptionAsync(new SelectOptionValue { Label = unit.Name });
        await o.Locator("form:has(#route-unit) button[type=submit]").ClickAsync();
        await o.Locator(".flash", new() { HasText = "已分办" }).WaitForAsync();

        // The bureau's officer drafts; the administrator approves and publishes.
        var u = await SignInAsync(officer.UserName!);
        await u.GotoAsync(detailUrl);
        await u.FillAsync("#draft-text", "经研究，将于6月底前在和平路小区东侧增设20个临时停车位。");
        await u.Locator("form:has(#draft-text) button[type=submit]").ClickAsync();
        await u.Locator(".flash", new() { HasText = "答复已提交审核" }).WaitForAsync();
        var h = await SignInAsync(head.UserName!);
        await h.GotoAsync(detailUrl);
        await h.Locator("button", new() { HasText = "审核通过并答复" }).ClickAsync();
        await h.Locator(".flash", new() { HasText = "答复已审核通过" }).WaitForAsync();
        await h.Locator("button", new() { HasText = "同意在网站公开" }).ClickAsync();
        await h.Locator(".flash", new() { HasText = "已同意公开" }).WaitForAsync();
        await Shot(h, "admin-detail");
        await h.SetViewportSizeAsync(390, 900);
        await h.GotoAsync(detailUrl);
        await Shot(h, "admin-detail-phone");

        // The citizen enters the code and sees the reply, rates it, then finds it in 留言选登 on a phone.
        await citizen.GotoAsync(_baseUrl + "/hdjl/xx/query");
        await citizen.FillAsync("#f-Code", code.Replace("-", "").ToLowerInvariant());
        await citizen.Locator("form.query-form button[type=submit]").ClickAsync();
        await citizen.Locator("#reply-text").WaitForAsync();
        Assert.Contains("增设20个临时停车位", await citizen.Locator("#reply-text").InnerTextAsync());
        Assert.Equal("已答复", (await citizen.Locator("#message-status").InnerTextAsync()).Trim());
        await Shot(citizen, "query");
        await citizen.Locator("#r-1").CheckAsync();
        await citizen.Locator("form.rate-form button[type=submit]").ClickAsync();
        await citizen.Locator("#satisfaction").WaitForAsync();
        Assert.Equal("满意", (await citizen.Locator("#satisfaction").InnerTextAsync()).Trim());

        var phone = await NewPageAsync(390);
        foreach (var (path, name) in new[] { ("/hdjl/xx", "list"), ("/hdjl/xx/write", "write"), ("/hdjl/xx/query", "query"), ("/hdjl", "hdjl") })
        {
            var resp = await phone.GotoAsync(_baseUrl + path);
            Assert.Equal(200, resp!.Status);
            await Shot(phone, name + "-phone");
        }
        await phone.GotoAsync(_baseUrl + "/hdjl/xx");
        var list = await phone.ContentAsync();
        Assert.Contains("和平路小区停车难的问题", list);
        Assert.Contains("张**", list);
        Assert.DoesNotContain("张三丰", list);
        Assert.DoesNotContain("13812345678", list);
        await Shot(citizen, "list-desktop");
        await citizen.GotoAsync(_baseUrl + "/hdjl/xx");
        await Shot(citizen, "list");
        // No horizontal scrolling on the phone.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
    }
}
