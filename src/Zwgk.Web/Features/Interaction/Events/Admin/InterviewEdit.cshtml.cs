using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

/// <summary>Schedule or change an interview: title, topic, time, guests (姓名，职务 per line), related library documents.</summary>
public sealed class InterviewEditModel(InterviewService service, ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public InterviewFormData Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool ChoosesUnit => me.SpansAllUnits;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanManageEvents()) return NotFound();
        if (Id is int id)
        {
            var i = await service.FindAsync(id, ct);
            if (i is null) return NotFound();
            Input = new InterviewFormData
            {
                UnitId = i.UnitId, Title = i.Title, Topic = i.Topic, Description = i.Description, StartsAt = EventTimes.Input(i.StartsAt), EndsAt = EventTimes.Input(i.EndsAt),
                Guests = string.Join("\n", i.Guests.OrderBy(g => g.Order).Select(g => g.Position.Length > 0 ? $"{g.Name}，{g.Position}" : g.Name)),
                RelatedDocumentIds = i.RelatedDocumentIds?.Replace(",", "，", StringComparison.Ordinal),
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
        var r = await service.SaveAsync(Id, new InterviewInput(f.UnitId, f.Title, f.Topic, f.Description, f.StartsAt, f.EndsAt, f.Guests, f.RelatedDocumentIds), ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok)
        {
            Flash = "已保存";
            return Redirect($"/admin/interviews/{r.Id}");
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

public sealed class InterviewFormData
{
    public int? UnitId { get; set; }
    public string? Title { get; set; }
    public string? Topic { get; set; }
    public string? Description { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Guests { get; set; }
    public string? RelatedDocumentIds { get; set; }
}
