using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Security;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Consultations;

/// <summary>
/// In Chromium: a citizen comments on an open consultation; after the close the unit's handler moderates, decides and publishes
/// the 采纳情况反馈; the citizen reads it (desktop and 390 px). Also the published 重大行政决策事项目录. Screenshots go to
/// screenshots/yjzj-*.png and zdjc-*.png.
/// </summary>
public sealed class ConsultationBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _factory.Clock.SetChinaDate(new DateOnly(2026, 3, 2));
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
        context.SetDefaultTimeout(45_000);
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
        return page;
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"{name}.png"), FullPage = fullPage });

    [Fact]
    public async Task A_citizen_comments_staff_moderate_decide_and_publish_feedback_and_the_citizen_reads_it()
    {
        var desk = await ConsultationDesk.CreateAsync(_factory);
        var id = await desk.SeedAsync("关于《某某区公园管理办法（征求意见稿）》公开征求意见的公告", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 30));
        var handler = await _factory.CreateUserAsync(desk.A.Id, Roles.InteractionOfficer);

        var citizen = await NewPageAsync();
        await citizen.GotoAsync(_baseUrl + "/hdjl/yjzj");
        await Shot(citizen, "yjzj-list");
        await citizen.Locator("a.yjzj-title").First.ClickAsync();
        await citizen.WaitForURLAsync(url => url.Contains($"/hdjl/yjzj/{id}", StringComparison.Ordinal));
        await citizen.Locator("#f-Name").FillAsync("张三");
        await citizen.Locator("#f-Phone").FillAsync("13812345678");
        await citizen.Locator("#f-Content").FillAsync("建议将夏季开放时间延长至晚上十点，方便下班后锻炼。");
        await citizen.Locator("input[name='Input.Agree'][type=checkbox]").CheckAsync();
        await citizen.Locator("button[type=submit]", new() { HasText = "提交意见" }).ClickAsync();
        await citizen.Locator(".flash", new() { HasText = "您的意见已提交" }).WaitForAsync();
        await Shot(citizen, "yjzj-open");

        // The period ends; the handler moderates, decides, publishes the feedback.
        _factory.Clock.SetChinaDate(new DateOnly(2026, 4, 2));
        var staff = await SignInAsync(handler.UserName!);
        await staff.GotoAsync(_baseUrl + $"/admin/consultations/{id}");
        await staff.Locator("form:has(input[name=commentId]) button[name=makePublic][value=true]").First.ClickAsync();
        await staff.Locator(".flash", new() { HasText = "已审核：公开" }).WaitForAsync();
        await staff.Locator("select[name=adoption]").First.SelectOptionAsync("PartlyAdopted");
        await staff.Locator("input[name=reason][placeholder^='理由']").First.FillAsync("夏季（6月至9月）延长至21时；延长至22时涉及安保和照明投入，暂不采纳。");
        await staff.Locator("form:has(select[name=adoption]) button[type=submit]").First.ClickAsync();
        await staff.Locator(".flash", new() { HasText = "已记录采纳情况" }).WaitForAsync();
        await staff.Locator("#feedbackText").FillAsync("征求意见期间共收到意见1条，经研究部分采纳。感谢社会各界的关心和支持。");
        await staff.Locator("button", new() { HasText = "发布采纳情况反馈" }).ClickAsync();
        await staff.Locator(".flash", new() { HasText = "已发布采纳情况反馈" }).WaitForAsync();
        await Shot(staff, "yjzj-admin");

        foreach (var width in new[] { 1366, 390 })
        {
            var reader = await NewPageAsync(width);
            await reader.GotoAsync(_baseUrl + $"/hdjl/yjzj/{id}");
            var html = await reader.ContentAsync();
            Assert.Contains("意见采纳情况", html);
            Assert.Contains("部分采纳", html);
            Assert.Contains("暂不采纳", html);
            Assert.Contains("张*", html);
            Assert.DoesNotContain("13812345678", html);
            Assert.DoesNotContain("张三", html);
            await Shot(reader, $"yjzj-feedback-{width}");
        }
    }

    [Fact]
    public async Task The_published_catalog_reads_on_desktop_and_phone()
    {
        var desk = await ConsultationDesk.CreateAsync(_factory);
        var consultation = await desk.SeedAsync("关于老旧小区改造三年行动计划（征求意见稿）的公告", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 5));
        await _factory.WithDbAsync(async db =>
        {
            var now = _factory.Clock.GetUtcNow();
            var catalog = new DecisionCatalog { Year = 2026, Title = "2026年度某某区人民政府重大行政决策事项目录", IsPublished = true, PublishedAt = now, CreatedAt = now, CreatedBy = "测试", UpdatedAt = now };
            var first = new MajorDecision { Order = 1, Name = "某某区老旧小区改造三年行动计划（2026—2028年）", LeadUnitId = desk.A.Id, LegalBasis = "《重大行政决策程序暂行条例》《山东省重大行政决策程序规定》", PlannedCompletion = new DateOnly(2026, 6, 30), Status = DecisionStatus.InProgress, UpdatedAt = now, Stages = DecisionProgress.NewStages() };
            var pp = first.Stages.Single(s => s.Kind == DecisionStageKind.PublicParticipation);
            pp.DoneOn = new DateOnly(2026, 2, 5); pp.ConsultationId = consultation;
            var ex = first.Stages.Single(s => s.Kind == DecisionStageKind.ExpertReview);
            ex.DoneOn = new DateOnly(2026, 2, 12); ex.MeetingRecord = "专家论证会（2026年2月12日，5名专家）";
            var ra = first.Stages.Single(s => s.Kind == DecisionStageKind.RiskAssessment);
            ra.Applicability = StageApplicability.NotApplicable; ra.NotApplicableReason = "经初步评估不涉及社会稳定风险";
            var second = new MajorDecision { Order = 2, Name = "某某区公共停车场收费标准调整", LeadUnitId = desk.B.Id, Status = DecisionStatus.Planned, PlannedCompletion = new DateOnly(2026, 10, 31), UpdatedAt = now, Stages = DecisionProgress.NewStages() };
            catalog.Items.Add(first);
            catalog.Items.Add(second);
            db.DecisionCatalogs.Add(catalog);
            await db.SaveChangesAsync();
        });
        foreach (var width in new[] { 1366, 390 })
        {
            var page = await NewPageAsync(width);
            var response = await page.GotoAsync(_baseUrl + "/zdjc");
            Assert.Equal(200, response!.Status);
            var html = await page.ContentAsync();
            Assert.Contains("某某区老旧小区改造三年行动计划", html);
            Assert.Contains($"/hdjl/yjzj/{consultation}", html);
            Assert.Contains("经初步评估不涉及社会稳定风险", html);
            await Shot(page, $"zdjc-{width}");
        }
    }
}
