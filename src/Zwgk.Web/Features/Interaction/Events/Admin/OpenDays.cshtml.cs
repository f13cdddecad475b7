using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

public sealed record OpenDayAdminRow(int Id, string Title, string Unit, string When, bool IsPublished, RegistrationPhase Phase, int Taken, int Capacity);

/// <summary>政府开放日 in the back office: the unit's open days (all for the 公开办) with places taken.</summary>
public sealed class OpenDaysModel(OpenDayService service, ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    public IReadOnlyList<OpenDayAdminRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanManageEvents()) return NotFound();
        var now = service.Now;
        var list = await service.Scoped().AsNoTracking().Join(db.Units, d => d.UnitId, u => u.Id, (d, u) => new { d, Unit = u.ShortName ?? u.Name })
            .OrderByDescending(x => x.d.StartsAt).Take(500).ToListAsync(ct);
        Rows = list.Select(x => new OpenDayAdminRow(x.d.Id, x.d.Title, x.Unit, EventTimes.Span(x.d.StartsAt, x.d.EndsAt), x.d.IsPublished,
            OpenDayRules.PhaseAt(x.d, now), x.d.Taken, x.d.Capacity)).ToList();
        return Page();
    }
}
