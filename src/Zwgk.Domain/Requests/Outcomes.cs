namespace Zwgk.Domain.Requests;

/// <summary>
/// 申请人类型: the columns of the annual report's application table (国办公开办函〔2021〕30号, section 三).
/// The numeric values are stored; never renumber.
/// </summary>
public enum ApplicantType
{
    NaturalPerson = 1,
    Business = 2,
    Research = 3,
    PublicWelfare = 4,
    LegalService = 5,
    OtherOrganization = 6,
}

public static class ApplicantTypes
{
    public static readonly IReadOnlyList<ApplicantType> All =
        [ApplicantType.NaturalPerson, ApplicantType.Business, ApplicantType.Research, ApplicantType.PublicWelfare, ApplicantType.LegalService, ApplicantType.OtherOrganization];

    /// <summary>The column label exactly as the national format prints it.</summary>
    public static string Label(this ApplicantType t) => t switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.Business => "商业企业",
        ApplicantType.Research => "科研机构",
        ApplicantType.PublicWelfare => "社会公益组织",
        ApplicantType.LegalService => "法律服务机构",
        ApplicantType.OtherOrganization => "其他",
        _ => t.ToString(),
    };

    /// <summary>How the API and forms name the type: 自然人, or the sub-type of 法人或其他组织 (其他 may be written 其他组织).</summary>
    public static ApplicantType? Parse(string? text) => text?.Trim() switch
    {
        "自然人" or "公民" => ApplicantType.NaturalPerson,
        "商业企业" or "企业" => ApplicantType.Business,
        "科研机构" => ApplicantType.Research,
        "社会公益组织" => ApplicantType.PublicWelfare,
        "法律服务机构" => ApplicantType.LegalService,
        "其他" or "其他组织" or "法人或其他组织" => ApplicantType.OtherOrganization,
        _ => null,
    };

    public static bool IsOrganization(this ApplicantType t) => t != ApplicantType.NaturalPerson;
}

/// <summary>The six outcome groups of the annual report (办理结果 （一）to（六）).</summary>
public enum OutcomeGroup
{
    Disclosed = 1,        // （一）予以公开
    PartlyDisclosed = 2,  // （二）部分公开
    Withheld = 3,         // （三）不予公开
    Unavailable = 4,      // （四）无法提供
    NotProcessed = 5,     // （五）不予处理
    Other = 6,            // （六）其他处理
}

/// <summary>
/// 办理结果: one value per row of the annual report's 本年度办理结果 block. Stored as the number; the tens digit is the
/// group, the unit digit the sub-reason (0 for groups without sub-reasons). Never renumber.
/// </summary>
public enum Outcome
{
    Disclosed = 10,
    PartlyDisclosed = 20,
    WithheldStateSecret = 31,
    WithheldProhibitedByLaw = 32,
    WithheldSecurityStability = 33,
    WithheldThirdPartyRights = 34,
    WithheldInternalAffairs = 35,
    WithheldProcessInformation = 36,
    WithheldEnforcementFile = 37,
    WithheldAdministrativeQuery = 38,
    UnavailableNotHeld = 41,
    UnavailableNeedsCreation = 42,
    UnavailableStillUnclear = 43,
    NotProcessedPetition = 51,
    NotProcessedRepeated = 52,
    NotProcessedPublication = 53,
    NotProcessedExcessive = 54,
    NotProcessedConfirmation = 55,
    OtherNoCorrection = 61,
    OtherFeeUnpaid = 62,
    OtherMisc = 63,
}

/// <param name="Number">The row's number within its group as printed (1–8), or 0 for （一）and（二）.</param>
/// <param name="Label">The row label as the national format prints it.</param>
/// <param name="Basis">The provision the outcome rests on, cited in the 答复书.</param>
public sealed record OutcomeInfo(Outcome Outcome, OutcomeGroup Group, int Number, string Label, string Basis);

public static class Outcomes
{
    private const string Regulation = "《中华人民共和国政府信息公开条例》";

    /// <summary>Every outcome in the order of the national table (国办公开办函〔2021〕30号, section 三).</summary>
    public static readonly IReadOnlyList<OutcomeInfo> All =
    [
        // 条例第三十六条第（一）（二）项: already disclosed (tell where) or can be disclosed (provide it).
        new(Outcome.Disclosed, OutcomeGroup.Disclosed, 0, "予以公开", Regulation + "第三十六条第（一）项、第（二）项"),
        // 条例第三十七条: the disclosable part is provided and the rest explained; counted only here (区分处理的，只计这一情形).
        new(Outcome.PartlyDisclosed, OutcomeGroup.PartlyDisclosed, 0, "部分公开（区分处理的，只计这一情形，不计其他情形）", Regulation + "第三十七条"),
        // 条例第十四条: state secrets, information other laws forbid, and the 三安全一稳定 harm test.
        new(Outcome.WithheldStateSecret, OutcomeGroup.Withheld, 1, "属于国家秘密", Regulation + "第十四条、第三十六条第（三）项"),
        new(Outcome.WithheldProhibitedByLaw, OutcomeGroup.Withheld, 2, "其他法律行政法规禁止公开", Regulation + "第十四条、第三十六条第（三）项"),
        new(Outcome.WithheldSecurityStability, OutcomeGroup.Withheld, 3, "危及“三安全一稳定”", Regulation + "第十四条、第三十六条第（三）项"),
        // 条例第十五条 (trade secrets, personal privacy) with the consultation of 第三十二条.
        new(Outcome.WithheldThirdPartyRights, OutcomeGroup.Withheld, 4, "保护第三方合法权益", Regulation + "第十五条、第三十二条、第三十六条第（三）项"),
        // 条例第十六条第一款: personnel, logistics, internal procedures. 第二款: process information and enforcement files.
        new(Outcome.WithheldInternalAffairs, OutcomeGroup.Withheld, 5, "属于三类内部事务信息", Regulation + "第十六条第一款、第三十六条第（三）项"),
        new(Outcome.WithheldProcessInformation, OutcomeGroup.Withheld, 6, "属于四类过程性信息", Regulation + "第十六条第二款、第三十六条第（三）项"),
        new(Outcome.WithheldEnforcementFile, OutcomeGroup.Withheld, 7, "属于行政执法案卷", Regulation + "第十六条第二款、第三十六条第（三）项"),
        // 条例第三十六条第（七）项: registration data whose access other laws regulate (工商、不动产登记资料 …).
        new(Outcome.WithheldAdministrativeQuery, OutcomeGroup.Withheld, 8, "属于行政查询事项", Regulation + "第三十六条第（七）项"),
        // 条例第三十六条第（四）项: not found after search; 第（五）项 points to the agency responsible where it is not this one.
        new(Outcome.UnavailableNotHeld, OutcomeGroup.Unavailable, 1, "本机关不掌握相关政府信息", Regulation + "第三十六条第（四）项、第（五）项"),
        // 条例第三十八条: information that has to be produced, processed or analysed.
        new(Outcome.UnavailableNeedsCreation, OutcomeGroup.Unavailable, 2, "没有现成信息需要另行制作", Regulation + "第三十八条"),
        // 条例第三十条: corrected but still unclear.
        new(Outcome.UnavailableStillUnclear, OutcomeGroup.Unavailable, 3, "补正后申请内容仍不明确", Regulation + "第三十条"),
        // 条例第三十九条第一款: petitions, complaints and reports made as applications.
        new(Outcome.NotProcessedPetition, OutcomeGroup.NotProcessed, 1, "信访举报投诉类申请", Regulation + "第三十九条第一款"),
        // 条例第三十六条第（六）项: the same application again after a reply.
        new(Outcome.NotProcessedRepeated, OutcomeGroup.NotProcessed, 2, "重复申请", Regulation + "第三十六条第（六）项"),
        // 条例第三十九条第二款: gazettes, newspapers, books.
        new(Outcome.NotProcessedPublication, OutcomeGroup.NotProcessed, 3, "要求提供公开出版物", Regulation + "第三十九条第二款"),
        // 条例第三十五条: quantity or frequency clearly beyond a reasonable range, reasons asked and found unreasonable.
        new(Outcome.NotProcessedExcessive, OutcomeGroup.NotProcessed, 4, "无正当理由大量反复申请", Regulation + "第三十五条"),
        // No article of its own: the 2021 format created this row for requests to certify or re-issue what the applicant already holds.
        new(Outcome.NotProcessedConfirmation, OutcomeGroup.NotProcessed, 5, "要求行政机关确认或重新出具已获取信息", "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"),
        // 条例第三十条: no correction in time without good reason = 视为放弃申请.
        new(Outcome.OtherNoCorrection, OutcomeGroup.Other, 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Regulation + "第三十条"),
        // 《政府信息公开信息处理费管理办法》第六条: unpaid within 20 working days from the day after the fee notice is received = 视为放弃申请.
        new(Outcome.OtherFeeUnpaid, OutcomeGroup.Other, 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第六条"),
        new(Outcome.OtherMisc, OutcomeGroup.Other, 3, "其他", "——"),
    ];

    private static readonly Dictionary<Outcome, OutcomeInfo> ByOutcome = All.ToDictionary(o => o.Outcome);

    public static OutcomeInfo Info(this Outcome o) => ByOutcome[o];
    public static OutcomeGroup Group(this Outcome o) => ByOutcome[o].Group;

    /// <summary>The group heading as printed: （一）予以公开 … （六）其他处理, and （七）总计 for the total row.</summary>
    public static string Label(this OutcomeGroup g) => g switch
    {
        OutcomeGroup.Disclosed => "予以公开",
        OutcomeGroup.PartlyDisclosed => "部分公开（区分处理的，只计这一情形，不计其他情形）",
        OutcomeGroup.Withheld => "不予公开",
        OutcomeGroup.Unavailable => "无法提供",
        OutcomeGroup.NotProcessed => "不予处理",
        OutcomeGroup.Other => "其他处理",
        _ => g.ToString(),
    };

    /// <summary>Short group names for lists and filters (the printed label of （二）is long).</summary>
    public static string ShortLabel(this OutcomeGroup g) => g == OutcomeGroup.PartlyDisclosed ? "部分公开" : g.Label();

    public static string Numeral(this OutcomeGroup g) => "（" + "一二三四五六"[(int)g - 1] + "）";
}
