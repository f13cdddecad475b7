using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Admin;

/// <summary>The 公开办's supervision view: open cases per unit by deadline status (a unit sees its own row).</summary>
public sealed class UnitsModel(RequestQueries queries, CurrentUser user) : AdminPageModel
{
    public IReadOnlyList<UnitDeadlineRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWork()) return Forbid();
        Rows = await queries.ByUnitAsync(ct);
        return Page();
    }
}
