using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Ledger;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Ledger;

/// <summary>
/// 工作要点落实情况 in the annual report (seed 001): the text from the ledger's derived statuses on the injected clock, for the
/// district and for a unit, and the report page's button that inserts it into 一、总体情况 as a replaceable block.
/// </summary>
public sealed partial class LedgerSummaryTests : IAsyncLifetime
{
    private ZwgkFactory f = null!;
    private LedgerFixture x = null!;

    public async ValueTask InitializeAsync()
    {
        f = new ZwgkFactory();
        _ = f.Server; // clock: 2026-03-02, the 2025 reports are being written
        x = await LedgerFixture.SeedAsync(f);
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private Task<string> ComposeAsync(int? unitId) =>
        f.WithScopeAsync(sp => sp.GetRequiredService<LedgerReportSummary>().ComposeAsync(2025, unitId));

    [Fact]
    public async Task The_district_and_unit_texts_count_the_derived_statuses_on_the_clock()
    {
        Assert.Equal(
            "2025年政务公开工作要点共分解任务6项，已完成1项、推进中1项、待核查1项、未开始2项、逾期1项（完成率16.7%）。\n" +
            "“一、深化重点领域信息公开”方面，共3项，已完成1项、推进中1项、逾期1项。\n" +
            "“二、加强政务公开平台建设”方面，共3项，待核查1项、未开始2项。\n" +
            $"“推进政府债务信息公开”（{x.B.Name}）尚未完成，正在督促整改。",
            await ComposeAsync(null));

        // Unit A: its own part (T2 is overdue for the task, but A's part was verified).
        Assert.Equal(
            $"2025年政务公开工作要点中，{x.A.Name}承担任务3项，已完成2项、推进中0项、待核查1项、逾期0项（完成率66.7%）。\n" +
            "“一、深化重点领域信息公开”方面，共2项，已完成2项。\n" +
            "“二、加强政务公开平台建设”方面，共1项，待核查1项。\n" +
            "承担的任务：1.做好预算决算公开（已完成）；2.推进政府债务信息公开（已完成）；3.优化政府网站政务公开专栏（待核查）。",
            await ComposeAsync(x.A.Id));

        // Unit B: the non-public task is counted, not quoted.
        var b = await ComposeAsync(x.B.Id);
        Assert.StartsWith($"2025年政务公开工作要点中，{x.B.Name}承担任务3项，已完成0项、推进中1项、待核查0项、未开始1项、逾期1项（完成率0%）。", b);
        Assert.Contains("承担的任务：1.推进政府债务信息公开（逾期）；2.持续做好政策解读工作（推进中）。另有1项不公开的任务未列出。", b);
        Assert.DoesNotContain(LedgerFixture.SecretRequirement, b);

        // After T5's deadline the unresolved task is overdue too, named by the units as written.
        f.Clock.SetChinaDate(new DateOnly(2026, 7, 1));
        var later = await ComposeAsync(null);
        Assert.StartsWith("2025年政务公开工作要点共分解任务6项，已完成1项、推进中1项、待核查1项、未开始1项、逾期2项（完成率16.7%）。", later);
        Assert.EndsWith("“建设政务数据开放平台”（区数据局）尚未完成，正在督促整改。", later);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<textarea[^>]*name=\"Input.Overview\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex OverviewPattern();

    private static string Overview(string html) => WebUtility.HtmlDecode(OverviewPattern().Match(html).Groups[1].Value).TrimStart('\r', '\n');

    private async Task<int> OpenReportAsync(HttpClient client, int? unitId)
    {
        var resp = await PostFormAsync(client, "/admin/reports/annual", null, [new("UnitId", unitId?.ToString() ?? ""), new("NewYear", "2025")]);
        Assert.True(resp.StatusCode == HttpStatusCode.Redirect, $"{(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        return int.Parse(resp.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string overview) =>
        [new("Input.Overview", overview), new("Input.Problems", "无。"), new("Input.OtherMatters", "无。"), new("Input.Licensing", "1"),
         new("Input.Penalties", "0"), new("Input.Coercion", "0"), new("Input.FeesAmount", "0")];

    [Fact]
    public async Task The_report_page_inserts_the_summary_into_the_overview_replaces_it_on_reinsertion_and_hides_the_markers_when_printed()
    {
        var office = await f.LoginAsync(x.A.Id, Roles.OpennessOffice);
        var id = await OpenReportAsync(office, null);
        var url = $"/admin/reports/annual/{id}";
        Assert.Contains("id=\"insert-ledger-summary\"", await office.GetStringAsync(url));

        // Inserted into what the editor typed (unsaved), shown again for review; nothing is saved yet.
        var inserted = await PostFormAsync(office, url, "LedgerSummary", Form("2025年，本区认真贯彻落实条例。"));
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);
        var html = await inserted.Content.ReadAsStringAsync();
        var overview = Overview(html);
        Assert.StartsWith($"2025年，本区认真贯彻落实条例。\n{LedgerSummary.BlockStart}\n2025年政务公开工作要点共分解任务6项", overview.Replace("\r\n", "\n"));
        Assert.EndsWith(LedgerSummary.BlockEnd, overview.TrimEnd());
        Assert.Contains("id=\"ledger-summary-notice\"", html);
        await f.WithDbAsync(async db => Assert.Null((await db.AnnualReports.SingleAsync(r => r.Id == id)).Overview));

        // The editor changes the generated text and saves; a later insertion (statuses moved on) replaces only the block.
        var edited = overview.Replace("正在督促整改", "已约谈督促") + "\n全年主动公开政府信息120条。";
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(office, url, null, Form(edited))).StatusCode);
        await f.WithDbAsync(async db =>
        {
            var a = await db.LedgerAssignments.SingleAsync(a => a.TaskId == x.Tasks["T4"]);
            a.VerifiedAt = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        var saved = Overview(await office.GetStringAsync(url));
        var again = Overview(await (await PostFormAsync(office, url, "LedgerSummary", Form(saved))).Content.ReadAsStringAsync()).Replace("\r\n", "\n");
        Assert.Single(Regex.Matches(again, Regex.Escape(LedgerSummary.BlockStart)));
        Assert.Contains("已完成2项、推进中1项、待核查0项、未开始2项、逾期1项（完成率33.3%）", again);
        Assert.DoesNotContain("已约谈督促", again);
        Assert.StartsWith("2025年，本区认真贯彻落实条例。\n", again);
        Assert.EndsWith($"{LedgerSummary.BlockEnd}\n全年主动公开政府信息120条。", again);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(office, url, null, Form(again))).StatusCode);

        // Printed (and published) without the marker lines.
        var print = WebUtility.HtmlDecode(await office.GetStringAsync($"{url}/print"));
        Assert.Contains("<p>2025年政务公开工作要点共分解任务6项，已完成2项", print);
        Assert.DoesNotContain(LedgerSummary.BlockStart, print);
        Assert.DoesNotContain(LedgerSummary.BlockEnd, print);
    }

    [Fact]
    public async Task Only_those_who_may_write_the_report_get_the_button_and_a_unit_gets_its_own_tasks()
    {
        var adminB = await f.LoginAsync(x.B.Id, Roles.UnitAdmin);
        var id = await OpenReportAsync(adminB, x.B.Id);
        var url = $"/admin/reports/annual/{id}";
        var own = Overview(await (await PostFormAsync(adminB, url, "LedgerSummary", Form(""))).Content.ReadAsStringAsync());
        Assert.Contains($"{x.B.Name}承担任务3项", own);
        Assert.DoesNotContain("做好预算决算公开", own); // A's task

        var reviewerB = await f.LoginAsync(x.B.Id, Roles.Reviewer);
        var page = await reviewerB.GetStringAsync(url);
        Assert.DoesNotContain("id=\"insert-ledger-summary\"", page);
        var refused = await PostFormAsync(reviewerB, url, "LedgerSummary", Form("试图插入"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("denied", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        // Another unit's report answers like a missing one (a valid antiforgery token from C's own page).
        var adminC = await f.LoginAsync(x.C.Id, Roles.UnitAdmin);
        var token = TokenPattern().Match(await adminC.GetStringAsync("/admin/reports/annual"));
        Assert.True(token.Success);
        var hidden = await adminC.PostAsync($"{url}?handler=LedgerSummary",
            new FormUrlEncodedContent(Form("x").Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)))));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
