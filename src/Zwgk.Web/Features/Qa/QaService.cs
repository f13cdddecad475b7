using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Qa;

/// <summary>An entry as the form and the API give it (text as typed). ReviewOn is YYYY-MM-DD or empty for the default.</summary>
public sealed class QaInput
{
    public string? Question { get; set; }
    public string? Alternatives { get; set; }
    public string? Answer { get; set; }
    public int? UnitId { get; set; }
    public string? Topic { get; set; }
    public string? Basis { get; set; }
    public int? BasisDocumentId { get; set; }
    public string? BasisClause { get; set; }
    public string? ReviewOn { get; set; }
    /// <summary>The version the editor loaded (updates only): a save over someone else's change answers 409.</summary>
    public int? Version { get; set; }
}

/// <summary>
/// Every change to an entry: scope (outside it is "not found"), role, the review workflow (writer ≠ approver), audit in the
/// same save, Version as the concurrency token (409), and the portal cache dropped when a public page may change.
/// </summary>
public sealed class QaService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, IOptions<QaOptions> options, IOutputCacheStore cache)
{
    public const string EntityType = "QaItem";
    public DateOnly Today => Formats.Today(clock);
    private string Actor => FieldLengths.Clip(user.UserName ?? "工作人员", FieldLengths.PersonName);

    public async Task<ServiceResult> CreateAsync(QaInput input, CancellationToken ct = default)
    {
        if (!user.CanWorkQa() || !user.CanWriteAny()) return ServiceResult.Forbidden("只有公开办、单位编辑或单位管理员可以新建问答");
        var now = clock.GetUtcNow();
        var q = new QaItem { CreatedAt = now, UpdatedAt = now, CreatedBy = Actor, CreatedByUserId = user.UserId };
        // A unit's staff write for their own unit; the 公开办 chooses.
        if (!user.SpansAllUnits) input.UnitId = user.UnitId;
        var errors = await ApplyAsync(q, input, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        db.QaItems.Add(q);
        await db.SaveChangesAsync(ct);
        audit.Add("qa.create", EntityType, q.Id, $"新建政策问答 #{q.Id}：{q.Question}", unitId: q.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(q.Id);
    }

    public async Task<ServiceResult> UpdateAsync(int id, QaInput input, CancellationToken ct = default)
    {
        var q = await LoadAsync(id, ct);
        if (q is null) return ServiceResult.NotFound();
        var live = q.Status == QaStatus.Published;
        // Changing a live answer skips review: only those who could approve it may.
        if (live ? !user.CanApprove(q) : !user.CanWrite(q)) return ServiceResult.Forbidden(live ? "已发布的问答只能由公开办或本单位审核人员修改" : "没有权限修改此问答");
        if (q.Status == QaStatus.InReview) return ServiceResult.Invalid("问答正在审核中，请等待审核结果或由审核人退回后再修改");
        if (input.Version is { } v && v != q.Version) return ServiceResult.Conflict("问答已被他人修改，请刷新后重试");
        if (!user.SpansAllUnits) input.UnitId = q.UnitId;
        var before = Snapshot(q);
        var errors = await ApplyAsync(q, input, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        if (live) q.ConfirmedAt = clock.GetUtcNow();
        // A withdrawn entry that is edited is a new answer: it goes back through submit and review (writer ≠ approver)
        // before "publish again" can put it back on the portal.
        if (q.Status == QaStatus.Withdrawn) q.Status = QaStatus.Draft;
        q.UpdatedAt = clock.GetUtcNow();
        audit.Add("qa.update", EntityType, q.Id, $"修改政策问答 #{q.Id}：{q.Question}", AuditLog.Diff(before, Snapshot(q)), q.UnitId);
        return await SaveOnceAsync(q, live, ct);
    }

    public Task<ServiceResult> SubmitAsync(int id, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Write, q =>
    {
        if (q.Status != QaStatus.Draft) return ("只有草稿可以提交审核", "");
        if (q.UnitId is null) return ("请先确认责任单位再提交审核", "");
        q.Status = QaStatus.InReview;
        q.ReviewComment = null;
        return (null, "qa.submit");
    }, ct);

    public Task<ServiceResult> ApproveAsync(int id, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Approve, q =>
    {
        if (q.Status != QaStatus.InReview) return ("只有待审核的问答可以审核通过", "");
        if (q.CreatedByUserId is { } w && w == user.UserId) return ("您是本问答的撰写人，须由其他审核人员审核", "");
        Publish(q);
        q.ReviewedBy = Actor;
        q.ReviewComment = null;
        return (null, "qa.approve");
    }, ct);

    public Task<ServiceResult> ReturnAsync(int id, string? comment, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Approve, q =>
    {
        if (q.Status != QaStatus.InReview) return ("只有待审核的问答可以退回", "");
        if (string.IsNullOrWhiteSpace(comment)) return ("请填写退回修改意见", "");
        q.Status = QaStatus.Draft;
        q.ReviewComment = FieldLengths.Clip(comment.Trim(), FieldLengths.ReviewComment);
        q.ReviewedBy = Actor;
        return (null, "qa.return");
    }, ct);

    /// <summary>Puts a withdrawn entry back on the portal (it was approved before).</summary>
    public Task<ServiceResult> PublishAsync(int id, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Approve, q =>
    {
        if (q.Status != QaStatus.Withdrawn) return (q.Status == QaStatus.Published ? "问答已发布" : "草稿须先提交审核，审核通过后发布", "");
        Publish(q);
        return (null, "qa.publish");
    }, ct);

    public Task<ServiceResult> WithdrawAsync(int id, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Approve, q =>
    {
        if (q.Status != QaStatus.Published) return ("只有已发布的问答可以撤下", "");
        q.Status = QaStatus.Withdrawn;
        return (null, "qa.withdraw");
    }, ct);

    /// <summary>复核: the answer is still right; confirmed now, next review date from today.</summary>
    public Task<ServiceResult> ReconfirmAsync(int id, int? version = null, CancellationToken ct = default) => StepAsync(id, version, Can.Approve, q =>
    {
        if (q.Status != QaStatus.Published) return ("只有已发布的问答需要复核确认", "");
        q.ConfirmedAt = clock.GetUtcNow();
        q.ReviewOn = QaEditing.DefaultReviewOn(Today, options.Value.ReviewMonths);
        return (null, "qa.reconfirm");
    }, ct);

    /// <summary>待确认单位: the 公开办 maps a unit name as written in imported sheets to a unit, for every entry carrying it.</summary>
    public async Task<(ServiceResult Result, int Count)> AssignUnitAsync(string? writtenName, int unitId, CancellationToken ct = default)
    {
        if (!user.SpansAllUnits) return (ServiceResult.Forbidden("只有公开办可以确认责任单位"), 0);
        var name = writtenName?.Trim();
        if (string.IsNullOrEmpty(name)) return (ServiceResult.Invalid("请选择要确认的单位名称"), 0);
        var unit = await db.Units.Where(u => u.Id == unitId && u.IsActive).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null) return (ServiceResult.Invalid(new Dictionary<string, string> { ["unitId"] = "请选择责任单位" }), 0);
        var items = await db.QaItems.Where(q => q.UnitId == null && q.UnitNameAsWritten == name).ToListAsync(ct);
        if (items.Count == 0) return (ServiceResult.NotFound(), 0);
        var now = clock.GetUtcNow();
        foreach (var q in items)
        {
            q.UnitId = unit.Id;
            q.UnitNameAsWritten = null;
            q.UpdatedAt = now;
            q.Version++;
            audit.Add("qa.unit.assign", EntityType, q.Id, $"政策问答 #{q.Id} 的责任单位“{name}”确认为{unit.Name}", unitId: unit.Id);
        }
        await db.SaveChangesAsync(ct);
        if (items.Any(q => q.Status == QaStatus.Published)) await cache.InvalidatePortalAsync(ct);
        return (ServiceResult.Success(), items.Count);
    }

    private void Publish(QaItem q)
    {
        var now = clock.GetUtcNow();
        q.Status = QaStatus.Published;
        q.PublishedAt ??= now;
        q.ConfirmedAt = now;
        q.ReviewOn ??= QaEditing.DefaultReviewOn(Today, options.Value.ReviewMonths);
    }

    /// <summary>Copies the input; returns field errors (nothing is saved when there are any).</summary>
    private async Task<Dictionary<string, string>> ApplyAsync(QaItem q, QaInput i, CancellationToken ct)
    {
        q.Question = (i.Question ?? "").Trim();
        q.Answer = (i.Answer ?? "").Trim().Replace("\r\n", "\n");
        q.Alternatives = QaEditing.NormalizeAlternatives(i.Alternatives);
        q.Topic = Blank(i.Topic);
        q.Basis = Blank(i.Basis);
        q.BasisClause = Blank(i.BasisClause);
        var errors = QaEditing.Validate(q);
        if (i.UnitId is int unitId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, ct)) errors["UnitId"] = "请选择责任单位";
            else { q.UnitId = unitId; q.UnitNameAsWritten = null; }
        }
        else if (q.UnitId is null && q.UnitNameAsWritten is null) errors["UnitId"] = "请选择责任单位";
        if (i.BasisDocumentId is int docId)
        {
            var doc = await db.Documents.AsNoTracking().Where(d => d.Id == docId).Select(d => new { d.Status, d.Disclosure }).FirstOrDefaultAsync(ct);
            // Only what the public can open: the entry's page links to it.
            if (doc is null || !new Document { Status = doc.Status, Disclosure = doc.Disclosure }.IsPublic) errors["BasisDocumentId"] = "依据文件须为已公开的文件";
            else q.BasisDocumentId = docId;
        }
        else q.BasisDocumentId = null;
        if (string.IsNullOrWhiteSpace(i.ReviewOn)) { if (q.Status != QaStatus.Published) q.ReviewOn = null; }
        else if (!DateOnly.TryParseExact(i.ReviewOn.Trim(), "yyyy-MM-dd", out var r)) errors["ReviewOn"] = "复核日期应为 YYYY-MM-DD 格式";
        else if (r < Today && r != q.ReviewOn) errors["ReviewOn"] = "复核日期不能早于今天";
        else q.ReviewOn = r;
        return errors;
    }

    private static Dictionary<string, object?> Snapshot(QaItem q) => new()
    {
        ["问题"] = q.Question, ["其他问法"] = q.Alternatives, ["答复"] = q.Answer, ["责任单位"] = q.UnitId, ["主题"] = q.Topic, ["政策依据"] = q.Basis,
        ["依据文件"] = q.BasisDocumentId, ["依据条款"] = q.BasisClause, ["复核日期"] = q.ReviewOn?.ToString("yyyy-MM-dd"),
    };

    private enum Can { Write, Approve }

    private async Task<ServiceResult> StepAsync(int id, int? version, Can can, Func<QaItem, (string? Error, string Action)> step, CancellationToken ct)
    {
        var q = await LoadAsync(id, ct);
        if (q is null) return ServiceResult.NotFound();
        var allowed = can == Can.Write ? user.CanWrite(q) : user.CanApprove(q);
        if (!allowed) return ServiceResult.Forbidden(can == Can.Approve ? "只有公开办或本单位的审核人员、单位管理员可以审核问答" : "没有权限办理此问答");
        if (version is { } v && v != q.Version) return ServiceResult.Conflict("问答已被他人处理，请刷新后重试");
        var wasLive = q.Status == QaStatus.Published;
        var before = q.Status;
        var (error, action) = step(q);
        if (error is not null) return ServiceResult.Invalid(error);
        q.UpdatedAt = clock.GetUtcNow();
        audit.Add(action, EntityType, q.Id, $"政策问答 #{q.Id}：{before.Label()} → {q.Status.Label()}{(action == "qa.reconfirm" ? "（复核确认）" : "")}",
            new Dictionary<string, (object?, object?)> { ["状态"] = (before.Label(), q.Status.Label()) }, q.UnitId);
        return await SaveOnceAsync(q, wasLive || q.Status == QaStatus.Published, ct);
    }

    /// <summary>Version is the entry's concurrency token: two steps at once cannot both pass; the second answers 409.</summary>
    private async Task<ServiceResult> SaveOnceAsync(QaItem q, bool portalChanged, CancellationToken ct)
    {
        q.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Conflict("问答已被他人处理，请刷新后重试");
        }
        if (portalChanged) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(q.Id);
    }

    private async Task<QaItem?> LoadAsync(int id, CancellationToken ct)
    {
        var q = await db.QaItems.FirstOrDefaultAsync(x => x.Id == id, ct);
        return q is not null && user.CanSee(q) ? q : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
