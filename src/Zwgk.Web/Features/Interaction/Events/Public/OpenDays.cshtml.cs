using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Interaction.Events.Public;

public sealed record OpenDayCard(int Id, string Title, string Unit, string When, string Place, RegistrationPhase Phase, int PlacesLeft, bool HasSummary);

/// <summary>政府开放日 (/hdjl/kfr): published open days, coming ones first, with their registration state.</summary>
public sealed class OpenDaysModel(ZwgkDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OpenDayCard> Coming { get; private set; } = [];
    public IReadOnlyList<OpenDayCard> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.OpenDays.AsNoTracking().Where(d => d.IsPublished)
            .Join(db.Units, d => d.UnitId, u => u.Id, (d, u) => new { d, Unit = u.ShortName ?? u.Name })
            .OrderByDescending(x => x.d.StartsAt).Take(300).ToListAsync(ct);
        var cards = rows.Select(x => new OpenDayCard(x.d.Id, x.d.Title, x.Unit, EventTimes.Span(x.d.StartsAt, x.d.EndsAt), x.d.Place,
            OpenDayRules.PhaseAt(x.d, now), x.d.PlacesLeft, x.d.Summary is not null)).ToList();
        Coming = cards.Where(c => c.Phase != RegistrationPhase.Finished).Reverse().ToList();
        Past = cards.Where(c => c.Phase == RegistrationPhase.Finished).ToList();
    }
}
