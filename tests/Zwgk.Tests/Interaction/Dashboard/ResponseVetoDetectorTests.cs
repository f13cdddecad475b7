using System.Net;
using System.Text.Json;
using Zwgk.Tests.Interaction.Messages;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Dashboard;

/// <summary>
/// The 3-month veto detector on a moving clock: which website messages count (not 12345, not 找错, not rejected), at risk in
/// the last 15 days, vetoed the day after the 3 months, cleared by a reply, and remembered as a late answer; unit scoping.
/// </summary>
public sealed class ResponseVetoDetectorTests : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private MessageDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory();
        _f.Clock.SetChinaDate(new DateOnly(2026, 3, 2));
        _d = await MessageDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private async Task<JsonElement> VetoAsync(HttpClient c) => await MessageDesk.JsonAsync(await c.GetAsync("/api/v1/admin/interaction/veto"));

    private static int[] Ids(JsonElement report, string state) =>
        report.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("state").GetString() == state).Select(i => i.GetProperty("id").GetInt32()).Order().ToArray();

    [Fact]
    public async Task Flags_website_inquiries_unanswered_for_three_months_and_clears_them_on_reply()
    {
        var web = await _d.RegisterAsync("2026-03-02", channel: "网站", unit: _d.A.Code);
        var answeredLate = await _d.RegisterAsync("2026-03-02", channel: "网站", type: "建言", unit: _d.A.Code, title: "建议增设公交站", content: "建议在和平路增设公交站");
        var onB = await _d.RegisterAsync("2026-03-02", channel: "网站", unit: _d.B.Code, title: "学位咨询", content: "请问学区如何划分");
        var hotline = await _d.RegisterAsync("2026-03-02", channel: "12345热线", unit: _d.A.Code, title: "热线转来", content: "热线转来的咨询");
        var siteError = await _d.RegisterAsync("2026-03-02", channel: "网站", type: "找错", title: "错别字", content: "首页有错别字");
        var rejected = await _d.RegisterAsync("2026-03-02", channel: "网站", unit: _d.A.Code, title: "广告", content: "无关内容");
        await _d.OkAsync(rejected.Id, "reject", new { text = "与政务无关的广告内容" });

        // 15 May: more than 15 days before the 3 months end (2 June), nothing yet.
        await _d.TodayAsync("2026-05-15");
        Assert.Empty((await VetoAsync(_d.Office)).GetProperty("items").EnumerateArray());

        // 20 May: within 15 days of the end of the 3 months (2 June).
        await _d.TodayAsync("2026-05-20");
        var report = await VetoAsync(_d.Office);
        Assert.Equal([web.Id, answeredLate.Id, onB.Id], Ids(report, "AtRisk"));
        Assert.Equal(0, report.GetProperty("vetoed").GetInt32());

        // 2 June is the last day; 3 June the veto applies.
        await _d.TodayAsync("2026-06-02");
        Assert.Empty(Ids(await VetoAsync(_d.Office), "Vetoed"));
        await _d.TodayAsync("2026-06-03");
        report = await VetoAsync(_d.Office);
        Assert.Equal([web.Id, answeredLate.Id, onB.Id], Ids(report, "Vetoed"));
        Assert.Equal(3, report.GetProperty("vetoed").GetInt32());
        Assert.DoesNotContain(report.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() is var id && (id == hotline.Id || id == siteError.Id || id == rejected.Id));
        Assert.Equal(1, report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == web.Id).GetProperty("daysOver").GetInt32());

        // However old an unanswered message gets, it stays a finding (the oldest are the worst).
        await _d.TodayAsync("2027-09-01");
        Assert.Equal([web.Id, answeredLate.Id, onB.Id], Ids(await VetoAsync(_d.Office), "Vetoed"));
        await _d.TodayAsync("2026-06-03");

        // A unit sees its own findings only; B's message is not among A's.
        Assert.Equal([web.Id, answeredLate.Id], Ids(await VetoAsync(_d.OfficerA), "Vetoed"));

        // Answering clears the veto, but the late answer stays visible for the inspection's sampling period.
        await _d.OkAsync(answeredLate.Id, "reply", new { text = "已转交公交公司研究。" }, _d.OfficerA);
        await _d.OkAsync(answeredLate.Id, "reply/approve", null, _d.AdminA);
        report = await VetoAsync(_d.Office);
        Assert.Equal([web.Id, onB.Id], Ids(report, "Vetoed"));
        Assert.Equal([answeredLate.Id], Ids(report, "AnsweredLate"));

        // The dashboard page says the same to the office, without personal data.
        var page = await _d.Office.GetStringAsync("/admin/interaction");
        Assert.Contains("已超过3个月未回应", page);
        Assert.Contains("未回应，已超期1天", page);
        Assert.DoesNotContain("张三丰", page);
        Assert.DoesNotContain("13812345678", page);
        // Without a messages role the API answers as missing, and the overview leaves the message figures out.
        var editor = await _f.LoginAsync(await _f.CreateUserAsync(_d.A.Id, Zwgk.Domain.Security.Roles.Editor));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/v1/admin/interaction/veto")).StatusCode);
        var editorPage = await editor.GetStringAsync("/admin/interaction");
        Assert.DoesNotContain("已超过3个月未回应", editorPage);
        Assert.Contains("意见征集", editorPage);
    }
}
