using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Admin;

/// <summary>待确认单位: unit names from imported sheets that matched no unit; the 公开办 maps each to a unit once for all its entries.</summary>
public sealed class UnitsModel(QaQueries queries, QaService service, CurrentUser user) : AdminPageModel
{
    public IReadOnlyList<UnconfirmedUnitName> Names { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.SpansAllUnits) return NotFound();
        Names = await queries.UnconfirmedUnitsAsync(ct);
        Units = await queries.UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, int unitId, CancellationToken ct)
    {
        if (!user.SpansAllUnits) return NotFound();
        var (r, count) = await service.AssignUnitAsync(name, unitId, ct);
        if (r.Ok) Flash = $"已确认：“{name}”的 {count} 条问答归入所选单位";
        else FlashError = r.Status == ResultStatus.NotFound ? "该单位名称已没有待确认的问答" : r.Message;
        return Redirect("/admin/qa/units");
    }
}
