using ClosedXML.Excel;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;

namespace Zwgk.Web.Features.Reports;

/// <summary>
/// 导出Excel: one workbook, one sheet per table (sections 二, 三, 四), laid out as the national format prints them,
/// merged header cells included, so the sheet can be pasted into the unit's own report template.
/// </summary>
public static class AnnualReportExcel
{
    public const string DisclosureSheet = "二、主动公开政府信息情况";
    public const string ApplicationsSheet = "三、收到和处理申请情况";
    public const string ReviewSheet = "四、行政复议行政诉讼情况";

    public static byte[] Build(string title, AnnualReportTables t)
    {
        using var wb = new XLWorkbook();
        Disclosure(wb.AddWorksheet(DisclosureSheet), title, t);
        Applications(wb.AddWorksheet(ApplicationsSheet), title, t);
        Review(wb.AddWorksheet(ReviewSheet), title, t);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void Title(IXLWorksheet ws, string text, int lastColumn)
    {
        ws.Range(1, 1, 1, lastColumn).Merge().Value = text;
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    private static void Merge(IXLWorksheet ws, int row, int col, int lastRow, int lastCol, string text)
    {
        var range = ws.Range(row, col, lastRow, lastCol);
        if (row != lastRow || col != lastCol) range.Merge();
        ws.Cell(row, col).Value = text;
    }

    private static void Frame(IXLWorksheet ws, int firstRow, int lastRow, int lastCol)
    {
        var range = ws.Range(firstRow, 1, lastRow, lastCol);
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
    }

    private static void Disclosure(IXLWorksheet ws, string title, AnnualReportTables t)
    {
        Title(ws, title + " 二、主动公开政府信息情况", 4);
        var row = 2;
        foreach (var table in AnnualReportFormat.DisclosureTables)
        {
            Merge(ws, row, 1, row, 4, table.Provision);
            row++;
            ws.Cell(row, 1).Value = "信息内容";
            if (table.Columns.Count == 1) Merge(ws, row, 2, row, 4, table.Columns[0]);
            else for (var i = 0; i < table.Columns.Count; i++) ws.Cell(row, 2 + i).Value = table.Columns[i];
            row++;
            foreach (var r in table.Rows)
            {
                ws.Cell(row, 1).Value = r.Label;
                var values = t.Disclosure.GetValueOrDefault(r.Key);
                if (table.Columns.Count == 1)
                {
                    ws.Range(row, 2, row, 4).Merge();
                    if (values is not null) ws.Cell(row, 2).Value = values[0];
                }
                else if (values is not null)
                {
                    for (var i = 0; i < table.Columns.Count; i++) ws.Cell(row, 2 + i).Value = values[i];
                }

                row++;
            }
        }

        Frame(ws, 2, row - 1, 4);
        ws.Column(1).Width = 24;
        ws.Columns(2, 4).Width = 16;
    }

    private static void Applications(IXLWorksheet ws, string title, AnnualReportTables t)
    {
        var cols = AnnualReportFormat.ApplicationColumns;
        var last = 3 + cols.Count;
        Title(ws, title + " 三、收到和处理政府信息公开申请情况", last);
        Merge(ws, 2, 1, 4, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        Merge(ws, 2, 4, 2, last, "申请人情况");
        Merge(ws, 3, 4, 4, 4, cols[0].Label);
        Merge(ws, 3, 5, 3, last - 1, AnnualReportFormat.OrganizationsHeader);
        Merge(ws, 3, last, 4, last, AnnualReportFormat.TotalLabel);
        var orgs = cols.Where(c => c.Applicant is { } a && a != ApplicantType.NaturalPerson).ToList();
        for (var i = 0; i < orgs.Count; i++) ws.Cell(4, 5 + i).Value = orgs[i].Label;

        var row = 5;
        var outcomeStart = 0;
        foreach (var r in AnnualReportFormat.ApplicationRows)
        {
            if (r.Kind == ApplicationRowKind.Group) continue;
            if (r.Kind is ApplicationRowKind.Received or ApplicationRowKind.CarriedForward)
            {
                Merge(ws, row, 1, row, 3, r.PrintedLabel);
            }
            else
            {
                if (outcomeStart == 0) outcomeStart = row;
                if (r.Group is { } g && AnnualReportFormat.GroupRow(g) is { } group)
                {
                    var subRows = AnnualReportFormat.SubRows(g).ToList();
                    if (subRows[0].Key == r.Key) Merge(ws, row, 2, row + subRows.Count - 1, 2, group.PrintedLabel);
                    ws.Cell(row, 3).Value = r.PrintedLabel;
                }
                else
                {
                    Merge(ws, row, 2, row, 3, r.PrintedLabel);
                }

                if (r.Kind == ApplicationRowKind.Total) Merge(ws, outcomeStart, 1, row, 1, AnnualReportFormat.OutcomesHeading);
            }

            if (t.Application(r.Key) is { } values)
                foreach (var c in cols) ws.Cell(row, 4 + c.Index).Value = values[c.Index];
            row++;
        }

        Frame(ws, 2, row - 1, last);
        ws.Column(1).Width = 14;
        ws.Column(2).Width = 18;
        ws.Column(3).Width = 40;
        ws.Columns(4, last).Width = 10;
    }

    private static void Review(IXLWorksheet ws, string title, AnnualReportTables t)
    {
        var cols = AnnualReportFormat.ReviewColumns;
        var bodies = AnnualReportFormat.ReviewBodies;
        var n = cols.Count;
        var last = n * bodies.Count;
        Title(ws, title + " 四、政府信息公开行政复议、行政诉讼情况", last);
        Merge(ws, 2, 1, 2, n, bodies[0].Label);
        Merge(ws, 2, n + 1, 2, last, AnnualReportFormat.LitigationHeader);
        for (var i = 0; i < n; i++) Merge(ws, 3, 1 + i, 4, 1 + i, cols[i]);
        Merge(ws, 3, n + 1, 3, 2 * n, bodies[1].Label);
        Merge(ws, 3, 2 * n + 1, 3, last, bodies[2].Label);
        for (var b = 1; b < bodies.Count; b++)
            for (var i = 0; i < n; i++) ws.Cell(4, b * n + 1 + i).Value = cols[i];
        if (t.Review is not null)
            foreach (var body in bodies)
                for (var i = 0; i < n; i++) ws.Cell(5, body.Index * n + 1 + i).Value = t.ReviewCell(body.Index, i);
        Frame(ws, 2, 5, last);
        ws.Columns(1, last).Width = 10;
    }
}
