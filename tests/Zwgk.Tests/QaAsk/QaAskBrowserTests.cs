using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Security;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.QaAsk;

/// <summary>
/// End to end in Chromium: a citizen on /zcwd/ask types a question worded differently from an entry and sees it suggested
/// as they type; it does not help, so they ask the suggested unit and get a 查询码; the unit's officer drafts, its
/// administrator approves and publishes; the answer shows in 网友政策咨询 and at the query page; staff turn it into a draft
/// entry. Screenshots (desktop and 390 px) go to screenshots/qa-ask-*.png.
/// </summary>
public sealed class QaAskBrowserTests : IAsyncLifetime
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

    private async Task<IPage> NewPageAsync(int width = 1366, bool strict = true)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        if (strict) page.Console += (_, m) => { if (m.Type == "error") throw new InvalidOperationException("console error: " + m.Text + " at " + m.Location); };
        return page;
    }

    private async Task<IPage> SignInAsync(string userName, bool strict = true)
    {
        var page = await NewPageAsync(strict: strict);
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"qa-ask-{name}.png"), FullPage = fullPage });

    [Fact]
    public async Task A_citizen_finds_no_answer_asks_the_unit_and_the_answer_becomes_an_entry()
    {
        var unit = await _factory.CreateUnitAsync("区住房和城乡建设局");
        var other = await _factory.CreateUnitAsync("区教育和体育局");
        var officer = await _factory.CreateUserAsync(unit.Id, Roles.InteractionOfficer);
        var head = await _factory.CreateUserAsync(unit.Id, Roles.UnitAdmin);
        var rent = await QaRows.AddAsync(_factory, "申请公共租赁住房需要什么条件？",
            "本区户籍、家庭人均收入低于规定标准且在本区无自有住房的家庭，可以向户籍所在地街道提出申请，街道初审后报区住房和城乡建设局审核，审核通过的轮候配租。",
            unitId: unit.Id, basis: "《公共租赁住房管理办法》第七条");
        await QaRows.AddAsync(_factory, "廉租住房租赁补贴标准是多少？", "租赁补贴按家庭人口和保障面积计算，每月发放。", unitId: unit.Id, basis: "《廉租住房保障办法》");
        await QaRows.AddAsync(_factory, "义务教育阶段入学需要哪些材料？", "户口簿、房产证明或租房合同、居住证。", unitId: other.Id, basis: "区义务教育招生工作方案");

        // The citizen types; the suggestion appears without pressing anything.
        var citizen = await NewPageAsync();
        await citizen.GotoAsync(_baseUrl + "/zcwd/ask");
        await citizen.Locator("#ask-q").PressSequentiallyAsync("没房子的外地人能租公租房吗", new() { Delay = 30 });
        var first = citizen.Locator(".qa-suggestion").First;
        await first.WaitForAsync();
        Assert.Equal(rent.Id.ToString(), await first.GetAttributeAsync("data-id"));
        Assert.Contains(rent.Question, await first.Locator(".qa-q").InnerTextAsync());
        Assert.Equal($"/zcwd/{rent.Id}", await first.Locator("a.qa-more").GetAttributeAsync("href"));
        Assert.Contains("这是否解决了您的问题？", await first.InnerTextAsync());
        Assert.Equal(unit.Id.ToString(), await citizen.InputValueAsync("#f-unit"));
        Assert.Equal("没房子的外地人能租公租房吗", await citizen.InputValueAsync("#f-title"));
        await Shot(citizen, "suggestions");

        // It does not help: the citizen asks.
        await first.Locator("a.qa-no").ClickAsync();
        await citizen.FillAsync("#f-content", "我是外地户籍，在本区工作三年了，没有自己的房子，能不能申请公租房？");
        await citizen.FillAsync("#f-name", "王小明");
        await citizen.FillAsync("#f-contact", "13700001111");
        await citizen.Locator("#f-public-yes").CheckAsync();
        await citizen.Locator("button.submit-button").ClickAsync();
        try { await citizen.WaitForURLAsync(url => url.Contains("/zcwd/ask/done", StringComparison.Ordinal), new() { Timeout = 30_000 }); }
        catch (TimeoutException)
        {
            await Shot(citizen, "submit-failed");
            throw new InvalidOperationException("not submitted: " + citizen.Url + " " + (await citizen.Locator("main").InnerTextAsync()));
        }
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Contains("2026年05月11日", await citizen.Locator("#due-on").InnerTextAsync());
        await Shot(citizen, "done");
        var messageId = await QaRows.DbAsync(_factory, db => db.Messages.Where(m => m.Title == "没房子的外地人能租公租房吗").Select(m => m.Id).SingleAsync());

        // The unit's officer drafts; the administrator approves and publishes.
        var detailUrl = $"{_baseUrl}/admin/messages/{messageId}";
        var u = await SignInAsync(officer.UserName!);
        await u.GotoAsync(detailUrl);
        await u.FillAsync("#draft-text", "在本区连续缴纳社会保险满一年、家庭在本区无自有住房的外地户籍人员，可以向工作所在地街道申请公共租赁住房。");
        await u.Locator("form:has(#draft-text) button[type=submit]").ClickAsync();
        await u.Locator(".flash", new() { HasText = "答复已提交审核" }).WaitForAsync();
        var h = await SignInAsync(head.UserName!);
        await h.GotoAsync(detailUrl);
        await h.Locator("button", new() { HasText = "审核通过并答复" }).ClickAsync();
        await h.Locator(".flash", new() { HasText = "答复已审核通过" }).WaitForAsync();
        await h.Locator("button", new() { HasText = "同意在网站公开" }).ClickAsync();
        await h.Locator(".flash", new() { HasText = "已同意公开" }).WaitForAsync();

        // Public: in 网友政策咨询 on the ask page (name masked) and at the query page with the code.
        await citizen.GotoAsync(_baseUrl + "/zcwd/ask");
        var recent = citizen.Locator(".qa-recent");
        Assert.Contains("没房子的外地人能租公租房吗", await recent.InnerTextAsync());
        Assert.Contains("王**", await recent.InnerTextAsync());
        Assert.DoesNotContain("王小明", await citizen.ContentAsync());
        await citizen.GotoAsync(_baseUrl + "/hdjl/xx/query");
        await citizen.FillAsync("#f-Code", code);
        await citizen.Locator("form.query-form button[type=submit]").ClickAsync();
        await citizen.Locator("#reply-text").WaitForAsync();
        Assert.Contains("可以向工作所在地街道申请公共租赁住房", await citizen.Locator("#reply-text").InnerTextAsync());

        // Staff turn it into a draft entry (its editor belongs to the Q&A admin).
        var staff = await SignInAsync(officer.UserName!, strict: false);
        await staff.GotoAsync(_baseUrl + "/admin/qa/from-messages");
        await Shot(staff, "from-messages");
        var row = staff.Locator("tr", new() { HasText = "没房子的外地人能租公租房吗" });
        await row.Locator("button", new() { HasText = "转为问答条目" }).ClickAsync();
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/qa/edit/\d+$"));
        var item = await QaRows.DbAsync(_factory, db => db.QaItems.AsNoTracking().SingleAsync(q => q.SourceMessageId == messageId));
        Assert.Equal(QaStatus.Draft, item.Status);
        Assert.EndsWith($"/admin/qa/edit/{item.Id}", staff.Url);
        Assert.Equal(unit.Id, item.UnitId);
        Assert.StartsWith("在本区连续缴纳社会保险满一年", item.Answer);

        // On a phone, with suggestions from the no-script form, then typed.
        var phone = await NewPageAsync(390);
        await phone.GotoAsync(_baseUrl + "/zcwd/ask?q=" + Uri.EscapeDataString("租公租房要啥条件"));
        await phone.Locator(".qa-suggestion").First.WaitForAsync();
        await Shot(phone, "phone");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await phone.Locator(".qa-suggestion a.qa-yes").First.ClickAsync();
        await phone.Locator(".qa-answered").WaitForAsync();
        await Shot(phone, "phone-answered", fullPage: false);
    }
}
