using System.Net;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Security;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Consultations;

public abstract class DecisionCatalogTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ZwgkFactory _f = new(provider);
    private ConsultationDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _ = _f.Server;
        _d = await ConsultationDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static async Task<string> PageAsync(HttpClient c, string url) => WebUtility.HtmlDecode(await c.GetStringAsync(url));

    private static async Task<(HttpStatusCode, string)> PostAsync(HttpClient c, string url, params (string, string)[] fields)
    {
        var r = await Forms.PostAsync(c, "/admin/account/password", url, fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        if (r.StatusCode != HttpStatusCode.Redirect) return (r.StatusCode, await r.Content.ReadAsStringAsync());
        return (r.StatusCode, WebUtility.HtmlDecode(await c.GetStringAsync(r.Headers.Location)));
    }

    private async Task<(int Catalog, int Item)> CatalogWithItemAsync(HttpClient office)
    {
        var (_, page) = await PostAsync(office, "/admin/decisions", ("year", "2026"), ("title", ""));
        Assert.Contains("已新建目录", page);
        var catalog = await _d.DbAsync(db => db.DecisionCatalogs.Where(c => c.Year == 2026).Select(c => c.Id).SingleAsync());
        (_, page) = await PostAsync(office, $"/admin/decisions/{catalog}?handler=Add", ("name", "老旧小区改造三年行动计划"), ("leadUnitId", _d.A.Id.ToString()), ("legalBasis", "《重大行政决策程序暂行条例》"));
        Assert.Contains("已列入目录", page);
        var item = await _d.DbAsync(db => db.MajorDecisions.Where(d => d.CatalogId == catalog).Select(d => d.Id).SingleAsync());
        Assert.Equal(7, await _d.DbAsync(db => db.DecisionStages.CountAsync(s => s.DecisionId == item)));
        return (catalog, item);
    }

    [Fact]
    public async Task Stage_order_is_checked_collective_discussion_before_legality_review_and_publication_before_required_stages_are_flagged()
    {
        var office = await _d.OfficeAsync();
        var (_, item) = await CatalogWithItemAsync(office);
        var unitA = await _f.LoginAsync(_d.A.Id, Roles.Editor);
        var day = _d.Today.AddDays(-10);
        var (_, page) = await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "CollectiveDiscussion"), ("applicable", "true"),
            ("doneOn", day.ToString("yyyy-MM-dd")), ("meetingRecord", "区政府第5次常务会议"));
        Assert.Contains("已保存：集体讨论决定", page);
        Assert.Contains("集体讨论决定已完成，但合法性审查尚未完成", page);

        (_, page) = await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "LegalityReview"), ("applicable", "true"),
            ("doneOn", day.AddDays(2).ToString("yyyy-MM-dd")), ("meetingRecord", "司法局合法性审查意见书"));
        Assert.Contains("集体讨论决定早于合法性审查", page);

        (_, page) = await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "Publication"), ("applicable", "true"),
            ("doneOn", day.AddDays(3).ToString("yyyy-MM-dd")), ("evidenceUrl", "https://www.example.gov.cn/zcwj/1.html"));
        Assert.Contains("决策已公布，但以下必经程序尚未完成：公众参与、专家论证、风险评估", page);

        // 不适用 needs a reason; a draft consultation cannot be evidence.
        (_, page) = await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "RiskAssessment"), ("applicable", "false"));
        Assert.Contains("标为不适用须说明理由", page);
        var draft = await _d.SeedAsync("草稿征集", _d.Today, _d.Today.AddDays(30), ConsultationState.Draft);
        (_, page) = await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "PublicParticipation"), ("applicable", "true"), ("consultationId", draft.ToString()));
        Assert.Contains("意见征集不存在或尚未发布", page);

        // Another unit's staff: the item answers as missing.
        var unitB = await _f.LoginAsync(_d.B.Id, Roles.UnitAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await unitB.GetAsync($"/admin/decisions/items/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(unitB, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "ExpertReview"), ("applicable", "true"))).Item1);
        Assert.True(await _d.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "decision.stage")) >= 3);
    }

    [Fact]
    public async Task Only_the_office_or_platform_admin_publishes_the_catalog_and_the_public_sees_stages_with_evidence()
    {
        var office = await _d.OfficeAsync();
        var (catalog, item) = await CatalogWithItemAsync(office);
        var consultation = await _d.SeedAsync("老旧小区改造三年行动计划（征求意见稿）", _d.Today.AddDays(-40), _d.Today.AddDays(-10));
        var unitA = await _f.LoginAsync(_d.A.Id, Roles.UnitAdmin);
        await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "PublicParticipation"), ("applicable", "true"),
            ("doneOn", _d.Today.AddDays(-10).ToString("yyyy-MM-dd")), ("consultationId", consultation.ToString()));
        await PostAsync(unitA, $"/admin/decisions/items/{item}?handler=Stage", ("kind", "RiskAssessment"), ("applicable", "false"), ("notApplicableReason", "不涉及社会稳定风险"));

        var anonymous = _d.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/zdjc/2026")).StatusCode);
        var (_, refused) = await PostAsync(unitA, $"/admin/decisions/{catalog}?handler=Publish", ("publish", "true"));
        Assert.Contains("只有政务公开办或平台管理员可以公开重大行政决策事项目录", refused);
        Assert.False(await _d.DbAsync(db => db.DecisionCatalogs.Where(c => c.Id == catalog).Select(c => c.IsPublished).SingleAsync()));

        var (_, published) = await PostAsync(office, $"/admin/decisions/{catalog}?handler=Publish", ("publish", "true"));
        Assert.Contains("目录已在网站公开", published);
        var page = await PageAsync(anonymous, "/zdjc");
        Assert.Contains("老旧小区改造三年行动计划", page);
        Assert.Contains(_d.A.Name, page);
        Assert.Contains($"href=\"/hdjl/yjzj/{consultation}\"", page);
        Assert.Contains("不涉及社会稳定风险", page);
        Assert.Contains("合法性审查", page);

        var platform = await _f.LoginAsync(_d.Office.Id, Roles.PlatformAdmin);
        var (_, withdrawn) = await PostAsync(platform, $"/admin/decisions/{catalog}?handler=Publish", ("publish", "false"));
        Assert.Contains("已撤回公开", withdrawn);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/zdjc/2026")).StatusCode);
        Assert.Equal(2, await _d.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("decision.catalog.") && a.Action != "decision.catalog.create")));
    }
}

public sealed class SqliteDecisionCatalogTests() : DecisionCatalogTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDecisionCatalogTests() : DecisionCatalogTests(DatabaseProvider.Postgres);
