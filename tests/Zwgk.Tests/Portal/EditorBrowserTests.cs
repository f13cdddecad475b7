using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Portal;

/// <summary>
/// Acceptance of the 正文 editor: an editor pastes a fragment copied from Word (merged cells, a numbered list, mso styles)
/// into the rich-text editor, saves and submits; three different reviewers approve the three levels; the portal page
/// shows the table with column headers, scrolling inside its own box on a phone. No CSP violation on any page.
/// Screenshots: screenshots/editor-*.png under the test output.
/// </summary>
public sealed class EditorBrowserTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    // What Word puts on the clipboard (trimmed): conditional comments, mso-list paragraphs, classes, fonts, <o:p>.
    private const string WordHtml = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><style><!-- p.MsoNormal {mso-style-unhide:no; font-family:宋体;} --></style></head>
        <body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
        <p class=MsoNormal><b><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>一、工作安排</span></b><o:p></o:p></p>
        <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋_GB2312'>梳理本单位主动公开事项清单。</span><o:p></o:p></p>
        <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋_GB2312'>按月更新<b>政府信息公开专栏</b>。</span><o:p></o:p></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
          <td width=60 style='width:45pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=center style='text-align:center'><b>序号</b><o:p></o:p></p></td>
          <td width=300 colspan=2 style='width:225pt'><p class=MsoNormal align=center><b>工作任务</b><o:p></o:p></p></td>
          <td width=120 style='width:90pt'><p class=MsoNormal align=center><b>责任单位</b><o:p></o:p></p></td>
          <td width=120 style='width:90pt'><p class=MsoNormal align=center><b>完成时限</b><o:p></o:p></p></td>
         </tr>
         <tr style='mso-yfti-irow:1'>
          <td><p class=MsoNormal>1<o:p></o:p></p></td>
          <td rowspan=2 style='mso-rowspan:2'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>深化重点领域信息公开</span><o:p></o:p></p></td>
          <td><p class=MsoNormal>主动公开财政预决算、重大建设项目批准和实施信息，做好民生资金发放信息公开。<o:p></o:p></p></td>
          <td><p class=MsoNormal>区财政局、区发展改革局<o:p></o:p></p></td>
          <td><p class=MsoNormal>2026年12月底前<o:p></o:p></p></td>
         </tr>
         <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
          <td><p class=MsoNormal>2<o:p></o:p></p></td>
          <td><p class=MsoNormal>公开教育、医疗、养老等民生领域办事指南和服务标准。<o:p></o:p></p></td>
          <td><p class=MsoNormal>区教育体育局、区卫生健康局、区民政局<o:p></o:p></p></td>
          <td><p class=MsoNormal>长期坚持<o:p></o:p></p></td>
         </tr>
        </table>
        <p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>浏览器测试局</span><o:p></o:p></p>
        <p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>2026年2月27日</span><o:p></o:p></p>
        <!--EndFragment--></body></html>
        """;

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

    /// <summary>A page that records CSP violations (securitypolicyviolation events) and console errors.</summary>
    private async Task<(IPage Page, List<string> Problems)> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.sample || '') + ' ' + e.sourceFile + ':' + e.lineNumber));");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        return (page, problems);
    }

    private async Task<(IPage Page, List<string> Problems)> SignInAsync(string userName)
    {
        var (page, problems) = await NewPageAsync(1280, 900);
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return (page, problems);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"editor-{name}.png"), FullPage = true });

    [Fact]
    public async Task Word_paste_is_saved_reviewed_published_and_shown_as_an_accessible_table()
    {
        var unit = await _factory.CreateUnitAsync("浏览器测试局");
        var editor = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var reviewers = new[]
        {
            await _factory.CreateUserAsync(unit.Id, Roles.Reviewer), await _factory.CreateUserAsync(unit.Id, Roles.Reviewer),
            await _factory.CreateUserAsync(unit.Id, Roles.Reviewer),
        };

        var (page, problems) = await SignInAsync(editor.UserName!);
        await page.GotoAsync(_baseUrl + "/admin/documents/new");
        // The textarea gives way to the editor (progressive enhancement).
        var content = page.Locator(".rte-content[contenteditable=true]");
        await content.WaitForAsync();
        Assert.False(await page.Locator("#Input_BodyHtml").IsVisibleAsync());
        await page.FillAsync("#Input_Title", "关于做好2026年政务公开重点工作的通知");
        await page.FillAsync("#Input_WrittenOn", "2026-02-27");
        await page.SelectOptionAsync("#Input_TopicCategory", "综合政务\\政务公开");
        await page.SelectOptionAsync("#Input_Genre", "通知");
        await page.Locator("input[name='Input.ColumnIds']").First.CheckAsync();

        await content.ClickAsync();
        await page.EvaluateAsync("""
            html => {
                const dt = new DataTransfer();
                dt.setData('text/html', html);
                dt.setData('text/plain', '一、工作安排');
                document.querySelector('.rte-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
            }
            """, WordHtml);
        await page.Locator(".rte-content table").WaitForAsync();
        var pasted = await page.InputValueAsync("#Input_BodyHtml");
        Assert.Contains("<ol>", pasted, StringComparison.Ordinal);
        Assert.Contains("梳理本单位主动公开事项清单。", pasted, StringComparison.Ordinal);
        Assert.Contains("colspan=\"2\"", pasted, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"2\"", pasted, StringComparison.Ordinal);
        Assert.Contains("<th", pasted, StringComparison.Ordinal);
        Assert.Contains("<strong>政府信息公开专栏</strong>", pasted, StringComparison.Ordinal);
        foreach (var bad in new[] { "mso-", "Mso", "o:p", "font-family", "仿宋", "class=", "1.&nbsp;" })
            Assert.DoesNotContain(bad, pasted, StringComparison.Ordinal);
        await Shot(page, "1-pasted");

        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/documents/\\d+$"));
        var id = int.Parse(page.Url.Split('/').Last());

        // Editing again loads the stored table back into the editor intact; the change shows in the version comparison.
        await page.GotoAsync($"{_baseUrl}/admin/documents/{id}/edit");
        await content.WaitForAsync();
        Assert.Equal(1, await page.Locator(".rte-content table td[rowspan='2']").CountAsync());
        await page.Locator(".rte-content p", new() { HasText = "一、工作安排" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("（修订）");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/documents/\\d+$"));
        var stored = await _factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().Documents.Where(d => d.Id == id).Select(d => d.BodyHtml).SingleAsync());
        Assert.Contains("colspan=\"2\"", stored, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"2\"", stored, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "比较版本差异" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("（修订）", await page.InnerTextAsync("#body-diff ins.diff-add"));
        await Shot(page, "1b-versions");
        await page.GotoAsync($"{_baseUrl}/admin/documents/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("审核中", await page.InnerTextAsync("#doc-status"));

        // Each level by a different reviewer (separation of duties).
        var levels = new[] { "初审", "复审", "终审" };
        for (int i = 0; i < levels.Length; i++)
        {
            var (review, reviewProblems) = await SignInAsync(reviewers[i].UserName!);
            await review.GotoAsync($"{_baseUrl}/admin/documents/{id}");
            await review.GetByRole(AriaRole.Button, new() { Name = levels[i] + "通过" }).ClickAsync();
            await review.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.True(reviewProblems.Count == 0, string.Join("\n", reviewProblems));
            if (i == levels.Length - 1) Assert.Contains("已发布", await review.InnerTextAsync("#doc-status"));
            await review.Context.CloseAsync();
        }

        // Editing the published document again loads the table back into the editor unchanged.
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var (width, height, name) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            var (reader, readerProblems) = await NewPageAsync(width, height);
            var resp = await reader.GotoAsync($"{_baseUrl}/doc/{id}");
            Assert.Equal(200, resp!.Status);
            var body = reader.Locator("#doc-body");
            var headers = await body.Locator("table th[scope=col]").AllInnerTextsAsync();
            Assert.Equal(["序号", "工作任务", "责任单位", "完成时限"], headers.Select(h => h.Trim()));
            Assert.Equal("2", await body.Locator("th[scope=col]", new() { HasText = "工作任务" }).GetAttributeAsync("colspan"));
            Assert.Equal("2", await body.Locator("td[rowspan]").First.GetAttributeAsync("rowspan"));
            Assert.Equal(2, await body.Locator("ol > li").CountAsync());
            var box = body.Locator(".table-scroll[role=region][tabindex='0']");
            Assert.StartsWith("表格1：序号", await box.GetAttributeAsync("aria-label"));
            Assert.Equal("right", await body.Locator("p.signature").Last.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
            // No sideways page overflow; on a phone the table scrolls inside its own box instead.
            Assert.True(await reader.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"page scrolls sideways at {width}px");
            if (width < 500)
            {
                Assert.True(await box.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the table box should scroll on a phone");
                // Columns stay readable: no cell squeezed to a character or two.
                var narrowest = await body.Locator("td").EvaluateAllAsync<double>("cells => Math.min(...cells.map(c => c.getBoundingClientRect().width))");
                Assert.True(narrowest >= 40, $"narrowest cell {narrowest}px");
            }
            await Shot(reader, "2-portal-" + name);
            Assert.True(readerProblems.Count == 0, string.Join("\n", readerProblems));
            await reader.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Admin_header_names_the_user_once_and_lists_keep_numbers_and_dates_on_one_line()
    {
        var unit = await _factory.CreateUnitAsync("济南市市中区人力资源和社会保障局");
        var editor = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        await _factory.WithDbAsync(async db =>
        {
            for (int i = 1; i <= 3; i++)
                db.Documents.Add(new Zwgk.Domain.Documents.Document
                {
                    Title = $"关于进一步做好高校毕业生等青年就业创业工作若干措施的通知（第{i}号样例，标题较长用于测试换行）", DocumentNumber = $"市中人社发〔2026〕{100 + i}号",
                    OwnerUnitId = unit.Id, Status = Zwgk.Domain.Documents.DocumentStatus.Published, PublishedAt = _factory.Clock.GetUtcNow(),
                    CreatedAt = _factory.Clock.GetUtcNow(), UpdatedAt = _factory.Clock.GetUtcNow(), CreatedBy = "test", BodyHtml = "<p>正文</p>",
                });
            await db.SaveChangesAsync();
        });
        foreach (var (width, name) in new[] { (1280, "desktop"), (390, "phone") })
        {
            var (page, problems) = await SignInAsync(editor.UserName!);
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(_baseUrl + "/admin/documents");
            var header = await page.InnerTextAsync("header.admin-header");
            Assert.Single(Regex.Matches(header, Regex.Escape(editor.DisplayName!)));
            Assert.Single(Regex.Matches(header, "编辑）"));
            // 发文字号 and 发布日期 each fit on one line: one line box high.
            foreach (var cell in new[] { "td:nth-child(2)", "td:nth-child(5)" })
            {
                var lines = await page.Locator("table.grid tbody tr").First.Locator(cell).EvaluateAsync<double>(
                    "e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }");
                Assert.Equal(1, lines);
            }
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"admin list scrolls sideways at {width}px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTests.ScreenshotDir, $"editor-3-admin-list-{name}.png"), FullPage = true });
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Images_and_files_of_the_document_are_inserted_from_its_attachments()
    {
        var unit = await _factory.CreateUnitAsync("附件测试局");
        // A real HTTP client: the factory's in-memory client does not reach the Kestrel server this class starts.
        var apiUser = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        using var api = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(_baseUrl) };
        (await api.PostAsJsonAsync("/api/v1/auth/login", new { userName = apiUser.UserName, password = ZwgkFactory.Password })).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/v1/admin/documents", new { title = "附件插入测试", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id }, bodyHtml = "<p>正文</p>" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        foreach (var (name, bytes) in new[] { ("示意图.png", png), ("申请表.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()) })
        {
            var upload = new ByteArrayContent(bytes);
            upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            var resp = await api.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName={Uri.EscapeDataString(name)}", upload);
            Assert.True(resp.IsSuccessStatusCode, await resp.Content.ReadAsStringAsync());
        }
        var editor = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var (page, problems) = await SignInAsync(editor.UserName!);
        await page.GotoAsync($"{_baseUrl}/admin/documents/{id}/edit");
        await page.Locator(".rte-content").ClickAsync();
        var picker = page.GetByLabel("插入本文件的附件或图片");
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "图片：示意图.png" });
        await page.GetByRole(AriaRole.Button, new() { Name = "插入所选附件" }).ClickAsync();
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "附件：申请表.pdf" });
        await page.GetByRole(AriaRole.Button, new() { Name = "插入所选附件" }).ClickAsync();
        var body = await page.InputValueAsync("#Input_BodyHtml");
        Assert.Matches("<img src=\"/files/\\d+/%E7%A4%BA%E6%84%8F%E5%9B%BE.png\" alt=\"示意图\"", body);
        Assert.Matches("<a href=\"/files/\\d+/%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf\">申请表.pdf</a>", body);
        // The inserted picture loads (same-origin, allowed by the CSP).
        Assert.True(await page.Locator(".rte-content img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth === 1"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Without_javascript_the_body_textarea_still_saves()
    {
        var unit = await _factory.CreateUnitAsync("无脚本测试局");
        var editor = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/admin/login");
        await page.FillAsync("#Input_UserName", editor.UserName!);
        await page.FillAsync("#Input_Password", ZwgkFactory.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await page.GotoAsync(_baseUrl + "/admin/documents/new");
        Assert.True(await page.Locator("#Input_BodyHtml").IsVisibleAsync());
        await page.FillAsync("#Input_Title", "无脚本保存的通知");
        await page.FillAsync("#Input_BodyHtml", "<p>各单位：</p><table><tr><th>事项</th></tr><tr><td>公开</td></tr></table><script>alert(1)</script>");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/documents/\\d+$"));
        var id = int.Parse(page.Url.Split('/').Last());
        var body = await _factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().Documents.Where(d => d.Id == id).Select(d => d.BodyHtml).SingleAsync());
        Assert.Contains("<th>事项</th>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
