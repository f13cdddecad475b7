using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages;

public sealed record PublicMessageItem(int Id, string Type, string Title, string Writer, string? Unit, DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, string? ReplyExcerpt);
public sealed record PublicMessageView(int Id, string Type, string Title, string Content, string Writer, string? Unit, DateTimeOffset ReceivedAt,
    DateTimeOffset? RepliedAt, string? Reply, string? ReplyUnit, string? Satisfaction);
public sealed record MessageEventView(DateTimeOffset At, string Kind, string? Note, string? Actor);
/// <summary>What the writer sees with the 查询码 (API GET /api/v1/messages/{code}): name and phone masked.</summary>
public sealed record MessageStatusView(string Type, string Channel, string Title, string Content, string Name, string Contact, string ReceivedOn, string DueOn,
    string Status, string? Unit, string? Reply, string? ReplyUnit, DateTimeOffset? RepliedAt, string? RejectReason, bool Public, bool Published,
    string? Satisfaction, bool CanRate, IReadOnlyList<MessageEventView> Events);
public sealed record MessageListFilter(MessageState? State = null, MessageType? Type = null, int? Unit = null, bool Overdue = false, bool Held = false,
    bool Duplicates = false, string? Text = null, int Page = 1, int PageSize = 20);
public sealed record MessageListItem(int Id, string Type, string Channel, string Title, string Writer, string? Unit, string Status, DateOnly ReceivedOn,
    DateOnly ReplyDue, DateOnly? RepliedOn, string Timeliness, bool Overdue, bool DueSoon, bool Held, int? DuplicateOfId);
/// <summary>Staff detail. Personal data fields are masked unless <see cref="FullPersonalData"/>.</summary>
public sealed record MessageDetails(int Id, MessageState State, string Status, MessageType Type, string TypeLabel, string Channel, string? TargetUnit, bool ToLeader,
    int? UnitId, string? Unit, string Title, string Content, string? PageUrl, string Name, string? Phone, string? Email, string? Address, bool FullPersonalData,
    bool WantsPublic, bool PublishApproved, bool IsPublic, bool Held, string? HoldReasons, DateOnly ReceivedOn, DateTimeOffset ReceivedAt, string RegisteredBy,
    DateOnly AcknowledgeDue, DateTimeOffset? AcknowledgedAt, DateOnly ReplyDue, string Timeliness, int? DuplicateOfId, string? RejectReason,
    string? ReplyText, string? ReplyDraftedBy, string? ReplyDraftedByUserId, string? ReplyApprovedBy, string? ReviewComment, DateTimeOffset? RepliedAt,
    string? Satisfaction, string? SatisfactionComment, IReadOnlyList<MessageEventView> Events,
    bool CanAct, bool CanApprove, bool IsOffice);
public sealed record MessageReminder(int Id, string Title, string? Unit, DateOnly ReplyDue, bool Overdue, bool AcknowledgeOverdue);
public sealed record MessageUnitStats(int? UnitId, string Unit, int Received, int Answered, int AnsweredOnTime, int Overdue, int Open, double? AverageWorkingDays,
    int Satisfied, int FairlySatisfied, int Unsatisfied);

/// <summary>
/// Read side of messages: the portal list and detail (only public messages, names masked), the writer's view by 查询码,
/// the staff inbox (scoped, masked), the staff detail (full personal data only to the handlers, audited), reminders,
/// per-unit statistics. The lead's dashboards and the 3-month veto detector can build on <see cref="OpenWithDueAsync"/>.
/// </summary>
public sealed class MessageQueries(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CalendarService calendars, IOptions<MessageOptions> options)
{
    public DateOnly Today => Formats.Today(clock);
    private int DueSoonDays => options.Value.DueSoonWorkingDays;

    /// <summary>The portal rule in a query: answered, chosen public by the writer, approved by staff, not held.</summary>
    public static IQueryable<Message> PublicOnly(IQueryable<Message> q) =>
        q.Where(m => m.State == MessageState.Closed && m.WantsPublic && m.PublishApproved && !m.Held);

    private Task<Dictionary<int, string>> UnitNamesAsync(CancellationToken ct) => db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    // ---------- portal ----------

    public async Task<PagedResult<PublicMessageItem>> PublicListAsync(MessageType? type, int? unit, string? text, int page, int pageSize = 15, CancellationToken ct = default)
    {
        var q = PublicOnly(db.Messages.AsNoTracking());
        if (type is { } t) q = q.Where(m => m.Type == t);
        if (unit is { } u) q = q.Where(m => m.UnitId == u);
        if (!string.IsNullOrWhiteSpace(text)) { var s = text.Trim(); q = q.Where(m => m.Title.Contains(s) || m.Content.Contains(s)); }
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 50);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.RepliedAt).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new { m.Id, m.Type, m.Title, m.WriterName, m.UnitId, m.ReceivedAt, m.RepliedAt, m.ReplyText }).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        return new PagedResult<PublicMessageItem>(rows.Select(m => new PublicMessageItem(m.Id, m.Type.Label(), m.Title, MessageRules.PublicName(m.WriterName),
            m.UnitId is int id ? names.GetValueOrDefault(id) : null, m.ReceivedAt, m.RepliedAt, Formats.Cut(m.ReplyText, 80))).ToList(), total, page, pageSize);
    }

    public async Task<PublicMessageView?> PublicDetailAsync(int id, CancellationToken ct = default)
    {
        var m = await PublicOnly(db.Messages.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var names = await UnitNamesAsync(ct);
        return new PublicMessageView(m.Id, m.Type.Label(), m.Title, m.Content, MessageRules.PublicName(m.WriterName), m.UnitId is int u ? names.GetValueOrDefault(u) : null,
            m.ReceivedAt, m.RepliedAt, m.ReplyText, m.ReplyUnitId is int r ? names.GetValueOrDefault(r) : null, m.Satisfaction?.Label());
    }

    /// <summary>Units that may be written to (the form's 选择部门).</summary>
    public Task<List<PublicUnitOption>> UnitsAsync(CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new PublicUnitOption(u.Id, u.Name)).ToListAsync(ct);

    public async Task<MessageStatusView?> ByQueryCodeAsync(string? code, CancellationToken ct = default)
    {
        if (QueryCodes.Normalize(code) is not { } normalized) return null;
        var hash = QueryCodes.Hash(normalized);
        var m = await db.Messages.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.QueryCodeHash == hash, ct);
        if (m is null) return null;
        var names = await UnitNamesAsync(ct);
        var answered = m.State == MessageState.Closed;
        return new MessageStatusView(m.Type.Label(), m.Channel.Label(), m.Title, m.Content, PersonalData.MaskName(m.WriterName),
            m.Phone is not null ? PersonalData.MaskPhone(m.Phone) : PersonalData.MaskEmail(m.Email), Formats.IsoDate(m.ReceivedOn), Formats.IsoDate(m.ReplyDue),
            m.State.PublicLabel(), m.UnitId is int u ? names.GetValueOrDefault(u) : null, answered ? m.ReplyText : null,
            answered && m.ReplyUnitId is int r ? names.GetValueOrDefault(r) : null, answered ? m.RepliedAt : null, m.State == MessageState.Rejected ? m.RejectReason : null,
            m.WantsPublic, m.IsPublic, m.Satisfaction?.Label(), answered && m.Satisfaction is null,
            m.Events.Where(e => e.Public).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new MessageEventView(e.At, e.Kind.Label(), e.Kind == MessageEventKind.Rated ? e.Note : null, null)).ToList());
    }

    // ---------- staff ----------

    public async Task<PagedResult<MessageListItem>> ListAsync(MessageListFilter f, CancellationToken ct = default)
    {
        var q = user.Scope(db.Messages.AsNoTracking());
        if (f.State is { } s) q = q.Where(m => m.State == s);
        if (f.Type is { } t) q = q.Where(m => m.Type == t);
        if (f.Unit is { } u) q = q.Where(m => m.UnitId == u);
        if (f.Held) q = q.Where(m => m.Held);
        if (f.Duplicates) q = q.Where(m => m.DuplicateOfId != null);
        if (f.Overdue) { var today = Today; q = q.Where(m => (m.State == MessageState.Unrouted || m.State == MessageState.Handling || m.State == MessageState.InReview) && m.ReplyDue < today); }
        if (!string.IsNullOrWhiteSpace(f.Text)) { var x = f.Text.Trim(); q = q.Where(m => m.Title.Contains(x)); }
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        var cal = await calendars.GetAsync(ct);
        return new PagedResult<MessageListItem>(rows.Select(m =>
        {
            var tl = MessageRules.Timeliness(m, Today, cal, DueSoonDays);
            // Staff lists never show personal data in full: the name is masked even for handlers.
            return new MessageListItem(m.Id, m.Type.Label(), m.Channel.Label(), m.Title, PersonalData.MaskName(m.WriterName), m.UnitId is int id ? names.GetValueOrDefault(id) : null,
                m.State.Label(), m.ReceivedOn, m.ReplyDue, m.RepliedOn, tl.Label(), tl == Timeliness.Overdue, tl == Timeliness.DueSoon, m.Held, m.DuplicateOfId);
        }).ToList(), total, page, size);
    }

    /// <summary>The staff detail; personal data in full only to the handlers, and every such view is audited.</summary>
    public async Task<MessageDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var m = await db.Messages.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || !user.CanSee(m)) return null;
        var full = user.CanSeePersonalData(m);
        if (full)
        {
            audit.Add("message.personal.view", MessageService.EntityType, m.Id, $"查看留言 #{m.Id} 的留言人信息", unitId: m.UnitId);
            await db.SaveChangesAsync(ct);
        }
        var names = await UnitNamesAsync(ct);
        var cal = await calendars.GetAsync(ct);
        string? N(int? u) => u is int x ? names.GetValueOrDefault(x) : null;
        return new MessageDetails(m.Id, m.State, m.State.Label(), m.Type, m.Type.Label(), m.Channel.Label(), N(m.TargetUnitId), m.ToLeader, m.UnitId, N(m.UnitId),
            m.Title, m.Content, m.PageUrl,
            full ? m.WriterName : PersonalData.MaskName(m.WriterName), full ? m.Phone : PersonalData.MaskPhone(m.Phone), full ? m.Email : PersonalData.MaskEmail(m.Email),
            full ? m.Address : PersonalData.MaskAddress(m.Address), full,
            m.WantsPublic, m.PublishApproved, m.IsPublic, m.Held, m.HoldReasons, m.ReceivedOn, m.ReceivedAt, m.RegisteredBy, m.AcknowledgeDue, m.AcknowledgedAt, m.ReplyDue,
            MessageRules.Timeliness(m, Today, cal, DueSoonDays).Label(), m.DuplicateOfId, m.RejectReason, m.ReplyText, m.ReplyDraftedBy, m.ReplyDraftedByUserId, m.ReplyApprovedBy,
            m.ReviewComment, m.RepliedAt, m.Satisfaction?.Label(), m.SatisfactionComment,
            m.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new MessageEventView(e.At, e.Kind.Label(), e.Note, e.ActorName)).ToList(),
            user.CanAct(m), user.CanApprove(m), user.IsOffice());
    }

    /// <summary>Open messages in the user's scope that are overdue or due within the configured working days (admin home).</summary>
    public async Task<IReadOnlyList<MessageReminder>> RemindersAsync(CancellationToken ct = default)
    {
        var cal = await calendars.GetAsync(ct);
        var today = Today;
        var horizon = cal.AddWorkingDays(today, Math.Max(DueSoonDays, 1));
        var rows = await user.Scope(db.Messages.AsNoTracking())
            .Where(m => (m.State == MessageState.Unrouted || m.State == MessageState.Handling || m.State == MessageState.InReview) && (m.ReplyDue <= horizon || (m.AcknowledgedAt == null && m.AcknowledgeDue < today)))
            .OrderBy(m => m.ReplyDue).ThenBy(m => m.Id).Take(200).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        return rows.Select(m => (m, tl: MessageRules.Timeliness(m, today, cal, DueSoonDays)))
            .Where(x => x.tl is Timeliness.Overdue or Timeliness.DueSoon || MessageRules.AcknowledgeOverdue(x.m, today))
            .Select(x => new MessageReminder(x.m.Id, x.m.Title, x.m.UnitId is int u ? names.GetValueOrDefault(u) : null, x.m.ReplyDue, x.tl == Timeliness.Overdue,
                MessageRules.AcknowledgeOverdue(x.m, today))).ToList();
    }

    /// <summary>Open messages with their type and deadlines across all units (no scope): for the 公开办 dashboard and the
    /// 3-month veto detector (an unanswered 咨询 older than 3 months). No personal data.</summary>
    public Task<List<OpenMessage>> OpenWithDueAsync(CancellationToken ct = default) =>
        db.Messages.AsNoTracking().Where(m => m.State == MessageState.Unrouted || m.State == MessageState.Handling || m.State == MessageState.InReview)
            .OrderBy(m => m.ReceivedOn).Select(m => new OpenMessage(m.Id, m.Type, m.UnitId, m.Title, m.ReceivedOn, m.ReplyDue)).ToListAsync(ct);

    /// <summary>Per-unit statistics for messages received in [from, to], in the user's scope.</summary>
    public async Task<IReadOnlyList<MessageUnitStats>> StatsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rows = await user.Scope(db.Messages.AsNoTracking()).Where(m => m.ReceivedOn >= from && m.ReceivedOn <= to)
            .Select(m => new { m.UnitId, m.State, m.ReceivedOn, m.ReplyDue, m.RepliedOn, m.Satisfaction }).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        var cal = await calendars.GetAsync(ct);
        var today = Today;
        return rows.GroupBy(r => r.UnitId).Select(g =>
        {
            var answered = g.Where(r => r.State == MessageState.Closed && r.RepliedOn is not null).ToList();
            var open = g.Count(r => r.State is MessageState.Unrouted or MessageState.Handling or MessageState.InReview);
            return new MessageUnitStats(g.Key, g.Key is int u ? names.GetValueOrDefault(u) ?? "" : "待分办", g.Count(), answered.Count,
                answered.Count(r => r.RepliedOn <= r.ReplyDue), g.Count(r => MessageRules.Timeliness(r.State, r.ReplyDue, r.RepliedOn, today, cal) is Timeliness.Overdue), open,
                answered.Count == 0 ? null : Math.Round(answered.Average(r => (double)cal.WorkingDaysBetween(r.ReceivedOn, r.RepliedOn!.Value)), 1),
                g.Count(r => r.Satisfaction == Satisfaction.Satisfied), g.Count(r => r.Satisfaction == Satisfaction.FairlySatisfied), g.Count(r => r.Satisfaction == Satisfaction.Unsatisfied));
        }).OrderBy(s => s.UnitId is null ? 0 : 1).ThenByDescending(s => s.Received).ToList();
    }

    public Task<List<PublicUnitOption>> ActiveUnitsAsync(CancellationToken ct = default) => UnitsAsync(ct);
}

public sealed record OpenMessage(int Id, MessageType Type, int? UnitId, string Title, DateOnly ReceivedOn, DateOnly ReplyDue);
