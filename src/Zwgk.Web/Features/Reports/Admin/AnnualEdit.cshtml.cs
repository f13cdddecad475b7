using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Ledger;
using Zwgk.Web.Features.Ledger;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports.Admin;

/// <summary>/admin/reports/annual/{id}: write the text sections, enter the figures, see the computed tables and checks, publish, export.</summary>
public sealed class AnnualEditModel(AnnualReportService reports, CurrentUser me, LedgerReportSummary ledger) : AdminPageModel
{
    [BindProperty] public AnnualReportInput Input { get; set; } = new();
    public AnnualReportView View { get; private set; } = null!;
    public bool CanWrite => me.CanWriteReport(View.UnitId);
    public bool CanPublish => me.CanPublishReport(View.UnitId);
    /// <summary>Shown after the 工作要点落实情况 was inserted into the form (not saved yet).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.GetAsync(id, ct) is not { Report: { } report } view) return NotFound();
        View = view;
        Input = AnnualReportInput.From(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await reports.SaveAsync(id, Input, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (!result.Ok)
        {
            AddErrors(result);
            View = (await reports.GetAsync(id, ct))!;
            return Page();
        }

        Flash = "已保存";
        return Redirect($"/admin/reports/annual/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var result = await reports.PublishAsync(id, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Ok) Flash = "年度报告已发布到“政府信息公开年报”栏目";
        else FlashError = string.Join("；", result.Errors.Values);
        return Redirect($"/admin/reports/annual/{id}");
    }

    /// <summary>
    /// 插入工作要点落实情况: puts the ledger summary of the report's year (the unit's own tasks for a unit's report) into
    /// 一、总体情况 as posted, replacing an earlier generated block, and shows the form again unsaved so the editor can
    /// read and change the text before saving; the other fields keep what was typed.
    /// </summary>
    public async Task<IActionResult> OnPostLedgerSummaryAsync(int id, CancellationToken ct)
    {
        if (await reports.GetAsync(id, ct) is not { Report: { } report } view) return NotFound();
        View = view;
        if (!CanWrite) return Forbid();
        var text = await ledger.ComposeAsync(report.Year, report.UnitId, ct);
        Input.Overview = LedgerSummary.InsertBlock(Input.Overview, text);
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Overview)}");
        Notice = "已将工作要点落实情况插入“一、总体情况”（两行【】标记之间为系统生成的内容，标记行不会出现在发布的报告中；再次插入时替换这部分）。请核对后点击“保存”。";
        return Page();
    }

    /// <summary>导出Excel: the three tables in the national layout.</summary>
    public async Task<IActionResult> OnGetExcelAsync(int id, CancellationToken ct)
    {
        if (await reports.GetAsync(id, ct) is not { } view) return NotFound();
        await reports.AuditExportAsync(view, "导出Excel", ct);
        var bytes = AnnualReportExcel.Build(view.Title, view.Figures.Tables);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{view.Title}.xlsx");
    }
}
