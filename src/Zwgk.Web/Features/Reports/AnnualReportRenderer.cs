using System.Globalization;
using System.Net;
using System.Text;
using Zwgk.Domain.Reports;

namespace Zwgk.Web.Features.Reports;

/// <summary>
/// The report as HTML in the national layout (国办公开办函〔2021〕30号): the section 二, 三 and 四 tables with their merged
/// header cells, and the whole report for the published document and the print view. Plain tables only (no classes
/// or styles the sanitizer would strip), so the published body looks the same as the preview.
/// </summary>
public static class AnnualReportRenderer
{
    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string N(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Section 二: four small tables, one per item of 条例第二十条.</summary>
    public static string Disclosure(AnnualReportTables t)
    {
        var sb = new StringBuilder("<table border=\"1\" id=\"table-disclosure\">");
        foreach (var table in AnnualReportFormat.DisclosureTables)
        {
            var width = 1 + 3;
            sb.Append($"<tr><th colspan=\"{width}\">{E(table.Provision)}</th></tr>");
            sb.Append("<tr><th>信息内容</th>");
            if (table.Columns.Count == 1) sb.Append($"<th colspan=\"3\">{E(table.Columns[0])}</th>");
            else foreach (var c in table.Columns) sb.Append($"<th>{E(c)}</th>");
            sb.Append("</tr>");
            foreach (var row in table.Rows)
            {
                sb.Append($"<tr><td>{E(row.Label)}</td>");
                var values = t.Disclosure.GetValueOrDefault(row.Key);
                if (table.Columns.Count == 1) sb.Append($"<td colspan=\"3\">{(values is null ? "（未填写）" : N(values[0]))}</td>");
                else for (var i = 0; i < table.Columns.Count; i++) sb.Append($"<td>{(values is null ? "" : N(values[i]))}</td>");
                sb.Append("</tr>");
            }
        }

        return sb.Append("</table>").ToString();
    }

    /// <summary>Section 三: three label columns (一/二/三/四, the outcome group, the sub-reason) and the seven applicant columns.</summary>
    public static string Applications(AnnualReportTables t)
    {
        var cols = AnnualReportFormat.ApplicationColumns;
        var orgs = cols.Where(c => c.Applicant is { } a && a != Domain.Requests.ApplicantType.NaturalPerson).ToList();
        var sb = new StringBuilder("<table border=\"1\" id=\"table-applications\">");
        sb.Append($"<tr><th colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=\"{cols.Count}\">申请人情况</th></tr>");
        sb.Append($"<tr><th rowspan=\"2\">{E(cols[0].Label)}</th><th colspan=\"{orgs.Count}\">{E(AnnualReportFormat.OrganizationsHeader)}</th><th rowspan=\"2\">{E(AnnualReportFormat.TotalLabel)}</th></tr>");
        sb.Append("<tr>");
        foreach (var c in orgs) sb.Append($"<th>{E(c.Label)}</th>");
        sb.Append("</tr>");

        void Cells(string key)
        {
            var values = t.Application(key);
            foreach (var c in cols) sb.Append($"<td>{(values is null ? "" : values[c.Index].ToString(CultureInfo.InvariantCulture))}</td>");
        }

        var rows = AnnualReportFormat.ApplicationRows;
        var outcomeRows = rows.Where(r => r.Kind is ApplicationRowKind.Outcome or ApplicationRowKind.Total).ToList();
        var firstOutcome = true;
        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case ApplicationRowKind.Received:
                case ApplicationRowKind.CarriedForward:
                    sb.Append($"<tr><td colspan=\"3\">{E(row.PrintedLabel)}</td>");
                    Cells(row.Key);
                    sb.Append("</tr>");
                    break;
                case ApplicationRowKind.Group:
                    break; // printed as the first cell of its sub-rows
                default:
                    sb.Append("<tr>");
                    if (firstOutcome)
                    {
                        sb.Append($"<td rowspan=\"{outcomeRows.Count}\">{E(AnnualReportFormat.OutcomesHeading)}</td>");
                        firstOutcome = false;
                    }

                    if (row.Group is { } g && AnnualReportFormat.GroupRow(g) is { } group)
                    {
                        var subRows = AnnualReportFormat.SubRows(g).ToList();
                        if (subRows[0].Key == row.Key) sb.Append($"<td rowspan=\"{subRows.Count}\">{E(group.PrintedLabel)}</td>");
                        sb.Append($"<td>{E(row.PrintedLabel)}</td>");
                    }
                    else
                    {
                        sb.Append($"<td colspan=\"2\">{E(row.PrintedLabel)}</td>");
                    }

                    Cells(row.Key);
                    sb.Append("</tr>");
                    break;
            }
        }

        return sb.Append("</table>").ToString();
    }

    /// <summary>Section 四: 行政复议 (5 columns) and 行政诉讼 (未经复议直接起诉 and 复议后起诉, 5 each).</summary>
    public static string Review(AnnualReportTables t)
    {
        var cols = AnnualReportFormat.ReviewColumns;
        var bodies = AnnualReportFormat.ReviewBodies;
        var sb = new StringBuilder("<table border=\"1\" id=\"table-review\">");
        sb.Append($"<tr><th colspan=\"{cols.Count}\">{E(bodies[0].Label)}</th><th colspan=\"{cols.Count * 2}\">{E(AnnualReportFormat.LitigationHeader)}</th></tr>");
        sb.Append("<tr>");
        foreach (var c in cols) sb.Append($"<th rowspan=\"2\">{E(c)}</th>");
        sb.Append($"<th colspan=\"{cols.Count}\">{E(bodies[1].Label)}</th><th colspan=\"{cols.Count}\">{E(bodies[2].Label)}</th></tr>");
        sb.Append("<tr>");
        for (var b = 1; b < bodies.Count; b++) foreach (var c in cols) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr><tr>");
        foreach (var body in bodies)
            for (var i = 0; i < cols.Count; i++) sb.Append($"<td>{(t.Review is null ? "" : t.ReviewCell(body.Index, i).ToString(CultureInfo.InvariantCulture))}</td>");
        return sb.Append("</tr></table>").ToString();
    }

    /// <summary>Plain text typed by staff as paragraphs.</summary>
    public static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The markers only find the generated 工作要点落实情况 block again; they are not part of the report.
            if (Zwgk.Domain.Ledger.LedgerSummary.IsMarker(line)) continue;
            sb.Append("<p>").Append(E(line)).Append("</p>");
        }
        return sb.ToString();
    }

    /// <summary>The whole report: the six sections in order, as published in the 年报 column and printed.</summary>
    public static string Body(AnnualReportView v)
    {
        var s = AnnualReportFormat.Sections;
        var sb = new StringBuilder();
        sb.Append($"<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{E(AnnualReportFormat.Source)}编制，报告期为{v.Year}年1月1日至{v.Year}年12月31日。</p>");
        sb.Append($"<h2>{E(s[0].PrintedLabel)}</h2>").Append(Paragraphs(v.Report?.Overview));
        sb.Append($"<h2>{E(s[1].PrintedLabel)}</h2>").Append(Disclosure(v.Figures.Tables));
        sb.Append($"<h2>{E(s[2].PrintedLabel)}</h2>").Append(Applications(v.Figures.Tables));
        sb.Append($"<h2>{E(s[3].PrintedLabel)}</h2>").Append(Review(v.Figures.Tables));
        sb.Append($"<h2>{E(s[4].PrintedLabel)}</h2>").Append(Paragraphs(v.Report?.Problems));
        sb.Append($"<h2>{E(s[5].PrintedLabel)}</h2>").Append("<p>").Append(E(v.Figures.FeeSentence)).Append("</p>").Append(Paragraphs(v.Report?.OtherMatters));
        return sb.ToString();
    }
}
