using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Portal;

/// <summary>
/// An editor signs in on the login page, drafts a document through the form (a bad 文号 is refused and the typed
/// values are kept), submits it, and a reviewer approves the three levels; the document then opens on the portal.
/// </summary>
public sealed class BackOfficeBrowserTests : IAsyncLifetime
{
    // One reviewer approves all three levels: allowed only because the unit is short-staffed and the site permits it.
    private readonly ZwgkFactory _factory = new() { Settings = { ["Zwgk:SinglePersonReview"] = "WhenShortStaffed" } };
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

    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"admin-{name}.png"), FullPage = true });

    [Fact]
    public async Task Editor_drafts_and_submits_reviewer_publishes()
    {
        var unit = await _factory.CreateUnitAsync("浏览器测试局");
        var editor = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var reviewer = await _factory.CreateUserAsync(unit.Id, Roles.Reviewer);

        var page = await SignInAsync(editor.UserName!);
        await page.GotoAsync(_baseUrl + "/admin/documents/new");
        await page.FillAsync("#Input_Title", "关于开展2026年政务公开培训的通知");
        await page.FillAsync("#Input_DocumentNumber", "测试发2026年5号");
        await page.FillAsync("#Input_WrittenOn", "2026-02-27");
        await page.SelectOptionAsync("#Input_TopicCategory", "综合政务\\政务公开");
        await page.SelectOptionAsync("#Input_Genre", "通知");
        await page.Locator("input[name='Input.ColumnIds']").First.CheckAsync();
        // The body is edited in the rich-text editor (the textarea behind it is hidden and kept in sync).
        await page.Locator(".rte-content").ClickAsync();
        await page.Keyboard.TypeAsync("各单位：现将培训安排通知如下。");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        // Refused with a Chinese message next to the field, and nothing typed is lost.
        Assert.Contains("/admin/documents/new", page.Url);
        Assert.Contains("发文字号格式应为", await page.ContentAsync());
        Assert.Equal("关于开展2026年政务公开培训的通知", await page.InputValueAsync("#Input_Title"));
        Assert.Equal("各单位：现将培训安排通知如下。", (await page.InnerTextAsync(".rte-content")).Trim());
        await Shot(page, "1-edit-error");

        await page.FillAsync("#Input_DocumentNumber", "测试发〔2026〕5号");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/documents/\\d+$"));
        var id = int.Parse(page.Url.Split('/').Last());
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("审核中", await page.InnerTextAsync("#doc-status"));
        await Shot(page, "2-submitted");

        var review = await SignInAsync(reviewer.UserName!);
        await review.GotoAsync(_baseUrl + "/admin/review");
        await review.GetByRole(AriaRole.Link, new() { Name = "关于开展2026年政务公开培训的通知" }).ClickAsync();
        foreach (var level in new[] { "初审", "复审", "终审" })
        {
            await review.GetByRole(AriaRole.Button, new() { Name = level + "通过" }).ClickAsync();
            await review.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        Assert.Contains("已发布", await review.InnerTextAsync("#doc-status"));
        await Shot(review, "3-published");

        var reader = await _browser.NewPageAsync();
        var resp = await reader.GotoAsync($"{_baseUrl}/doc/{id}");
        Assert.Equal(200, resp!.Status);
        Assert.Contains("测试发〔2026〕5号", await reader.InnerTextAsync("#meta-table"));
    }
}
