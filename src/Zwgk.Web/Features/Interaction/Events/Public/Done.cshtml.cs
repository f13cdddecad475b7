using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Interaction.Events.Public;

/// <summary>Shown once after a booking: the 查询码 comes in TempData and is consumed by this request. Never cached.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DoneModel(ZwgkDbContext db) : PageModel
{
    public const string CodeKey = "Kfr.QueryCode";
    public const string DayKey = "Kfr.OpenDay";

    public string? Code { get; private set; }
    public string? Title { get; private set; }
    public string? When { get; private set; }
    public string? Place { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Code = TempData[CodeKey] as string;
        if (TempData[DayKey] is int id && await db.OpenDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d)
        {
            Title = d.Title;
            When = EventTimes.Span(d.StartsAt, d.EndsAt);
            Place = d.Place;
        }
    }
}
