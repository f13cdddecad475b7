using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

/// <summary>One booking in full (name, phone) for the 公开办 or the owning unit's handlers; every view is audited. Others: 404.</summary>
public sealed class RegistrationModel(OpenDayService service) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int RegistrationId { get; set; }
    public OpenDay Day { get; private set; } = null!;
    public OpenDayRegistration Registration { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await service.RegistrationDetailAsync(Id, RegistrationId, ct) is not { } x) return NotFound();
        (Day, Registration) = x;
        return Page();
    }
}
