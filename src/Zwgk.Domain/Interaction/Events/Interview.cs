namespace Zwgk.Domain.Interaction.Events;

/// <summary>Stored stage of an 在线访谈. Staff move it on explicitly; what the public sees is <see cref="InterviewRules.PhaseAt"/>.</summary>
public enum InterviewState { Scheduled = 0, Live = 1, Ended = 2, RecordPublished = 3 }

/// <summary>What the public sees: derived from the stored state and the clock.</summary>
public enum InterviewPhase { Upcoming, Live, Ended, Record }

/// <summary>An online interview (在线访谈) with officials of a unit: scheduled, held live with moderated text Q&amp;A, its record published afterwards.</summary>
public class Interview
{
    public int Id { get; set; }
    /// <summary>The unit holding the interview; its staff manage it.</summary>
    public int UnitId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>访谈主题: one line on what is discussed.</summary>
    public string? Topic { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public InterviewState State { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>访谈摘要, plain text.</summary>
    public string? RecordSummary { get; set; }
    /// <summary>文字实录, plain text (shown with line breaks, never as HTML).</summary>
    public string? RecordTranscript { get; set; }
    public DateTimeOffset? RecordPublishedAt { get; set; }
    /// <summary>Library document ids the interview explains, comma separated (相关文件).</summary>
    public string? RelatedDocumentIds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Last sequence number given to a published answer (the live Q&amp;A feed polls "after N").</summary>
    public int LastAnswerSeq { get; set; }

    public List<InterviewGuest> Guests { get; set; } = [];
    public List<InterviewQuestion> Questions { get; set; } = [];

    public IReadOnlyList<int> RelatedDocuments => InterviewRules.ParseIds(RelatedDocumentIds);
}

/// <summary>访谈嘉宾: a public official by name and position (their role is public, not personal data to protect).</summary>
public class InterviewGuest
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public string Name { get; set; } = "";
    public string Position { get; set; } = "";
    public int Order { get; set; }
}

/// <summary>待审核 / 已选用 / 不予选用.</summary>
public enum QuestionStatus { Pending = 0, Selected = 1, Rejected = 2 }

/// <summary>A question from the public, before or during the interview. Public only once selected and answered.</summary>
public class InterviewQuestion
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    /// <summary>Optional; shown masked (张*).</summary>
    public string? AskerName { get; set; }
    /// <summary>Optional, for staff follow-up; never public.</summary>
    public string? AskerPhone { get; set; }
    public string Content { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public QuestionStatus Status { get; set; }
    /// <summary>Why the sensitive-word screen held it (for the moderator), or null.</summary>
    public string? ScreenNote { get; set; }
    public string? RejectReason { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
    public string? Answer { get; set; }
    /// <summary>The guest on whose behalf staff typed the answer.</summary>
    public string? AnsweredByGuest { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The staff member who typed it (internal).</summary>
    public string? AnsweredByStaff { get; set; }
    /// <summary>Order of publication in the live feed; set when first answered.</summary>
    public int? AnswerSeq { get; set; }

    public bool IsPublic => Status == QuestionStatus.Selected && AnswerSeq is not null && !string.IsNullOrEmpty(Answer);
}
