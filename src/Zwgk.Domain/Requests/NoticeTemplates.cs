using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Requests;

/// <summary>The case documents (文书) printed from templates. Stored as the number; never renumber.</summary>
public enum NoticeKind
{
    /// <summary>政府信息公开申请登记表: every field of the application (条例第二十九条).</summary>
    RegistrationForm = 1,
    /// <summary>接收回执: case number, receipt date (条例第三十一条), reply deadline (条例第三十三条).</summary>
    Receipt = 2,
    /// <summary>补正告知书 (条例第三十条).</summary>
    Correction = 3,
    /// <summary>说明理由告知书 (条例第三十五条).</summary>
    Reasons = 4,
    /// <summary>延期答复告知书 (条例第三十三条第二款).</summary>
    Extension = 5,
    /// <summary>征求第三方意见书 (条例第三十二条).</summary>
    ThirdPartyConsultation = 6,
    /// <summary>征求意见函 to an agency that made the information jointly (条例第三十四条).</summary>
    AgencyConsultation = 7,
    /// <summary>收费通知书 (《政府信息公开信息处理费管理办法》).</summary>
    Fee = 8,
    /// <summary>政府信息公开申请答复书: one template per outcome group.</summary>
    Reply = 9,
}

/// <summary>A template the 公开办 edited; until one exists the built-in default of <see cref="NoticeDefaults"/> is used.</summary>
public class NoticeTemplate
{
    public int Id { get; set; }
    public NoticeKind Kind { get; set; }
    /// <summary>Only for <see cref="NoticeKind.Reply"/>: the outcome group the reply template is for.</summary>
    public OutcomeGroup? OutcomeGroup { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Plain text with {占位符}; see <see cref="NoticeRendering"/> for the few layout rules.</summary>
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    /// <summary>Counts saves; also the optimistic-concurrency check of the edit form.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Texts the notices need that belong to the site or a unit rather than to a case: the remedy bodies, where to query, how
/// to pay. One row without <see cref="UnitId"/> holds the site's values; a row with a unit overrides the review body and
/// court for that unit.
/// </summary>
public class RequestNoticeSettings
{
    public int Id { get; set; }
    public int? UnitId { get; set; }
    /// <summary>复议机关 for decisions of the district's departments, 街道 and 镇: the 本级人民政府 (行政复议法第二十四条).</summary>
    public string? ReviewBody { get; set; }
    /// <summary>The court for 行政诉讼 against those decisions.</summary>
    public string? Court { get; set; }
    /// <summary>复议机关 for the district government's own decisions: the 上一级人民政府 (行政复议法第二十四条第一款第（二）项). Site row only.</summary>
    public string? GovernmentReviewBody { get; set; }
    /// <summary>The court for the district government's own decisions (行政诉讼法第十五条: 中级人民法院). Site row only.</summary>
    public string? GovernmentCourt { get; set; }
    /// <summary>Where the applicant follows the case with the 查询码 (portal address). Site row only.</summary>
    public string? QueryAddress { get; set; }
    /// <summary>缴费方式 printed on the fee notice (非税收入缴款渠道, account …). Site row only.</summary>
    public string? PaymentMethod { get; set; }
    /// <summary>The office's address and telephone printed on notices. Site row only.</summary>
    public string? ContactInfo { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public sealed record NoticeKindInfo(NoticeKind Kind, string Slug, string Label, bool EndsWithRemedy);

public static class NoticeKinds
{
    /// <summary>Every kind with its URL slug and label. Replies decide the applicant's request, so their templates must keep
    /// the remedy clause (行政复议法第二十条, 行政诉讼法第四十六条); the procedural notices do not decide it.</summary>
    public static readonly IReadOnlyList<NoticeKindInfo> All =
    [
        new(NoticeKind.RegistrationForm, "registration", "政府信息公开申请登记表", false),
        new(NoticeKind.Receipt, "receipt", "政府信息公开申请接收回执", false),
        new(NoticeKind.Correction, "correction", "补正申请告知书", false),
        new(NoticeKind.Reasons, "reasons", "说明理由告知书", false),
        new(NoticeKind.Extension, "extension", "延期答复告知书", false),
        new(NoticeKind.ThirdPartyConsultation, "third-party", "征求第三方意见书", false),
        new(NoticeKind.AgencyConsultation, "agency", "征求意见函（共同制作机关）", false),
        new(NoticeKind.Fee, "fee", "信息处理费收费通知书", false),
        new(NoticeKind.Reply, "reply", "政府信息公开申请答复书", true),
    ];

    private static readonly Dictionary<NoticeKind, NoticeKindInfo> ByKind = All.ToDictionary(k => k.Kind);

    public static NoticeKindInfo Info(this NoticeKind k) => ByKind[k];

    public static NoticeKind? FromSlug(string? slug) => All.FirstOrDefault(k => string.Equals(k.Slug, slug, StringComparison.OrdinalIgnoreCase))?.Kind;

    /// <summary>The label of one template: the kind, and for replies the outcome group.</summary>
    public static string TemplateLabel(NoticeKind kind, OutcomeGroup? group) =>
        kind == NoticeKind.Reply && group is { } g ? $"{kind.Info().Label}（{g.ShortLabel()}）" : kind.Info().Label;

    /// <summary>Every template slot: one per kind, six for replies.</summary>
    public static IEnumerable<(NoticeKind Kind, OutcomeGroup? Group)> Slots()
    {
        foreach (var k in All)
        {
            if (k.Kind != NoticeKind.Reply) { yield return (k.Kind, null); continue; }
            foreach (var g in Enum.GetValues<OutcomeGroup>()) yield return (k.Kind, g);
        }
    }
}

/// <summary>The placeholders a template may use. Unknown ones are refused when a template is saved.</summary>
public static class NoticePlaceholders
{
    public static readonly IReadOnlyList<(string Name, string Meaning)> All =
    [
        ("机关名称", "办理机关（申请所在单位）名称"),
        ("日期", "文书落款日期"),
        ("受理编号", "受理编号"),
        ("申请人", "申请人姓名或名称"),
        ("申请人类型", "自然人或法人或其他组织的类别"),
        ("证件类型", "证件类型"),
        ("证件号码", "证件号码"),
        ("法定代表人", "法定代表人或负责人"),
        ("联系人", "联系人"),
        ("联系电话", "申请人联系电话"),
        ("电子邮箱", "申请人电子邮箱"),
        ("通信地址", "申请人通信地址"),
        ("邮政编码", "邮政编码"),
        ("申请渠道", "当面、邮寄、网络、传真"),
        ("提交日期", "提交或登记日期"),
        ("收到日期", "收到申请之日（条例第三十一条）"),
        ("收到日期说明", "收到日期的认定方式"),
        ("所需信息", "所需政府信息的名称"),
        ("所需信息文号", "所需政府信息的文号"),
        ("信息描述", "所需信息的其他特征性描述"),
        ("提供形式", "纸质或电子"),
        ("获取方式", "邮寄、自行领取、电子邮件、网上获取"),
        ("答复期限", "答复期限（到期日）"),
        ("查询方式", "申请人凭查询码查询办理进度的途径"),
        ("联系方式", "政府信息公开工作机构的地址和电话"),
        ("补正告知日期", "告知补正的日期"),
        ("补正事项", "需要补正的事项"),
        ("补正期限", "补正期限"),
        ("说明理由日期", "要求说明理由的日期"),
        ("延长天数", "延长的工作日数"),
        ("延期理由", "延期理由"),
        ("原答复期限", "延期前的答复期限"),
        ("征求对象", "被征求意见的第三方或机关"),
        ("征求事项", "征求意见的事项"),
        ("征求日期", "发出征求意见的日期"),
        ("征求答复期限", "征求意见的答复期限（15个工作日）"),
        ("收费方式", "按件计收或按量计收"),
        ("收费数量", "件数或页数"),
        ("收费标准", "适用的收费标准"),
        ("收费明细", "按超额累进方式的分档计算"),
        ("收费金额", "应缴金额（元）"),
        ("减免说明", "减免决定及理由（如有）"),
        ("收费通知日期", "收费通知发出日期"),
        ("缴费期限", "缴费截止日期"),
        ("缴费方式", "缴费方式"),
        ("办理结果", "办理结果（含具体情形）"),
        ("法律依据", "办理结果的法律依据"),
        ("答复内容", "答复正文"),
        ("负责机关", "负责公开该信息的机关（本机关不掌握时）"),
        ("负责机关告知", "本机关不掌握时告知负责公开的机关的句子（其他情形为空）"),
        ("答复日期", "答复日期"),
        ("复议机关", "行政复议机关"),
        ("诉讼法院", "行政诉讼的人民法院"),
    ];

    public static readonly IReadOnlySet<string> Names = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Placeholders that every template ending with the remedy clause must keep.</summary>
    public static readonly IReadOnlyList<string> Remedy = ["复议机关", "诉讼法院"];
}

public static partial class NoticeRendering
{
    [GeneratedRegex(@"\{([^{}\r\n]{1,30})\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Errors by field (Title, Body); empty when the template can be saved.</summary>
    public static Dictionary<string, string> Validate(NoticeKind kind, string? title, string? body)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) errors["Title"] = "请填写文书标题";
        else if (title.Length > FieldLengths.NoticeTitle) errors["Title"] = $"标题不能超过{FieldLengths.NoticeTitle}个字符";
        if (string.IsNullOrWhiteSpace(body)) { errors["Body"] = "请填写文书正文"; return errors; }
        if (body.Length > FieldLengths.NoticeBody) { errors["Body"] = $"正文不能超过{FieldLengths.NoticeBody}个字符"; return errors; }
        var used = PlaceholdersIn(title + "\n" + body);
        var unknown = used.Where(p => !NoticePlaceholders.Names.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            errors["Body"] = "模板中有未知的占位符：" + string.Join("、", unknown.Select(u => "{" + u + "}")) + "（可用的占位符见页面下方列表）";
            return errors;
        }
        if (kind.Info().EndsWithRemedy)
        {
            var missing = NoticePlaceholders.Remedy.Where(p => !used.Contains(p)).ToList();
            if (missing.Count > 0)
                errors["Body"] = "答复书须告知救济途径（行政复议法第二十条、行政诉讼法第四十六条），请保留占位符：" + string.Join("、", missing.Select(u => "{" + u + "}"));
        }
        return errors;
    }

    /// <summary>What prints where a value is missing: a line to fill in by hand.</summary>
    public const string Blank = "________";

    /// <summary>Fills placeholders in plain text (for titles), without HTML.</summary>
    public static string FillText(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? (v is null ? Blank : v.Trim()) : m.Value);

    /// <summary>
    /// Renders a template body to HTML. Everything is encoded: the template text and every value (the applicant typed some of
    /// them), so neither can inject markup. Layout rules: each line is a paragraph; a first line ending with "："
    /// is the salutation (not indented); lines starting with "|" are table rows, cells split by "|"; lines starting with
    /// "&gt;" are right-aligned (the issuing agency and date). A value that is null prints as a blank to fill in by hand; an
    /// empty one prints nothing.
    /// </summary>
    public static string RenderHtml(string body, IReadOnlyDictionary<string, string?> values)
    {
        var html = new StringBuilder();
        var lines = body.Replace("\r\n", "\n").Split('\n');
        var inTable = false;
        var first = true;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                if (inTable) { html.Append("</table>\n"); inTable = false; }
                continue;
            }
            if (line.StartsWith('|'))
            {
                if (!inTable) { html.Append("<table class=\"notice-table\">\n"); inTable = true; }
                var cells = line.Trim('|').Split('|');
                html.Append("<tr>");
                for (var i = 0; i < cells.Length; i++)
                {
                    var tag = i % 2 == 0 && cells.Length > 1 ? "th" : "td";
                    html.Append('<').Append(tag).Append('>').Append(Fill(cells[i].Trim(), values)).Append("</").Append(tag).Append('>');
                }
                html.Append("</tr>\n");
                first = false;
                continue;
            }
            if (inTable) { html.Append("</table>\n"); inTable = false; }
            var sign = line.StartsWith('>');
            if (sign) line = line[1..];
            var cls = sign ? " class=\"sign\"" : first && line.EndsWith('：') ? " class=\"salutation\"" : "";
            var content = Fill(line.Trim(), values);
            if (content.Length > 0) html.Append("<p").Append(cls).Append('>').Append(content).Append("</p>\n");
            first = false;
        }
        if (inTable) html.Append("</table>\n");
        return html.ToString();
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string?> values)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[last..m.Index]));
            if (values.TryGetValue(m.Groups[1].Value, out var v))
                sb.Append(v is null ? Blank : string.IsNullOrWhiteSpace(v) ? "" : EncodeMultiline(v));
            else
                sb.Append(WebUtility.HtmlEncode(m.Value));
            last = m.Index + m.Length;
        }
        sb.Append(WebUtility.HtmlEncode(text[last..]));
        return sb.ToString();
    }

    private static string EncodeMultiline(string v) =>
        string.Join("<br>", v.Replace("\r\n", "\n").Trim().Split('\n').Select(l => WebUtility.HtmlEncode(l.TrimEnd())));

    /// <summary>GB/T 9704-2012 7.3.5.1: 成文日期 in Arabic numerals, the year in full, month and day without leading zeros (2026年12月5日).</summary>
    public static string OfficialDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    public static string OfficialDate(DateOnly? d) => d is { } v ? OfficialDate(v) : "";
}
