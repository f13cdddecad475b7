using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Reports;

/// <summary>A numbered heading of the report (一、总体情况 …), with the variants sites print.</summary>
public sealed record ReportSection(int Number, string Numeral, string Title, IReadOnlyList<string> Variants)
{
    public string PrintedLabel => Numeral + "、" + Title;
}

/// <summary>A column of the application table: one applicant type, or 总计.</summary>
public sealed record ApplicationColumn(int Index, string Key, string Label, ApplicantType? Applicant)
{
    public bool IsTotal => Applicant is null;
}

public enum ApplicationRowKind
{
    /// <summary>一、本年新收 and 二、上年结转: the applications the year had to handle.</summary>
    Received,
    /// <summary>The heading of an outcome group with sub-rows (（三）to（六）): numbers optional (the national form prints none).</summary>
    Group,
    /// <summary>One outcome: （一）（二）or a numbered sub-row of a group.</summary>
    Outcome,
    /// <summary>（七）总计.</summary>
    Total,
    /// <summary>四、结转下年度继续办理.</summary>
    CarriedForward,
}

/// <summary>
/// A row of the 收到和处理政府信息公开申请情况 table. <see cref="Key"/> is stable (JSON, storage); <see cref="PrintedLabel"/>
/// is what the national format prints; <see cref="Variants"/> are other ways real reports print the label body
/// (without the numeral), compared after <see cref="AnnualReportFormat.Fold"/>.
/// </summary>
public sealed record ApplicationRow(
    int Index, string Key, string Numeral, string Label, ApplicationRowKind Kind, OutcomeGroup? Group, Outcome? Outcome,
    IReadOnlyList<string> Variants)
{
    public string PrintedLabel => Numeral + Label;

    /// <summary>Rows the national form requires (a group heading carries no numbers of its own).</summary>
    public bool Required => Kind != ApplicationRowKind.Group;
}

/// <summary>A row of a section 二 table (规章, 行政许可 …).</summary>
public sealed record DisclosureRow(string Key, string Label, IReadOnlyList<string> Variants);

/// <summary>One of the four tables of section 二, by the item of 条例第二十条 it reports.</summary>
public sealed record DisclosureTable(string Key, string Provision, IReadOnlyList<string> Columns, IReadOnlyList<DisclosureRow> Rows, bool Amount = false);

/// <summary>行政复议, 未经复议直接起诉, 复议后起诉: each with 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计.</summary>
public sealed record ReviewBody(int Index, string Key, string Label);

/// <summary>
/// 《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号) as data, for the report generator and the
/// checker of published reports (年报核查). 条例第五十条: the content of the annual report; 第五十条 also makes the
/// national office publish this uniform format.
/// </summary>
public static class AnnualReportFormat
{
    public const string Source = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）";

    /// <summary>The first year reported in this format (issued 2021-09-26; reports for 2020 and before used the 2019 试行 format).</summary>
    public const int FirstYear = 2021;

    /// <summary>The 条例 took effect on 2008-05-01: no annual report covers an earlier year.</summary>
    public const int EarliestYear = 2008;

    /// <summary>The six headings, in order.</summary>
    public static readonly IReadOnlyList<ReportSection> Sections =
    [
        new(1, "一", "总体情况", []),
        new(2, "二", "主动公开政府信息情况", []),
        new(3, "三", "收到和处理政府信息公开申请情况", []),
        new(4, "四", "政府信息公开行政复议、行政诉讼情况", ["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况"]),
        new(5, "五", "政府信息公开工作存在的主要问题及改进情况", ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进措施"]),
        new(6, "六", "其他需要报告的事项", ["其他需要报告事项"]),
    ];

    // ---------------------------------------------------------------- section 二

    public static readonly IReadOnlyList<DisclosureTable> DisclosureTables =
    [
        // 条例第二十条第（一）项: 规章 and 规范性文件.
        new("rules", "第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
        [
            new("rules", "规章", ["政府规章", "部门规章"]),
            new("normativeDocuments", "行政规范性文件", ["规范性文件"]),
        ]),
        // 第（五）项: 行政许可.
        new("licensing", "第二十条第（五）项", ["本年处理决定数量"],
        [
            new("licensing", "行政许可", []),
        ]),
        // 第（六）项: 行政处罚, 行政强制.
        new("enforcement", "第二十条第（六）项", ["本年处理决定数量"],
        [
            new("penalties", "行政处罚", []),
            new("coercion", "行政强制", []),
        ]),
        // 第（八）项: 行政事业性收费, an amount in 万元 (may have decimals).
        new("fees", "第二十条第（八）项", ["本年收费金额（单位：万元）"],
        [
            new("fees", "行政事业性收费", []),
        ], Amount: true),
    ];

    public static IEnumerable<(DisclosureTable Table, DisclosureRow Row)> DisclosureRows =>
        DisclosureTables.SelectMany(t => t.Rows.Select(r => (t, r)));

    // ---------------------------------------------------------------- section 三

    public const string TotalColumnKey = "total";
    public const string TotalLabel = "总计";

    /// <summary>自然人, 商业企业 … 其他 (in <see cref="ApplicantTypes.All"/> order), then 总计.</summary>
    public static readonly IReadOnlyList<ApplicationColumn> ApplicationColumns =
        ApplicantTypes.All.Select((t, i) => new ApplicationColumn(i, ColumnKey(t), t.Label(), t))
            .Append(new ApplicationColumn(ApplicantTypes.All.Count, TotalColumnKey, TotalLabel, null))
            .ToList();

    public static int ColumnCount => ApplicationColumns.Count;

    /// <summary>The header above the applicant columns that are organisations.</summary>
    public const string OrganizationsHeader = "法人或其他组织";

    /// <summary>The heading row of the outcome block (no numbers).</summary>
    public const string OutcomesHeading = "三、本年度办理结果";

    /// <summary>The rows of the application table in national order (the outcome rows follow <see cref="Outcomes.All"/>).</summary>
    public static readonly IReadOnlyList<ApplicationRow> ApplicationRows = BuildRows();

    private static readonly Dictionary<string, ApplicationRow> RowsByKey = ApplicationRows.ToDictionary(r => r.Key);

    public static ApplicationRow Row(string key) => RowsByKey[key];

    public static ApplicationRow Row(Outcome outcome) => ApplicationRows.Single(r => r.Outcome == outcome);

    public static ApplicationRow? GroupRow(OutcomeGroup group) => ApplicationRows.SingleOrDefault(r => r.Kind == ApplicationRowKind.Group && r.Group == group);

    public static IEnumerable<ApplicationRow> SubRows(OutcomeGroup group) =>
        ApplicationRows.Where(r => r.Kind == ApplicationRowKind.Outcome && r.Group == group);

    public const string NewKey = "new";
    public const string CarriedOverKey = "carriedOver";
    public const string TotalKey = "total";
    public const string CarriedForwardKey = "carriedForward";

    private static List<ApplicationRow> BuildRows()
    {
        var rows = new List<ApplicationRow>();
        void Add(string key, string numeral, string label, ApplicationRowKind kind, OutcomeGroup? group, Outcome? outcome, params string[] variants) =>
            rows.Add(new ApplicationRow(rows.Count, key, numeral, label, kind, group, outcome, variants));

        Add(NewKey, "一、", "本年新收政府信息公开申请数量", ApplicationRowKind.Received, null, null, "本年新收政府信息公开申请", "本年新收申请数量", "本年新收");
        Add(CarriedOverKey, "二、", "上年结转政府信息公开申请数量", ApplicationRowKind.Received, null, null, "上年结转政府信息公开申请", "上年结转申请数量", "上年结转");

        foreach (var group in Enum.GetValues<OutcomeGroup>())
        {
            var subRows = Outcomes.All.Where(o => o.Group == group).ToList();
            if (subRows is [{ Number: 0 } single])
            {
                // （一）予以公开, （二）部分公开: the group is the outcome.
                var variants = single.Outcome == Outcome.PartlyDisclosed ? new[] { "部分公开" } : [];
                Add(OutcomeKey(single.Outcome), group.Numeral(), single.Label, ApplicationRowKind.Outcome, group, single.Outcome, variants);
                continue;
            }

            Add(GroupKey(group), group.Numeral(), group.Label(), ApplicationRowKind.Group, group, null);
            foreach (var o in subRows)
            {
                Add(OutcomeKey(o.Outcome), o.Number + ".", o.Label, ApplicationRowKind.Outcome, group, o.Outcome, OutcomeVariants(o.Outcome));
            }
        }

        Add(TotalKey, "（七）", "总计", ApplicationRowKind.Total, null, null);
        Add(CarriedForwardKey, "四、", "结转下年度继续办理", ApplicationRowKind.CarriedForward, null, null, "结转下年度继续办理申请数量", "结转下年度");
        return rows;
    }

    /// <summary>Labels as sites print them besides the national text (abbreviations, older wording, quote styles: quotes are folded away).</summary>
    private static string[] OutcomeVariants(Outcome o) => o switch
    {
        Outcome.WithheldSecurityStability => ["危及三安全一稳定", "危及国家安全、公共安全、经济安全、社会稳定"],
        Outcome.WithheldThirdPartyRights => ["保护第三方合法权益的", "涉及第三方合法权益"],
        Outcome.WithheldInternalAffairs => ["三类内部事务信息", "属于内部事务信息"],
        Outcome.WithheldProcessInformation => ["四类过程性信息", "属于过程性信息"],
        Outcome.WithheldEnforcementFile => ["行政执法案卷"],
        Outcome.WithheldAdministrativeQuery => ["行政查询事项"],
        Outcome.UnavailableNotHeld => ["本机关不掌握", "本机关不掌握相关信息", "本机关不掌握该政府信息"],
        Outcome.UnavailableNeedsCreation => ["没有现成信息需另行制作", "没有现成信息需要另行制作的"],
        Outcome.UnavailableStillUnclear => ["补正后申请内容仍不明确的"],
        Outcome.NotProcessedPetition => ["信访举报投诉类"],
        Outcome.NotProcessedExcessive => ["无正当理由大量反复申请的"],
        Outcome.NotProcessedConfirmation => ["要求行政机关确认或者重新出具已获取信息"],
        Outcome.OtherNoCorrection => ["申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正"],
        Outcome.OtherFeeUnpaid => ["申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用"],
        _ => [],
    };

    public static string OutcomeKey(Outcome o) => char.ToLowerInvariant(o.ToString()[0]) + o.ToString()[1..];

    public static string GroupKey(OutcomeGroup g) => g switch
    {
        OutcomeGroup.Withheld => "withheld",
        OutcomeGroup.Unavailable => "unavailable",
        OutcomeGroup.NotProcessed => "notProcessed",
        OutcomeGroup.Other => "otherProcessing",
        _ => char.ToLowerInvariant(g.ToString()[0]) + g.ToString()[1..],
    };

    public static string ColumnKey(ApplicantType t) => char.ToLowerInvariant(t.ToString()[0]) + t.ToString()[1..];

    // ---------------------------------------------------------------- section 四

    public static readonly IReadOnlyList<string> ReviewColumns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static readonly IReadOnlyList<ReviewBody> ReviewBodies =
    [
        new(0, "administrativeReview", "行政复议"),
        new(1, "directLitigation", "未经复议直接起诉"),
        new(2, "litigationAfterReview", "复议后起诉"),
    ];

    public const string LitigationHeader = "行政诉讼";

    /// <summary>The section 四 table has 3 × 5 numbers in one row.</summary>
    public static int ReviewCellCount => ReviewBodies.Count * ReviewColumns.Count;

    // ---------------------------------------------------------------- labels

    /// <summary>
    /// The comparable form of a printed label: whitespace, quotes and the punctuation sites vary (、，,.．:：) removed,
    /// full-width brackets made ASCII. Traditional characters are folded by the caller before this (the import layer
    /// has no dictionary of its own).
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '〝' or '〞'
                or '、' or ',' or '，' or '.' or '．' or '。' or ':' or '：' or ';' or '；' or '·' or '•')
            {
                continue;
            }

            sb.Append(c switch { '〔' or '【' or '[' => '(', '〕' or '】' or ']' => ')', _ => c });
        }

        return sb.ToString();
    }
}
