using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Interaction.Events;

/// <summary>
/// Who may run interviews and open days: the 公开办 (and platform administrators) for every unit; a unit's administrators,
/// editors and 互动交流经办 for their own unit. Anything of another unit answers like a missing one (404).
/// Registrants' full details: the 公开办 and the owning unit's 互动交流经办 / unit administrator only, each view audited.
/// </summary>
public static class EventAccess
{
    public static bool CanManageEvents(this CurrentUser u) => u.SpansAllUnits
        || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.InteractionOfficer);

    public static bool CanManageEventsOf(this CurrentUser u, int unitId) => u.CanManageEvents() && u.CanAccessUnit(unitId);

    public static bool CanSeeRegistrants(this CurrentUser u, int unitId) => u.IsInRole(Roles.OpennessOffice)
        || (unitId == u.UnitId && (u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin)));
}
