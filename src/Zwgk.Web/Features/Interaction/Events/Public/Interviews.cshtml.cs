using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Interaction.Events.Public;

public sealed record InterviewCard(int Id, string Title, string? Topic, string Unit, string When, InterviewPhase Phase, string Guests);

/// <summary>在线访谈 (/hdjl/ft): live now, coming up, and past interviews with their records. Phases are derived from the clock, so not cached.</summary>
public sealed class InterviewsModel(ZwgkDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InterviewCard> Current { get; private set; } = [];
    public IReadOnlyList<InterviewCard> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Interviews.AsNoTracking().Include(i => i.Guests)
            .Join(db.Units, i => i.UnitId, u => u.Id, (i, u) => new { i, Unit = u.ShortName ?? u.Name })
            .OrderByDescending(x => x.i.StartsAt).Take(300).ToListAsync(ct);
        var cards = rows.Select(x => new InterviewCard(x.i.Id, x.i.Title, x.i.Topic, x.Unit, EventTimes.Span(x.i.StartsAt, x.i.EndsAt),
            InterviewRules.PhaseAt(x.i, now), string.Join("、", x.i.Guests.OrderBy(g => g.Order).Select(g => g.Position.Length > 0 ? $"{g.Position} {g.Name}" : g.Name)))).ToList();
        Current = cards.Where(c => c.Phase is InterviewPhase.Live or InterviewPhase.Upcoming)
            .OrderBy(c => c.Phase == InterviewPhase.Live ? 0 : 1).ThenBy(c => rows.First(r => r.i.Id == c.Id).i.StartsAt).ToList();
        Past = cards.Where(c => c.Phase is InterviewPhase.Ended or InterviewPhase.Record).ToList();
    }
}
