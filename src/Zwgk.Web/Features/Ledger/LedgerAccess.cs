using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Ledger;

/// <summary>
/// Who may do what with the ledger. The 公开办 imports plans, assigns units, verifies, closes (销号) and publishes; platform
/// administrators see everything and change nothing. Unit staff see and report on their own unit's tasks only: a task their
/// unit does not carry answers like a missing one. Verification is never done by the person who reported (separation of duties).
/// </summary>
public static class LedgerAccess
{
    public static bool CanSeeLedger(this CurrentUser u) => u.SpansAllUnits
        || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.RequestOfficer);

    /// <summary>Sees every unit's tasks (the supervising office and platform administrators).</summary>
    public static bool SeesAllLedger(this CurrentUser u) => u.SpansAllUnits;

    /// <summary>Imports plans, edits tasks, assigns units, verifies, closes and publishes.</summary>
    public static bool CanManageLedger(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice);

    /// <summary>Reports progress and completion for <paramref name="unitId"/>'s part.</summary>
    public static bool CanReportFor(this CurrentUser u, int unitId) =>
        unitId == u.UnitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.OpennessOffice));
}
