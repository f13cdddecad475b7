namespace Zwgk.Domain.Requests;

/// <summary>How the application reached the agency; each has its receipt-date rule (条例第三十一条). Stored as the number.</summary>
public enum RequestChannel
{
    /// <summary>当面提交: received on the day it is handed in.</summary>
    InPerson = 1,
    /// <summary>邮寄: received on the day the agency signs for it (ordinary letters: the day the office confirms with the applicant).</summary>
    Post = 2,
    /// <summary>网络 (the portal, the city's platform, e-mail): received on the day both sides confirm.</summary>
    Online = 3,
    /// <summary>传真 to the office's fax: received on the day both sides confirm.</summary>
    Fax = 4,
}

/// <summary>Case states. Pauses (补正 is a state; consultations and unpaid fees are derived from their records) stop the clock.</summary>
public enum RequestState
{
    /// <summary>待确认: submitted online, receipt not yet confirmed by the office, so the clock has not started (条例第三十一条第（三）项).</summary>
    Submitted = 1,
    /// <summary>待审核: registered with a receipt date; the office checks that it is complete and clear.</summary>
    Registered = 2,
    /// <summary>待补正: one correction notice issued (条例第三十条); the clock restarts when the corrected application arrives.</summary>
    AwaitingCorrection = 3,
    /// <summary>办理中: assigned to a unit and handler.</summary>
    Processing = 4,
    /// <summary>答复待审批: the handler's draft reply waits for approval by another person.</summary>
    ReplyPendingApproval = 5,
    /// <summary>已答复.</summary>
    Replied = 6,
    /// <summary>已归档: closed and read-only.</summary>
    Archived = 7,
}

/// <summary>纸质 or 电子: the form the applicant wants the information in (条例第二十九条第（三）项, 第四十条).</summary>
public enum RequestedMedium { Paper = 1, Electronic = 2 }

/// <summary>How it is to be delivered (获取信息的方式和途径).</summary>
public enum DeliveryMethod { Post = 1, Pickup = 2, Email = 3, Online = 4 }

public enum ConsultationKind
{
    /// <summary>征求第三方意见 (条例第三十二条).</summary>
    ThirdParty = 1,
    /// <summary>征求其他行政机关意见: co-made information (条例第三十四条) or other agencies.</summary>
    Agency = 2,
}

public enum ConsultationAnswer
{
    /// <summary>同意公开.</summary>
    Agree = 1,
    /// <summary>不同意公开, with reasons.</summary>
    Object = 2,
    /// <summary>逾期未答复: a third party's silence leaves the decision to the agency (第三十二条); an agency's silence is consent (第三十四条).</summary>
    NoAnswer = 3,
}

/// <summary>条例第三十五条: the applicant was asked for reasons; the office's finding on them.</summary>
public enum ReasonFinding
{
    /// <summary>Reasons not given or unreasonable: not processed (不予处理 row 4).</summary>
    Unreasonable = 1,
    /// <summary>Reasonable but cannot be answered in the normal time: a longer period is set and notified.</summary>
    ReasonableLongerPeriod = 2,
    /// <summary>Reasonable: processed in the normal time.</summary>
    Reasonable = 3,
}

/// <summary>Who challenged a reply, and how (annual report section 四).</summary>
public enum ChallengeKind
{
    /// <summary>行政复议.</summary>
    AdministrativeReview = 1,
    /// <summary>行政诉讼，未经复议直接起诉.</summary>
    LitigationDirect = 2,
    /// <summary>行政诉讼，复议后起诉.</summary>
    LitigationAfterReview = 3,
}

public enum ChallengeResult
{
    /// <summary>结果维持.</summary>
    Upheld = 1,
    /// <summary>结果纠正.</summary>
    Corrected = 2,
    /// <summary>其他结果.</summary>
    Other = 3,
    /// <summary>尚未审结.</summary>
    Pending = 4,
}

/// <summary>What happened to a case, in its history (every step also writes an audit entry).</summary>
public enum RequestEventKind
{
    Submitted = 1, Registered = 2, ReceiptConfirmed = 3, Accepted = 4, Assigned = 5, Transferred = 6,
    CorrectionRequested = 7, CorrectionReceived = 8, CorrectionLapsed = 9,
    ConsultationSent = 10, ConsultationAnswered = 11,
    ExtensionApproved = 12, ReasonsRequested = 13, ReasonsAssessed = 14,
    FeeNoticeIssued = 15, FeePaid = 16, FeeReduced = 17, FeeLapsed = 18,
    ReplyDrafted = 19, ReplyApproved = 20, ReplyReturned = 21, Archived = 22,
    ChallengeRecorded = 23, NoticeGenerated = 24, ApplicantDataViewed = 25, FileAdded = 26, Note = 27, Withdrawn = 28,
}

public static class RequestLabels
{
    public static string Label(this RequestChannel c) => c switch
    {
        RequestChannel.InPerson => "当面",
        RequestChannel.Post => "邮寄",
        RequestChannel.Online => "网络",
        RequestChannel.Fax => "传真",
        _ => c.ToString(),
    };

    public static RequestChannel? ParseChannel(string? text) => text?.Trim() switch
    {
        "当面" or "当面提交" or "现场" => RequestChannel.InPerson,
        "邮寄" or "信函" => RequestChannel.Post,
        "网络" or "网上" or "在线" or "互联网" or "电子邮件" => RequestChannel.Online,
        "传真" => RequestChannel.Fax,
        _ => null,
    };

    public static string Label(this RequestState s) => s switch
    {
        RequestState.Submitted => "待确认",
        RequestState.Registered => "待审核",
        RequestState.AwaitingCorrection => "待补正",
        RequestState.Processing => "办理中",
        RequestState.ReplyPendingApproval => "答复待审批",
        RequestState.Replied => "已答复",
        RequestState.Archived => "已归档",
        _ => s.ToString(),
    };

    public static string Label(this RequestedMedium m) => m == RequestedMedium.Paper ? "纸质" : "电子";

    public static string Label(this DeliveryMethod d) => d switch
    {
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Pickup => "自行领取",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Online => "网上获取",
        _ => d.ToString(),
    };

    public static string Label(this ConsultationKind k) => k == ConsultationKind.ThirdParty ? "征求第三方意见" : "征求其他行政机关意见";

    public static string Label(this ConsultationAnswer a) => a switch
    {
        ConsultationAnswer.Agree => "同意公开",
        ConsultationAnswer.Object => "不同意公开",
        ConsultationAnswer.NoAnswer => "逾期未答复",
        _ => a.ToString(),
    };

    public static string Label(this FeeMethod m) => m == FeeMethod.PerPiece ? "按件计收" : "按量计收";

    public static string Label(this ReasonFinding f) => f switch
    {
        ReasonFinding.Unreasonable => "理由不合理，不予处理",
        ReasonFinding.ReasonableLongerPeriod => "理由合理，确定延迟答复的合理期限",
        ReasonFinding.Reasonable => "理由合理，按期办理",
        _ => f.ToString(),
    };

    public static string Label(this ChallengeKind k) => k switch
    {
        ChallengeKind.AdministrativeReview => "行政复议",
        ChallengeKind.LitigationDirect => "未经复议直接起诉",
        ChallengeKind.LitigationAfterReview => "复议后起诉",
        _ => k.ToString(),
    };

    public static string Label(this ChallengeResult r) => r switch
    {
        ChallengeResult.Upheld => "结果维持",
        ChallengeResult.Corrected => "结果纠正",
        ChallengeResult.Other => "其他结果",
        ChallengeResult.Pending => "尚未审结",
        _ => r.ToString(),
    };

    public static string Label(this RequestEventKind k) => k switch
    {
        RequestEventKind.Submitted => "网上提交",
        RequestEventKind.Registered => "登记",
        RequestEventKind.ReceiptConfirmed => "确认收到申请",
        RequestEventKind.Accepted => "审核通过",
        RequestEventKind.Assigned => "分办",
        RequestEventKind.Transferred => "转办",
        RequestEventKind.CorrectionRequested => "告知补正",
        RequestEventKind.CorrectionReceived => "收到补正",
        RequestEventKind.CorrectionLapsed => "逾期未补正",
        RequestEventKind.ConsultationSent => "发出征求意见",
        RequestEventKind.ConsultationAnswered => "收到意见",
        RequestEventKind.ExtensionApproved => "批准延期",
        RequestEventKind.ReasonsRequested => "要求说明理由",
        RequestEventKind.ReasonsAssessed => "审查理由",
        RequestEventKind.FeeNoticeIssued => "发出收费通知",
        RequestEventKind.FeePaid => "缴费",
        RequestEventKind.FeeReduced => "减免信息处理费",
        RequestEventKind.FeeLapsed => "逾期未缴费",
        RequestEventKind.ReplyDrafted => "拟定答复",
        RequestEventKind.ReplyApproved => "答复审批通过",
        RequestEventKind.ReplyReturned => "答复退回修改",
        RequestEventKind.Archived => "归档",
        RequestEventKind.ChallengeRecorded => "登记复议诉讼",
        RequestEventKind.NoticeGenerated => "生成文书",
        RequestEventKind.ApplicantDataViewed => "查看申请人信息",
        RequestEventKind.FileAdded => "添加材料",
        RequestEventKind.Note => "备注",
        RequestEventKind.Withdrawn => "申请人撤回",
        _ => k.ToString(),
    };
}
