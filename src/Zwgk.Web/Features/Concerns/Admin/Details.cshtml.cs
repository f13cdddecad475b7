using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns.Admin;

/// <summary>One concern: its deadlines and how each stands, the responses, and the forms its handlers may use. Out of scope is 404.</summary>
public sealed class DetailsModel(ConcernQueries queries, ConcernService service, CurrentUser user, Interaction.Moderation.ModerationScreen screen) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public ConcernDetails Concern { get; private set; } = null!;
    public string NowInput { get; private set; } = "";
    /// <summary>What the shared sensitive-word screen finds in the text: a hint before deciding to publish (staff decide).</summary>
    public IReadOnlyList<string> ScreenReasons { get; private set; } = [];
    /// <summary>Personal data (phone, id number, e-mail) in the summary or responses: it must be removed or masked before publishing.</summary>
    public IReadOnlyList<string> PersonalDataFound { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkConcerns() || await queries.DetailsAsync(Id, ct) is not { } d) return NotFound();
        Concern = d;
        NowInput = ConcernService.LocalInput(queries.Now);
        ScreenReasons = screen.Screen([d.Topic, d.Summary, .. d.Responses.Select(r => r.Summary)]).Reasons;
        PersonalDataFound = Zwgk.Domain.Shared.PersonalData.Find([d.Topic, d.Summary, .. d.Responses.Select(r => r.Summary)]);
        return Page();
    }

    public Task<IActionResult> OnPostRespondAsync(ResponseInput response, CancellationToken ct) => Run(service.AddResponseAsync(Id, response, ct), "回应已登记");
    public Task<IActionResult> OnPostCloseAsync(string? note, CancellationToken ct) => Run(service.CloseAsync(Id, note, ct), "已办结");
    public Task<IActionResult> OnPostPublicAsync(bool isPublic, CancellationToken ct) => Run(service.SetPublicAsync(Id, isPublic, ct), isPublic ? "已设为在网站公开" : "已设为不公开");

    private async Task<IActionResult> Run(Task<ServiceResult> step, string done)
    {
        if (!user.CanWorkConcerns()) return NotFound();
        var r = await step;
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = done;
        else FlashError = r.Message;
        return Redirect($"/admin/concerns/{Id}");
    }
}
