namespace Zwgk.Domain.Ledger;

/// <summary>
/// A yearly 政务公开工作要点 turned into a ledger (工作台账): its sections (一、 / （一）) and tasks, each task carried by units.
/// </summary>
public class WorkPlan
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>The document's own title: 2024年济南市市中区政务公开工作要点.</summary>
    public string Title { get; set; } = "";
    /// <summary>File it was imported from (name only), or null when typed in.</summary>
    public string? SourceFileName { get; set; }
    /// <summary>SHA-256 of the imported text, so importing the same document twice finds the first plan.</summary>
    public string? SourceHash { get; set; }
    /// <summary>table / list / paragraphs: which shape the importer found.</summary>
    public string? Layout { get; set; }
    /// <summary>What the importer inferred (merged cells continued, sections matched to the body …), one note per line.</summary>
    public string? ImportNotes { get; set; }
    /// <summary>The document in the library this plan comes from, when it was published there.</summary>
    public int? DocumentId { get; set; }
    /// <summary>The office chose to publish the yearly 公开承诺事项 progress on the portal.</summary>
    public bool PublishProgress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public List<WorkPlanSection> Sections { get; set; } = [];
    public List<LedgerTask> Tasks { get; set; } = [];
}

/// <summary>一、… (level 1) or （一）… (level 2) of a work plan.</summary>
public class WorkPlanSection
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? ParentId { get; set; }
    public int Level { get; set; }
    /// <summary>"一、" / "（一）".</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public int Order { get; set; }
    public int? SourceLine { get; set; }

    public string Heading => Number + Title;
}

/// <summary>One task of the ledger: a row of the 任务分工 table or an item of the list.</summary>
public class LedgerTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? SectionId { get; set; }
    public int Order { get; set; }
    /// <summary>序号 as printed (or the list number); null when the document numbers nothing.</summary>
    public string? Number { get; set; }
    /// <summary>具体要求; numbered measures are separated by line breaks.</summary>
    public string Requirement { get; set; } = "";
    /// <summary>牵头单位 / 责任单位 cells as written (names joined by 、), kept beside their resolution.</summary>
    public string? LeadUnitsText { get; set; }
    public string? ResponsibleUnitsText { get; set; }
    /// <summary>完成时限 as written.</summary>
    public string? DeadlineText { get; set; }
    public DeadlineKind DeadlineKind { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>Where in the document the task came from (Chinese), and its line.</summary>
    public string? Source { get; set; }
    public int? SourceLine { get; set; }
    /// <summary>The body paragraph describing the same task (linked, not duplicated).</summary>
    public string? BodyText { get; set; }
    public int? BodyLine { get; set; }
    /// <summary>回头看: the unfinished task of an earlier plan this one re-opens.</summary>
    public int? CarriedOverFromTaskId { get; set; }
    /// <summary>Shown on the public 公开承诺 page when the plan is published there.</summary>
    public bool IsPublic { get; set; } = true;
    /// <summary>销号: the supervising office closed the task after verifying every unit.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosingNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<TaskUnitMention> Mentions { get; set; } = [];
    public List<TaskAssignment> Assignments { get; set; } = [];
    public List<TaskMilestone> Milestones { get; set; } = [];
}

public enum UnitRole { Lead = 1, Responsible = 2 }

/// <summary>A unit name as the document writes it, with what it resolved to (never in its place).</summary>
public class TaskUnitMention
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public UnitRole Role { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Qualifier kept from the document: 等有关部门（单位）.</summary>
    public string? Note { get; set; }
    public ResolutionKind Resolution { get; set; }
    public string? Explanation { get; set; }
    /// <summary>When a person confirmed or changed the resolution.</summary>
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}

/// <summary>A unit carrying a task. Progress, completion and verification are tracked per unit.</summary>
public class TaskAssignment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public bool IsLead { get; set; }
    /// <summary>The name in the document this assignment comes from; null when the office added the unit by hand.</summary>
    public int? MentionId { get; set; }
    /// <summary>First progress report.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>The unit marked the task done and waits for verification (待核查).</summary>
    public DateTimeOffset? ReportedDoneAt { get; set; }
    public DateOnly? ReportedDoneOn { get; set; }
    /// <summary>核查通过.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    /// <summary>反馈: the office found problems; the unit must 整改 and report again (再核查).</summary>
    public DateTimeOffset? FeedbackAt { get; set; }
    public string? Feedback { get; set; }
    /// <summary>How many times the office sent it back.</summary>
    public int Rounds { get; set; }
    public DateTimeOffset? LastReportAt { get; set; }

    public List<TaskReport> Reports { get; set; } = [];
}

public enum TaskReportKind
{
    /// <summary>进展: progress with evidence.</summary>
    Progress = 1,
    /// <summary>报送完成: the unit marks its part done.</summary>
    Done = 2,
    /// <summary>核查通过.</summary>
    Verified = 3,
    /// <summary>反馈整改: sent back with what to fix.</summary>
    Feedback = 4,
    /// <summary>撤回完成报送 by the unit before verification.</summary>
    Withdrawn = 5,
}

/// <summary>One entry of a unit's progress log on a task: its reports and the office's verification steps.</summary>
public class TaskReport
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public TaskReportKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string ActorName { get; set; } = "";
    public string? ActorUserId { get; set; }

    public List<TaskEvidence> Evidence { get; set; } = [];
}

public enum EvidenceKind
{
    /// <summary>A document of the library (政府文件).</summary>
    Document = 1,
    /// <summary>A web address (http/https).</summary>
    Link = 2,
    /// <summary>An uploaded file (会议纪要, 截图 …).</summary>
    File = 3,
}

public class TaskEvidence
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public EvidenceKind Kind { get; set; }
    public int? DocumentId { get; set; }
    public string? Url { get; set; }
    public string Title { get; set; } = "";
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
}

/// <summary>A date named inside the requirement ("2021年6月底前…"): tracked beside the task's deadline.</summary>
public class TaskMilestone
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>The phrase as written: 2021年6月底前.</summary>
    public string Phrase { get; set; } = "";
    /// <summary>The clause containing it.</summary>
    public string Clause { get; set; } = "";
    public DateOnly? ReachedOn { get; set; }
    public string? ReachedBy { get; set; }
}
