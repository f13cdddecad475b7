using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>
/// End to end in Chromium: a citizen applies on the portal and keeps the 查询码; the unit's officer confirms receipt,
/// accepts and drafts a reply; the unit head approves it; the citizen then reads the reply with the code.
/// </summary>
public sealed class RequestBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
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

    private async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") throw new InvalidOperationException("console error: " + m.Text); };
        return page;
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"ysqgk-{name}.png"), FullPage = true });

    private static async Task SubmitAsync(IPage page, string handler)
    {
        await page.Locator($"form[action*='handler={handler}'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.DoesNotContain("class=\"flash error", await page.ContentAsync());
    }

    [Fact]
    public async Task A_citizen_applies_staff_reply_and_the_citizen_reads_the_reply_with_the_code()
    {
        var unit = await _factory.CreateUnitAsync("区自然资源局");
        var officer = await _factory.CreateUserAsync(unit.Id, Roles.RequestOfficer);
        var head = await _factory.CreateUserAsync(unit.Id, Roles.UnitAdmin);

        // The citizen applies.
        var citizen = await NewPageAsync(390);
        await citizen.GotoAsync(_baseUrl + "/ysqgk/apply");
        await citizen.FillAsync("#f-ApplicantName", "张三丰");
        await citizen.FillAsync("#f-IdNumber", "11010519491231002X");
        await citizen.FillAsync("#f-Phone", "13812345678");
        await citizen.SelectOptionAsync("#f-UnitId", unit.Id.ToString());
        await citizen.FillAsync("#f-InformationTitle", "2025年某某村征地补偿安置方案");
        await citizen.FillAsync("#f-Description", "请公开2025年某某村集体土地征收的补偿安置方案及批复文件。");
        await citizen.Locator("#f-Delivery-Online").CheckAsync();
        await Shot(citizen, "apply-filled");
        await citizen.Locator("button.submit-button").ClickAsync();
        await citizen.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var caseNumber = (await citizen.Locator(".case-number").InnerTextAsync()).Trim();
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^YSQ-\d{4}-\d{5}$", caseNumber);
        Assert.Matches(@"^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.DoesNotContain(code.Replace("-", ""), citizen.Url.Replace("-", ""));
        await Shot(citizen, "done");

        // The officer confirms receipt, accepts and drafts the reply.
        var staff = await SignInAsync(officer.UserName!);
        await staff.GotoAsync(_baseUrl + "/admin/requests?view=Unconfirmed");
        await staff.Locator($"a:text('{caseNumber}')").ClickAsync();
        await staff.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var listHtml = await staff.ContentAsync();
        Assert.Contains("张*", listHtml);
        Assert.DoesNotContain("13812345678", listHtml);
        await SubmitAsync(staff, "Confirm");
        Assert.Contains("剩余 20 个工作日", await staff.ContentAsync());
        await SubmitAsync(staff, "Accept");
        await Shot(staff, "case-processing");
        await staff.SelectOptionAsync("form[action*='handler=Reply'] select[name=outcome]", "Disclosed");
        await staff.FillAsync("form[action*='handler=Reply'] textarea[name=text]", "经查，您申请的补偿安置方案已于2025年6月公开，现予提供，请查收附件。");
        await SubmitAsync(staff, "Reply");
        Assert.Contains("答复待审批", await staff.ContentAsync());

        // The head approves; the officer who drafted could not.
        var approver = await SignInAsync(head.UserName!);
        await approver.GotoAsync($"{_baseUrl}{new Uri(staff.Url).AbsolutePath}");
        await SubmitAsync(approver, "Approve");
        Assert.Contains("已答复", await approver.ContentAsync());
        await Shot(approver, "case-replied");

        // The citizen reads the reply with the code.
        await citizen.GotoAsync(_baseUrl + "/ysqgk/query");
        await citizen.FillAsync("#f-Code", code);
        await citizen.Locator("form:has(#f-Code) button[type=submit]").ClickAsync();
        await citizen.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var result = await citizen.ContentAsync();
        await Shot(citizen, "query-replied");
        Assert.Contains("予以公开", result);
        Assert.Contains("经查，您申请的补偿安置方案已于2025年6月公开", result);
        Assert.Contains(caseNumber, result);
        Assert.DoesNotContain("张三丰", result);
        Assert.DoesNotContain("13812345678", result);
        await Shot(citizen, "query-replied");
    }
}
