using ClosedXML.Excel;
using Zwgk.Domain.Ledger;

namespace Zwgk.Web.Features.Ledger;

/// <summary>
/// 导出Excel in the 任务分工 layout the office keeps today (序号, 工作任务, 具体要求, 牵头单位, 责任单位, 完成时限, 进展), so the
/// sheet replaces the hand-kept ledger: title row, frozen and repeated header, wrapped text, A4 landscape, status colours.
/// </summary>
public static class LedgerExcel
{
    public const string SheetName = "任务分工";
    public static readonly IReadOnlyList<string> Headers = ["序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限", "进展"];
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;
    private static readonly double[] Widths = [6, 22, 54, 16, 24, 14, 36];

    public static string Title(string planTitle) => planTitle + "重点工作任务分工及落实情况";

    public static byte[] Build(string planTitle, IReadOnlyList<TaskRow> rows, string? filterNote = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(SheetName);
        var last = Headers.Count;

        var title = ws.Range(1, 1, 1, last).Merge();
        title.Value = Title(planTitle);
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 16;
        title.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        title.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(1).Height = 32;

        for (var c = 0; c < last; c++) ws.Cell(HeaderRow, c + 1).Value = Headers[c];
        var header = ws.Range(HeaderRow, 1, HeaderRow, last);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");

        var row = FirstDataRow;
        var seq = 0;
        foreach (var t in rows)
        {
            seq++;
            ws.Cell(row, 1).Value = t.Number is { Length: > 0 } n ? n : seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ws.Cell(row, 2).Value = Sections(t);
            ws.Cell(row, 3).Value = t.Requirement;
            ws.Cell(row, 4).Value = t.LeadUnitsText ?? "";
            ws.Cell(row, 5).Value = t.ResponsibleUnitsText ?? "";
            ws.Cell(row, 6).Value = t.DeadlineDisplay;
            var progress = ws.Cell(row, 7);
            progress.Value = Progress(t);
            progress.Style.Fill.BackgroundColor = Colour(t.Status);
            if (t.Status == LedgerStatus.Overdue) progress.Style.Font.FontColor = XLColor.FromHtml("#9C0006");
            ws.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            ws.Cell(row, 6).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            row++;
        }

        var table = ws.Range(HeaderRow, 1, Math.Max(HeaderRow, row - 1), last);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        table.Style.Alignment.WrapText = true;
        for (var c = 0; c < last; c++) ws.Column(c + 1).Width = Widths[c];

        ws.SheetView.FreezeRows(HeaderRow);
        var page = ws.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.FitToPages(1, 0); // all columns on the page width; as many pages down as needed
        page.Margins.Left = page.Margins.Right = 0.4;
        page.CenterHorizontally = true;
        page.Footer.Center.AddText("第 &P 页，共 &N 页");
        if (filterNote is { Length: > 0 }) page.Header.Right.AddText(filterNote.Replace("&", "&&", StringComparison.Ordinal));

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>工作任务: the task's headings, top level first ("一、… / （一）…").</summary>
    public static string Sections(TaskRow t) =>
        string.Join(" / ", new[] { t.ParentSectionHeading, t.SectionHeading }.Where(h => !string.IsNullOrWhiteSpace(h)));

    /// <summary>进展: the derived status, the latest progress text and, when several units carry the task, each unit's status.</summary>
    public static string Progress(TaskRow t)
    {
        var lines = new List<string> { t.Status.Label() };
        if (!string.IsNullOrWhiteSpace(t.LatestReport)) lines.Add(t.LatestReport.Trim());
        if (t.Assignments.Count > 1)
            foreach (var a in t.Assignments)
                lines.Add($"{a.DisplayName}：{a.Status.Label()}{(a.CompletedLate && a.Status is LedgerStatus.Done or LedgerStatus.AwaitingVerification ? "（逾期完成）" : "")}");
        return string.Join("\n", lines);
    }

    public static XLColor Colour(LedgerStatus s) => s switch
    {
        LedgerStatus.Done => XLColor.FromHtml("#C6EFCE"),
        LedgerStatus.AwaitingVerification => XLColor.FromHtml("#FFEB9C"),
        LedgerStatus.InProgress => XLColor.FromHtml("#DDEBF7"),
        LedgerStatus.Overdue => XLColor.FromHtml("#FFC7CE"),
        _ => XLColor.NoColor,
    };
}
