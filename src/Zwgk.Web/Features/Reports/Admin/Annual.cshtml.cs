using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Reports;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports.Admin;

/// <summary>/admin/reports/annual: the annual reports the user may see (the 公开办: every unit's and the district's), and opening one.</summary>
public sealed class AnnualModel(AnnualReportService reports, CurrentUser me, TimeProvider clock) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>Unit to open a report for; empty for the district (公开办 only).</summary>
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public int NewYear { get; set; }

    public List<AnnualReportListItem> Items { get; private set; } = [];
    public List<(int? Id, string Name)> Creatable { get; private set; } = [];
    public int CurrentYear => clock.GetUtcNow().ToOffset(Formats.ChinaOffset).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanSeeReports()) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!me.CanSeeReports()) return Forbid();
        var result = await reports.OpenAsync(UnitId, NewYear, ct);
        if (result.Ok) return Redirect($"/admin/reports/annual/{result.Id}");
        if (result.Status == ResultStatus.NotFound) return NotFound();
        AddErrors(result, "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await reports.ListAsync(Year, ct);
        Creatable = await reports.CreatableUnitsAsync(ct);
        if (NewYear == 0) NewYear = CurrentYear - 1; // 条例第四十九条: reports are written in January for the year before
    }

    public static string StatusLabel(AnnualReportStatus s) => s == AnnualReportStatus.Published ? "已发布" : "草稿";
}
