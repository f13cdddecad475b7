using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Interaction.Decisions;

/// <summary>
/// The catalog is compiled and published by the 公开办 (platform administrators may publish too); each item's lead unit
/// records its stages and evidence. Unit staff see only the items their unit leads; other items answer as missing.
/// </summary>
public static class DecisionAccess
{
    public static bool CanSeeDecisions(this CurrentUser u) => u.SpansAllUnits
        || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.InteractionOfficer);

    public static bool CanSeeDecisionOf(this CurrentUser u, int leadUnitId) => u.CanSeeDecisions() && (u.SpansAllUnits || u.UnitId == leadUnitId);

    /// <summary>Creates catalogs and items, edits items.</summary>
    public static bool CanManageCatalog(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice);

    /// <summary>Publishes (or withdraws) a year's catalog on the portal.</summary>
    public static bool CanPublishCatalog(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.PlatformAdmin);

    /// <summary>Records the stages of an item: its lead unit's staff, or the 公开办.</summary>
    public static bool CanRecordStages(this CurrentUser u, int leadUnitId) => u.IsInRole(Roles.OpennessOffice)
        || (u.UnitId == leadUnitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.InteractionOfficer)));
}
