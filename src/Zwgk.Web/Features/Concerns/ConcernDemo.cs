using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Concerns;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Concerns;

/// <summary>
/// Three concerns for the demo site, dated back from the moment it starts: a general one answered on the website (no link:
/// the demo library holds no document that answers it, and a made-up link would mislead), a major one with authoritative information and a press conference — both
/// public and closed — and an internal one still waiting, close to its 48 hours, so the admin home shows a reminder.
/// Idempotent: nothing is added once any concern exists.
/// </summary>
public static class ConcernDemo
{
    private const string By = "演示数据";

    public static async Task LoadAsync(IServiceProvider sp, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (await db.PublicConcerns.AnyAsync(ct)) return;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        if (units.Count == 0) return;
        int Unit(string code) => units.TryGetValue(code, out var id) ? id : units.Values.Min();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = Shared.Formats.Today(sp.GetRequiredService<TimeProvider>());
        // China office hours some days back, stored in UTC (PostgreSQL timestamptz takes no other offset).
        DateTimeOffset Cn(int daysAgo, int hour, int minute = 0) =>
            new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute)), Shared.Formats.ChinaOffset).ToUniversalTime();

        PublicConcern Concern(ConcernSource source, ConcernLevel level, string unit, string field, string topic, string summary, DateTimeOffset found, bool isPublic) => new()
        {
            Source = source, Level = level, UnitId = Unit(unit), Field = field, Topic = topic, Summary = summary, DiscoveredAt = found,
            RegisteredAt = found.AddMinutes(30), RegisteredBy = By, IsPublic = isPublic, UpdatedAt = now,
        };
        ConcernResponse Response(DateTimeOffset at, ResponseMethod method, string summary, string? publisher, int? documentId = null, string? url = null) => new()
        {
            RespondedAt = at, Method = method, Summary = summary, Publisher = publisher, DocumentId = documentId, Url = url, RecordedAt = at.AddMinutes(20), RecordedBy = By,
        };

        var market = Concern(ConcernSource.NetizenMessage, ConcernLevel.General, "SZSJJ", "市场监管", "部分超市标价与结算价格不一致",
            "多名网民反映辖区部分超市货架标价与收银结算价格不一致，希望加强价格监督检查。", Cn(9, 10, 20), true);
        market.Responses.Add(Response(Cn(8, 16), ResponseMethod.Website,
            "区市场监管局已对反映的超市开展明码标价专项检查，责令整改标价不一致问题，并公布价格投诉举报渠道。", "区市场监管局"));
        market.ClosedAt = Cn(6, 17); market.ClosedBy = By; market.ClosingNote = "已检查整改并回应，群众反映问题已解决。";

        var housing = Concern(ConcernSource.MediaReport, ConcernLevel.Major, "SZZJJ", "房地产市场", "某在建住宅项目停工引发购房人关切",
            "媒体报道辖区某在建住宅项目停工，购房人担心不能按期交房，关注政府处置措施。", Cn(6, 7, 40), true);
        housing.Responses.Add(Response(Cn(6, 10, 30), ResponseMethod.AuthoritativeInfo,
            "区住房城乡建设局发布情况通报：已成立工作专班进驻项目，督促企业尽快复工，预售资金监管账户运行正常。", "区住房城乡建设局"));
        housing.Responses.Add(Response(Cn(6, 16), ResponseMethod.PressConference,
            "区政府新闻办举行新闻发布会，通报项目复工安排、交房时间和购房人咨询渠道，并回答记者提问。", "区政府新闻发言人"));
        housing.ClosedAt = Cn(2, 17); housing.ClosedBy = By; housing.ClosingNote = "项目已复工，后续进展在回应关切栏目持续发布。";

        var hardship = Concern(ConcernSource.Hotline12345, ConcernLevel.General, "SZMZJ", "困难群众生活", "低保家庭冬季取暖补贴发放时间",
            "12345热线集中反映部分低保家庭尚未收到今冬取暖补贴，询问发放时间和标准。",
            // 38 of its 48 hours gone whenever the demo starts: 即将超时 on the admin home.
            new DateTimeOffset(now.UtcDateTime.AddHours(-38).Date.AddHours(now.UtcDateTime.AddHours(-38).Hour), TimeSpan.Zero), false);

        db.PublicConcerns.AddRange(market, housing, hardship);
        await db.SaveChangesAsync(ct);
    }
}
