namespace Zwgk.Domain.Shared;

/// <summary>
/// The one set of text length limits: validation refuses longer input with a named field, and every EF configuration
/// declares the same column size, so PostgreSQL never sees an over-long value (22001) and SQLite never stores one.
/// </summary>
public static class FieldLengths
{
    // Documents
    public const int Title = 300;
    public const int IndexNumber = 64;
    public const int DocumentNumber = 80;
    public const int TopicCategory = 60;
    public const int Genre = 20;
    public const int DisclosureReason = 500;
    public const int DisclosureMethod = 100;
    public const int NormativeRegistrationNumber = 80;
    public const int Keywords = 200;
    public const int Summary = 1000;
    /// <summary>Sanitised 正文 HTML: generous (a long regulation with tables), but bounded.</summary>
    public const int BodyHtml = 2_000_000;
    public const int SourceHash = 64;
    public const int FileName = 260;
    public const int ContentType = 120;
    public const int Sha256 = 64;
    /// <summary>发文机关 of an outside agency (上级文件: city, province, State Council), kept as text.</summary>
    public const int ExternalIssuer = 200;
    /// <summary>Original address of a page migrated from an old site.</summary>
    public const int SourceUrl = 1000;

    // Workflow text typed by people: review comments, rejection and withdrawal reasons, relation notes.
    public const int ReviewComment = 1000;
    public const int Reason = 500;
    public const int RelationNote = 200;
    public const int VersionComment = 500;

    /// <summary>User names as recorded beside actions (CreatedBy, reviewer, audit actor).</summary>
    public const int PersonName = 100;
    /// <summary>ASP.NET Identity user ids (GUID strings) kept beside records.</summary>
    public const int UserId = 64;

    // Units
    public const int UnitCode = 32;
    public const int UnitName = 100;
    public const int UnitShortName = 50;
    public const int CreditCode = 18;
    public const int OrganizationCode = 9;

    // Columns
    public const int ColumnName = 100;
    public const int ColumnSlug = 40;
    public const int StatutoryBasis = 100;
    public const int Url = 500;
    public const int ColumnDescription = 500;
    public const int ColumnKeywords = 200;
    public const int EmptyNotice = 500;

    // 依申请公开 (applications)
    public const int CaseNumber = 32;
    public const int ApplicantName = 100;
    public const int IdType = 20;
    public const int IdNumber = 40;
    public const int Phone = 40;
    public const int Email = 120;
    public const int Address = 300;
    public const int PostalCode = 10;
    public const int RequestDescription = 4000;
    public const int ReceiptNote = 200;
    public const int CorrectionContent = 2000;
    public const int ReplyText = 20000;
    public const int ConsultationParty = 200;
    public const int ConsultationText = 4000;
    public const int ArchiveNumber = 64;
    public const int ChallengeBody = 200;
    // 案例库 (case library)
    /// <summary>Staff notes on a library case.</summary>
    public const int CaseNotes = 2000;
    public const int CaseTags = 200;
    /// <summary>"Kind=Count;…" summary of what the anonymiser replaced.</summary>
    public const int CaseReplacements = 200;
    /// <summary>Segmented words of a library case for its search (derived, clipped).</summary>
    public const int CaseSearchWords = 30000;
    // Working-day calendar
    /// <summary>Holiday name beside a day (元旦, 国庆节、中秋节 …).</summary>
    public const int HolidayName = 20;
    /// <summary>Why a day of the calendar was changed.</summary>
    public const int CalendarNote = 200;
    // 文书 templates and their settings
    public const int NoticeTitle = 100;
    public const int NoticeBody = 20000;
    /// <summary>复议机关 or 诉讼法院 named in the remedy clause.</summary>
    public const int RemedyBody = 100;
    public const int NoticeSettingText = 500;
    /// <summary>文号 of a notice: a State Council holiday arrangement, or one typed on a printed case notice (市中信公开〔2026〕12号).</summary>
    public const int NoticeNumber = 60;

    // Work-plan ledger (工作台账)
    public const int WorkPlanLayout = 20;
    /// <summary>Importer notes on a plan, one per line.</summary>
    public const int ImportNotes = 8000;
    /// <summary>"一、" / "（一）" / "（十九）".</summary>
    public const int SectionNumber = 12;
    public const int SectionTitle = 300;
    /// <summary>序号 as printed.</summary>
    public const int TaskNumber = 20;
    /// <summary>具体要求 of one task (several numbered measures fit).</summary>
    public const int TaskRequirement = 8000;
    /// <summary>牵头单位 / 责任单位 cell as written.</summary>
    public const int UnitsText = 2000;
    /// <summary>完成时限 as written.</summary>
    public const int DeadlineText = 100;
    public const int TaskSource = 200;
    /// <summary>The body paragraph linked to a task.</summary>
    public const int TaskBodyText = 8000;
    public const int ClosingNote = 1000;
    /// <summary>A unit name as a document writes it (一个单位名称).</summary>
    public const int MentionName = 200;
    /// <summary>A qualifier kept as a note: 等有关部门（单位）.</summary>
    public const int MentionNote = 100;
    public const int ResolutionExplanation = 300;
    /// <summary>Progress report or verification feedback.</summary>
    public const int TaskReportText = 4000;
    public const int EvidenceTitle = 300;
    /// <summary>The phrase naming a milestone date (2021年6月底前).</summary>
    public const int MilestonePhrase = 60;
    public const int MilestoneClause = 1000;
    /// <summary>Other names of a unit, one per line (区教体局 …), used to resolve names in work plans.</summary>
    public const int UnitAliases = 1000;

    // Audit
    public const int AuditAction = 60;
    public const int AuditEntityType = 60;
    public const int AuditEntityId = 60;
    public const int AuditSummary = 500;
    public const int IpAddress = 64;

    // API tokens
    public const int ApiTokenName = 100;
    public const int ApiTokenPrefix = 16;
    /// <summary>Role names as stored (PlatformAdmin …).</summary>
    public const int RoleName = 32;

    // Annual reports (政府信息公开工作年度报告)
    /// <summary>One text section (一 总体情况, 五, 六) of an annual report, plain text with paragraphs.</summary>
    public const int ReportSection = 20_000;

    // Interaction: online interviews (在线访谈) and open days (政府开放日)
    public const int EventDescription = 4000;
    public const int InterviewTopic = 300;
    public const int GuestPosition = 100;
    public const int InterviewQuestion = 500;
    public const int InterviewAnswer = 4000;
    public const int InterviewSummary = 4000;
    public const int InterviewTranscript = 200_000;
    public const int RelatedDocumentIds = 500;
    public const int EventPlace = 200;
    public const int EventSummary = 8000;
    public const int ModerationNote = 300;
    // Interaction: consultations (意见征集) and the major decision catalog (重大行政决策事项目录)
    /// <summary>征求意见稿 as plain text.</summary>
    public const int ConsultationDraft = 200_000;
    /// <summary>起草说明.</summary>
    public const int ConsultationExplanation = 20_000;
    public const int ShortenedReason = 500;
    /// <summary>One public comment.</summary>
    public const int CommentContent = 5000;
    public const int OpinionSummary = 1000;
    public const int AdoptionReason = 1000;
    public const int FeedbackText = 20_000;
    public const int DecisionName = 300;
    public const int LegalBasis = 1000;
    public const int DecisionNote = 1000;
    public const int MeetingRecord = 1000;

    /// <summary>Cuts system-composed text (audit summaries quoting titles and reasons) to its column size.</summary>
    // 互动交流：网友留言 (issue 12).
    public const int MessageTitle = 100;
    public const int MessageContent = 5000;
    public const int MessageReply = 10000;
    public const int MessageNote = 500;
    public const int SatisfactionComment = 500;
    public const int HoldReasons = 500;

    public static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    // 政策问答库
    public const int QaQuestion = 200;
    public const int QaAlternatives = 2000;
    public const int QaAnswer = 10_000;
    public const int QaBasis = 500;
    public const int QaClause = 100;
    public const int QaTopic = 40;

    // 回应关切 (政务舆情/社会关切 register)
    public const int ConcernTopic = 100;
    public const int ConcernSummary = 2000;
    public const int ConcernField = 40;
    public const int ConcernResponseSummary = 2000;
    public const int ConcernClosingNote = 1000;
    // 政策解读
    public const int InterpreterName = 50;
    public const int InterpreterTitle = 50;
    public const int InterpretationClause = 50;
    public const int InterpretationPoint = 2000;
    public const int MediaAltText = 300;
    public const int MediaTranscript = 50_000;
}
