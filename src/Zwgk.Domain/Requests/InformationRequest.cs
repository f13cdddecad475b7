namespace Zwgk.Domain.Requests;

/// <summary>
/// 政府信息公开申请: one application and its whole statutory life. The applicant's identity and contact are personal data:
/// visible only to those who handle the case (see RequestAccess in the web feature), masked elsewhere, never logged.
/// </summary>
public class InformationRequest
{
    public int Id { get; set; }
    /// <summary>受理编号, e.g. YSQ-2026-00012: unique, per calendar year of registration.</summary>
    public string CaseNumber { get; set; } = "";
    /// <summary>SHA-256 of the 查询码 the applicant follows the case with; the code itself is shown once and never stored.</summary>
    public string QueryCodeHash { get; set; } = "";

    /// <summary>The agency the application is addressed to and that handles it (changes on transfer).</summary>
    public int UnitId { get; set; }
    public string? HandlerUserId { get; set; }
    public string? HandlerName { get; set; }

    public RequestState State { get; set; }
    public RequestChannel Channel { get; set; }
    /// <summary>When the portal or an API client submitted it (online channel), or when staff registered it.</summary>
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>收到申请之日 by the channel's rule (条例第三十一条); null until the office confirms an online submission.</summary>
    public DateOnly? ReceivedOn { get; set; }
    /// <summary>Where the receipt date came from: e.g. "邮件签收", "普通信件，当日与申请人确认" (条例第三十一条第（二）项).</summary>
    public string? ReceiptNote { get; set; }
    /// <summary>The day the reply clock counts from: the receipt date, or the receipt of the corrected application (条例第三十条).</summary>
    public DateOnly? ClockStartsOn { get; set; }
    /// <summary>Name of the system or staff member that registered it (e.g. the city's platform via its token).</summary>
    public string RegisteredBy { get; set; } = "";

    // Applicant (条例第二十九条第（一）项). Personal data.
    public ApplicantType ApplicantType { get; set; }
    /// <summary>姓名 or 名称.</summary>
    public string ApplicantName { get; set; } = "";
    /// <summary>证件类型: 居民身份证, 护照 …; for organisations 统一社会信用代码.</summary>
    public string? IdType { get; set; }
    public string? IdNumber { get; set; }
    /// <summary>法定代表人或负责人 (organisations).</summary>
    public string? LegalRepresentative { get; set; }
    /// <summary>联系人 (organisations).</summary>
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>A stable, keyed hash of the applicant's identity (type + id number, or name + phone) to count applications per
    /// applicant per month for the fee (《信息处理费管理办法》第四条) and to spot repeated applications, without comparing personal data.</summary>
    public string ApplicantKey { get; set; } = "";

    // The information (条例第二十九条第（二）项).
    /// <summary>所需政府信息的名称 (or a short title for the request).</summary>
    public string InformationTitle { get; set; } = "";
    public string? DocumentNumber { get; set; }
    /// <summary>其他特征性描述.</summary>
    public string Description { get; set; } = "";
    // 条例第二十九条第（三）项: 形式要求, 获取信息的方式和途径.
    public RequestedMedium Medium { get; set; } = RequestedMedium.Electronic;
    public DeliveryMethod Delivery { get; set; } = DeliveryMethod.Online;

    /// <summary>主题 for analysis (主题分类 of the document library), set by staff.</summary>
    public string? Topic { get; set; }

    // 补正 (条例第三十条): one notice, within 7 working days of receipt.
    public DateOnly? CorrectionRequestedOn { get; set; }
    public string? CorrectionContent { get; set; }
    public DateOnly? CorrectionDueOn { get; set; }
    public DateOnly? CorrectionReceivedOn { get; set; }
    /// <summary>The state the case returns to when the correction arrives.</summary>
    public RequestState? StateBeforeCorrection { get; set; }
    /// <summary>The state a returned draft reply goes back to.</summary>
    public RequestState? StateBeforeReply { get; set; }

    // 延期 (条例第三十三条第二款): at most 20 working days, approved by the office's head, notified to the applicant.
    public int ExtensionDays { get; set; }
    public DateOnly? ExtensionApprovedOn { get; set; }
    public string? ExtensionApprovedBy { get; set; }
    public string? ExtensionReason { get; set; }

    // 条例第三十五条: asking for reasons when quantity or frequency is clearly beyond a reasonable range.
    public DateOnly? ReasonsRequestedOn { get; set; }
    public ReasonFinding? ReasonFinding { get; set; }
    /// <summary>The longer reply period set when the reasons are reasonable but the normal time is not enough.</summary>
    public DateOnly? LongerPeriodDueOn { get; set; }

    // Reply.
    public Outcome? Outcome { get; set; }
    public string? ReplyText { get; set; }
    /// <summary>For 无法提供（本机关不掌握）: the agency responsible, when known (条例第三十六条第（五）项).</summary>
    public string? ReferredAgency { get; set; }
    public string? ReplyDraftedBy { get; set; }
    public string? ReplyDraftedByUserId { get; set; }
    public string? ReplyApprovedBy { get; set; }
    /// <summary>答复日期: the day the reply was issued.</summary>
    public DateOnly? RepliedOn { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    /// <summary>归档号.</summary>
    public string? ArchiveNumber { get; set; }

    /// <summary>Set when the closed case was anonymised into the 案例库 (staff-only case library).</summary>
    public bool InCaseLibrary { get; set; }
    /// <summary>The proactively published document this request led to (依申请公开转主动公开).</summary>
    public int? PublishedDocumentId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<RequestConsultation> Consultations { get; set; } = [];
    public List<RequestFee> Fees { get; set; } = [];
    public List<RequestEvent> Events { get; set; } = [];
    public List<RequestFile> Files { get; set; } = [];
    public List<RequestChallenge> Challenges { get; set; } = [];

    public bool IsClosed => State is RequestState.Replied or RequestState.Archived;
}

/// <summary>征求意见: sent on a date, answered (or expired after 15 working days); that time is not counted (条例第三十三条第三款).</summary>
public class RequestConsultation
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public ConsultationKind Kind { get; set; }
    /// <summary>The third party or agency consulted.</summary>
    public string Party { get; set; } = "";
    public string? Matter { get; set; }
    public DateOnly SentOn { get; set; }
    /// <summary>15 working days (条例第三十二条, 第三十四条).</summary>
    public DateOnly DueOn { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public ConsultationAnswer? Answer { get; set; }
    public string? AnswerText { get; set; }
}

/// <summary>收费通知 (《政府信息公开信息处理费管理办法》): method, quantity, amount, dates; payment within 20 working days of receipt.</summary>
public class RequestFee
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public FeeMethod Method { get; set; }
    /// <summary>Pieces in this application (按件) or pages (按量).</summary>
    public int Quantity { get; set; }
    /// <summary>按件: pieces the same applicant had already applied for in that natural month.</summary>
    public int EarlierPiecesThisMonth { get; set; }
    public decimal Amount { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// <summary>The day the applicant received the notice; the 20 working days count from the day after.</summary>
    public DateOnly NoticeReceivedOn { get; set; }
    public DateOnly PayBy { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>Local 减免 decision, only with its reason and basis (the 办法 has no national waiver).</summary>
    public decimal? ReducedTo { get; set; }
    public string? ReductionReason { get; set; }
    /// <summary>Deemed withdrawn for non-payment on this day.</summary>
    public DateOnly? LapsedOn { get; set; }

    public decimal Payable => ReducedTo ?? Amount;
    /// <summary>Open: issued, something to pay, not paid, not lapsed.</summary>
    public bool IsOpen => PaidOn is null && LapsedOn is null && Payable > 0;
}

/// <summary>One entry of the case history. Personal data is never written here.</summary>
public class RequestEvent
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public RequestEventKind Kind { get; set; }
    public string ActorName { get; set; } = "";
    public string? ActorUserId { get; set; }
    public string? Note { get; set; }
    /// <summary>Shown to the applicant on the query page (state changes are; internal notes and views are not).</summary>
    public bool Public { get; set; }
}

public enum RequestFileKind
{
    /// <summary>申请材料 from the applicant (identity proof, the application scan …).</summary>
    Application = 1,
    /// <summary>提供的政府信息: files released with the reply.</summary>
    Released = 2,
    /// <summary>Signed and stamped notices, receipts of delivery, other case papers.</summary>
    CasePaper = 3,
}

public class RequestFile
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public RequestFileKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>行政复议 or 行政诉讼 against a reply, with its result (annual report section 四).</summary>
public class RequestChallenge
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public ChallengeKind Kind { get; set; }
    public ChallengeResult Result { get; set; }
    public DateOnly FiledOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Body { get; set; }
    public string? Note { get; set; }
}
