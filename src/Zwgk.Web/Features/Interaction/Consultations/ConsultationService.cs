using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Interaction.Moderation;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations;

/// <summary>A draft consultation as staff type it. UnitId is honoured only for the 公开办 (others draft for their own unit).</summary>
public sealed record ConsultationInput(string? Title, int? UnitId, string? DraftText, string? Explanation, DateOnly? OpensOn, DateOnly? ClosesOn,
    bool IsMajorDecision, int? MajorDecisionId, string? ShortenedReason, string? ContactEmail, string? ContactAddress, string? ContactPhone);

/// <summary>A comment from the public form or API.</summary>
public sealed record CommentInput(string? Name, string? Phone, string? Email, string? Content, bool WantsPublic);

/// <summary>
/// Everything that changes a consultation: staff drafting, publishing, moderating, grouping, deciding adoption, publishing the
/// 采纳情况反馈 and linking the final document (each audited in the same save), and the public's comments. A consultation
/// the user may not see answers as missing.
/// </summary>
public sealed class ConsultationService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CalendarService calendar,
    ModerationScreen screen, IOptions<ConsultationOptions> options)
{
    public DateOnly Today => Formats.Today(clock);
    private string Actor => FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);

    private async Task<Consultation?> VisibleAsync(int id, CancellationToken ct)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && user.CanSeeConsultationOf(c.UnitId) ? c : null;
    }

    /// <summary>Working days in [from, to] on the working-day calendar.</summary>
    public async Task<Func<DateOnly, DateOnly, int>> WorkingDaysCounterAsync(CancellationToken ct)
    {
        var cal = await calendar.GetAsync(ct);
        return (from, to) => cal.WorkingDaysBetween(from.AddDays(-1), to);
    }

    public async Task<ServiceResult> SaveAsync(int? id, ConsultationInput input, CancellationToken ct = default)
    {
        Consultation? c = null;
        if (id is int existing)
        {
            c = await VisibleAsync(existing, ct);
            if (c is null) return ServiceResult.NotFound();
            if (!user.CanDraftConsultation(c.UnitId)) return ServiceResult.Forbidden();
            if (c.State != ConsultationState.Draft) return ServiceResult.Conflict("已发布的意见征集不能再修改");
        }
        var unitId = c?.UnitId ?? (user.IsInRole(Domain.Security.Roles.OpennessOffice) && input.UnitId is int u ? u : user.UnitId);
        if (!user.CanDraftConsultation(unitId)) return ServiceResult.Forbidden("只能为本单位起草意见征集");
        if (!await db.Units.AnyAsync(x => x.Id == unitId && x.IsActive, ct)) return ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "请选择起草单位" });

        var errors = new Dictionary<string, string>();
        string Text(string key, string? value, int max, string label, bool required)
        {
            var v = value?.Trim() ?? "";
            if (required && v.Length == 0) errors[key] = $"请填写{label}";
            else if (v.Length > max) errors[key] = $"{label}不能超过{max}字";
            return v;
        }
        var title = Text("Title", input.Title, FieldLengths.Title, "标题", true);
        var draft = Text("DraftText", input.DraftText, FieldLengths.ConsultationDraft, "征求意见稿正文", true);
        var explanation = Text("Explanation", input.Explanation, FieldLengths.ConsultationExplanation, "起草说明", true);
        var reason = Text("ShortenedReason", input.ShortenedReason, FieldLengths.ShortenedReason, "缩短期限的理由", false);
        var email = Text("ContactEmail", input.ContactEmail, FieldLengths.Email, "电子邮箱", false);
        var address = Text("ContactAddress", input.ContactAddress, FieldLengths.Address, "通信地址", false);
        var phone = Text("ContactPhone", input.ContactPhone, FieldLengths.Phone, "联系电话", false);
        if (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors["ContactEmail"] = "电子邮箱格式不正确";
        if (email.Length == 0 && address.Length == 0 && phone.Length == 0) errors["ContactEmail"] = "请至少填写一种线下提交意见的方式（电子邮箱、通信地址或电话）";
        if (input.OpensOn is null) errors["OpensOn"] = "请填写开始日期";
        if (input.ClosesOn is null) errors["ClosesOn"] = "请填写截止日期";
        if (input.MajorDecisionId is int md && !await db.MajorDecisions.AnyAsync(x => x.Id == md, ct)) errors["MajorDecisionId"] = "关联的重大行政决策事项不存在";
        var isMajor = input.IsMajorDecision || input.MajorDecisionId is not null;
        if (input.OpensOn is { } o && input.ClosesOn is { } cl && !errors.ContainsKey("OpensOn"))
        {
            var counter = await WorkingDaysCounterAsync(ct);
            if (ConsultationRules.CheckPeriod(o, cl, isMajor, reason, options.Value.Policy, counter) is { } problem) errors["ClosesOn"] = problem;
        }
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var now = clock.GetUtcNow();
        var before = c is null ? null : Snapshot(c);
        if (c is null)
        {
            c = new Consultation { CreatedAt = now, CreatedBy = Actor, CreatedById = user.UserId, State = ConsultationState.Draft };
            db.Consultations.Add(c);
        }
        c.Title = title; c.UnitId = unitId; c.DraftText = draft; c.Explanation = explanation;
        c.OpensOn = input.OpensOn!.Value; c.ClosesOn = input.ClosesOn!.Value;
        c.IsMajorDecision = isMajor; c.MajorDecisionId = input.MajorDecisionId;
        c.ShortenedReason = reason.Length == 0 ? null : reason;
        c.ContactEmail = email.Length == 0 ? null : email; c.ContactAddress = address.Length == 0 ? null : address; c.ContactPhone = phone.Length == 0 ? null : phone;
        c.UpdatedAt = now;
        if (before is null)
        {
            await db.SaveChangesAsync(ct);
            audit.Add("consultation.create", "Consultation", c.Id, $"起草意见征集：{title}", unitId: unitId);
        }
        else audit.Add("consultation.update", "Consultation", c.Id, $"修改意见征集：{title}", AuditLog.Diff(before, Snapshot(c)), unitId: unitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(c.Id);
    }

    private static Dictionary<string, object?> Snapshot(Consultation c) => new()
    {
        ["Title"] = c.Title, ["DraftText"] = c.DraftText, ["Explanation"] = c.Explanation, ["OpensOn"] = c.OpensOn, ["ClosesOn"] = c.ClosesOn,
        ["IsMajorDecision"] = c.IsMajorDecision, ["MajorDecisionId"] = c.MajorDecisionId, ["ShortenedReason"] = c.ShortenedReason,
        ["ContactEmail"] = c.ContactEmail, ["ContactAddress"] = c.ContactAddress, ["ContactPhone"] = c.ContactPhone,
    };

    /// <summary>Puts the draft on the portal. The period is checked again, and it may not start in the past.</summary>
    public async Task<ServiceResult> PublishAsync(int id, CancellationToken ct = default)
    {
        var c = await VisibleAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanPublishConsultation(c.UnitId)) return ServiceResult.Forbidden("发布意见征集须由单位管理员、审核人员或政务公开办操作");
        if (c.State != ConsultationState.Draft) return ServiceResult.Conflict("该意见征集已发布");
        if (c.CreatedById is { } drafter && drafter == user.UserId) return ServiceResult.Forbidden("起草人不能发布自己起草的意见征集，请由单位管理员、审核人员或政务公开办的其他人员发布");
        if (c.OpensOn < Today) return ServiceResult.Invalid($"开始日期（{Formats.CnDate(c.OpensOn)}）已过，请修改征集期限后再发布");
        if (ConsultationRules.CheckPeriod(c.OpensOn, c.ClosesOn, c.IsMajorDecision, c.ShortenedReason, options.Value.Policy, await WorkingDaysCounterAsync(ct)) is { } problem)
            return ServiceResult.Invalid(problem);
        c.State = ConsultationState.Published;
        c.PublishedAt = clock.GetUtcNow();
        c.PublishedBy = Actor;
        c.UpdatedAt = c.PublishedAt.Value;
        audit.Add("consultation.publish", "Consultation", c.Id, $"发布意见征集：{c.Title}（{Formats.CnDate(c.OpensOn)}至{Formats.CnDate(c.ClosesOn)}）", unitId: c.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(c.Id);
    }

    /// <summary>A comment from the public: only while open, contact required, screened (held ones wait for a person).</summary>
    public async Task<ServiceResult> SubmitCommentAsync(int id, CommentInput input, CancellationToken ct = default)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id && x.State != ConsultationState.Draft, ct);
        if (c is null) return ServiceResult.NotFound();
        if (ConsultationRules.CommentRefusal(c, Today) is { } refusal) return ServiceResult.Conflict(refusal);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        var phone = input.Phone?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        var content = input.Content?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = "请填写姓名";
        else if (name.Length > FieldLengths.PersonName) errors["Name"] = $"姓名不能超过{FieldLengths.PersonName}字";
        if (phone.Length == 0 && email.Length == 0) errors["Phone"] = "请填写联系电话或电子邮箱，以便核实意见";
        else if (phone.Length > 0 && (phone.Length > FieldLengths.Phone || phone.Count(char.IsAsciiDigit) < 7 || phone.Any(ch => !char.IsAsciiDigit(ch) && ch is not '-' and not ' ' and not '+')))
            errors["Phone"] = "联系电话格式不正确";
        if (email.Length > 0 && (email.Length > FieldLengths.Email || !System.Net.Mail.MailAddress.TryCreate(email, out _))) errors["Email"] = "电子邮箱格式不正确";
        if (content.Length == 0) errors["Content"] = "请填写意见内容";
        else if (content.Length > FieldLengths.CommentContent) errors["Content"] = $"意见内容不能超过{FieldLengths.CommentContent}字";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var screened = screen.Screen(name, content);
        var number = (await db.ConsultationComments.Where(x => x.ConsultationId == id).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;
        var comment = new ConsultationComment
        {
            ConsultationId = id, Number = number, Name = name, Phone = phone.Length == 0 ? null : phone, Email = email.Length == 0 ? null : email,
            Content = content, WantsPublic = input.WantsPublic, SubmittedAt = clock.GetUtcNow(), Moderation = CommentModeration.Pending,
            Held = screened.Held, HeldReason = screened.Held ? FieldLengths.Clip(string.Join("；", screened.Reasons), FieldLengths.Reason) : null,
        };
        db.ConsultationComments.Add(comment);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return ServiceResult.Success(comment.Id);
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Comments raced for the same number: take the next one and try again.
                comment.Number = (await db.ConsultationComments.Where(x => x.ConsultationId == id).MaxAsync(x => (int?)x.Number, ct) ?? 0) + attempt;
            }
        }
    }

    private async Task<(Consultation? C, ConsultationComment? Comment)> HandledCommentAsync(int commentId, CancellationToken ct)
    {
        var comment = await db.ConsultationComments.FirstOrDefaultAsync(x => x.Id == commentId, ct);
        if (comment is null) return (null, null);
        var c = await VisibleAsync(comment.ConsultationId, ct);
        return c is null ? (null, null) : (c, comment);
    }

    /// <summary>已公开 or 不予公开 (with a reason). A held comment becomes public only through this, by a person.</summary>
    public async Task<ServiceResult> ModerateAsync(int commentId, bool makePublic, string? reason, CancellationToken ct = default)
    {
        var (c, comment) = await HandledCommentAsync(commentId, ct);
        if (c is null || comment is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden("只有本单位互动交流经办、单位管理员或政务公开办可以审核意见");
        if (c.State == ConsultationState.FeedbackPublished) return ServiceResult.Conflict("采纳情况反馈已发布，意见的公开状态不能再修改");
        var r = reason?.Trim() ?? "";
        if (!makePublic && r.Length == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["Reason"] = "不予公开须说明理由" });
        if (r.Length > FieldLengths.Reason) return ServiceResult.Invalid(new Dictionary<string, string> { ["Reason"] = $"理由不能超过{FieldLengths.Reason}字" });
        var from = comment.Moderation;
        comment.Moderation = makePublic ? CommentModeration.Public : CommentModeration.NotPublic;
        comment.ModerationReason = r.Length == 0 ? null : r;
        comment.ModeratedAt = clock.GetUtcNow();
        comment.ModeratedBy = Actor;
        audit.Add("consultation.comment.moderate", "ConsultationComment", comment.Id,
            $"审核意见{comment.Number}（{c.Title}）：{ConsultationRules.Label(comment.Moderation)}{(r.Length > 0 ? "，" + r : "")}",
            new Dictionary<string, (object?, object?)> { ["Moderation"] = (from.ToString(), comment.Moderation.ToString()) }, unitId: c.UnitId);
        if (await SaveGuardedAsync(c, ct) is { } conflict) return conflict;
        return ServiceResult.Success(comment.Id);
    }

    private static string? CheckDecision(Adoption adoption, string reason)
    {
        if (!Enum.IsDefined(adoption) || adoption == Adoption.Undecided) return "请选择采纳情况";
        if (ConsultationRules.NeedsReason(adoption) && reason.Length == 0) return $"{ConsultationRules.Label(adoption)}须说明理由";
        if (reason.Length > FieldLengths.AdoptionReason) return $"理由不能超过{FieldLengths.AdoptionReason}字";
        return null;
    }

    /// <summary>The adoption decision on one comment (not merged into a group: then the group is decided).</summary>
    public async Task<ServiceResult> DecideAsync(int commentId, Adoption adoption, string? reason, CancellationToken ct = default)
    {
        var (c, comment) = await HandledCommentAsync(commentId, ct);
        if (c is null || comment is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden();
        if (c.State == ConsultationState.FeedbackPublished) return ServiceResult.Conflict("采纳情况反馈已发布，不能再修改");
        if (comment.GroupId is not null) return ServiceResult.Conflict("该意见已归入意见组，请对意见组作出采纳决定");
        var r = reason?.Trim() ?? "";
        if (CheckDecision(adoption, r) is { } problem) return ServiceResult.Invalid(new Dictionary<string, string> { ["Reason"] = problem });
        comment.Adoption = adoption;
        comment.AdoptionReason = r.Length == 0 ? null : r;
        comment.DecidedAt = clock.GetUtcNow();
        comment.DecidedBy = Actor;
        audit.Add("consultation.comment.decide", "ConsultationComment", comment.Id, $"意见{comment.Number}（{c.Title}）：{ConsultationRules.Label(adoption)}{(r.Length > 0 ? "，" + r : "")}", unitId: c.UnitId);
        if (await SaveGuardedAsync(c, ct) is { } conflict) return conflict;
        return ServiceResult.Success(comment.Id);
    }

    /// <summary>Merges comments into one opinion group with a summary (归纳整理).</summary>
    public async Task<ServiceResult> GroupAsync(int consultationId, string? summary, IReadOnlyCollection<int> commentIds, CancellationToken ct = default)
    {
        var c = await VisibleAsync(consultationId, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden();
        if (c.State == ConsultationState.FeedbackPublished) return ServiceResult.Conflict("采纳情况反馈已发布，不能再修改");
        var s = summary?.Trim() ?? "";
        if (s.Length == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["Summary"] = "请填写归纳的意见" });
        if (s.Length > FieldLengths.OpinionSummary) return ServiceResult.Invalid(new Dictionary<string, string> { ["Summary"] = $"归纳的意见不能超过{FieldLengths.OpinionSummary}字" });
        var ids = commentIds.Distinct().Take(1000).ToList();
        var comments = await db.ConsultationComments.Where(x => x.ConsultationId == c.Id && ids.Contains(x.Id)).ToListAsync(ct);
        if (comments.Count == 0 || comments.Count != ids.Count) return ServiceResult.Invalid(new Dictionary<string, string> { ["CommentIds"] = "请选择要归并的意见" });
        var order = (await db.OpinionGroups.Where(g => g.ConsultationId == c.Id).MaxAsync(g => (int?)g.Order, ct) ?? 0) + 1;
        var group = new OpinionGroup { ConsultationId = c.Id, Order = order, Summary = s };
        db.OpinionGroups.Add(group);
        await db.SaveChangesAsync(ct);
        foreach (var x in comments) x.GroupId = group.Id;
        audit.Add("consultation.group", "OpinionGroup", group.Id, $"归并意见{string.Join("、", comments.Select(x => x.Number).Order())}为意见组{order}（{c.Title}）：{s}", unitId: c.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(group.Id);
    }

    public async Task<ServiceResult> UngroupAsync(int groupId, CancellationToken ct = default)
    {
        var group = await db.OpinionGroups.FirstOrDefaultAsync(g => g.Id == groupId, ct);
        var c = group is null ? null : await VisibleAsync(group.ConsultationId, ct);
        if (group is null || c is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden();
        if (c.State == ConsultationState.FeedbackPublished) return ServiceResult.Conflict("采纳情况反馈已发布，不能再修改");
        foreach (var x in await db.ConsultationComments.Where(x => x.GroupId == groupId).ToListAsync(ct)) x.GroupId = null;
        db.OpinionGroups.Remove(group);
        audit.Add("consultation.ungroup", "OpinionGroup", group.Id, $"撤销意见组{group.Order}（{c.Title}）", unitId: c.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(c.Id);
    }

    public async Task<ServiceResult> DecideGroupAsync(int groupId, Adoption adoption, string? reason, CancellationToken ct = default)
    {
        var group = await db.OpinionGroups.FirstOrDefaultAsync(g => g.Id == groupId, ct);
        var c = group is null ? null : await VisibleAsync(group.ConsultationId, ct);
        if (group is null || c is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden();
        if (c.State == ConsultationState.FeedbackPublished) return ServiceResult.Conflict("采纳情况反馈已发布，不能再修改");
        var r = reason?.Trim() ?? "";
        if (CheckDecision(adoption, r) is { } problem) return ServiceResult.Invalid(new Dictionary<string, string> { ["Reason"] = problem });
        group.Adoption = adoption;
        group.Reason = r.Length == 0 ? null : r;
        group.DecidedAt = clock.GetUtcNow();
        group.DecidedBy = Actor;
        audit.Add("consultation.group.decide", "OpinionGroup", group.Id, $"意见组{group.Order}（{c.Title}）：{ConsultationRules.Label(adoption)}{(r.Length > 0 ? "，" + r : "")}", unitId: c.UnitId);
        if (await SaveGuardedAsync(c, ct) is { } conflict) return conflict;
        return ServiceResult.Success(group.Id);
    }

    /// <summary>Publishes the 采纳情况反馈 once every comment (or its group) is moderated and decided with its reason.</summary>
    public async Task<ServiceResult> PublishFeedbackAsync(int id, string? text, CancellationToken ct = default)
    {
        var c = await VisibleAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId)) return ServiceResult.Forbidden();
        var t = text?.Trim() ?? "";
        if (t.Length > FieldLengths.FeedbackText) return ServiceResult.Invalid(new Dictionary<string, string> { ["FeedbackText"] = $"采纳情况说明不能超过{FieldLengths.FeedbackText}字" });
        var comments = await db.ConsultationComments.Where(x => x.ConsultationId == id).ToListAsync(ct);
        var groups = await db.OpinionGroups.Where(x => x.ConsultationId == id).ToListAsync(ct);
        var blockers = ConsultationRules.FeedbackBlockers(c, comments, groups, Today, t);
        if (blockers.Count > 0) return ServiceResult.Conflict("暂不能发布采纳情况反馈：" + string.Join("；", blockers));
        var counts = ConsultationRules.Count(comments, groups);
        c.FeedbackText = t;
        c.State = ConsultationState.FeedbackPublished;
        c.FeedbackPublishedAt = clock.GetUtcNow();
        c.FeedbackPublishedBy = Actor;
        c.UpdatedAt = c.FeedbackPublishedAt.Value;
        audit.Add("consultation.feedback", "Consultation", c.Id,
            $"发布采纳情况反馈：{c.Title}（收到{counts.Received}条，采纳{counts.Adopted}，部分采纳{counts.PartlyAdopted}，未采纳{counts.NotAdopted}）", unitId: c.UnitId);
        if (await SaveGuardedAsync(c, ct) is { } conflict) return conflict;
        return ServiceResult.Success(c.Id);
    }

    /// <summary>Links the issued document (published in the library) — or removes the link with null.</summary>
    public async Task<ServiceResult> LinkFinalDocumentAsync(int id, int? documentId, CancellationToken ct = default)
    {
        var c = await VisibleAsync(id, ct);
        if (c is null) return ServiceResult.NotFound();
        if (!user.CanHandleComments(c.UnitId) && !user.CanPublishConsultation(c.UnitId)) return ServiceResult.Forbidden();
        if (c.State == ConsultationState.Draft) return ServiceResult.Conflict("意见征集发布后才能关联正式文件");
        string? title = null;
        if (documentId is int d)
        {
            title = await db.Documents.AsNoTracking().Where(x => x.Id == d).Where(DocumentVisibility.IsPublic).Select(x => x.Title).FirstOrDefaultAsync(ct);
            if (title is null) return ServiceResult.Invalid(new Dictionary<string, string> { ["DocumentId"] = "文件不存在或尚未主动公开发布" });
        }
        var from = c.FinalDocumentId;
        c.FinalDocumentId = documentId;
        c.UpdatedAt = clock.GetUtcNow();
        audit.Add("consultation.final-document", "Consultation", c.Id, documentId is null ? $"取消关联正式文件：{c.Title}" : $"关联正式文件：{title}",
            new Dictionary<string, (object?, object?)> { ["FinalDocumentId"] = (from, documentId) }, unitId: c.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(c.Id);
    }

    /// <summary>A comment with the commenter's full name and contact, for the people handling it; each view is audited.</summary>
    public async Task<(ServiceResult Result, ConsultationComment? Comment, Consultation? Consultation)> ContactAsync(int commentId, CancellationToken ct = default)
    {
        var (c, comment) = await HandledCommentAsync(commentId, ct);
        if (c is null || comment is null) return (ServiceResult.NotFound(), null, null);
        if (!user.CanHandleComments(c.UnitId)) return (ServiceResult.NotFound(), null, null);
        audit.Add("consultation.comment.contact", "ConsultationComment", comment.Id, $"查看意见{comment.Number}的提交人信息（{c.Title}）", unitId: c.UnitId);
        await db.SaveChangesAsync(ct);
        return (ServiceResult.Success(comment.Id), comment, c);
    }

    /// <summary>
    /// Moderation, decisions and the feedback bump the consultation's Version (its concurrency token), so a decision or a
    /// moderation racing the publication of the feedback, or the feedback published twice at once, answers 409.
    /// </summary>
    private async Task<ServiceResult?> SaveGuardedAsync(Consultation c, CancellationToken ct)
    {
        c.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Conflict("意见征集已被他人更新，请刷新后重试");
        }
    }
}
