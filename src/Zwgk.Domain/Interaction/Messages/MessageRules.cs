using System.Text;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Interaction.Messages;

/// <summary>Working-day limits per message type (Zwgk:Interaction:Messages:TimeLimits); the site may set its own.</summary>
public sealed record MessageTimeLimits(int Acknowledge = 1, int Inquiry = 5, int Suggestion = 10, int Complaint = 10, int HelpRequest = 5, int SiteError = 3, int Other = 10, int PolicyQuestion = 5)
{
    public int ReplyDays(MessageType t) => t switch
    {
        MessageType.Inquiry => Inquiry,
        MessageType.Suggestion => Suggestion,
        MessageType.Complaint => Complaint,
        MessageType.HelpRequest => HelpRequest,
        MessageType.SiteError => SiteError,
        MessageType.PolicyQuestion => PolicyQuestion,
        _ => Other,
    };
}

/// <summary>Derived, never stored: where a message stands against its reply deadline today.</summary>
public enum Timeliness { OnTime = 1, DueSoon = 2, Overdue = 3, AnsweredOnTime = 4, AnsweredLate = 5, NotCounted = 6 }

public static class MessageLabels
{
    public static string Label(this MessageChannel c) => c switch
    {
        MessageChannel.Website => "网站", MessageChannel.Hotline12345 => "12345热线", MessageChannel.Letter => "信函", MessageChannel.Phone => "电话", _ => "其他",
    };

    public static string Label(this MessageType t) => t switch
    {
        MessageType.Inquiry => "咨询", MessageType.Suggestion => "建言", MessageType.Complaint => "投诉", MessageType.HelpRequest => "求助",
        MessageType.SiteError => "找错", MessageType.PolicyQuestion => "政策咨询", _ => "其他",
    };

    /// <summary>The longer name the form shows.</summary>
    public static string LongLabel(this MessageType t) => t == MessageType.SiteError ? "我为政府网站找错" : t.Label();

    public static string Label(this MessageState s) => s switch
    {
        MessageState.Unrouted => "待分办", MessageState.Handling => "办理中", MessageState.InReview => "待审核", MessageState.Closed => "已办结",
        MessageState.Rejected => "不予受理", _ => "重复留言",
    };

    /// <summary>What the writer sees: internal review is still 办理中 to them.</summary>
    public static string PublicLabel(this MessageState s) => s switch
    {
        MessageState.Unrouted => "已收到，待分办", MessageState.Handling or MessageState.InReview => "办理中", MessageState.Closed => "已答复",
        MessageState.Rejected => "不予受理", _ => "重复留言（已合并办理）",
    };

    public static string Label(this Satisfaction s) => s switch { Satisfaction.Satisfied => "满意", Satisfaction.FairlySatisfied => "基本满意", _ => "不满意" };

    public static string Label(this Timeliness t) => t switch
    {
        Timeliness.OnTime => "办理中", Timeliness.DueSoon => "即将到期", Timeliness.Overdue => "已超期", Timeliness.AnsweredOnTime => "按时答复",
        Timeliness.AnsweredLate => "超期答复", _ => "不计时限",
    };

    public static string Label(this MessageEventKind k) => k switch
    {
        MessageEventKind.Received => "收到留言", MessageEventKind.Routed => "分办", MessageEventKind.Transferred => "转办", MessageEventKind.Returned => "退回公开办",
        MessageEventKind.Acknowledged => "签收", MessageEventKind.ReplyDrafted => "拟定答复", MessageEventKind.ReplyApproved => "审核通过并答复",
        MessageEventKind.ReplyReturned => "退回修改", MessageEventKind.Published => "同意公开", MessageEventKind.Unpublished => "不予公开",
        MessageEventKind.Rejected => "不予受理", MessageEventKind.DuplicateConfirmed => "确认重复留言", MessageEventKind.DuplicateCleared => "取消重复标记",
        MessageEventKind.Rated => "满意度评价", MessageEventKind.HoldReleased => "解除暂缓公开", _ => "查看个人信息",
    };

    public static MessageType? ParseType(string? s) => (s ?? "").Trim() switch
    {
        "咨询" or "Inquiry" => MessageType.Inquiry,
        "建言" or "建言献策" or "建议" or "Suggestion" => MessageType.Suggestion,
        "投诉" or "Complaint" => MessageType.Complaint,
        "求助" or "HelpRequest" => MessageType.HelpRequest,
        "找错" or "我为政府网站找错" or "SiteError" => MessageType.SiteError,
        "其他" or "Other" => MessageType.Other,
        "政策咨询" or "政策问答" or "PolicyQuestion" => MessageType.PolicyQuestion,
        _ => null,
    };

    public static MessageChannel? ParseChannel(string? s) => (s ?? "").Trim() switch
    {
        "网站" or "Website" => MessageChannel.Website,
        "12345" or "12345热线" or "Hotline12345" => MessageChannel.Hotline12345,
        "信函" or "Letter" => MessageChannel.Letter,
        "电话" or "Phone" => MessageChannel.Phone,
        "其他" or "Other" => MessageChannel.Other,
        _ => null,
    };

    public static Satisfaction? ParseSatisfaction(string? s) => (s ?? "").Trim() switch
    {
        "满意" or "Satisfied" => Satisfaction.Satisfied,
        "基本满意" or "FairlySatisfied" => Satisfaction.FairlySatisfied,
        "不满意" or "Unsatisfied" => Satisfaction.Unsatisfied,
        _ => null,
    };
}

/// <summary>The rules of a message's life: deadlines, timeliness, transitions, duplicates, masking. Pure.</summary>
public static class MessageRules
{
    /// <summary>Sets the acknowledge and reply deadlines from the receipt date (the receipt day itself is not counted).</summary>
    public static void SetDeadlines(Message m, WorkingCalendar cal, MessageTimeLimits limits)
    {
        m.AcknowledgeDue = cal.AddWorkingDays(m.ReceivedOn, limits.Acknowledge);
        m.ReplyDue = cal.AddWorkingDays(m.ReceivedOn, limits.ReplyDays(m.Type));
    }

    /// <summary>On time, due within <paramref name="dueSoonWorkingDays"/> working days, overdue; or answered on time / late.</summary>
    public static Timeliness Timeliness(Message m, DateOnly today, WorkingCalendar cal, int dueSoonWorkingDays = 1) =>
        Timeliness(m.State, m.ReplyDue, m.RepliedOn, today, cal, dueSoonWorkingDays);

    public static Timeliness Timeliness(MessageState state, DateOnly replyDue, DateOnly? repliedOn, DateOnly today, WorkingCalendar cal, int dueSoonWorkingDays = 1)
    {
        if (state is MessageState.Rejected or MessageState.Duplicate) return Messages.Timeliness.NotCounted;
        if (state == MessageState.Closed) return repliedOn is { } r && r <= replyDue ? Messages.Timeliness.AnsweredOnTime : Messages.Timeliness.AnsweredLate;
        if (today > replyDue) return Messages.Timeliness.Overdue;
        return cal.WorkingDaysBetween(today, replyDue) <= dueSoonWorkingDays ? Messages.Timeliness.DueSoon : Messages.Timeliness.OnTime;
    }

    /// <summary>Whether acknowledgement (签收) is late: not yet acknowledged after its due day.</summary>
    public static bool AcknowledgeOverdue(Message m, DateOnly today) => m.IsOpen && m.AcknowledgedAt is null && today > m.AcknowledgeDue;

    // ---------- transitions: null on success, a Chinese reason otherwise ----------

    public static string? Route(Message m, int unitId)
    {
        if (m.State != MessageState.Unrouted) return "只有待分办的留言可以分办";
        m.UnitId = unitId;
        m.State = MessageState.Handling;
        return null;
    }

    public static string? Transfer(Message m, int unitId, string? reason)
    {
        if (m.State is not (MessageState.Handling or MessageState.Unrouted)) return "只有办理中的留言可以转办";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写转办理由";
        if (m.UnitId == unitId) return "留言已在该单位办理";
        m.UnitId = unitId;
        m.State = MessageState.Handling;
        m.AcknowledgedAt = null;
        return null;
    }

    /// <summary>A unit sends a message that is not its business back to the 公开办 for routing.</summary>
    public static string? ReturnToOffice(Message m, string? reason)
    {
        if (m.State != MessageState.Handling) return "只有办理中的留言可以退回";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写退回理由";
        m.UnitId = null;
        m.State = MessageState.Unrouted;
        m.AcknowledgedAt = null;
        return null;
    }

    public static string? Acknowledge(Message m, DateTimeOffset now)
    {
        if (m.State is not (MessageState.Handling or MessageState.InReview)) return "只有办理中的留言可以签收";
        if (m.AcknowledgedAt is not null) return "留言已签收";
        m.AcknowledgedAt = now;
        return null;
    }

    public static string? DraftReply(Message m, string? text, int unitId, string drafter, string? drafterId, DateTimeOffset now)
    {
        if (m.State != MessageState.Handling) return "只有办理中的留言可以拟定答复";
        if (string.IsNullOrWhiteSpace(text)) return "请填写答复内容";
        if (text.Trim().Length > FieldLengths.MessageReply) return $"答复内容不能超过{FieldLengths.MessageReply}字";
        m.ReplyText = text.Trim();
        m.ReplyUnitId = unitId;
        m.ReplyDraftedBy = drafter;
        m.ReplyDraftedByUserId = drafterId;
        m.ReviewComment = null;
        m.AcknowledgedAt ??= now;
        m.State = MessageState.InReview;
        return null;
    }

    /// <summary>The approver must not be the drafter (separation of duties); approval answers the writer.</summary>
    public static string? ApproveReply(Message m, string approver, string? approverId, DateTimeOffset now, DateOnly today)
    {
        if (m.State != MessageState.InReview) return "只有待审核的答复可以审核";
        if (approverId is not null && approverId == m.ReplyDraftedByUserId) return "拟稿人不能审核自己拟定的答复";
        m.ReplyApprovedBy = approver;
        m.RepliedAt = now;
        m.RepliedOn = today;
        m.State = MessageState.Closed;
        return null;
    }

    public static string? ReturnReply(Message m, string? comment, string? reviewerId)
    {
        if (m.State != MessageState.InReview) return "只有待审核的答复可以退回";
        if (reviewerId is not null && reviewerId == m.ReplyDraftedByUserId) return "拟稿人不能审核自己拟定的答复";
        if (string.IsNullOrWhiteSpace(comment)) return "请填写退回修改意见";
        if (comment.Trim().Length > FieldLengths.MessageNote) return $"退回修改意见不能超过{FieldLengths.MessageNote}字";
        m.ReviewComment = comment.Trim();
        m.State = MessageState.Handling;
        return null;
    }

    public static string? Reject(Message m, string? reason)
    {
        if (!m.IsOpen) return "留言已办结";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写不予受理的理由";
        if (reason.Trim().Length > FieldLengths.MessageNote) return $"不予受理的理由不能超过{FieldLengths.MessageNote}字";
        m.RejectReason = reason.Trim();
        m.State = MessageState.Rejected;
        return null;
    }

    public static string? ConfirmDuplicate(Message m)
    {
        if (m.DuplicateOfId is null) return "留言没有重复标记";
        if (!m.IsOpen) return "留言已办结";
        m.State = MessageState.Duplicate;
        return null;
    }

    public static string? ClearDuplicate(Message m)
    {
        if (m.DuplicateOfId is null) return "留言没有重复标记";
        if (m.State == MessageState.Duplicate) m.State = m.UnitId is null ? MessageState.Unrouted : MessageState.Handling;
        m.DuplicateOfId = null;
        return null;
    }

    public static string? SetPublish(Message m, bool publish, DateTimeOffset now)
    {
        if (m.State != MessageState.Closed) return "只有已答复的留言可以决定是否公开";
        if (publish && !m.WantsPublic) return "留言人选择不公开，不能公开";
        if (publish && m.Held) return "留言内容被暂缓公开，请先核实并解除";
        m.PublishApproved = publish;
        m.PublishedAt = publish ? now : null;
        return null;
    }

    public static string? Rate(Message m, Satisfaction s, string? comment, DateTimeOffset now)
    {
        if (m.State != MessageState.Closed) return "留言答复后才能评价";
        if (m.Satisfaction is not null) return "您已评价过，每条留言只能评价一次";
        if (comment is { Length: > FieldLengths.SatisfactionComment }) return $"评价意见不能超过{FieldLengths.SatisfactionComment}字";
        m.Satisfaction = s;
        m.SatisfactionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        m.RatedAt = now;
        return null;
    }

    // ---------- intake ----------

    /// <summary>Field errors of a new message (keys are the input's property names in camelCase for the API).</summary>
    public static Dictionary<string, string> Validate(Message m)
    {
        var e = new Dictionary<string, string>();
        if (m.Title.Length == 0) e["title"] = "请填写留言标题";
        else if (m.Title.Length > FieldLengths.MessageTitle) e["title"] = $"标题不能超过{FieldLengths.MessageTitle}字";
        if (m.Content.Length == 0) e["content"] = "请填写留言内容";
        else if (m.Content.Length > FieldLengths.MessageContent) e["content"] = $"留言内容不能超过{FieldLengths.MessageContent}字";
        if (m.WriterName.Length == 0) e["name"] = "请填写姓名";
        else if (m.WriterName.Length > FieldLengths.PersonName) e["name"] = $"姓名不能超过{FieldLengths.PersonName}字";
        // A phone or an e-mail: the hotline passes on whichever the caller left (the public form asks for a phone).
        if (string.IsNullOrEmpty(m.Phone) && string.IsNullOrEmpty(m.Email)) e["contact"] = "请填写联系电话或电子邮箱";
        else if (!string.IsNullOrEmpty(m.Phone) && (m.Phone.Length > FieldLengths.Phone || m.Phone.Count(char.IsAsciiDigit) < 7 || !m.Phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')))
            e["contact"] = "联系电话格式不正确";
        if (m.Email is { } em && (em.Length > FieldLengths.Email || !em.Contains('@') || em.StartsWith('@') || em.EndsWith('@'))) e["email"] = "电子邮箱格式不正确";
        if (m.Address is { Length: > FieldLengths.Address }) e["address"] = $"地址不能超过{FieldLengths.Address}字";
        if (m.PageUrl is { } u && (u.Length > FieldLengths.Url || !(u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)))))
            e["pageUrl"] = "出错页面网址应以 http:// 或 https:// 开头";
        return e;
    }

    /// <summary>Digits of a phone (or a lower-cased e-mail): the same writer however the number was typed.</summary>
    public static string NormaliseContact(string? phone, string? email)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits.Length > 0 ? "p:" + digits : "e:" + (email ?? "").Trim().ToLowerInvariant();
    }

    /// <summary>Letters and digits only, lower case, full-width folded: what is left when spacing and punctuation differ.</summary>
    public static string NormaliseText(string? text)
    {
        var sb = new StringBuilder();
        foreach (var ch in (text ?? "").Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }

    /// <summary>Dice coefficient over character bigrams of the normalised texts (1 = identical).</summary>
    public static double Similarity(string? a, string? b)
    {
        var x = NormaliseText(a);
        var y = NormaliseText(b);
        if (x == y) return 1;
        if (x.Length < 2 || y.Length < 2) return 0;
        var bx = new Dictionary<string, int>();
        for (var i = 0; i < x.Length - 1; i++) { var k = x.Substring(i, 2); bx[k] = bx.GetValueOrDefault(k) + 1; }
        var common = 0;
        for (var i = 0; i < y.Length - 1; i++)
        {
            var k = y.Substring(i, 2);
            if (bx.TryGetValue(k, out var n) && n > 0) { common++; bx[k] = n - 1; }
        }
        return 2.0 * common / (x.Length - 1 + y.Length - 1);
    }

    public const double DuplicateThreshold = 0.9;

    /// <summary>重复留言: same contact, title plus content equal after normalising or at least 90% alike.</summary>
    public static bool IsNearDuplicate(string titleA, string contentA, string titleB, string contentB) =>
        Similarity(titleA + "\n" + contentA, titleB + "\n" + contentB) >= DuplicateThreshold;

    /// <summary>The name as public pages and staff lists show it.</summary>
    public static string PublicName(string name) => PersonalData.MaskName(name);
}
