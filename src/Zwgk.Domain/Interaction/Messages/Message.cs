namespace Zwgk.Domain.Interaction.Messages;

/// <summary>Where a message came in: the portal form, the city's 12345 hotline (through the API), a letter, a phone call.</summary>
public enum MessageChannel { Website = 1, Hotline12345 = 2, Letter = 3, Phone = 4, Other = 5 }

/// <summary>留言类型: decides the reply time limit. 政策咨询 comes from the policy Q&amp;A page's "ask a question" form (政策问答库):
/// routed straight to the policy's unit and, once answered, may become a new Q&amp;A entry.</summary>
public enum MessageType { Inquiry = 1, Suggestion = 2, Complaint = 3, HelpRequest = 4, SiteError = 5, Other = 6, PolicyQuestion = 7 }

/// <summary>待分办 → 办理中 → 待审核 → 已办结; 不予受理 and 重复留言 close a message without a reply.</summary>
public enum MessageState { Unrouted = 1, Handling = 2, InReview = 3, Closed = 4, Rejected = 5, Duplicate = 6 }

public enum Satisfaction { Satisfied = 1, FairlySatisfied = 2, Unsatisfied = 3 }

public enum MessageEventKind
{
    Received = 1, Routed = 2, Transferred = 3, Returned = 4, Acknowledged = 5, ReplyDrafted = 6, ReplyApproved = 7, ReplyReturned = 8,
    Published = 9, Unpublished = 10, Rejected = 11, DuplicateConfirmed = 12, DuplicateCleared = 13, Rated = 14, HoldReleased = 15, Viewed = 16,
}

/// <summary>
/// 网友留言 to a 领导信箱 or a unit's mailbox. The writer's name and contact are personal data: masked on public pages and in
/// staff lists, full only to the 公开办 and the handling unit (each view audited), never logged.
/// </summary>
public class Message
{
    public int Id { get; set; }
    /// <summary>SHA-256 of the 查询码; the code is shown once and never stored.</summary>
    public string QueryCodeHash { get; set; } = "";
    public MessageChannel Channel { get; set; }
    public MessageType Type { get; set; }
    /// <summary>The mailbox the writer chose: a unit's box, or the leader's box (区长信箱) when <see cref="ToLeader"/>.</summary>
    public int? TargetUnitId { get; set; }
    public bool ToLeader { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    /// <summary>For 找错: the page the writer found wrong.</summary>
    public string? PageUrl { get; set; }

    // Writer (personal data).
    public string WriterName { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>Keyed hash of the normalised phone (or e-mail) to find the same writer's earlier messages without comparing personal data.</summary>
    public string ContactKey { get; set; } = "";
    /// <summary>The writer agrees to the message and reply being shown on the portal.</summary>
    public bool WantsPublic { get; set; }

    /// <summary>收到留言之日: the day the clocks count from.</summary>
    public DateOnly ReceivedOn { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string RegisteredBy { get; set; } = "";

    /// <summary>The handling unit: null until the 公开办 routes it (or when a unit returns it).</summary>
    public int? UnitId { get; set; }
    public MessageState State { get; set; } = MessageState.Unrouted;
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateOnly AcknowledgeDue { get; set; }
    public DateOnly ReplyDue { get; set; }

    /// <summary>Set when the same contact sent near-identical content shortly before: a suspected 重复留言 for staff to confirm or clear.</summary>
    public int? DuplicateOfId { get; set; }
    public string? RejectReason { get; set; }

    // Reply.
    public string? ReplyText { get; set; }
    public int? ReplyUnitId { get; set; }
    public string? ReplyDraftedBy { get; set; }
    public string? ReplyDraftedByUserId { get; set; }
    public string? ReplyApprovedBy { get; set; }
    public string? ReviewComment { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>答复日期 (China date of <see cref="RepliedAt"/>), for timeliness and statistics.</summary>
    public DateOnly? RepliedOn { get; set; }

    /// <summary>Staff decided the message and reply may be shown (only meaningful when the writer wants it public).</summary>
    public bool PublishApproved { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The sensitive-word screen held it: never public until staff release it.</summary>
    public bool Held { get; set; }
    public string? HoldReasons { get; set; }

    public Satisfaction? Satisfaction { get; set; }
    public string? SatisfactionComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Bumped by every step: the optimistic concurrency token, so two staff acting at once cannot both succeed.</summary>
    public int Version { get; set; }
    public List<MessageEvent> Events { get; set; } = [];

    public bool IsOpen => State is MessageState.Unrouted or MessageState.Handling or MessageState.InReview;
    /// <summary>Shown on the portal: answered, the writer chose public, staff approved, not held by the screen.</summary>
    public bool IsPublic => State == MessageState.Closed && WantsPublic && PublishApproved && !Held;
}

/// <summary>One entry of the message's history. Personal data is never written here.</summary>
public class MessageEvent
{
    public long Id { get; set; }
    public int MessageId { get; set; }
    public DateTimeOffset At { get; set; }
    public MessageEventKind Kind { get; set; }
    public string ActorName { get; set; } = "";
    public string? ActorUserId { get; set; }
    public string? Note { get; set; }
    /// <summary>Shown to the writer on the query page.</summary>
    public bool Public { get; set; }
}
