using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports.Admin;

/// <summary>/admin/reports/annual/{id}: write the text sections, enter the figures, see the computed tables and checks, publish, export.</summary>
public sealed class AnnualEditModel(AnnualReportService reports, CurrentUser me) : AdminPageModel
{
    [BindProperty] public AnnualReportInput Input { get; set; } = new();
    public AnnualReportView View { get; private set; } = null!;
    public bool CanWrite => me.CanWriteReport(View.UnitId);
    public bool CanPublish => me.CanPublishReport(View.UnitId);

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

    /// <summary>导出Excel: the three tables in the national layout.</summary>
    public async Task<IActionResult> OnGetExcelAsync(int id, CancellationToken ct)
    {
        if (await reports.GetAsync(id, ct) is not { } view) return NotFound();
        await reports.AuditExportAsync(view, "导出Excel", ct);
        var bytes = AnnualReportExcel.Build(view.Title, view.Figures.Tables);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{view.Title}.xlsx");
    }
}
