using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Tests.Portal;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Documents;

/// <summary>
/// The relation picker in a real browser under the site's strict CSP: an editor of unit B finds unit A's published
/// document by words of its title and by its typed 文号, never A's draft, picks it and adds a relation that waits for A.
/// </summary>
public sealed class RelationPickerBrowserTests : IAsyncLifetime
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

    private async Task<int> InsertAsync(int unitId, string title, DocumentStatus status, string? number = null, string? index = null)
    {
        var doc = new Document
        {
            Title = title, DocumentNumber = number, IndexNumber = index, OwnerUnitId = unitId, Status = status, WrittenOn = new DateOnly(2026, 2, 1),
            PublishedAt = status == DocumentStatus.Published ? _factory.Clock.GetUtcNow() : null, BodyHtml = "<p>正文</p>",
            CreatedAt = _factory.Clock.GetUtcNow(), UpdatedAt = _factory.Clock.GetUtcNow(),
        };
        await _factory.WithDbAsync(async db => { db.Documents.Add(doc); await db.SaveChangesAsync(); });
        return doc.Id;
    }

    [Fact]
    public async Task Editor_picks_another_units_public_document_by_title_or_number()
    {
        var a = await _factory.CreateUnitAsync("甲局");
        var b = await _factory.CreateUnitAsync("乙局");
        var target = await InsertAsync(a.Id, "甲局关于调整城乡低保标准的通知", DocumentStatus.Published, "甲发〔2026〕3号", $"{a.Code}/2026-0000003");
        await InsertAsync(a.Id, "甲局关于低保的内部草稿", DocumentStatus.Draft, "甲发〔2026〕4号");
        var from = await InsertAsync(b.Id, "乙局关于废止低保旧标准的决定", DocumentStatus.Draft);
        var editor = await _factory.CreateUserAsync(b.Id, Roles.Editor);

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        // The picker must run as an external script (script-src 'self'); the validation summary's inline style is a known,
        // separate defect of the document pages (issue 9 §4) and is not counted here.
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy") && m.Text.Contains("script-src")) violations.Add(m.Text); };
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", editor.UserName!);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        await page.GotoAsync($"{_baseUrl}/admin/documents/{from}");
        var search = page.Locator("#relate-search");
        await search.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.False(await page.Locator("#RelatedId").IsVisibleAsync()); // with the picker there is no id to type
        await search.FillAsync("低保");
        var options = page.Locator("#relate-results li[role=option]");
        await options.First.WaitForAsync();
        Assert.Equal(1, await options.CountAsync());
        Assert.Contains("甲局关于调整城乡低保标准的通知", await options.First.InnerTextAsync());
        Assert.DoesNotContain("内部草稿", await page.InnerTextAsync("#relate-results"));

        // The typed form of a 文号 finds the canonical one; the keyboard chooses.
        var lookup = page.WaitForResponseAsync(r => r.Url.Contains("/api/v1/admin/documents/lookup") && r.Url.Contains("2026"));
        await search.FillAsync("甲发[2026]3号");
        await lookup;
        await page.Locator("#relate-results li[role=option]:has-text('甲发〔2026〕3号')").WaitForAsync();
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        Assert.Equal(target.ToString(), await page.InputValueAsync("#RelatedId"));
        Assert.Contains("已选择：甲局关于调整城乡低保标准的通知", await page.InnerTextAsync(".picker-chosen"));
        await page.SelectOptionAsync("#RelationType", "Abolishes");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, "admin-relation-picker.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加关联" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("待对方单位确认", await page.InnerTextAsync("#relations"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        RelationConfirmation state = default;
        await _factory.WithDbAsync(async db => state = await db.DocumentRelations.Where(r => r.FromDocumentId == from && r.ToDocumentId == target)
            .Select(r => r.Confirmation).SingleAsync());
        Assert.Equal(RelationConfirmation.Pending, state);
    }
}
