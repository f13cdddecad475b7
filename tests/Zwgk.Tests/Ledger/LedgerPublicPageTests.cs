using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>公开承诺事项 (/gkcn): published plans and public tasks only, statuses and counts, no internal progress or staff.</summary>
public sealed partial class LedgerPublicPageTests : IAsyncLifetime
{
    private ZwgkFactory f = null!;
    private LedgerFixture x = null!;

    public async ValueTask InitializeAsync()
    {
        f = new ZwgkFactory();
        _ = f.Server; // clock: 2026-03-02
        x = await LedgerFixture.SeedAsync(f);
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    [GeneratedRegex("id=\"count-(\\w+)\">(\\d+)<")]
    private static partial Regex CountPattern();

    private static Dictionary<string, int> Counts(string html) =>
        CountPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task The_page_shows_public_tasks_of_published_plans_with_status_units_and_completion_but_no_internal_progress()
    {
        var client = f.CreateClient();
        var resp = await client.GetAsync("/gkcn");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var html = Decode(await resp.Content.ReadAsStringAsync());
        Assert.Contains("2025年公开承诺事项落实情况", html);
        Assert.Contains("<h2 id=\"plan-" + x.Plan2025 + "\">2025年市中区政务公开工作要点</h2>", html);
        Assert.Contains("href=\"/xxgk\"", html); // breadcrumb back to 政府信息公开
        Assert.Equal(new Dictionary<string, int> { ["total"] = 5, ["done"] = 1, ["progress"] = 1, ["verify"] = 1, ["new"] = 1, ["overdue"] = 1 }, Counts(html));

        Assert.Contains("<caption>（一）财政信息公开</caption>", html);
        Assert.Contains("<h3 class=\"gkcn-section\">一、深化重点领域信息公开</h3>", html);
        Assert.Contains("<caption>二、加强政务公开平台建设</caption>", html);
        Assert.Contains("推进政府债务信息公开；定期公开债务限额和余额", html);
        Assert.Contains($"{x.A.Name}（牵头）、{x.B.Name}", html); // assigned units by name, lead marked
        Assert.Contains("<td data-label=\"责任单位：\">区数据局</td>", html); // nobody resolved: the name as written
        Assert.Contains("<time datetime=\"2025-08-20\">2025年08月20日</time>", html);
        Assert.Contains("ledger-status st-overdue\">逾期</span>", html);
        Assert.Contains("ledger-status st-verify\">待核查</span>", html);
        Assert.Contains("<th scope=\"col\">完成时限</th>", html);

        Assert.DoesNotContain(LedgerFixture.SecretRequirement, html); // IsPublic = false
        Assert.DoesNotContain("2024年的任务", html); // plan not published
        Assert.DoesNotContain("内部进展", html);
        Assert.DoesNotContain("张三", html);
        Assert.DoesNotContain("李四", html);

        // The same page for the year, and in 适老化 mode.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gkcn/2025")).StatusCode);
        var care = f.CreateClient();
        care.DefaultRequestHeaders.Add("Cookie", "zwgk.care=1");
        var careHtml = await care.GetStringAsync("/gkcn/2025");
        Assert.Contains("<body class=\"care\"", careHtml);
        Assert.Contains("gkcn-table", careHtml);

        // Linked from the 政府信息公开 page.
        Assert.Contains("href=\"/gkcn\"", await client.GetStringAsync("/xxgk"));
    }

    [Fact]
    public async Task An_unpublished_year_answers_404_and_statuses_follow_the_clock()
    {
        var client = f.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gkcn/2024")).StatusCode);
        var missing = await client.GetAsync("/gkcn/2019");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("text/html", missing.Content.Headers.ContentType!.MediaType); // the portal's 404 page

        f.Clock.SetChinaDate(new DateOnly(2026, 7, 1)); // past T5's deadline: nobody carries it, so it is overdue
        var later = Decode(await client.GetStringAsync("/gkcn/2025"));
        Assert.Equal(2, Counts(later)["overdue"]);
        Assert.False(Counts(later).ContainsKey("new"));

        // The office withdraws the publication: the year is gone, the bare page says there is nothing.
        await f.WithDbAsync(async db =>
        {
            var plan = await db.WorkPlans.SingleAsync(p => p.Id == x.Plan2025);
            plan.PublishProgress = false;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gkcn/2025")).StatusCode);
        var empty = Decode(await client.GetStringAsync("/gkcn"));
        Assert.Contains("暂无公开的承诺事项", empty);
        Assert.DoesNotContain("推进政府债务信息公开", empty);
    }
}
