using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Dashboard;

/// <summary>
/// The 公开办's 互动交流总览 in Chromium, desktop and 390 px: a website inquiry unanswered for more than 3 months shows as a
/// veto finding with its unit, and one answered on time does not. Screenshots go to screenshots/interaction-*.png.
/// </summary>
public sealed class InteractionDashboardBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _factory.Clock.SetChinaDate(new DateOnly(2026, 5, 20));
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

    private static Message Website(int unitId, string title, DateOnly receivedOn, DateOnly? repliedOn) => new()
    {
        QueryCodeHash = Guid.NewGuid().ToString("N"), Channel = MessageChannel.Website, Type = MessageType.Inquiry, Title = title,
        Content = "留言内容", WriterName = "王小明", Phone = "13700001111", ContactKey = Guid.NewGuid().ToString("N"), ReceivedOn = receivedOn,
        ReceivedAt = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), RegisteredBy = "网站",
        UnitId = unitId, State = repliedOn is null ? MessageState.Handling : MessageState.Closed, AcknowledgeDue = receivedOn.AddDays(1),
        ReplyDue = receivedOn.AddDays(7), RepliedOn = repliedOn, ReplyText = repliedOn is null ? null : "已答复",
        RepliedAt = repliedOn is { } r ? new DateTimeOffset(r.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)) : null,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task The_office_sees_an_inquiry_unanswered_for_three_months_as_a_veto_finding()
    {
        var unit = await _factory.CreateUnitAsync("区市场监督管理局");
        var officeUnit = await _factory.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var office = await _factory.CreateUserAsync(officeUnit.Id, Roles.OpennessOffice);
        await _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            db.Messages.Add(Website(unit.Id, "关于农贸市场计量器具的咨询", new DateOnly(2026, 1, 5), null));
            db.Messages.Add(Website(unit.Id, "关于营业执照变更的咨询", new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 9)));
            await db.SaveChangesAsync();
            return 0;
        });

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", office.UserName!);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/login", StringComparison.Ordinal));

        await page.GotoAsync(_baseUrl + "/admin/interaction");
        await page.Locator("#veto-count .stat-num").WaitForAsync();
        Assert.Equal("1", (await page.Locator("#veto-count .stat-num").InnerTextAsync()).Trim());
        var findings = await page.Locator("table.grid").First.InnerTextAsync();
        Assert.Contains("关于农贸市场计量器具的咨询", findings);
        Assert.Contains("区市场监督管理局", findings);
        Assert.Contains("2026-04-05", findings);
        Assert.DoesNotContain("营业执照变更", findings);
        Assert.DoesNotContain("王小明", await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, "interaction-dashboard-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await page.Locator("#veto-count").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, "interaction-dashboard-phone.png"), FullPage = true });
    }
}
