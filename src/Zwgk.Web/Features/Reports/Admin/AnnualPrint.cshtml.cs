using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports.Admin;

/// <summary>/admin/reports/annual/{id}/print: the whole report as it will be published, without the admin frame.</summary>
public sealed class AnnualPrintModel(AnnualReportService reports) : AdminPageModel
{
    public AnnualReportView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.GetAsync(id, ct) is not { } view) return NotFound();
        View = view;
        await reports.AuditExportAsync(view, "打印", ct);
        return Page();
    }
}
