using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>
/// 依申请公开转主动公开: applications received in a period, grouped by topic and unit with their outcomes, and clusters of
/// applications for the same information flagged as candidates for proactive disclosure (条例第四十四条: where several
/// applicants ask the same agency for the same disclosable information, it may be brought into proactive disclosure).
/// The 公开办 sees every unit; a unit sees its own (<see cref="RequestAccess.Scope"/>).
/// </summary>
public sealed class RequestAnalysisService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>Longest period analysed at once (the similarity compares applications pairwise within a unit).</summary>
    public const int MaxDays = 3 * 366;
    /// <summary>Applications to the same information that make a candidate: from at least two applicants (条例第四十四条) …</summary>
    public const int MinApplicants = 2;
    /// <summary>… or this many from anyone (one applicant asking again and again shows the information is wanted).</summary>
    public const int MinApplications = 3;
    public const int MaxLinkCases = 200;

    public async Task<(string? Error, AnalysisReport? Report)> AnalyseAsync(DateOnly from, DateOnly to, int? unit, CancellationToken ct = default)
    {
        if (!user.CanWork()) return ("没有权限", null);
        if (to < from) return ("结束日期不能早于开始日期", null);
        if (to.DayNumber - from.DayNumber > MaxDays) return ("统计期间不能超过三年", null);
        // Applications count from the day they were received (条例第三十一条); unconfirmed online submissions are not received yet.
        var q = user.Scope(db.InformationRequests.AsNoTracking()).Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        if (unit is int u) q = q.Where(r => r.UnitId == u);
        var rows = await q.Select(r => new
        {
            r.Id, r.CaseNumber, r.UnitId, r.State, r.Outcome, r.Topic, r.InformationTitle, r.Description, r.DocumentNumber, r.ReceivedOn,
            r.ApplicantKey, r.PublishedDocumentId,
        }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        var withTopic = rows.Select(r => (r, topic: RequestTopics.Of(r.Topic, r.InformationTitle, r.Description, out var inferred), inferred)).ToList();
        var byTopic = withTopic.GroupBy(x => x.topic)
            .Select(g => Row(g.Key, g.Select(x => (x.r.State, x.r.Outcome)).ToList(), g.Count(x => x.inferred)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        var byUnit = rows.GroupBy(r => r.UnitId)
            .Select(g => Row(units.GetValueOrDefault(g.Key, ""), g.Select(x => (x.State, x.Outcome)).ToList(), 0) with { UnitId = g.Key })
            .OrderByDescending(x => x.Total).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();

        var byId = rows.ToDictionary(r => r.Id);
        var clusters = RequestSimilarity.Cluster(rows.Select(r => new SimilarityItem(r.Id, r.UnitId, r.InformationTitle, r.Description, r.DocumentNumber)).ToList());
        var docIds = rows.Where(r => r.PublishedDocumentId is not null).Select(r => r.PublishedDocumentId!.Value).Distinct().ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.DocumentNumber }).ToDictionaryAsync(d => d.Id, ct);
        var candidates = new List<RepeatedCluster>();
        foreach (var ids in clusters)
        {
            var members = ids.Select(i => byId[i]).ToList();
            var applicants = members.Select(m => m.ApplicantKey).Distinct().Count();
            if (applicants < MinApplicants && members.Count < MinApplications) continue;
            var numbers = members.Select(m => RequestSimilarity.NumberKey(m.DocumentNumber)).ToList();
            var matchedBy = numbers.All(n => n is not null) && numbers.Distinct().Count() == 1 ? "相同文号" : numbers.Any(n => n is not null) && numbers.Where(n => n is not null).GroupBy(n => n).Any(g => g.Count() > 1) ? "相同文号、内容相似" : "内容相似";
            var linked = members.Where(m => m.PublishedDocumentId is not null).Select(m => m.PublishedDocumentId!.Value).Distinct().ToList();
            PublishedLink? published = null;
            if (linked.Count == 1 && docs.TryGetValue(linked[0], out var doc)) published = new PublishedLink(doc.Id, doc.Title, doc.DocumentNumber, $"/doc/{doc.Id}");
            candidates.Add(new RepeatedCluster(ids[0], members[0].UnitId, units.GetValueOrDefault(members[0].UnitId, ""),
                applicants >= MinApplicants ? $"{applicants}个申请人申请相同政府信息（条例第四十四条）" : $"同一申请人反复申请{members.Count}次",
                members.Count, applicants, matchedBy,
                members.OrderBy(m => m.ReceivedOn).ThenBy(m => m.Id).Select(m => new ClusterCase(m.Id, m.CaseNumber, m.InformationTitle, m.DocumentNumber,
                    units.GetValueOrDefault(m.UnitId, ""), Formats.IsoDate(m.ReceivedOn), m.State.Label(), m.Outcome?.Group().ShortLabel(), m.PublishedDocumentId)).ToList(),
                published, published is not null && members.Any(m => m.PublishedDocumentId != published.Id)));
        }
        // Not yet published first, then by size.
        candidates = candidates.OrderBy(c => c.Published is not null && !c.PartlyLinked).ThenByDescending(c => c.Applications).ThenBy(c => c.Key).ToList();
        return (null, new AnalysisReport(Formats.IsoDate(from), Formats.IsoDate(to), unit, rows.Count, byTopic, byUnit, candidates, RequestSimilarity.Threshold));
    }

    private static AnalysisRow Row(string label, IReadOnlyList<(RequestState State, Outcome? Outcome)> cases, int inferred)
    {
        var closed = cases.Where(c => c.State is RequestState.Replied or RequestState.Archived && c.Outcome is not null).ToList();
        var mix = Enum.GetValues<OutcomeGroup>().Select(g => new OutcomeCount(g.ShortLabel(), closed.Count(c => c.Outcome!.Value.Group() == g))).ToList();
        return new AnalysisRow(label, cases.Count, cases.Count - closed.Count, mix, inferred);
    }

    /// <summary>
    /// Links the cases of a cluster to the document that now publishes the information proactively. Every case must be one
    /// the user may act on (others answer as missing); the document must be published, 主动公开 and visible to the user.
    /// </summary>
    public async Task<(ServiceResult Result, ProactiveLinkResponse? Response)> LinkAsync(ProactiveLinkRequest input, CancellationToken ct = default)
    {
        if (!user.CanWork()) return (ServiceResult.Forbidden(), null);
        var ids = (input.RequestIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return (ServiceResult.Invalid(new Dictionary<string, string> { ["RequestIds"] = "请选择要关联的申请" }), null);
        if (ids.Count > MaxLinkCases) return (ServiceResult.Invalid(new Dictionary<string, string> { ["RequestIds"] = $"一次最多关联{MaxLinkCases}件申请" }), null);
        var cases = await user.Scope(db.InformationRequests).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (cases.Count != ids.Count) return (ServiceResult.NotFound(), null);
        if (cases.Any(r => !user.CanAct(r))) return (ServiceResult.Forbidden("只有承办单位的依申请公开人员或公开办可以关联主动公开的文件"), null);

        var text = (input.Document ?? "").Trim();
        if (text.Length == 0) return (ServiceResult.Invalid(new Dictionary<string, string> { ["Document"] = "请填写已主动公开文件的编号或文号" }), null);
        if (text.Length > FieldLengths.DocumentNumber) text = text[..FieldLengths.DocumentNumber];
        var visible = db.Documents.AsNoTracking().VisibleTo(user).Where(DocumentVisibility.IsPublic);
        List<Document> found;
        if (int.TryParse(text, out var docId)) found = await visible.Where(d => d.Id == docId).ToListAsync(ct);
        else
        {
            var number = DocumentNumber.Normalize(text) is { IsValid: true, Value: { } v } ? v : text;
            found = await visible.Where(d => d.DocumentNumber == number || d.DocumentNumber == text).Take(5).ToListAsync(ct);
        }
        if (found.Count == 0) return (ServiceResult.Invalid(new Dictionary<string, string> { ["Document"] = "未找到已发布的主动公开文件（请填写文件编号或完整文号）" }), null);
        if (found.Count > 1) return (ServiceResult.Invalid(new Dictionary<string, string> { ["Document"] = "该文号对应多个文件，请填写文件编号" }), null);
        var doc = found[0];

        var now = clock.GetUtcNow();
        foreach (var r in cases)
        {
            var before = r.PublishedDocumentId;
            r.PublishedDocumentId = doc.Id;
            r.UpdatedAt = now;
            db.RequestEvents.Add(new RequestEvent { RequestId = r.Id, At = now, Kind = RequestEventKind.Note, ActorName = FieldLengths.Clip(user.UserName ?? "", FieldLengths.PersonName),
                ActorUserId = user.UserId, Note = FieldLengths.Clip($"所申请信息已主动公开：{doc.Title}", FieldLengths.ReviewComment) });
            audit.Add("request.proactive.link", RequestService.EntityType, r.Id, $"{r.CaseNumber} 依申请公开转主动公开，关联文件“{doc.Title}”（{doc.DocumentNumber ?? "编号 " + doc.Id}）",
                new Dictionary<string, (object? From, object? To)> { ["主动公开文件"] = (before, doc.Id) }, unitId: r.UnitId);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return (ServiceResult.Conflict("申请已被他人修改，请刷新后重试"), null); }
        return (ServiceResult.Success(doc.Id), new ProactiveLinkResponse(new PublishedLink(doc.Id, doc.Title, doc.DocumentNumber, $"/doc/{doc.Id}"), ids.Order().ToList()));
    }
}
