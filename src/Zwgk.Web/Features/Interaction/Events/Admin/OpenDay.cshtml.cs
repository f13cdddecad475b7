using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

/// <summary>One open day: bookings (masked), cancelling one with a reason, the check-in list, the 活动回顾.</summary>
public sealed class OpenDayModel(OpenDayService service, CurrentUser me) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public OpenDay Day { get; private set; } = null!;
    public RegistrationPhase Phase { get; private set; }
    public IReadOnlyList<RegistrationRow> Registrations { get; private set; } = [];
    public bool MaySeeRegistrants { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var d = await service.FindAsync(Id, ct);
        if (d is null) return NotFound();
        Day = d;
        Phase = OpenDayRules.PhaseAt(d, service.Now);
        MaySeeRegistrants = me.CanSeeRegistrants(d.UnitId);
        Registrations = await service.RegistrationsAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int registrationId, string? reason, CancellationToken ct) =>
        Done(await service.StaffCancelAsync(Id, registrationId, reason, ct), "报名已取消，名额已释放");

    public async Task<IActionResult> OnPostSummaryAsync(string? summary, CancellationToken ct) =>
        Done(await service.PublishSummaryAsync(Id, summary, ct), "活动回顾已发布");

    private IActionResult Done(ServiceResult r, string ok)
    {
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = ok; else FlashError = r.Message;
        return Redirect($"/admin/opendays/{Id}");
    }
}
