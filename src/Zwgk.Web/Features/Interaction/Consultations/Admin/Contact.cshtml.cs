using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations.Admin;

/// <summary>A commenter's full name and contact: only for the owning unit's handlers and the 公开办; every view is audited.</summary>
public sealed class CommentContactModel(ConsultationService service) : AdminPageModel
{
    public ConsultationComment Comment { get; private set; } = null!;
    public Consultation Consultation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (r, comment, c) = await service.ContactAsync(id, ct);
        if (!r.Ok || comment is null || c is null) return NotFound();
        Comment = comment;
        Consultation = c;
        return Page();
    }
}
