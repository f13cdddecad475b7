using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

/// <summary>Create or change an open day: time, place, places, registration window, published or not.</summary>
public sealed class OpenDayEditModel(OpenDayService service, ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public OpenDayFormData Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool ChoosesUnit => me.SpansAllUnits;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanManageEvents()) return NotFound();
        if (Id is int id)
        {
            var d = await service.FindAsync(id, ct);
            if (d is null) return NotFound();
            Input = new OpenDayFormData
            {
                UnitId = d.UnitId, Title = d.Title, Description = d.Description, Place = d.Place, StartsAt = EventTimes.Input(d.StartsAt), EndsAt = EventTimes.Input(d.EndsAt),
                Capacity = d.Capacity, MaxPartySize = d.MaxPartySize, RegistrationOpensAt = EventTimes.Input(d.RegistrationOpensAt),
                RegistrationClosesAt = EventTimes.Input(d.RegistrationClosesAt), IsPublished = d.IsPublished,
            };
        }
        else Input.UnitId = me.UnitId;
        await LoadUnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!me.CanManageEvents()) return NotFound();
        var f = Input;
        var r = await service.SaveAsync(Id, new OpenDayInput(f.UnitId, f.Title, f.Description, f.Place, f.StartsAt, f.EndsAt, f.Capacity, f.MaxPartySize,
            f.RegistrationOpensAt, f.RegistrationClosesAt, f.IsPublished), ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok)
        {
            Flash = "已保存";
            return Redirect($"/admin/opendays/{r.Id}");
        }
        AddErrors(r);
        await LoadUnitsAsync(ct);
        return Page();
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        if (!ChoosesUnit) return;
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }
}

public sealed class OpenDayFormData
{
    public int? UnitId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Place { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public int Capacity { get; set; } = 30;
    public int MaxPartySize { get; set; } = OpenDayRules.DefaultMaxPartySize;
    public string? RegistrationOpensAt { get; set; }
    public string? RegistrationClosesAt { get; set; }
    public bool IsPublished { get; set; }
}
