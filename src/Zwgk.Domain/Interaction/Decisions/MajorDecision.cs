namespace Zwgk.Domain.Interaction.Decisions;

/// <summary>重大行政决策事项目录 of one year: the list the government publishes, tracked item by item.</summary>
public class DecisionCatalog
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The document that issued the catalog (目录印发文件), when it is in the library.</summary>
    public int? SourceDocumentId { get; set; }
    public bool IsPublished { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public List<MajorDecision> Items { get; set; } = [];
}

public enum DecisionStatus
{
    /// <summary>拟决策 (listed, not started).</summary>
    Planned = 0,
    /// <summary>推进中.</summary>
    InProgress = 1,
    /// <summary>已决策 (集体讨论决定 made).</summary>
    Decided = 2,
    /// <summary>已公布实施.</summary>
    Implemented = 3,
    /// <summary>调整出目录 / 终止.</summary>
    Withdrawn = 4,
}

/// <summary>One 重大行政决策事项 of the catalog, with its seven procedural stages.</summary>
public class MajorDecision
{
    public int Id { get; set; }
    public int CatalogId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    /// <summary>承办单位 (决策承办单位).</summary>
    public int LeadUnitId { get; set; }
    /// <summary>决策依据.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>计划完成时间.</summary>
    public DateOnly? PlannedCompletion { get; set; }
    public DecisionStatus Status { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<DecisionStage> Stages { get; set; } = [];
}

/// <summary>The statutory stages of 《重大行政决策程序暂行条例》, in their order.</summary>
public enum DecisionStageKind
{
    PublicParticipation = 1,
    ExpertReview = 2,
    RiskAssessment = 3,
    LegalityReview = 4,
    CollectiveDiscussion = 5,
    Publication = 6,
    PostEvaluation = 7,
}

public enum StageApplicability
{
    Required = 0,
    /// <summary>不适用 (e.g. 风险评估 when the decision raises no stability risk) — with the reason.</summary>
    NotApplicable = 1,
}

/// <summary>One stage of a decision: whether it applies, when it was done, and its evidence.</summary>
public class DecisionStage
{
    public int Id { get; set; }
    public int DecisionId { get; set; }
    public DecisionStageKind Kind { get; set; }
    public StageApplicability Applicability { get; set; }
    public string? NotApplicableReason { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>A consultation of this system (公众参与: the draft's 预公开).</summary>
    public int? ConsultationId { get; set; }
    /// <summary>A document of the library (论证报告, 审查意见, the decision itself …).</summary>
    public int? DocumentId { get; set; }
    /// <summary>会议纪要 or other record, as text.</summary>
    public string? MeetingRecord { get; set; }
    public string? EvidenceUrl { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool HasEvidence => ConsultationId is not null || DocumentId is not null || !string.IsNullOrWhiteSpace(MeetingRecord) || !string.IsNullOrWhiteSpace(EvidenceUrl);
}
