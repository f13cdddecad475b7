using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Interpretations;

public sealed class InterpretationPointInput
{
    public string? Clause { get; set; }
    public string? Text { get; set; }
}

public sealed class InterpretationMediaInput
{
    public int AttachmentId { get; set; }
    public MediaKind Kind { get; set; } = MediaKind.Image;
    public string? AltText { get; set; }
    public string? Transcript { get; set; }
    public int? CaptionsAttachmentId { get; set; }
}

/// <summary>What an editor submits for an interpretation's profile (form page and JSON API share it).</summary>
public sealed class InterpretationInput
{
    public InterpretationForm Form { get; set; } = InterpretationForm.Text;
    /// <summary>0: the document's owner unit (「谁起草谁解读」).</summary>
    public int InterpretingUnitId { get; set; }
    public string? InterpreterName { get; set; }
    public string? InterpreterTitle { get; set; }
    public string? ExternalMediaUrl { get; set; }
    public List<InterpretationPointInput> Points { get; set; } = [];
    public List<InterpretationMediaInput> Media { get; set; } = [];

    public static InterpretationInput From(InterpretationProfile p) => new()
    {
        Form = p.Form, InterpretingUnitId = p.InterpretingUnitId, InterpreterName = p.InterpreterName, InterpreterTitle = p.InterpreterTitle,
        ExternalMediaUrl = p.ExternalMediaUrl,
        Points = p.Points.OrderBy(x => x.Order).Select(x => new InterpretationPointInput { Clause = x.Clause, Text = x.Text }).ToList(),
        Media = p.Media.OrderBy(x => x.Order).Select(x => new InterpretationMediaInput
        {
            AttachmentId = x.AttachmentId, Kind = x.Kind, AltText = x.AltText, Transcript = x.Transcript, CaptionsAttachmentId = x.CaptionsAttachmentId,
        }).ToList(),
    };
}

/// <summary>
/// Writes interpretation profiles and creates interpretations of a policy. The interpretation document itself is edited,
/// reviewed and published through <see cref="DocumentService"/>; scoping follows the document's owner unit.
/// </summary>
public sealed class InterpretationService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, DocumentService documents,
    IOutputCacheStore cache, IOptions<InterpretationOptions> options)
{
    public const int MaxPoints = 50;
    public const int MaxMedia = 30;

    /// <summary>The editable interpretation document and its profile (null when none yet); null when out of scope.</summary>
    public async Task<(Document Doc, InterpretationProfile? Profile)?> GetAsync(int documentId, CancellationToken ct = default)
    {
        var doc = await user.Scope(db.Documents.AsNoTracking()).Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null) return null;
        var profile = await db.InterpretationProfiles.AsNoTracking().Include(p => p.Points).Include(p => p.Media)
            .FirstOrDefaultAsync(p => p.DocumentId == documentId, ct);
        return (doc, profile);
    }

    /// <summary>
    /// One click from a policy: a draft interpretation owned by the policy's unit, genre 解读, filed under 政策解读, linked by
    /// 解读 and with a profile naming the policy's unit as interpreter. Only the owner unit or the 公开办 may interpret a
    /// policy; a policy the user cannot see answers as missing.
    /// </summary>
    public async Task<ServiceResult> CreateForPolicyAsync(int policyId, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var policy = await db.Documents.VisibleTo(user).AsNoTracking().Where(d => d.Id == policyId)
            .Select(d => new { d.Id, d.Title, d.OwnerUnitId, d.TopicCategory }).FirstOrDefaultAsync(ct);
        if (policy is null) return ServiceResult.NotFound();
        if (!user.CanAccessUnit(policy.OwnerUnitId)) return ServiceResult.Forbidden("谁起草谁解读：只能由起草单位或公开办为该文件撰写解读");
        var slug = options.Value.ColumnSlug;
        var columnIds = await db.Columns.Where(c => c.Slug == slug && c.Type == Domain.Catalog.ColumnType.DocumentList).Select(c => c.Id).Take(1).ToListAsync(ct);
        var input = new DocumentInput
        {
            Title = FieldLengths.Clip($"《{policy.Title}》政策解读", FieldLengths.Title), Genre = "解读", OwnerUnitId = policy.OwnerUnitId, IssuerUnitIds = [policy.OwnerUnitId],
            TopicCategory = policy.TopicCategory, ColumnIds = columnIds, BodyHtml = "",
        };
        // Document, relation and profile are saved in turn: one transaction, so a failure leaves no orphan draft.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = await documents.SaveAsync(null, input, ct);
        if (!created.Ok || created.Id is not int id) return created;
        var related = await documents.AddRelationAsync(id, policy.Id, RelationType.Interprets, null, ct);
        if (!related.Ok) return related;
        db.InterpretationProfiles.Add(new InterpretationProfile
        {
            DocumentId = id, Form = InterpretationForm.Text, InterpretingUnitId = policy.OwnerUnitId, UpdatedAt = clock.GetUtcNow(), UpdatedBy = user.UserName,
        });
        audit.Add("interpretation.create", "Document", id, FieldLengths.Clip($"为《{policy.Title}》新建政策解读", FieldLengths.AuditSummary), unitId: policy.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return ServiceResult.Success(id);
    }

    public async Task<ServiceResult> SaveAsync(int documentId, InterpretationInput input, CancellationToken ct = default)
    {
        if (!user.CanEdit) return ServiceResult.Forbidden();
        var doc = await user.Scope(db.Documents).Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (doc is null) return ServiceResult.NotFound();
        if (doc.Status is DocumentStatus.InReview) return ServiceResult.Conflict("文件正在审核中，不能修改解读信息；如需修改请由审核人退回");
        if (doc.Status is DocumentStatus.Published or DocumentStatus.Scheduled && !user.CanEditPublished)
            return ServiceResult.Forbidden("已发布的解读只能由单位管理员或公开办修改");

        var errors = await ValidateAsync(doc, input, ct);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        // The accessibility gate runs at submission and approval; a live (or scheduled) document must not slip past it by an edit.
        if (doc.Status is DocumentStatus.Published or DocumentStatus.Scheduled)
        {
            var attachments = doc.Attachments.ToDictionary(a => a.Id);
            var media = input.Media.Where(m => m.AttachmentId != 0).Select((m, i) => new InterpretationMedia
            {
                Order = i + 1, AttachmentId = m.AttachmentId, Attachment = attachments[m.AttachmentId], Kind = m.Kind, AltText = Blank(m.AltText),
                Transcript = Blank(m.Transcript), CaptionsAttachmentId = m.CaptionsAttachmentId is > 0 ? m.CaptionsAttachmentId : null,
            }).ToList();
            if (InterpretationRules.PublishRefusal(media) is { } refusal) return ServiceResult.Invalid(refusal);
        }

        var profile = await db.InterpretationProfiles.Include(p => p.Points).Include(p => p.Media).FirstOrDefaultAsync(p => p.DocumentId == documentId, ct);
        var before = profile is null ? null : Snapshot(profile);
        if (profile is null)
        {
            profile = new InterpretationProfile { DocumentId = documentId };
            db.InterpretationProfiles.Add(profile);
        }
        profile.Form = input.Form;
        profile.InterpretingUnitId = input.InterpretingUnitId == 0 ? doc.OwnerUnitId : input.InterpretingUnitId;
        profile.InterpreterName = Blank(input.InterpreterName);
        profile.InterpreterTitle = Blank(input.InterpreterTitle);
        profile.ExternalMediaUrl = Blank(input.ExternalMediaUrl);
        profile.UpdatedAt = clock.GetUtcNow();
        profile.UpdatedBy = user.UserName;
        db.InterpretationPoints.RemoveRange(profile.Points);
        profile.Points = input.Points.Where(p => !string.IsNullOrWhiteSpace(p.Text))
            .Select((p, i) => new InterpretationPoint { Order = i + 1, Clause = Blank(p.Clause), Text = p.Text!.Trim() }).ToList();
        db.InterpretationMedia.RemoveRange(profile.Media);
        profile.Media = input.Media.Where(m => m.AttachmentId != 0).Select((m, i) => new InterpretationMedia
        {
            Order = i + 1, AttachmentId = m.AttachmentId, Kind = m.Kind, AltText = Blank(m.AltText), Transcript = Blank(m.Transcript),
            CaptionsAttachmentId = m.CaptionsAttachmentId is > 0 ? m.CaptionsAttachmentId : null,
        }).ToList();
        var after = Snapshot(profile);
        audit.Add(before is null ? "interpretation.create" : "interpretation.update", "Document", doc.Id,
            FieldLengths.Clip($"{(before is null ? "填写" : "修改")}《{doc.Title}》的解读信息（{profile.Form.Label()}，要点{profile.Points.Count}条，媒体{profile.Media.Count}个）", FieldLengths.AuditSummary),
            before is null ? null : AuditLog.Diff(before, after), doc.OwnerUnitId);
        await db.SaveChangesAsync(ct);
        if (doc.IsPublic) await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(doc.Id);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(Document doc, InterpretationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Form)) errors[nameof(input.Form)] = "解读形式不正确";
        if (input.InterpretingUnitId != 0 && !await db.Units.AnyAsync(u => u.Id == input.InterpretingUnitId, ct))
            errors[nameof(input.InterpretingUnitId)] = "解读单位不存在";
        Check(errors, nameof(input.InterpreterName), "解读人", input.InterpreterName, FieldLengths.InterpreterName);
        Check(errors, nameof(input.InterpreterTitle), "解读人职务", input.InterpreterTitle, FieldLengths.InterpreterTitle);
        Check(errors, nameof(input.ExternalMediaUrl), "外部媒体链接", input.ExternalMediaUrl, FieldLengths.Url);
        if (Blank(input.ExternalMediaUrl) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            errors[nameof(input.ExternalMediaUrl)] = "外部媒体链接须以 http:// 或 https:// 开头";
        if (input.Points.Count > MaxPoints) errors[nameof(input.Points)] = $"解读要点最多{MaxPoints}条";
        foreach (var p in input.Points)
        {
            Check(errors, nameof(input.Points), "条款", p.Clause, FieldLengths.InterpretationClause);
            Check(errors, nameof(input.Points), "要点内容", p.Text, FieldLengths.InterpretationPoint);
        }
        if (input.Media.Count > MaxMedia) errors[nameof(input.Media)] = $"媒体文件最多{MaxMedia}个";
        var attachments = doc.Attachments.ToDictionary(a => a.Id, a => a.ContentType);
        foreach (var m in input.Media.Where(m => m.AttachmentId != 0))
        {
            if (!attachments.TryGetValue(m.AttachmentId, out var contentType) || m.CaptionsAttachmentId is > 0 and var c && !attachments.ContainsKey(c))
                errors[nameof(input.Media)] = "媒体文件须是本文件的附件";
            else if (!Enum.IsDefined(m.Kind)) errors[nameof(input.Media)] = "媒体类型不正确";
            // The kind decides the player and the accessibility check: a file must really be what it is declared as.
            else if (!contentType.StartsWith(KindPrefix(m.Kind), StringComparison.OrdinalIgnoreCase))
                errors[nameof(input.Media)] = $"附件{m.AttachmentId}不是{m.Kind.Label()}文件，请重新选择媒体类型";
            Check(errors, nameof(input.Media), "替代文字", m.AltText, FieldLengths.MediaAltText);
            Check(errors, nameof(input.Media), "文字实录", m.Transcript, FieldLengths.MediaTranscript);
        }
        if (input.Media.Where(m => m.AttachmentId != 0).GroupBy(m => m.AttachmentId).Any(g => g.Count() > 1)) errors[nameof(input.Media)] = "同一附件只能添加一次";
        return errors;
    }

    private static string KindPrefix(MediaKind kind) => kind switch
    {
        MediaKind.Video => "video/",
        MediaKind.Audio => "audio/",
        _ => "image/",
    };

    private static void Check(Dictionary<string, string> errors, string key, string label, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors[key] = $"{label}不能超过{max}个字";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private Dictionary<string, object?> Snapshot(InterpretationProfile p) => new()
    {
        ["形式"] = p.Form.Label(), ["解读单位"] = p.InterpretingUnitId, ["解读人"] = p.InterpreterName, ["职务"] = p.InterpreterTitle,
        ["外部链接"] = p.ExternalMediaUrl, ["要点"] = p.Points.Count, ["媒体"] = p.Media.Count,
    };

    /// <summary>
    /// The accessibility gate of publishing: an interpretation whose picture lacks alt text, or whose video/audio has neither
    /// transcript nor captions, is refused at submission and approval with the reason.
    /// </summary>
    public static async Task<string?> PublishRefusalAsync(ZwgkDbContext db, int documentId, CancellationToken ct)
    {
        var media = await db.InterpretationMedia.AsNoTracking().Include(m => m.Attachment).Where(m => m.ProfileDocumentId == documentId).ToListAsync(ct);
        return media.Count == 0 ? null : InterpretationRules.PublishRefusal(media);
    }
}
