using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Public;

/// <summary>
/// One open day (/hdjl/kfr/{id}): details, places left and the registration form. After a booking the 查询码 travels to
/// /hdjl/kfr/done in TempData (never in the URL). The POST is rate-limited per address; never cached (places change).
/// </summary>
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class OpenDayModel(ZwgkDbContext db, OpenDayService service, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public OpenDay Day { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public RegistrationPhase Phase { get; private set; }
    [BindProperty] public RegisterForm Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var size = int.TryParse(Input.PartySize, out var n) ? n : 0;
        var (r, code) = await service.RegisterAsync(Id, Input.Name, Input.Phone, size, ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok && code is not null)
        {
            TempData[DoneModel.CodeKey] = code;
            TempData[DoneModel.DayKey] = Id;
            return Redirect("/hdjl/kfr/done");
        }
        foreach (var (k, v) in r.Errors) Errors[k] = v;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var d = await db.OpenDays.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id && x.IsPublished, ct);
        if (d is null) return false;
        Day = d;
        Unit = await db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstAsync(ct);
        Phase = OpenDayRules.PhaseAt(d, clock.GetUtcNow());
        return true;
    }

    public string? Error(string key) => Errors.GetValueOrDefault(key);
}

public sealed class RegisterForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? PartySize { get; set; } = "1";
}
