using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Decisions;

public sealed record CatalogInput(int Year, string? Title, int? SourceDocumentId);

public sealed record DecisionInput(string? Name, int LeadUnitId, string? LegalBasis, DateOnly? PlannedCompletion, DecisionStatus Status, string? Note);

public sealed record StageInput(bool Applicable, string? NotApplicableReason, DateOnly? DoneOn, int? ConsultationId, int? DocumentId, string? MeetingRecord, string? EvidenceUrl);

/// <summary>Changes to the 重大行政决策事项目录: catalogs, items, stages with evidence, publication. Every change is audited.</summary>
public sealed class DecisionService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private string Actor => FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
    private static ServiceResult Field(string key, string message) => ServiceResult.Invalid(new Dictionary<string, string> { [key] = message });

    public async Task<ServiceResult> CreateCatalogAsync(CatalogInput input, CancellationToken ct = default)
    {
        if (!user.CanManageCatalog()) return ServiceResult.Forbidden("重大行政决策事项目录由政务公开办编制");
        if (input.Year is < 2000 or > 2100) return Field("Year", "年度无效");
        if (await db.DecisionCatalogs.AnyAsync(c => c.Year == input.Year, ct)) return Field("Year", $"{input.Year}年度目录已存在");
        var title = input.Title?.Trim() is { Length: > 0 } t ? t : $"{input.Year}年度重大行政决策事项目录";
        if (title.Length > FieldLengths.Title) return Field("Title", $"标题不能超过{FieldLengths.Title}字");
        if (input.SourceDocumentId is int d && !await db.Documents.AnyAsync(x => x.Id == d, ct)) return Field("SourceDocumentId", "文件不存在");
        var now = clock.GetUtcNow();
        var catalog = new DecisionCatalog { Year = input.Year, Title = title, SourceDocumentId = input.SourceDocumentId, CreatedAt = now, CreatedBy = Actor, UpdatedAt = now };
        db.DecisionCatalogs.Add(catalog);
        await db.SaveChangesAsync(ct);
        audit.Add("decision.catalog.create", "DecisionCatalog", catalog.Id, $"新建{title}");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(catalog.Id);
    }

    public async Task<ServiceResult> PublishCatalogAsync(int catalogId, bool publish, CancellationToken ct = default)
    {
        if (!user.CanSeeDecisions()) return ServiceResult.NotFound();
        var catalog = await db.DecisionCatalogs.FirstOrDefaultAsync(c => c.Id == catalogId, ct);
        if (catalog is null) return ServiceResult.NotFound();
        if (!user.CanPublishCatalog()) return ServiceResult.Forbidden("只有政务公开办或平台管理员可以公开重大行政决策事项目录");
        if (publish && !await db.MajorDecisions.AnyAsync(d => d.CatalogId == catalogId, ct)) return ServiceResult.Conflict("目录中还没有决策事项");
        catalog.IsPublished = publish;
        catalog.PublishedAt = publish ? clock.GetUtcNow() : null;
        catalog.PublishedBy = publish ? Actor : null;
        catalog.UpdatedAt = clock.GetUtcNow();
        audit.Add(publish ? "decision.catalog.publish" : "decision.catalog.unpublish", "DecisionCatalog", catalog.Id, $"{(publish ? "公开" : "撤回公开")}：{catalog.Title}");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(catalog.Id);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(DecisionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = "请填写决策事项名称";
        else if (name.Length > FieldLengths.DecisionName) errors["Name"] = $"名称不能超过{FieldLengths.DecisionName}字";
        if ((input.LegalBasis?.Trim().Length ?? 0) > FieldLengths.LegalBasis) errors["LegalBasis"] = $"决策依据不能超过{FieldLengths.LegalBasis}字";
        if ((input.Note?.Trim().Length ?? 0) > FieldLengths.DecisionNote) errors["Note"] = $"备注不能超过{FieldLengths.DecisionNote}字";
        if (!Enum.IsDefined(input.Status)) errors["Status"] = "状态无效";
        if (!await db.Units.AnyAsync(u => u.Id == input.LeadUnitId && u.IsActive, ct)) errors["LeadUnitId"] = "请选择承办单位";
        return errors;
    }

    private static string? Clean(string? s) => s?.Trim() is { Length: > 0 } v ? v : null;

    public async Task<ServiceResult> AddItemAsync(int catalogId, DecisionInput input, CancellationToken ct = default)
    {
        if (!user.CanSeeDecisions()) return ServiceResult.NotFound();
        var catalog = await db.DecisionCatalogs.FirstOrDefaultAsync(c => c.Id == catalogId, ct);
        if (catalog is null) return ServiceResult.NotFound();
        if (!user.CanManageCatalog()) return ServiceResult.Forbidden("决策事项由政务公开办列入目录");
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        var order = (await db.MajorDecisions.Where(d => d.CatalogId == catalogId).MaxAsync(d => (int?)d.Order, ct) ?? 0) + 1;
        var item = new MajorDecision
        {
            CatalogId = catalogId, Order = order, Name = input.Name!.Trim(), LeadUnitId = input.LeadUnitId, LegalBasis = Clean(input.LegalBasis),
            PlannedCompletion = input.PlannedCompletion, Status = input.Status, Note = Clean(input.Note), UpdatedAt = clock.GetUtcNow(),
            Stages = DecisionProgress.NewStages(),
        };
        db.MajorDecisions.Add(item);
        catalog.UpdatedAt = item.UpdatedAt;
        await db.SaveChangesAsync(ct);
        audit.Add("decision.item.create", "MajorDecision", item.Id, $"列入{catalog.Year}年目录：{item.Name}", unitId: item.LeadUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(item.Id);
    }

    public async Task<ServiceResult> UpdateItemAsync(int itemId, DecisionInput input, CancellationToken ct = default)
    {
        var item = await db.MajorDecisions.FirstOrDefaultAsync(d => d.Id == itemId, ct);
        if (item is null || !user.CanSeeDecisionOf(item.LeadUnitId)) return ServiceResult.NotFound();
        if (!user.CanManageCatalog()) return ServiceResult.Forbidden("决策事项由政务公开办维护");
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        var before = new Dictionary<string, object?> { ["Name"] = item.Name, ["LeadUnitId"] = item.LeadUnitId, ["LegalBasis"] = item.LegalBasis, ["PlannedCompletion"] = item.PlannedCompletion, ["Status"] = item.Status, ["Note"] = item.Note };
        item.Name = input.Name!.Trim(); item.LeadUnitId = input.LeadUnitId; item.LegalBasis = Clean(input.LegalBasis);
        item.PlannedCompletion = input.PlannedCompletion; item.Status = input.Status; item.Note = Clean(input.Note); item.UpdatedAt = clock.GetUtcNow();
        var after = new Dictionary<string, object?> { ["Name"] = item.Name, ["LeadUnitId"] = item.LeadUnitId, ["LegalBasis"] = item.LegalBasis, ["PlannedCompletion"] = item.PlannedCompletion, ["Status"] = item.Status, ["Note"] = item.Note };
        audit.Add("decision.item.update", "MajorDecision", item.Id, $"修改决策事项：{item.Name}", AuditLog.Diff(before, after), unitId: item.LeadUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(item.Id);
    }

    /// <summary>Records one stage: applicability (with the reason when not applicable), the date done, and evidence.</summary>
    public async Task<ServiceResult> UpdateStageAsync(int itemId, DecisionStageKind kind, StageInput input, CancellationToken ct = default)
    {
        var item = await db.MajorDecisions.Include(d => d.Stages).FirstOrDefaultAsync(d => d.Id == itemId, ct);
        if (item is null || !user.CanSeeDecisionOf(item.LeadUnitId)) return ServiceResult.NotFound();
        if (!user.CanRecordStages(item.LeadUnitId)) return ServiceResult.Forbidden("只有承办单位或政务公开办可以登记决策程序");
        if (!Enum.IsDefined(kind)) return ServiceResult.NotFound();
        var errors = new Dictionary<string, string>();
        var reason = Clean(input.NotApplicableReason);
        if (!input.Applicable && reason is null) errors["NotApplicableReason"] = "标为不适用须说明理由";
        if (reason?.Length > FieldLengths.Reason) errors["NotApplicableReason"] = $"理由不能超过{FieldLengths.Reason}字";
        var meeting = Clean(input.MeetingRecord);
        if (meeting?.Length > FieldLengths.MeetingRecord) errors["MeetingRecord"] = $"会议记录不能超过{FieldLengths.MeetingRecord}字";
        var url = Clean(input.EvidenceUrl);
        if (url is not null && (url.Length > FieldLengths.Url || !Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps)))
            errors["EvidenceUrl"] = "链接无效（只接受 http 或 https 网址）";
        if (input.DoneOn is { } done && done > Formats.Today(clock)) errors["DoneOn"] = "完成日期不能晚于今天";
        // Evidence must be something the public can follow once the catalog is published: a published consultation, a public document.
        if (input.ConsultationId is int cid && !await db.Consultations.AnyAsync(c => c.Id == cid && c.State != ConsultationState.Draft, ct))
            errors["ConsultationId"] = "意见征集不存在或尚未发布";
        if (input.DocumentId is int did && !await db.Documents.Where(d => d.Id == did).Where(DocumentVisibility.IsPublic).AnyAsync(ct))
            errors["DocumentId"] = "文件不存在或尚未主动公开发布";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var stage = item.Stages.FirstOrDefault(s => s.Kind == kind);
        if (stage is null) { stage = new DecisionStage { DecisionId = item.Id, Kind = kind }; item.Stages.Add(stage); }
        stage.Applicability = input.Applicable ? StageApplicability.Required : StageApplicability.NotApplicable;
        stage.NotApplicableReason = input.Applicable ? null : reason;
        stage.DoneOn = input.Applicable ? input.DoneOn : null;
        stage.ConsultationId = input.ConsultationId;
        stage.DocumentId = input.DocumentId;
        stage.MeetingRecord = meeting;
        stage.EvidenceUrl = url;
        stage.UpdatedAt = clock.GetUtcNow();
        stage.UpdatedBy = Actor;
        item.UpdatedAt = stage.UpdatedAt.Value;
        var label = DecisionProgress.Label(kind);
        var flags = DecisionProgress.Analyse(item.Stages).Flags;
        audit.Add("decision.stage", "MajorDecision", item.Id,
            $"{item.Name}｜{label}：{(input.Applicable ? input.DoneOn is { } d2 ? "完成于" + Formats.IsoDate(d2) : "未完成" : "不适用（" + reason + "）")}{(flags.Count > 0 ? "；提示：" + string.Join("；", flags) : "")}",
            unitId: item.LeadUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(item.Id);
    }
}
