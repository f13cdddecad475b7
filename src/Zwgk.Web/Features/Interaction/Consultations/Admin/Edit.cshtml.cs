using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations.Admin;

/// <summary>Drafts (and edits, while still a draft) a consultation: the text, explanation, period, contact and the major-decision link.</summary>
public sealed class ConsultationEditModel(ConsultationService service, ConsultationQueries queries, CurrentUser user) : AdminPageModel
{
    [BindProperty] public EditForm Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Decisions { get; private set; } = [];
    public bool ChoosesUnit => user.IsInRole(Domain.Security.Roles.OpennessOffice);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!user.CanSeeConsultations()) return Forbid();
        Id = id;
        if (id is int existing)
        {
            var v = await queries.StaffDetailAsync(existing, ct);
            if (v is null) return NotFound();
            if (!v.CanDraft || v.Consultation.State != Domain.Interaction.Consultations.ConsultationState.Draft) return NotFound();
            var c = v.Consultation;
            Input = new EditForm
            {
                Title = c.Title, UnitId = c.UnitId, DraftText = c.DraftText, Explanation = c.Explanation, OpensOn = c.OpensOn, ClosesOn = c.ClosesOn,
                IsMajorDecision = c.IsMajorDecision, MajorDecisionId = c.MajorDecisionId, ShortenedReason = c.ShortenedReason,
                ContactEmail = c.ContactEmail, ContactAddress = c.ContactAddress, ContactPhone = c.ContactPhone,
            };
        }
        else
        {
            var today = service.Today;
            Input = new EditForm { UnitId = user.UnitId, OpensOn = today.AddDays(1), ClosesOn = today.AddDays(30) };
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await queries.DraftUnitsAsync(ct);
        Decisions = await queries.DecisionOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var r = await service.SaveAsync(id, Input.ToInput(), ct);
        if (r.Ok)
        {
            Flash = id is null ? "已保存草稿" : "已保存修改";
            return Redirect($"/admin/consultations/{r.Id}");
        }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        AddErrors(r);
        await LoadAsync(ct);
        return Page();
    }
}

public sealed class EditForm
{
    public string? Title { get; set; }
    public int? UnitId { get; set; }
    public string? DraftText { get; set; }
    public string? Explanation { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool IsMajorDecision { get; set; }
    public int? MajorDecisionId { get; set; }
    public string? ShortenedReason { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactAddress { get; set; }
    public string? ContactPhone { get; set; }

    public ConsultationInput ToInput() => new(Title, UnitId, DraftText, Explanation, OpensOn, ClosesOn, IsMajorDecision, MajorDecisionId, ShortenedReason, ContactEmail, ContactAddress, ContactPhone);
}
