namespace Zwgk.Domain.Interaction.Consultations;

/// <summary>What staff have done with a consultation. Open / closed are not stored: they follow from the dates and the clock.</summary>
public enum ConsultationState
{
    Draft = 0,
    /// <summary>Published on the portal; open between OpensOn and ClosesOn, closed after.</summary>
    Published = 1,
    /// <summary>采纳情况反馈 published.</summary>
    FeedbackPublished = 2,
}

/// <summary>The phase shown to people: derived from <see cref="ConsultationState"/>, the dates and today.</summary>
public enum ConsultationPhase { Draft, NotYetOpen, Open, Closed, FeedbackPublished }

/// <summary>
/// 意见征集: a draft put out for public comment by its drafting unit, with its 起草说明, the period, the offline contact,
/// the comments, and at the end the published 采纳情况反馈 (and the final document once issued).
/// </summary>
public class Consultation
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>起草单位 (the unit that owns it and handles its comments).</summary>
    public int UnitId { get; set; }
    /// <summary>征求意见稿 as plain text (paragraphs separated by line breaks); never rendered as HTML.</summary>
    public string DraftText { get; set; } = "";
    /// <summary>起草说明.</summary>
    public string Explanation { get; set; } = "";
    /// <summary>First and last day (China time, inclusive) comments are accepted.</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The draft is a 重大行政决策 (预公开): the 30-day minimum applies.</summary>
    public bool IsMajorDecision { get; set; }
    public int? MajorDecisionId { get; set; }
    /// <summary>Why the period is shorter than the minimum (因情况紧急等原因), shown publicly with the period.</summary>
    public string? ShortenedReason { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactAddress { get; set; }
    public string? ContactPhone { get; set; }

    public ConsultationState State { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>采纳情况反馈 text (overall explanation above the per-opinion table).</summary>
    public string? FeedbackText { get; set; }
    public DateTimeOffset? FeedbackPublishedAt { get; set; }
    public string? FeedbackPublishedBy { get; set; }
    /// <summary>The issued document in the library (正式文件), linked when it is issued.</summary>
    public int? FinalDocumentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? CreatedById { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token, bumped by moderation, decisions and the feedback.</summary>
    public int Version { get; set; }

    public List<ConsultationComment> Comments { get; set; } = [];
    public List<OpinionGroup> Groups { get; set; } = [];

    public ConsultationPhase PhaseOn(DateOnly today) => State switch
    {
        ConsultationState.Draft => ConsultationPhase.Draft,
        ConsultationState.FeedbackPublished => ConsultationPhase.FeedbackPublished,
        _ when today < OpensOn => ConsultationPhase.NotYetOpen,
        _ when today <= ClosesOn => ConsultationPhase.Open,
        _ => ConsultationPhase.Closed,
    };

    /// <summary>Calendar days of the period, both ends included.</summary>
    public int PeriodDays => ClosesOn.DayNumber - OpensOn.DayNumber + 1;

    /// <summary>Days left including today (0 once closed).</summary>
    public int DaysLeft(DateOnly today) => today > ClosesOn ? 0 : ClosesOn.DayNumber - Math.Max(today.DayNumber, OpensOn.DayNumber) + 1;
}

public enum CommentModeration
{
    /// <summary>待审核.</summary>
    Pending = 0,
    /// <summary>已公开.</summary>
    Public = 1,
    /// <summary>不予公开 (with a reason).</summary>
    NotPublic = 2,
}

public enum Adoption
{
    Undecided = 0,
    /// <summary>采纳.</summary>
    Adopted = 1,
    /// <summary>部分采纳.</summary>
    PartlyAdopted = 2,
    /// <summary>未采纳.</summary>
    NotAdopted = 3,
    /// <summary>不属于征求范围.</summary>
    OutOfScope = 4,
}

/// <summary>One comment from the public. Name and contact are personal data: masked everywhere but the audited detail view.</summary>
public class ConsultationComment
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    /// <summary>Order of arrival within the consultation (意见1, 意见2 …).</summary>
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string Content { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The commenter agreed to show the comment (with the name masked).</summary>
    public bool WantsPublic { get; set; }
    /// <summary>The sensitive-word screen held it: never public until a person looked.</summary>
    public bool Held { get; set; }
    public string? HeldReason { get; set; }
    public CommentModeration Moderation { get; set; }
    public string? ModerationReason { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    /// <summary>The opinion group the staff merged it into; the group's decision then applies.</summary>
    public int? GroupId { get; set; }
    public Adoption Adoption { get; set; }
    public string? AdoptionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>Shown on the portal: a person approved it and the commenter wanted it public.</summary>
    public bool IsPublic => Moderation == CommentModeration.Public && WantsPublic;
}

/// <summary>Comments saying the same thing, merged by staff under one summary with one adoption decision.</summary>
public class OpinionGroup
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public int Order { get; set; }
    /// <summary>The opinion in the staff's words (归纳的意见).</summary>
    public string Summary { get; set; } = "";
    public Adoption Adoption { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}
