using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages.Admin;

/// <summary>Per-unit statistics for a date range (by receipt date): received, answered, on time, overdue, average working days, satisfaction.</summary>
public sealed class StatsModel(MessageQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    public IReadOnlyList<MessageUnitStats> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return NotFound();
        To ??= queries.Today;
        From ??= new DateOnly(To.Value.Year, 1, 1);
        if (From > To) (From, To) = (To, From);
        Rows = await queries.StatsAsync(From.Value, To.Value, ct);
        return Page();
    }
}
