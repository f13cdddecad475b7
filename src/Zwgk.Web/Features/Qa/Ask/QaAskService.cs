using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>An answered 政策咨询 not yet turned into an entry (staff list; no personal data).</summary>
public sealed record AnsweredQuestion(int Id, string Title, string? Unit, DateOnly ReceivedOn, DateOnly? RepliedOn, string ReplyExcerpt, bool CanConvert);

/// <summary>
/// The asking side of the Q&amp;A base: the public block of answered 政策咨询 (网友政策咨询) and turning an answered one into
/// a draft entry. Messages are scoped as the messages feature scopes them; another unit's message is "not found".
/// </summary>
public sealed partial class QaAskService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, MessageQueries messages)
{
    public const string EntityType = "QaItem";

    /// <summary>Latest answered 政策咨询 the writer chose public and staff published; names masked.</summary>
    public async Task<IReadOnlyList<PublicMessageItem>> RecentAnswersAsync(int count = 5, CancellationToken ct = default) =>
        (await messages.PublicListAsync(MessageType.PolicyQuestion, null, null, 1, Math.Clamp(count, 1, 20), ct)).Items;

    /// <summary>Answered (办结) 政策咨询 in the user's scope that no entry was made from yet, newest answer first.</summary>
    public async Task<IReadOnlyList<AnsweredQuestion>> AnsweredNotConvertedAsync(CancellationToken ct = default)
    {
        var rows = await user.Scope(db.Messages.AsNoTracking())
            .Where(m => m.Type == MessageType.PolicyQuestion && m.State == MessageState.Closed && m.ReplyText != null)
            .Where(m => !db.QaItems.Any(q => q.SourceMessageId == m.Id))
            .OrderByDescending(m => m.RepliedAt).ThenByDescending(m => m.Id).Take(200).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(m => new AnsweredQuestion(m.Id, m.Title, (m.ReplyUnitId ?? m.UnitId) is int u ? names.GetValueOrDefault(u) : null, m.ReceivedOn,
            m.RepliedOn, Formats.Cut(m.ReplyText, 80), user.CanAct(m) && user.CanWriteAny())).ToList();
    }

    /// <summary>
    /// Makes a draft entry from an answered 政策咨询: the title as the question, the citizen's wording (without their name,
    /// phone or e-mail) as another phrasing, the reply as the answer, the replying unit as 责任单位. The entry still goes
    /// through the Q&amp;A review before it is offered.
    /// </summary>
    public async Task<ServiceResult> ConvertAsync(int messageId, CancellationToken ct = default)
    {
        var m = await db.Messages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == messageId && x.Type == MessageType.PolicyQuestion, ct);
        if (m is null || !user.CanSee(m)) return ServiceResult.NotFound();
        // Acting on the message is not enough: the entry joins the Q&A base, so the user must also be one who writes entries there.
        if (!user.CanAct(m) || !user.CanWriteAny()) return ServiceResult.Forbidden("只有公开办或办理单位的工作人员可以转为问答条目");
        if (m.State != MessageState.Closed || string.IsNullOrWhiteSpace(m.ReplyText)) return ServiceResult.Invalid("只有已答复的政策咨询可以转为问答条目");
        if (await db.QaItems.AnyAsync(q => q.SourceMessageId == m.Id, ct)) return ServiceResult.Conflict("这条政策咨询已转为问答条目");

        var now = clock.GetUtcNow();
        var wording = WithoutPersonalData(OneLine(m.Content), m);
        var item = new QaItem
        {
            Question = FieldLengths.Clip(WithoutPersonalData(OneLine(m.Title), m), FieldLengths.QaQuestion),
            Alternatives = wording.Length == 0 || wording == m.Title ? null : FieldLengths.Clip(wording, Math.Min(FieldLengths.QaAlternatives, FieldLengths.QaQuestion)),
            Answer = FieldLengths.Clip(WithoutPersonalData(WithoutSalutation(m.ReplyText!.Trim()), m), FieldLengths.QaAnswer),
            UnitId = m.ReplyUnitId ?? m.UnitId,
            Status = QaStatus.Draft,
            SourceMessageId = m.Id,
            CreatedAt = now, UpdatedAt = now,
            CreatedBy = FieldLengths.Clip(user.UserName ?? "工作人员", FieldLengths.PersonName),
            CreatedByUserId = user.UserId,
        };
        // The audit needs the new id: both saves commit together or not at all. A second conversion racing this one is
        // refused by the unique index on SourceMessageId.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.QaItems.Add(item);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            return ServiceResult.Conflict("这条政策咨询已转为问答条目");
        }
        audit.Add("qa.from-message", EntityType, item.Id, FieldLengths.Clip($"由政策咨询留言 #{m.Id} 生成问答条目草稿 #{item.Id}", FieldLengths.AuditSummary), unitId: item.UnitId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Success(item.Id);
    }

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The writer's own name, phone or e-mail, and anything shaped like a mobile number, an ID-card number or an e-mail address,
    /// are left out of the entry: a reply written to one citizen becomes an answer for everyone.
    /// </summary>
    internal static string WithoutPersonalData(string text, Message m)
    {
        foreach (var p in new[] { m.Phone, m.Email, m.WriterName })
            if (!string.IsNullOrWhiteSpace(p) && p.Trim().Length >= 2) text = text.Replace(p.Trim(), "***", StringComparison.Ordinal);
        text = IdNumber().Replace(text, "***");
        text = Mobile().Replace(text, "***");
        text = Email().Replace(text, "***");
        return text.Trim();
    }

    /// <summary>Drops an opening address to the writer ("王先生：您好！", "尊敬的网友，您好。").</summary>
    internal static string WithoutSalutation(string text) => Salutation().Replace(text, "").TrimStart();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?![\dXx])")]
    private static partial System.Text.RegularExpressions.Regex IdNumber();
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex Mobile();
    [System.Text.RegularExpressions.GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial System.Text.RegularExpressions.Regex Email();
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(尊敬的)?([\p{IsCJKUnifiedIdeographs}]{1,4}(先生|女士|同志)|网友|市民朋友|市民)\s*[，,：:！!、]?\s*(您好|你好)?\s*[，,：:！!。.]?")]
    private static partial System.Text.RegularExpressions.Regex Salutation();
}
