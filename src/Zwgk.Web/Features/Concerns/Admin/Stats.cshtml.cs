using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns.Admin;

/// <summary>Per-unit figures for concerns found in a date range: count, responded on time, late, overdue, average hours to respond.</summary>
public sealed class StatsModel(ConcernQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    public IReadOnlyList<ConcernUnitStats> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkConcerns()) return NotFound();
        To ??= queries.Today;
        From ??= new DateOnly(To.Value.Year, 1, 1);
        if (From > To) (From, To) = (To, From);
        Rows = await queries.StatsAsync(From.Value, To.Value, ct);
        return Page();
    }
}
