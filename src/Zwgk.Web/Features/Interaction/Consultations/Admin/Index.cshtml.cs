using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations.Admin;

/// <summary>意见征集 list: the unit's own (all units for the 公开办), with what waits and what is overdue.</summary>
public sealed class ConsultationListModel(ConsultationQueries queries, CurrentUser user) : AdminPageModel
{
    public IReadOnlyList<ConsultationRow> Rows { get; private set; } = [];
    public bool CanCreate => user.IsInRole(Domain.Security.Roles.OpennessOffice) || user.CanDraftConsultation(user.UnitId);
    public bool SeesAll => user.SpansAllUnits;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanSeeConsultations()) return Forbid();
        Rows = await queries.StaffListAsync(ct);
        return Page();
    }
}
