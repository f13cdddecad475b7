namespace Zwgk.Domain.Requests;

/// <summary>
/// The built-in templates, used until the 公开办 edits one ("恢复默认" deletes the edited copy). Each cites the article it
/// rests on. Layout rules: see <see cref="NoticeRendering.RenderHtml"/>.
/// </summary>
public static class NoticeDefaults
{
    private const string Regulation = "《中华人民共和国政府信息公开条例》";

    private const string Signature = "\n>{机关名称}\n>{日期}";
    private const string Contact = "\n联系方式：{联系方式}";

    /// <summary>行政复议法（2023年修订）第二十条: 60 days; 第二十四条: the 本级人民政府 reviews its departments' decisions and the
    /// 上一级人民政府 those of a government. 行政诉讼法第四十六条: 6 months when suing directly.</summary>
    public const string RemedyClause =
        "如对本答复不服，您可以自收到本答复书之日起六十日内向{复议机关}申请行政复议（《中华人民共和国行政复议法》第二十条、第二十四条），" +
        "也可以自收到本答复书之日起六个月内向{诉讼法院}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";

    private const string ReplyOpening = "{申请人}：\n本机关于{收到日期}收到您（单位）提交的政府信息公开申请（受理编号：{受理编号}），申请获取“{所需信息}”。经审查，现答复如下：\n";

    public static (string Title, string Body) For(NoticeKind kind, OutcomeGroup? group) => kind switch
    {
        // 条例第二十九条: the content of an application.
        NoticeKind.RegistrationForm => ("政府信息公开申请登记表",
            "|受理编号|{受理编号}|申请渠道|{申请渠道}|\n" +
            "|申请人姓名或名称|{申请人}|申请人类型|{申请人类型}|\n" +
            "|证件类型|{证件类型}|证件号码|{证件号码}|\n" +
            "|法定代表人或负责人|{法定代表人}|联系人|{联系人}|\n" +
            "|联系电话|{联系电话}|电子邮箱|{电子邮箱}|\n" +
            "|通信地址|{通信地址}|邮政编码|{邮政编码}|\n" +
            "|所需政府信息名称|{所需信息}|文号|{所需信息文号}|\n" +
            "|所需政府信息的其他特征性描述|{信息描述}|\n" +
            "|信息的提供形式|{提供形式}|获取信息的方式|{获取方式}|\n" +
            "|提交日期|{提交日期}|收到申请日期|{收到日期}|\n" +
            "|收到日期的认定|{收到日期说明}|答复期限|{答复期限}|\n" +
            "\n申请人（签名或盖章）：　　　　　　　　登记人：\n" + Signature),

        // 条例第三十一条 (receipt date), 第三十三条 (20 working days, extension), 第三十条 (correction restarts the period).
        NoticeKind.Receipt => ("政府信息公开申请接收回执",
            "{申请人}：\n" +
            "本机关于{收到日期}收到您（单位）提交的政府信息公开申请（所需信息：{所需信息}），受理编号为{受理编号}。收到申请之日依照" + Regulation + "第三十一条认定（{收到日期说明}）。\n" +
            "根据" + Regulation + "第三十三条第二款，本机关将在收到申请之日起20个工作日内，即{答复期限}前予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过20个工作日。" +
            "申请内容不明确需要补正的，答复期限自本机关收到补正后的申请之日起计算（条例第三十条）；征求第三方和其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款）。\n" +
            "您可以凭受理编号和提交申请时取得的查询码，通过{查询方式}查询办理进度和答复结果。查询码只在提交申请时告知一次，本回执不载明查询码，请妥善保管。\n" +
            "联系方式：{联系方式}" + Signature),

        // 条例第三十条: one notice, what to correct, a reasonable time limit; no correction in time = 视为放弃申请.
        NoticeKind.Correction => ("补正申请告知书",
            "{申请人}：\n" +
            "本机关于{收到日期}收到您（单位）提交的政府信息公开申请（受理编号：{受理编号}，所需信息：{所需信息}）。经审查，您的申请内容不明确。根据" + Regulation + "第三十条的规定，请您对以下事项作出补正：\n" +
            "{补正事项}\n" +
            "请您于{补正期限}前将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。" +
            Contact + Signature),

        // 条例第三十五条: quantity or frequency clearly beyond a reasonable range → ask for reasons.
        NoticeKind.Reasons => ("说明理由告知书",
            "{申请人}：\n" +
            "本机关于{收到日期}收到您（单位）提交的政府信息公开申请（受理编号：{受理编号}，所需信息：{所需信息}）。经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据" + Regulation + "第三十五条的规定，请您说明理由。\n" +
            "请您自收到本告知书之日起15个工作日内向本机关书面说明理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在条例第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。" +
            Contact + Signature),

        // 条例第三十三条第二款: extension approved by the office's head, at most 20 working days, notified to the applicant.
        NoticeKind.Extension => ("延期答复告知书",
            "{申请人}：\n" +
            "本机关于{收到日期}收到您（单位）提交的政府信息公开申请（受理编号：{受理编号}，所需信息：{所需信息}）。因{延期理由}，本机关不能在原答复期限（{原答复期限}）内作出答复。" +
            "根据" + Regulation + "第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，本机关将于{答复期限}前作出答复。" +
            Contact + Signature),

        // 条例第三十二条: written consultation; 15 working days; silence → the agency decides; objection → not disclosed unless
        // the public interest overrides. The applicant's identity is not the third party's business and is not printed.
        NoticeKind.ThirdPartyConsultation => ("征求第三方意见书",
            "{征求对象}：\n" +
            "本机关收到政府信息公开申请（受理编号：{受理编号}），申请公开“{所需信息}”。本机关认为，公开该信息可能会损害你方合法权益。根据" + Regulation + "第三十二条的规定，现书面征求你方意见，征求意见的事项如下：\n" +
            "{征求事项}\n" +
            "请你方自收到本意见书之日起15个工作日内，即{征求答复期限}前书面提出意见：同意公开的，请明确表示；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。" +
            "你方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知你方。" +
            Contact + Signature),

        // 条例第三十四条: co-made information; the other agency answers within 15 working days; silence = consent.
        NoticeKind.AgencyConsultation => ("征求意见函",
            "{征求对象}：\n" +
            "本机关收到政府信息公开申请（受理编号：{受理编号}），申请公开“{所需信息}”。该信息由本机关与你单位共同制作。根据" + Regulation + "第三十四条的规定，现征求你单位意见，征求意见的事项如下：\n" +
            "{征求事项}\n" +
            "请你单位自收到本函之日起15个工作日内，即{征求答复期限}前提出意见。逾期未提出意见的，视为同意公开。" +
            Contact + Signature),

        // 条例第四十二条; 办法第三条 (one method, progressive), 第四条/第五条 (standards), 第六条 (notice within the reply
        // period stating basis, standard, amount and how to pay; 20 working days from the day after receipt; unpaid = 视为放弃).
        NoticeKind.Fee => ("信息处理费收费通知书",
            "{申请人}：\n" +
            "本机关于{收到日期}收到您（单位）提交的政府信息公开申请（受理编号：{受理编号}，所需信息：{所需信息}）。您申请公开政府信息的数量、频次超过一定范围，本机关决定收取信息处理费。\n" +
            "收费依据：" + Regulation + "第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。\n" +
            "收费方式：{收费方式}，计{收费数量}。每件申请只适用一种计收方式，按照超额累进方式计算（办法第三条）。\n" +
            "收费标准：{收费标准}。\n" +
            "计算明细：\n{收费明细}\n" +
            "应缴金额：{收费金额}。{减免说明}\n" +
            "缴费方式：{缴费方式}\n" +
            "请您自收到本通知次日起20个工作日内，即{缴费期限}前缴纳费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。" +
            Contact + Signature),

        NoticeKind.Reply => ("政府信息公开申请答复书", ReplyOpening + ReplyBody(group ?? OutcomeGroup.Disclosed) + "\n" + RemedyClause + Contact + Signature),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string ReplyBody(OutcomeGroup g) => g switch
    {
        // 条例第三十六条第（一）（二）项, 第四十条 (the form asked for where possible).
        OutcomeGroup.Disclosed =>
            "您申请获取的政府信息属于可以公开的政府信息。根据{法律依据}的规定，本机关予以公开，按照您要求的{提供形式}形式、通过{获取方式}的方式向您提供。\n{答复内容}",
        // 条例第三十七条.
        OutcomeGroup.PartlyDisclosed =>
            "您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据{法律依据}的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下：\n{答复内容}",
        // 条例第三十六条第（三）项: tell the applicant and give the reasons.
        OutcomeGroup.Withheld =>
            "您申请获取的政府信息属于不予公开的情形（{办理结果}）。根据{法律依据}的规定，本机关决定不予公开，理由如下：\n{答复内容}",
        // 条例第三十六条第（四）（五）项, 第三十八条, 第三十条.
        OutcomeGroup.Unavailable =>
            "您申请获取的政府信息属于无法提供的情形（{办理结果}）。根据{法律依据}的规定，告知如下：\n{负责机关告知}\n{答复内容}",
        // 条例第三十五条, 第三十六条第（六）项, 第三十九条.
        OutcomeGroup.NotProcessed =>
            "您的申请属于不予处理的情形（{办理结果}）。根据{法律依据}的规定，本机关不予处理，告知如下：\n{答复内容}",
        // 条例第三十条, 办法第六条 and other cases.
        _ => "您的申请属于其他处理的情形（{办理结果}）。根据{法律依据}的规定，告知如下：\n{答复内容}",
    };
}
