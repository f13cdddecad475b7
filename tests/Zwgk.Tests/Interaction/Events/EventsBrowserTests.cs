using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Events;

/// <summary>
/// In Chromium: a live interview whose Q&amp;A grows without a reload (the polling script), and a citizen registering for an
/// open day on a phone and seeing the 查询码. Screenshots under the test output folder (screenshots/events-*.png).
/// </summary>
public sealed class EventsBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";
    private EventDesk _d = null!;

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
        _d = await EventDesk.CreateAsync(_factory);
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
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") throw new InvalidOperationException("console error: " + m.Text + " at " + m.Location); };
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"events-{name}.png"), FullPage = true });

    /// <summary>Adds a selected question and publishes its answer as staff would (next feed position).</summary>
    private Task AnswerAsync(int interviewId, string asker, string question, string answer) => _factory.WithDbAsync(async db =>
    {
        var i = await db.Interviews.Include(x => x.Guests).Include(x => x.Questions).SingleAsync(x => x.Id == interviewId);
        var now = _factory.Clock.GetUtcNow();
        var q = new InterviewQuestion { AskerName = asker, Content = question, AskedAt = now.AddMinutes(-3), Status = QuestionStatus.Selected, ModeratedAt = now };
        i.Questions.Add(q);
        Assert.Null(InterviewRules.Answer(i, q, answer, i.Guests[0].Name, "测试", now));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_live_interview_shows_new_answers_without_a_reload()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromMinutes(-20));
        await _factory.WithDbAsync(async db =>
        {
            var i = await db.Interviews.Include(x => x.Guests).SingleAsync(x => x.Id == id);
            i.Description = "围绕2026年义务教育阶段学校招生入学政策，解读招生范围、报名方式和材料要求，回答网友关心的问题。";
            i.Guests.Add(new InterviewGuest { Name = "李红", Position = "区教育和体育局基础教育科科长", Order = 2 });
            Assert.Null(InterviewRules.Start(i, _factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await AnswerAsync(id, "张三丰", "今年的学区划分有没有调整？我家孩子今年上一年级。", "今年学区总体保持稳定，个别新建小区的学区已在教育局网站公布，请以公布的学区范围为准。");
        await AnswerAsync(id, "", "随迁子女入学需要准备哪些材料？", "需要居住证、劳动合同或营业执照、户口簿等材料，具体清单见招生简章附件。");

        var page = await NewPageAsync(1366);
        await page.GotoAsync($"{_baseUrl}/hdjl/ft/{id}");
        Assert.Equal(2, await page.Locator("#qa-list .qa-item").CountAsync());
        Assert.Contains("张** 问：", await page.ContentAsync());
        await AnswerAsync(id, "王五", "学校的课后服务几点结束？", "课后服务一般到17:30结束，家长有特殊需要的可以向学校申请延时。");
        // The script polls every few seconds and appends the new answer.
        await page.Locator("#qa-list .qa-item", new() { HasText = "课后服务一般到17:30结束" }).WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(3, await page.Locator("#qa-list .qa-item").CountAsync());
        await Shot(page, "interview-live");

        var phone = await NewPageAsync(390);
        await phone.GotoAsync($"{_baseUrl}/hdjl/ft/{id}");
        await Shot(phone, "interview-live-phone");
        var list = await NewPageAsync(1366);
        await list.GotoAsync($"{_baseUrl}/hdjl/ft");
        await Shot(list, "interviews");
    }

    [Fact]
    public async Task A_citizen_registers_for_an_open_day_on_a_phone_and_sees_the_code()
    {
        var id = await _d.OpenDayAsync(capacity: 30);
        await _factory.WithDbAsync(async db =>
        {
            var d = await db.OpenDays.SingleAsync(x => x.Id == id);
            d.Description = "参观区教育和体育局政务服务窗口，了解义务教育招生工作流程，与工作人员面对面交流。\n请携带本人身份证件，提前15分钟到达签到。";
            await db.SaveChangesAsync();
        });
        var desktop = await NewPageAsync(1366);
        await desktop.GotoAsync($"{_baseUrl}/hdjl/kfr/{id}");
        await Shot(desktop, "openday");

        var page = await NewPageAsync(390);
        await page.GotoAsync($"{_baseUrl}/hdjl/kfr/{id}");
        await Shot(page, "openday-phone");
        await page.FillAsync("#f-Name", "张三");
        await page.FillAsync("#f-Phone", "13812345678");
        await page.SelectOptionAsync("#f-PartySize", "2");
        await page.Locator("form.ev-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/hdjl/kfr/done", StringComparison.Ordinal));
        var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", code);
        await Shot(page, "openday-done-phone");

        await page.GotoAsync($"{_baseUrl}/hdjl/kfr/query");
        await page.FillAsync("#f-Code", code);
        await page.Locator("form.query-form button[type=submit]").ClickAsync();
        await page.Locator("#reg-status", new() { HasText = "已报名" }).WaitForAsync();
        Assert.Contains("138****5678", await page.ContentAsync());
        await Shot(page, "openday-query-phone");

        await page.GotoAsync($"{_baseUrl}/hdjl/kfr/{id}");
        Assert.Equal("28", (await page.Locator("#places-left").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Staff_moderate_and_answer_in_the_back_office()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromMinutes(-20));
        await _factory.WithDbAsync(async db =>
        {
            var i = await db.Interviews.Include(x => x.Guests).SingleAsync(x => x.Id == id);
            Assert.Null(InterviewRules.Start(i, _factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        await AnswerAsync(id, "张三丰", "今年的学区划分有没有调整？", "今年学区总体保持稳定。");
        await _factory.WithDbAsync(async db =>
        {
            var now = _factory.Clock.GetUtcNow();
            db.InterviewQuestions.Add(new InterviewQuestion { InterviewId = id, AskerName = "李四", AskerPhone = "13900001111", Content = "幼儿园报名什么时候开始？", AskedAt = now });
            db.InterviewQuestions.Add(new InterviewQuestion { InterviewId = id, Content = "代开发票，加微信领取", AskedAt = now, ScreenNote = "含敏感词：代开发票、加微信领取" });
            await db.SaveChangesAsync();
        });
        var day = await _d.OpenDayAsync(capacity: 10);
        await _factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Web.Features.Interaction.Events.OpenDayService>().RegisterAsync(day, "张三", "13812345678", 2, CancellationToken.None));

        var page = await NewPageAsync(1366);
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", _d.OfficerA.UserName!);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));
        await page.GotoAsync($"{_baseUrl}/admin/interviews/{id}");
        await Shot(page, "admin-interview-pending");
        await page.Locator("form:has(input[name=questionId]) button[name=select][value=true]").First.ClickAsync();
        await page.Locator(".flash", new() { HasText = "已选用" }).WaitForAsync();
        await page.GotoAsync($"{_baseUrl}/admin/interviews/{id}?tab=selected");
        await Shot(page, "admin-interview-selected");
        await page.GotoAsync($"{_baseUrl}/admin/opendays/{day}");
        Assert.Contains("138****5678", await page.ContentAsync());
        await Shot(page, "admin-openday");
    }
}
