using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Interaction.Moderation;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages;

/// <summary>A new message as the public form, the public API or the staff API give it (text as typed).</summary>
public sealed class MessageInput
{
    public string? Channel { get; set; }
    public string? Type { get; set; }
    public string? ReceivedOn { get; set; }
    public string? Name { get; set; }
    public string? Contact { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    /// <summary>Target unit: its id, code or name; empty (or "区长信箱") for the leader's mailbox.</summary>
    public string? Unit { get; set; }
    public bool? Public { get; set; }
    public string? PageUrl { get; set; }
}

public sealed record MessageCreated(int Id, string QueryCode, string DueOn, bool Held, int? DuplicateOfId);

/// <summary>
/// Every step of a message: the domain rules decide, this service loads within the user's scope, records the message event
/// and the audit entry (never personal data), and saves them with the change.
/// </summary>
public sealed class MessageService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, CalendarService calendars,
    ModerationScreen screen, IOptions<MessageTimeLimitOptions> limits, IOptions<MessageOptions> options)
{
    public const string EntityType = "Message";
    public const string LeaderMailbox = "区长信箱";
    public DateOnly Today => Formats.Today(clock);

    // ---------- intake ----------

    /// <summary>The public form and the public API: channel 网站, received today, waiting for the 公开办 to route it.</summary>
    public async Task<(ServiceResult Result, MessageCreated? Created)> SubmitAsync(MessageInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var type = MessageLabels.ParseType(input.Type);
        if (type is null) errors["type"] = "请选择留言类型（咨询、建言、投诉、求助、找错或其他）";
        var (target, toLeader) = await TargetAsync(input.Unit, errors, ct);
        if (input.Public is null) errors["public"] = "请选择是否公开留言";
        var m = Build(input, type ?? MessageType.Other, MessageChannel.Website, Today);
        m.TargetUnitId = target;
        m.ToLeader = toLeader;
        m.RegisteredBy = "网上留言";
        foreach (var (k, v) in MessageRules.Validate(m)) errors.TryAdd(k, v);
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        return await CreateAsync(m, routeTo: null, "留言人通过网站提交留言", ct);
    }

    /// <summary>
    /// 政策咨询 from the policy Q&amp;A page (/zcwd/ask): the same screening, duplicate check and 查询码 as the mailbox. A named
    /// unit receives it at once (办理中, deadlines from today); no unit leaves it 待分办 for the 公开办. The ids of the
    /// suggested entries the asker saw are noted on the receipt event (for turning answers into entries later).
    /// </summary>
    public async Task<(ServiceResult Result, MessageCreated? Created)> SubmitPolicyQuestionAsync(MessageInput input, IReadOnlyCollection<int>? shownEntryIds = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        int? unit = null;
        if (Trim(input.Unit) is not null)
        {
            (unit, _) = await TargetAsync(input.Unit, errors, ct);
            if (unit is null) errors.TryAdd("unit", "请选择办理单位");
        }
        if (input.Public is null) errors["public"] = "请选择是否公开";
        var m = Build(input, MessageType.PolicyQuestion, MessageChannel.Website, Today);
        m.TargetUnitId = unit;
        m.ToLeader = false;
        m.RegisteredBy = "政策问答提问";
        foreach (var (k, v) in MessageRules.Validate(m)) errors.TryAdd(k, v);
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        var shown = (shownEntryIds ?? []).Distinct().Take(20).ToList();
        var note = "留言人通过政策问答页提问" + (shown.Count > 0 ? "（已查看推荐问答 " + string.Join("、", shown.Select(i => "#" + i)) + "）" : "");
        return await CreateAsync(m, routeTo: unit, note, ct);
    }

    /// <summary>The field errors of a form, without saving (the page shows them all at once).</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(MessageInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (MessageLabels.ParseType(input.Type) is null) errors["type"] = "请选择留言类型";
        await TargetAsync(input.Unit, errors, ct);
        if (input.Public is null) errors["public"] = "请选择是否公开留言";
        foreach (var (k, v) in MessageRules.Validate(Build(input, MessageType.Other, MessageChannel.Website, Today))) errors.TryAdd(k, v);
        return errors;
    }

    /// <summary>The 12345 hotline and other channels (staff API): the channel and receipt date as recorded there; a named unit routes it at once.</summary>
    public async Task<(ServiceResult Result, MessageCreated? Created)> RegisterAsync(MessageInput input, CancellationToken ct = default)
    {
        if (!user.IsOffice() && !(user.IsInRole(Domain.Security.Roles.InteractionOfficer) || user.IsInRole(Domain.Security.Roles.UnitAdmin)))
            return (ServiceResult.Forbidden("只有公开办或互动交流经办可以登记留言"), null);
        var errors = new Dictionary<string, string>();
        var channel = MessageLabels.ParseChannel(input.Channel);
        if (channel is null) errors["channel"] = "channel 应为 网站、12345热线、信函、电话 或 其他";
        var type = MessageLabels.ParseType(input.Type);
        if (type is null) errors["type"] = "type 应为 咨询、建言、投诉、求助、找错 或 其他";
        if (!DateOnly.TryParseExact(input.ReceivedOn ?? "", "yyyy-MM-dd", out var received)) errors["receivedOn"] = "receivedOn 应为 YYYY-MM-DD 格式的日期";
        else if (received > Today) errors["receivedOn"] = "receivedOn 不能晚于今天";
        else if (received < Today.AddYears(-1)) errors["receivedOn"] = "receivedOn 不能早于一年前";
        var (unit, toLeader) = await TargetAsync(input.Unit, errors, ct);
        var m = Build(input, type ?? MessageType.Other, channel ?? MessageChannel.Other, received == default ? Today : received);
        m.ToLeader = toLeader;
        m.TargetUnitId = unit;
        m.WantsPublic = input.Public ?? false;
        m.RegisteredBy = FieldLengths.Clip(user.UserName ?? "接口", FieldLengths.PersonName);
        foreach (var (k, v) in MessageRules.Validate(m)) errors.TryAdd(k, v);
        if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
        // A unit's own staff register into their own unit only; the 公开办 may route anywhere (or leave it 待分办).
        var routeTo = unit;
        if (!user.IsOffice())
        {
            if (unit is not null && unit != user.UnitId) return (ServiceResult.Invalid(new Dictionary<string, string> { ["unit"] = "只能登记本单位办理的留言" }), null);
            routeTo = user.UnitId;
        }
        return await CreateAsync(m, routeTo, $"{channel!.Value.Label()}渠道转来的留言，收到日期 {m.ReceivedOn:yyyy-MM-dd}", ct);
    }

    private Message Build(MessageInput i, MessageType type, MessageChannel channel, DateOnly received)
    {
        var now = clock.GetUtcNow();
        var phone = Trim(i.Contact);
        string? email = Trim(i.Email);
        // The hotline's "contact" may be an e-mail address.
        if (phone is not null && phone.Contains('@')) { email ??= phone; phone = null; }
        return new Message
        {
            Channel = channel, Type = type, Title = Trim(i.Title) ?? "", Content = Trim(i.Content) ?? "", PageUrl = type == MessageType.SiteError ? Trim(i.PageUrl) : null,
            WriterName = Trim(i.Name) ?? "", Phone = phone, Email = email, Address = Trim(i.Address), WantsPublic = i.Public ?? false,
            ReceivedOn = received, ReceivedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>A unit by id, code or name; empty or 区长信箱 is the leader's mailbox (no target unit).</summary>
    private async Task<(int? UnitId, bool ToLeader)> TargetAsync(string? unit, Dictionary<string, string> errors, CancellationToken ct)
    {
        var u = Trim(unit);
        if (u is null || u == LeaderMailbox || u == "leader") return (null, true);
        int? id = int.TryParse(u, out var n)
            ? await db.Units.Where(x => x.Id == n && x.IsActive).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct)
            : await db.Units.Where(x => (x.Code == u || x.Name == u || x.ShortName == u) && x.IsActive).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors["unit"] = $"单位“{FieldLengths.Clip(u, 40)}”不存在";
        return (id, false);
    }

    private async Task<(ServiceResult, MessageCreated?)> CreateAsync(Message m, int? routeTo, string note, CancellationToken ct)
    {
        var cal = await calendars.GetAsync(ct);
        MessageRules.SetDeadlines(m, cal, limits.Value.ToLimits());
        var found = screen.Screen(m.Title, m.Content);
        if (found.Held)
        {
            m.Held = true;
            m.HoldReasons = FieldLengths.Clip(string.Join("；", found.Reasons), FieldLengths.HoldReasons);
        }
        m.ContactKey = ContactKey(m.Phone, m.Email);
        m.DuplicateOfId = await FindDuplicateAsync(m, ct);
        var code = QueryCodes.New();
        m.QueryCodeHash = QueryCodes.Hash(code);
        AddEvent(m, MessageEventKind.Received, note, true, "留言人");
        // A citizen's question held by the screen goes to the 公开办 first, as in the mailbox, even when it named a unit.
        if (routeTo is int unit && !(m.Held && !user.IsAuthenticated))
        {
            MessageRules.Route(m, unit);
            AddEvent(m, MessageEventKind.Routed, "随登记直接分办", true);
        }
        db.Messages.Add(m);
        await db.SaveChangesAsync(ct);
        if (user.IsAuthenticated)
            audit.Add("message.create", EntityType, m.Id, $"登记留言 #{m.Id}（{m.Channel.Label()}，{m.Type.Label()}）", unitId: m.UnitId);
        else
            audit.Add("message.submit", EntityType, m.Id, $"网上留言 #{m.Id}（{m.Type.Label()}）", actor: (null, "留言人"));
        await db.SaveChangesAsync(ct);
        return (ServiceResult.Success(m.Id), new MessageCreated(m.Id, code, Formats.IsoDate(m.ReplyDue), m.Held, m.DuplicateOfId));
    }

    /// <summary>
    /// 重复留言: the same contact (phone, else e-mail) wrote a title and content equal after normalising, or at least 90% alike
    /// (character bigrams), within the window. The new message is still accepted, marked for staff, who confirm or clear it.
    /// </summary>
    private async Task<int?> FindDuplicateAsync(Message m, CancellationToken ct)
    {
        var since = m.ReceivedOn.AddDays(-options.Value.DuplicateWindowDays);
        var earlier = await db.Messages.AsNoTracking()
            .Where(x => x.ContactKey == m.ContactKey && x.ReceivedOn >= since && x.State != MessageState.Rejected)
            .OrderBy(x => x.Id).Take(50).Select(x => new { x.Id, x.Title, x.Content, x.DuplicateOfId }).ToListAsync(ct);
        var hit = earlier.FirstOrDefault(x => MessageRules.IsNearDuplicate(m.Title, m.Content, x.Title, x.Content));
        return hit is null ? null : hit.DuplicateOfId ?? hit.Id;
    }

    public static string ContactKey(string? phone, string? email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("zwgk-message-contact\n" + MessageRules.NormaliseContact(phone, email))));

    // ---------- the writer ----------

    public async Task<ServiceResult> RateAsync(string code, string? satisfaction, string? comment, CancellationToken ct = default)
    {
        if (QueryCodes.Normalize(code) is not { } normalized) return ServiceResult.NotFound();
        var hash = QueryCodes.Hash(normalized);
        var m = await db.Messages.FirstOrDefaultAsync(x => x.QueryCodeHash == hash, ct);
        if (m is null) return ServiceResult.NotFound();
        if (MessageLabels.ParseSatisfaction(satisfaction) is not { } s)
            return ServiceResult.Invalid(new Dictionary<string, string> { ["satisfaction"] = "请选择满意、基本满意或不满意" });
        if (MessageRules.Rate(m, s, comment, clock.GetUtcNow()) is { } error) return ServiceResult.Invalid(error);
        m.UpdatedAt = clock.GetUtcNow();
        AddEvent(m, MessageEventKind.Rated, s.Label(), true, "留言人");
        audit.Add("message.rate", EntityType, m.Id, $"留言人评价留言 #{m.Id}：{s.Label()}", unitId: m.UnitId, actor: (null, "留言人"));
        return await SaveOnceAsync(m, ct);
    }

    // ---------- staff steps ----------

    public Task<ServiceResult> RouteAsync(int id, int unitId, string? note, CancellationToken ct = default) =>
        OfficeStepAsync(id, unitId, async (m, unitName) =>
        {
            var routed = m.State == MessageState.Unrouted;
            var error = routed ? MessageRules.Route(m, unitId) : MessageRules.Transfer(m, unitId, note);
            // The unit that receives it has the acknowledge period from the day it was routed to it; the reply deadline
            // stays the writer's, counted from receipt.
            if (error is null) m.AcknowledgeDue = (await calendars.GetAsync(ct)).AddWorkingDays(Today, limits.Value.Acknowledge);
            return routed
                ? (error, MessageEventKind.Routed, $"分办至{unitName}" + (string.IsNullOrWhiteSpace(note) ? "" : $"：{note.Trim()}"))
                : (error, MessageEventKind.Transferred, $"转办至{unitName}：{note?.Trim()}");
        }, ct);

    private async Task<ServiceResult> OfficeStepAsync(int id, int unitId, Func<Message, string, Task<(string? Error, MessageEventKind Kind, string Note)>> step, CancellationToken ct)
    {
        var m = await LoadAsync(id, ct);
        if (m is null) return ServiceResult.NotFound();
        if (!user.IsOffice()) return ServiceResult.Forbidden("只有公开办可以分办和转办留言");
        var unitName = await db.Units.Where(u => u.Id == unitId && u.IsActive).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null) return ServiceResult.Invalid(new Dictionary<string, string> { ["unitId"] = "请选择办理单位" });
        var (error, kind, note) = await step(m, unitName);
        if (error is not null) return ServiceResult.Invalid(error);
        return await SaveAsync(m, kind, note, true, $"message.{(kind == MessageEventKind.Routed ? "route" : "transfer")}", ct);
    }

    public Task<ServiceResult> ReturnToOfficeAsync(int id, string? reason, CancellationToken ct = default) =>
        StepAsync(id, Can.Act, m => (MessageRules.ReturnToOffice(m, reason), MessageEventKind.Returned, $"退回公开办重新分办：{reason?.Trim()}", false, "message.return"), ct);

    public Task<ServiceResult> AcknowledgeAsync(int id, CancellationToken ct = default) =>
        StepAsync(id, Can.Act, m => (MessageRules.Acknowledge(m, clock.GetUtcNow()), MessageEventKind.Acknowledged, "办理单位已签收", true, "message.acknowledge"), ct);

    public Task<ServiceResult> DraftReplyAsync(int id, string? text, CancellationToken ct = default) =>
        StepAsync(id, Can.Act, m => (m.UnitId is not int unit ? "留言尚未分办" : MessageRules.DraftReply(m, text, unit, Actor, user.UserId, clock.GetUtcNow()),
            MessageEventKind.ReplyDrafted, "拟定答复，提交审核", false, "message.reply.draft"), ct);

    public Task<ServiceResult> ApproveReplyAsync(int id, CancellationToken ct = default) =>
        StepAsync(id, Can.Approve, m => (MessageRules.ApproveReply(m, Actor, user.UserId, clock.GetUtcNow(), Today), MessageEventKind.ReplyApproved, "答复已审核通过并发送", true, "message.reply.approve"), ct);

    public Task<ServiceResult> ReturnReplyAsync(int id, string? comment, CancellationToken ct = default) =>
        StepAsync(id, Can.Approve, m => (MessageRules.ReturnReply(m, comment, user.UserId), MessageEventKind.ReplyReturned, $"退回修改：{comment?.Trim()}", false, "message.reply.return"), ct);

    public Task<ServiceResult> SetPublishAsync(int id, bool publish, CancellationToken ct = default) =>
        StepAsync(id, Can.Approve, m => (MessageRules.SetPublish(m, publish, clock.GetUtcNow()), publish ? MessageEventKind.Published : MessageEventKind.Unpublished,
            publish ? "同意在网站公开留言和答复" : "不在网站公开", false, publish ? "message.publish" : "message.unpublish"), ct);

    // Rejecting or merging a message takes it out of the timeliness figures and the 3-month veto, so it needs a head
    // (the 公开办 or the unit's administrator), not the officer who would otherwise be late.
    public Task<ServiceResult> RejectAsync(int id, string? reason, CancellationToken ct = default) =>
        StepAsync(id, Can.Approve, m => (MessageRules.Reject(m, reason), MessageEventKind.Rejected, $"不予受理：{reason?.Trim()}", true, "message.reject"), ct);

    public Task<ServiceResult> ConfirmDuplicateAsync(int id, CancellationToken ct = default) =>
        StepAsync(id, Can.Approve, m => (MessageRules.ConfirmDuplicate(m), MessageEventKind.DuplicateConfirmed, $"确认与留言 #{m.DuplicateOfId} 重复，合并办理", true, "message.duplicate.confirm"), ct);

    public Task<ServiceResult> ClearDuplicateAsync(int id, CancellationToken ct = default) =>
        StepAsync(id, Can.Act, m => (MessageRules.ClearDuplicate(m), MessageEventKind.DuplicateCleared, "不是重复留言，取消标记", false, "message.duplicate.clear"), ct);

    /// <summary>The 公开办 looked at a held message and found nothing that keeps it off the portal.</summary>
    public Task<ServiceResult> ReleaseHoldAsync(int id, CancellationToken ct = default) =>
        StepAsync(id, Can.Office, m =>
        {
            if (!m.Held) return ("留言未被暂缓公开", MessageEventKind.HoldReleased, "", false, "");
            m.Held = false;
            return (null, MessageEventKind.HoldReleased, "已核实内容，解除暂缓公开", false, "message.hold.release");
        }, ct);

    private enum Can { Act, Approve, Office }

    private async Task<ServiceResult> StepAsync(int id, Can can, Func<Message, (string? Error, MessageEventKind Kind, string Note, bool Public, string Action)> step, CancellationToken ct)
    {
        var m = await LoadAsync(id, ct);
        if (m is null) return ServiceResult.NotFound();
        var allowed = can switch { Can.Act => user.CanAct(m), Can.Approve => user.CanApprove(m), _ => user.IsOffice() };
        if (!allowed) return ServiceResult.Forbidden(can == Can.Approve ? "只有公开办或办理单位的单位管理员可以审核" : "没有权限办理此留言");
        var (error, kind, note, isPublic, action) = step(m);
        if (error is not null) return ServiceResult.Invalid(error);
        return await SaveAsync(m, kind, note, isPublic, action, ct);
    }

    private async Task<ServiceResult> SaveAsync(Message m, MessageEventKind kind, string note, bool isPublic, string action, CancellationToken ct)
    {
        m.UpdatedAt = clock.GetUtcNow();
        AddEvent(m, kind, note, isPublic);
        audit.Add(action, EntityType, m.Id, FieldLengths.Clip($"留言 #{m.Id}：{kind.Label()}", FieldLengths.AuditSummary), unitId: m.UnitId);
        return await SaveOnceAsync(m, ct);
    }

    /// <summary>
    /// Version is the message's concurrency token: two steps on the same message at once (approve and return, two
    /// ratings, reject and transfer) cannot both pass their state check; the second answers 409 and changes nothing.
    /// </summary>
    private async Task<ServiceResult> SaveOnceAsync(Message m, CancellationToken ct)
    {
        m.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            return ServiceResult.Success(m.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Conflict("留言已被他人处理，请刷新后重试");
        }
    }

    /// <summary>Loads a message the user may see; anything else is "not found".</summary>
    private async Task<Message?> LoadAsync(int id, CancellationToken ct)
    {
        var m = await db.Messages.FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is not null && user.CanSee(m) ? m : null;
    }

    private string Actor => FieldLengths.Clip(user.UserName ?? "工作人员", FieldLengths.PersonName);

    private void AddEvent(Message m, MessageEventKind kind, string note, bool isPublic, string? actor = null) =>
        m.Events.Add(new MessageEvent
        {
            At = clock.GetUtcNow(), Kind = kind, ActorName = actor ?? Actor, ActorUserId = actor is null ? user.UserId : null,
            Note = FieldLengths.Clip(note, FieldLengths.MessageNote), Public = isPublic,
        });

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
