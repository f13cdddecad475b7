using System.Text.Json;
using Ganss.Xss;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Documents;

/// <summary>A relation waiting for the target unit's confirmation (its to-do list).</summary>
public sealed record PendingRelationItem(int Id, RelationType Type, string TypeLabel, int FromDocumentId, string FromTitle, string FromUnit, string FromStatus,
    int ToDocumentId, string ToTitle, string? Note);

/// <summary>Editing, review, publishing and withdrawal of documents, scoped to the current user's units.</summary>
public sealed class DocumentService(
    ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, IHtmlSanitizer sanitizer,
    IndexNumberAllocator indexNumbers, ContentStore files, IOutputCacheStore cache, IOptions<ZwgkOptions> options,
    ColumnListingProjector listings)
{

    private Task<Document?> LoadAsync(int id, CancellationToken ct) =>
        user.Scope(db.Documents).Include(d => d.Issuers).Include(d => d.Columns).Include(d => d.Attachments).Include(d => d.Relations)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<ServiceResult> SaveAsync(int? id, DocumentInput input, CancellationToken ct = default, bool systemImport = false)
    {
        if (!systemImport && !user.CanEdit) return ServiceResult.Forbidden();
        Document? doc;
        bool creating = id is null;
        Dictionary<string, object?>? before = null;
        if (creating)
        {
            var owner = input.OwnerUnitId == 0 ? user.UnitId : input.OwnerUnitId;
            if (!systemImport && !user.CanAccessUnit(owner)) return ServiceResult.Forbidden("只能为本单位创建文件");
            doc = new Document
            {
                OwnerUnitId = owner, CreatedAt = clock.GetUtcNow(), CreatedBy = user.UserName ?? "系统", CreatedByUserId = user.UserId, Version = 0,
            };
        }
        else
        {
            doc = await LoadAsync(id!.Value, ct);
            if (doc is null) return ServiceResult.NotFound();
            if (doc.Status is DocumentStatus.InReview) return ServiceResult.Conflict("文件正在审核中，不能修改；如需修改请由审核人退回");
            if (doc.Status is DocumentStatus.Published or DocumentStatus.Scheduled && !user.CanEditPublished)
                return ServiceResult.Forbidden("已发布的文件只能由单位管理员或公开办修改");
            if (input.Version is int v && v != doc.Version) return ServiceResult.Conflict("该文件已被他人修改，请刷新后再编辑（您的内容未保存，可复制后重试）");
            if (input.OwnerUnitId != 0 && input.OwnerUnitId != doc.OwnerUnitId && !user.SpansAllUnits)
                return ServiceResult.Forbidden("不能把文件转移到其他单位");
            before = Snapshot(doc);
        }

        var errors = new Dictionary<string, string>();
        var storedIndexNumber = doc.IndexNumber;
        Apply(doc, input);
        if (!creating && input.OwnerUnitId != 0) doc.OwnerUnitId = input.OwnerUnitId;
        await ValidateReferencesAsync(doc, input, errors, ct);
        var now = clock.GetUtcNow();
        foreach (var (k, msg) in DocumentRules.Validate(doc, complete: doc.Status != DocumentStatus.Draft && doc.Status != DocumentStatus.Rejected, now)) errors.TryAdd(k, msg);
        if (doc.IndexNumber is { Length: > 0 } ix && !errors.ContainsKey(nameof(doc.IndexNumber)))
        {
            // 索引号 is the system's to assign; a hand-entered one (migrated documents) must carry the owning unit's own code,
            // so nobody can take another unit's next number and block its publication.
            if (ix != storedIndexNumber && !systemImport && await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == doc.OwnerUnitId, ct) is { } owner
                && indexNumbers.Rule.CheckManual(ix, owner, doc.WrittenOn?.Year ?? now.Year) is { } prefixError)
                errors[nameof(doc.IndexNumber)] = prefixError;
            else if (await db.Documents.AnyAsync(d => d.IndexNumber == ix && d.Id != doc.Id, ct))
                errors[nameof(doc.IndexNumber)] = $"索引号“{ix}”已被其他文件使用";
        }
        if (errors.Count > 0)
        {
            if (!creating) db.ChangeTracker.Clear();
            return ServiceResult.Invalid(errors);
        }

        doc.Version++;
        doc.UpdatedAt = clock.GetUtcNow();
        if (creating) db.Documents.Add(doc);
        // A caller may batch several saves in its own transaction (site migration); else the save is its own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        var after = Snapshot(doc);
        AddVersion(doc, after, creating ? "创建" : "修改");
        audit.Add(creating ? "document.create" : "document.update", "Document", doc.Id,
            $"{(creating ? "创建" : "修改")}文件《{doc.Title}》", before is null ? null : AuditLog.Diff(before, after), doc.OwnerUnitId);
        await CommitAsync([doc.Id], ct);
        if (tx is not null) await tx.CommitAsync(ct);
        if (doc.Status == DocumentStatus.Published) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>Copies the input onto the record; DocumentRules then reports what is wrong (an unparsable 文号 is kept as typed).</summary>
    private void Apply(Document doc, DocumentInput input)
    {
        doc.Title = (input.Title ?? "").Trim();
        doc.DocumentNumber = null;
        if (!string.IsNullOrWhiteSpace(input.DocumentNumber))
        {
            var typed = input.DocumentNumber.Trim();
            // Over-long input is refused by the length rule; it is not worth parsing.
            var n = typed.Length <= FieldLengths.DocumentNumber ? DocumentNumber.Normalize(typed) : null;
            doc.DocumentNumber = n is { IsValid: true } ? n.Value : typed;
        }
        doc.WrittenOn = input.WrittenOn;
        doc.TopicCategory = Blank(input.TopicCategory);
        doc.Genre = Blank(input.Genre);
        doc.Disclosure = input.Disclosure;
        doc.DisclosureReason = input.Disclosure == DisclosureAttribute.Proactive ? null : Blank(input.DisclosureReason);
        doc.DisclosureMethod = Blank(input.DisclosureMethod);
        doc.Validity = input.Validity;
        doc.EffectiveOn = input.EffectiveOn;
        doc.ExpiresOn = input.ExpiresOn;
        doc.IsNormative = input.IsNormative;
        doc.NormativeRegistrationNumber = input.IsNormative ? Blank(input.NormativeRegistrationNumber) : null;
        doc.IsMajorPolicy = input.IsMajorPolicy;
        doc.Keywords = Blank(input.Keywords);
        doc.Summary = Blank(input.Summary);
        // An over-long body is refused by the length rule before anything is saved; parsing it first would only cost time.
        doc.BodyHtml = input.BodyHtml is { Length: > FieldLengths.BodyHtml } tooLong ? tooLong : sanitizer.Sanitize(input.BodyHtml ?? "");
        doc.ScheduledAt = input.ScheduledAt?.ToUniversalTime();
        // A published 索引号 is permanent; before publication an imported or hand-entered one may be set.
        if (doc.PublishedAt is null && doc.Status != DocumentStatus.Withdrawn) doc.IndexNumber = Blank(input.IndexNumber) ?? doc.IndexNumber;
        doc.ExternalIssuer = Blank(input.ExternalIssuer);
        var issuers = input.IssuerUnitIds.Distinct().ToList();
        doc.Issuers.RemoveAll(i => !issuers.Contains(i.UnitId));
        for (int i = 0; i < issuers.Count; i++)
        {
            var existing = doc.Issuers.FirstOrDefault(x => x.UnitId == issuers[i]);
            if (existing is null) doc.Issuers.Add(new DocumentIssuer { UnitId = issuers[i], Order = i });
            else existing.Order = i;
        }
        var columns = input.ColumnIds.Distinct().ToList();
        doc.Columns.RemoveAll(c => !columns.Contains(c.ColumnId));
        foreach (var c in columns.Where(c => doc.Columns.All(x => x.ColumnId != c))) doc.Columns.Add(new DocumentColumn { ColumnId = c });
    }

    private async Task ValidateReferencesAsync(Document doc, DocumentInput input, Dictionary<string, string> errors, CancellationToken ct)
    {
        var unitIds = input.IssuerUnitIds.Append(doc.OwnerUnitId).Distinct().ToList();
        var found = await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (found.Count != unitIds.Count) errors[nameof(input.IssuerUnitIds)] = "发文机关或所属单位不存在";
        var columnIds = input.ColumnIds.Distinct().ToList();
        var columns = await db.Columns.Where(c => columnIds.Contains(c.Id)).Select(c => c.Type).ToListAsync(ct);
        if (columns.Count != columnIds.Count) errors[nameof(input.ColumnIds)] = "所选栏目不存在";
        else if (columns.Any(t => t != Domain.Catalog.ColumnType.DocumentList)) errors[nameof(input.ColumnIds)] = "只能发布到“文件列表”类型的栏目";
    }

    public async Task<ServiceResult> SubmitAsync(int id, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        if (doc.Columns.Count == 0 && doc.Disclosure == DisclosureAttribute.Proactive) return ServiceResult.Invalid("主动公开的文件须至少选择一个栏目");
        var error = ReviewWorkflow.Submit(doc, options.Value.ReviewLevels);
        if (error is not null) return ServiceResult.Invalid(error);
        if (await Interpretations.InterpretationService.PublishRefusalAsync(db, doc.Id, ct) is { } inaccessible) return ServiceResult.Invalid(inaccessible);
        Record(doc, 0, ReviewDecision.Submitted, null);
        audit.Add("document.submit", "Document", doc.Id, $"提交审核《{doc.Title}》（共{doc.RequiredReviewLevels}级审核）", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    public async Task<ServiceResult> ApproveAsync(int id, string? comment, CancellationToken ct = default)
    {
        if (!user.CanReview) return ServiceResult.Forbidden("只有审核人员可以审核");
        if (TooLong("Comment", "审核意见", comment, FieldLengths.ReviewComment) is { } tooLong) return tooLong;
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        var level = doc.PendingReviewLevel;
        var now = clock.GetUtcNow();
        var (conflict, waiver) = doc.Status == DocumentStatus.InReview ? await CheckSeparationAsync(doc, level, ct) : (null, null);
        if (conflict is not null) return ServiceResult.Forbidden(conflict);
        if (await Interpretations.InterpretationService.PublishRefusalAsync(db, doc.Id, ct) is { } inaccessible) return ServiceResult.Invalid(inaccessible);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var error = ReviewWorkflow.Approve(doc, level, now);
        if (error is not null) return ServiceResult.Invalid(error);
        Record(doc, level, ReviewDecision.Approved, comment);
        if (waiver is not null) audit.Add("document.review.single-person", "Document", doc.Id, waiver, unitId: doc.OwnerUnitId);
        var summary = $"{DocumentLabels.ReviewLevelName(level)}通过《{doc.Title}》";
        if (doc.Status == DocumentStatus.Published) summary += await OnPublishedAsync(doc, now, ct);
        else if (doc.Status == DocumentStatus.Scheduled) summary += $"，定时于{doc.ScheduledAt:yyyy-MM-dd HH:mm}发布";
        audit.Add("document.approve", "Document", doc.Id, summary, unitId: doc.OwnerUnitId);
        await CommitAsync([doc.Id], ct);
        await tx.CommitAsync(ct);
        if (doc.Status == DocumentStatus.Published) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>
    /// Separation of duties (三审): the author may not approve and each level is a different person. Where the site allows
    /// it and the unit has too few reviewers, the approval goes through with a waiver that is written to the audit log.
    /// </summary>
    private async Task<(string? Conflict, string? Waiver)> CheckSeparationAsync(Document doc, int level, CancellationToken ct)
    {
        var records = await db.ReviewRecords.AsNoTracking().Where(r => r.DocumentId == doc.Id).OrderBy(r => r.Id)
            .Select(r => new { r.Decision, r.UserId }).ToListAsync(ct);
        // Only the current round counts: a resubmission after rejection starts the chain again.
        var round = records.Skip(Math.Max(0, records.FindLastIndex(r => r.Decision == ReviewDecision.Submitted))).ToList();
        var authors = round.Where(r => r.Decision == ReviewDecision.Submitted).Select(r => r.UserId).Append(doc.CreatedByUserId)
            .OfType<string>().ToHashSet();
        var approvers = round.Where(r => r.Decision == ReviewDecision.Approved).Select(r => r.UserId).OfType<string>().ToHashSet();
        var conflict = ReviewWorkflow.SeparationConflict(user.UserId ?? "", authors, approvers);
        if (conflict is null) return (null, null);
        if (options.Value.SinglePersonReview == SinglePersonReview.WhenShortStaffed)
        {
            var reviewerRoles = db.Roles.Where(r => r.Name == Domain.Security.Roles.UnitAdmin || r.Name == Domain.Security.Roles.Reviewer).Select(r => r.Id);
            var eligible = await db.Users.CountAsync(u => u.UnitId == doc.OwnerUnitId && u.IsActive && !authors.Contains(u.Id)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && reviewerRoles.Contains(ur.RoleId)), ct);
            if (ReviewWorkflow.IsShortStaffed(eligible, doc.RequiredReviewLevels))
                return (null, $"单人审核：{conflict}；本单位可审核人员{eligible}人，少于审核级数{doc.RequiredReviewLevels}级，按站点设置准予{DocumentLabels.ReviewLevelName(level)}《{doc.Title}》");
        }
        return (conflict, null);
    }

    public async Task<ServiceResult> RejectAsync(int id, string? comment, CancellationToken ct = default)
    {
        if (!user.CanReview) return ServiceResult.Forbidden("只有审核人员可以审核");
        if (TooLong("Comment", "退回意见", comment, FieldLengths.ReviewComment) is { } tooLong) return tooLong;
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        var level = doc.PendingReviewLevel;
        var error = ReviewWorkflow.Reject(doc, level, comment);
        if (error is not null) return ServiceResult.Invalid(error);
        Record(doc, level, ReviewDecision.Rejected, comment);
        audit.Add("document.reject", "Document", doc.Id, $"{DocumentLabels.ReviewLevelName(level)}退回《{doc.Title}》：{comment}", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    public async Task<ServiceResult> WithdrawAsync(int id, string? reason, CancellationToken ct = default)
    {
        if (!user.CanWithdraw) return ServiceResult.Forbidden("只有审核人员或单位管理员可以撤稿");
        if (TooLong("Comment", "撤稿原因", reason?.Trim(), FieldLengths.Reason) is { } tooLong) return tooLong;
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        var error = ReviewWorkflow.Withdraw(doc, reason, clock.GetUtcNow());
        if (error is not null) return ServiceResult.Invalid(error);
        Record(doc, 0, ReviewDecision.Withdrawn, reason);
        audit.Add("document.withdraw", "Document", doc.Id, $"撤稿《{doc.Title}》：{reason}", unitId: doc.OwnerUnitId);
        await CommitAsync([doc.Id], ct);
        await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    public async Task<ServiceResult> ReopenAsync(int id, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        var error = ReviewWorkflow.Reopen(doc);
        if (error is not null) return ServiceResult.Invalid(error);
        audit.Add("document.reopen", "Document", doc.Id, $"撤稿后重新编辑《{doc.Title}》", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>
    /// Publishes without the review chain. Only for server-side callers (demo content, `import --publish` run by the
    /// operator on the server); never mapped to an endpoint.
    /// </summary>
    /// <param name="publishedAt">The document's real publication time when it was published elsewhere first (demo content,
    /// migrated pages); the 索引号 year, year facets and list order follow from it. Default: now.</param>
    public async Task<ServiceResult> PublishAsSystemAsync(int id, string reason, CancellationToken ct = default, DateTimeOffset? publishedAt = null)
    {
        var doc = await db.Documents.Include(d => d.Issuers).Include(d => d.Columns).Include(d => d.Relations).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null) return ServiceResult.NotFound();
        // UTC: PostgreSQL's timestamptz takes no other offset.
        var now = publishedAt is { } at && at < clock.GetUtcNow() ? at.ToUniversalTime() : clock.GetUtcNow();
        var error = ReviewWorkflow.Submit(doc, 1) ?? ReviewWorkflow.Approve(doc, 1, now);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Invalid(error);
        }
        var summary = $"系统发布《{doc.Title}》（{reason}）" + await OnPublishedAsync(doc, now, ct);
        audit.Add("document.publish", "Document", doc.Id, summary, unitId: doc.OwnerUnitId);
        await CommitAsync([doc.Id], ct);
        await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>Publishes scheduled documents whose time has come; run by the scheduler, not by a user.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Documents.Include(d => d.Relations).Where(d => d.Status == DocumentStatus.Scheduled && d.ScheduledAt <= now).ToListAsync(ct);
        foreach (var doc in due)
        {
            if (!ReviewWorkflow.ReleaseIfDue(doc, now)) continue;
            var extra = await OnPublishedAsync(doc, now, ct);
            audit.Add("document.publish", "Document", doc.Id, $"定时发布《{doc.Title}》{extra}", unitId: doc.OwnerUnitId);
        }
        if (due.Count > 0)
        {
            await CommitAsync(due.Select(d => d.Id), ct);
            await cache.InvalidatePortalAsync(ct);
        }
        return due.Count;
    }

    /// <summary>
    /// Publication side effects: assign the 索引号 and apply 立改废 relations to their targets, so a reader of the old
    /// document sees it was amended, abolished or replaced.
    /// </summary>
    private async Task<string> OnPublishedAsync(Document doc, DateTimeOffset now, CancellationToken ct)
    {
        var owner = await db.Units.FirstAsync(u => u.Id == doc.OwnerUnitId, ct);
        await indexNumbers.EnsureAsync(doc, owner, doc.PublishedAt ?? now, ct);
        Record(doc, 0, ReviewDecision.Published, null);
        var notes = new List<string>();
        foreach (var rel in doc.Relations.Where(r => RelationRules.ChangesTarget(r.Type)))
        {
            // Another unit's document changes only once that unit (or the 公开办) has confirmed; until then the relation waits.
            if (rel.Confirmation == RelationConfirmation.Pending) notes.Add($"{rel.Type.Label()}文件 {rel.ToDocumentId} 待对方单位确认后生效");
            else if (rel.Confirmation != RelationConfirmation.Refused && await ApplyRelationAsync(doc, rel, now, ct) is { } note) notes.Add(note);
        }
        return $"，已发布，索引号 {doc.IndexNumber}" + (notes.Count > 0 ? "；" + string.Join("；", notes) : "");
    }

    /// <summary>Marks the target of a 立改废 relation as amended, abolished or expired; returns a note, or null when nothing changed.</summary>
    private async Task<string?> ApplyRelationAsync(Document source, DocumentRelation rel, DateTimeOffset now, CancellationToken ct)
    {
        var target = await db.Documents.FirstOrDefaultAsync(d => d.Id == rel.ToDocumentId, ct);
        if (target is null) return null;
        var newValidity = rel.Type switch { RelationType.Amends => Validity.Amended, RelationType.Abolishes => Validity.Abolished, _ => Validity.Expired };
        if (target.Validity == newValidity) return null;
        var old = target.Validity;
        target.Validity = newValidity;
        if (newValidity != Validity.Amended) target.ExpiresOn ??= source.EffectiveOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        target.UpdatedAt = now;
        audit.Add("document.validity", "Document", target.Id, $"因《{source.Title}》发布，《{target.Title}》有效性由“{old.Label()}”改为“{newValidity.Label()}”",
            new Dictionary<string, (object?, object?)> { ["Validity"] = (old.Label(), newValidity.Label()) }, target.OwnerUnitId);
        return $"《{target.Title}》{newValidity.Label()}";
    }

    /// <summary>The same answer for a missing document and for one the user may not see, so ids reveal nothing.</summary>
    public const string MissingRelationTarget = "关联的文件不存在";

    public async Task<ServiceResult> AddRelationAsync(int fromId, int toId, RelationType type, string? note, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(fromId, ct);
        if (doc is null) return ServiceResult.NotFound();
        if (fromId == toId) return ServiceResult.Invalid("不能关联文件自身");
        if (!Enum.IsDefined(type)) return ServiceResult.Invalid("关联类型不正确");
        if (TooLong("Note", "关联说明", Blank(note), FieldLengths.RelationNote) is { } tooLong) return tooLong;
        var target = await db.Documents.VisibleTo(user).Where(d => d.Id == toId).Select(d => new { d.Id, d.Title, d.OwnerUnitId }).FirstOrDefaultAsync(ct);
        if (target is null) return ServiceResult.Invalid(MissingRelationTarget);
        if (doc.Relations.Any(r => r.ToDocumentId == toId && r.Type == type)) return ServiceResult.Invalid("该关联已存在");
        var confirmation = RelationRules.InitialConfirmation(type, doc.OwnerUnitId, target.OwnerUnitId);
        doc.Relations.Add(new DocumentRelation { ToDocumentId = toId, Type = type, Note = Blank(note), Confirmation = confirmation });
        var pending = confirmation == RelationConfirmation.Pending;
        audit.Add("document.relate", "Document", doc.Id, $"《{doc.Title}》{type.Label()}《{target.Title}》" + (pending ? "（跨单位，待对方单位确认）" : ""), unitId: doc.OwnerUnitId);
        // The target unit sees the request in its own audit trail and on its to-do list.
        if (pending) audit.Add("document.relation.request", "Document", target.Id, $"《{doc.Title}》申请{type.Label()}本文件《{target.Title}》，待本单位确认", unitId: target.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>
    /// The target unit (its 单位管理员 or 审核人员) or a 公开办 user confirms or refuses a relation that changes the target.
    /// Confirming a relation whose source is already published applies it at once.
    /// </summary>
    public async Task<ServiceResult> DecideRelationAsync(int relationId, bool confirm, string? reason, CancellationToken ct = default)
    {
        var rel = await db.DocumentRelations.Include(r => r.FromDocument).Include(r => r.ToDocument).FirstOrDefaultAsync(r => r.Id == relationId, ct);
        if (rel is null || !user.CanAccessUnit(rel.ToDocument!.OwnerUnitId)) return ServiceResult.NotFound();
        if (!user.CanReview) return ServiceResult.Forbidden("只有本单位管理员、审核人员或公开办可以确认");
        if (rel.Confirmation != RelationConfirmation.Pending) return ServiceResult.Invalid("该关联已处理");
        reason = Blank(reason);
        if (!confirm && reason is null) return ServiceResult.Invalid(new Dictionary<string, string> { ["Comment"] = "拒绝时须填写理由" });
        if (TooLong("Comment", "理由", reason, FieldLengths.Reason) is { } tooLong) return tooLong;
        var now = clock.GetUtcNow();
        var source = rel.FromDocument!;
        var target = rel.ToDocument;
        rel.Confirmation = confirm ? RelationConfirmation.Confirmed : RelationConfirmation.Refused;
        rel.DecidedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
        rel.DecidedAt = now;
        var verb = confirm ? "确认" : "拒绝";
        var summary = $"{verb}《{source.Title}》{rel.Type.Label()}《{target.Title}》" + (reason is null ? "" : $"：{reason}");
        audit.Add(confirm ? "document.relation.confirm" : "document.relation.refuse", "Document", target.Id, summary, unitId: target.OwnerUnitId);
        audit.Add(confirm ? "document.relation.confirm" : "document.relation.refuse", "Document", source.Id, summary, unitId: source.OwnerUnitId);
        var applied = confirm && source.Status == DocumentStatus.Published && await ApplyRelationAsync(source, rel, now, ct) is not null;
        await CommitAsync(applied ? [target.Id] : [], ct);
        if (applied) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(target.Id);
    }

    /// <summary>The to-do list of a unit: relations from other units' documents waiting for it to confirm a change to its documents.</summary>
    public async Task<List<PendingRelationItem>> PendingRelationsAsync(CancellationToken ct = default)
    {
        if (!user.CanReview) return [];
        var spans = user.SpansAllUnits;
        var unitId = user.UnitId;
        var rows = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.Confirmation == RelationConfirmation.Pending && (spans || r.ToDocument!.OwnerUnitId == unitId))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Type, r.FromDocumentId, FromTitle = r.FromDocument!.Title, FromUnit = r.FromDocument.OwnerUnit!.Name, FromStatus = r.FromDocument.Status,
                r.ToDocumentId, ToTitle = r.ToDocument!.Title, r.Note,
            })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new PendingRelationItem(r.Id, r.Type, r.Type.Label(), r.FromDocumentId, r.FromTitle, r.FromUnit, r.FromStatus.Label(),
            r.ToDocumentId, r.ToTitle, r.Note)).ToList();
    }

    public async Task<ServiceResult> RemoveRelationAsync(int fromId, int relationId, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(fromId, ct);
        var rel = doc?.Relations.FirstOrDefault(r => r.Id == relationId);
        if (doc is null || rel is null) return ServiceResult.NotFound();
        doc.Relations.Remove(rel);
        audit.Add("document.unrelate", "Document", doc.Id, $"移除《{doc.Title}》的{rel.Type.Label()}关联（文件 {rel.ToDocumentId}）", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    public async Task<ServiceResult> AddAttachmentAsync(int id, Stream content, string fileName, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(id, ct);
        if (doc is null) return ServiceResult.NotFound();
        if (doc.Status is DocumentStatus.InReview) return ServiceResult.Conflict("文件正在审核中，不能修改附件");
        if (doc.Status is DocumentStatus.Published && !user.CanEditPublished) return ServiceResult.Forbidden("已发布的文件只能由单位管理员或公开办修改");
        StoredFile stored;
        try { stored = await files.SaveAsync(content, fileName, ct); }
        catch (FileRejectedException ex) { return ServiceResult.Invalid(new Dictionary<string, string> { ["File"] = ex.Message }); }
        var safeName = Path.GetFileName(fileName).Trim();
        doc.Attachments.Add(new Attachment
        {
            FileName = safeName.Length > FieldLengths.FileName ? safeName[^FieldLengths.FileName..] : safeName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            Order = doc.Attachments.Count, CreatedAt = clock.GetUtcNow(),
        });
        audit.Add("document.attach", "Document", doc.Id, $"为《{doc.Title}》上传附件“{safeName}”（{stored.Size}字节，SHA-256 {stored.Sha256[..12]}…）", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        if (doc.Status == DocumentStatus.Published) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    public async Task<ServiceResult> RemoveAttachmentAsync(int id, int attachmentId, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await LoadAsync(id, ct);
        var att = doc?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (doc is null || att is null) return ServiceResult.NotFound();
        if (doc.Status is DocumentStatus.InReview) return ServiceResult.Conflict("文件正在审核中，不能修改附件");
        if (doc.Status is DocumentStatus.Published && !user.CanEditPublished) return ServiceResult.Forbidden("已发布的文件只能由单位管理员或公开办修改");
        doc.Attachments.Remove(att);
        audit.Add("document.detach", "Document", doc.Id, $"删除《{doc.Title}》的附件“{att.FileName}”", unitId: doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        if (doc.Status == DocumentStatus.Published) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    /// <summary>Saves and refreshes the portal list projection of the given documents in one transaction.</summary>
    private async Task CommitAsync(IEnumerable<int> documentIds, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        foreach (var id in documentIds) await listings.RefreshAsync(id, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
            await own.DisposeAsync();
        }
    }

    private void Record(Document doc, int level, ReviewDecision decision, string? comment) =>
        db.ReviewRecords.Add(new ReviewRecord
        {
            DocumentId = doc.Id, Level = level, Decision = decision, Comment = Blank(comment), UserId = user.UserId, UserName = user.UserName ?? "系统",
            At = clock.GetUtcNow(),
        });

    private void AddVersion(Document doc, Dictionary<string, object?> snapshot, string comment) =>
        db.DocumentVersions.Add(new DocumentVersion
        {
            DocumentId = doc.Id, Version = doc.Version, SnapshotJson = JsonSerializer.Serialize(snapshot), CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.UserName ?? "系统", Comment = comment,
        });

    /// <summary>Flat snapshot of the elements used for versions and audit diffs.</summary>
    public static Dictionary<string, object?> Snapshot(Document d) => new()
    {
        ["标题"] = d.Title, ["索引号"] = d.IndexNumber, ["发文字号"] = d.DocumentNumber, ["成文日期"] = d.WrittenOn?.ToString("yyyy-MM-dd"),
        ["主题分类"] = d.TopicCategory, ["体裁"] = d.Genre, ["公开属性"] = d.Disclosure.Label(), ["不公开理由"] = d.DisclosureReason,
        ["公开方式"] = d.DisclosureMethod, ["有效性"] = d.Validity.Label(), ["生效日期"] = d.EffectiveOn?.ToString("yyyy-MM-dd"),
        ["失效日期"] = d.ExpiresOn?.ToString("yyyy-MM-dd"), ["规范性文件"] = d.IsNormative, ["重要政策"] = d.IsMajorPolicy, ["登记号"] = d.NormativeRegistrationNumber,
        ["主题词"] = d.Keywords, ["摘要"] = d.Summary, ["所属单位"] = d.OwnerUnitId,
        ["发文机关"] = string.Join(",", d.Issuers.OrderBy(i => i.Order).Select(i => i.UnitId)),
        ["栏目"] = string.Join(",", d.Columns.Select(c => c.ColumnId).Order()), ["定时发布"] = d.ScheduledAt?.ToString("yyyy-MM-dd HH:mm"),
        ["正文"] = d.BodyHtml,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ServiceResult? TooLong(string field, string label, string? value, int max) =>
        DocumentRules.CheckLength(label, value, max) is { } message ? ServiceResult.Invalid(new Dictionary<string, string> { [field] = message }) : null;
}
