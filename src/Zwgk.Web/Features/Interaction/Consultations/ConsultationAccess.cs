using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Interaction.Consultations;

/// <summary>
/// Who may do what with consultations. The drafting unit's staff draft them; its administrators or reviewers publish them;
/// its 互动交流经办 and administrators moderate comments, decide adoption and publish the feedback. The 公开办 does all of it for
/// every unit; platform administrators see every unit's consultations but change nothing and never see commenters' contacts.
/// A consultation of another unit answers like a missing one.
/// </summary>
public static class ConsultationAccess
{
    public static bool CanSeeConsultations(this CurrentUser u) => u.SpansAllUnits
        || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.InteractionOfficer);

    public static bool CanSeeConsultationOf(this CurrentUser u, int unitId) => u.CanSeeConsultations() && (u.SpansAllUnits || u.UnitId == unitId);

    /// <summary>Drafts and edits (before publication).</summary>
    public static bool CanDraftConsultation(this CurrentUser u, int unitId) => u.IsInRole(Roles.OpennessOffice)
        || (u.UnitId == unitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.InteractionOfficer)));

    /// <summary>Puts it on the portal.</summary>
    public static bool CanPublishConsultation(this CurrentUser u, int unitId) => u.IsInRole(Roles.OpennessOffice)
        || (u.UnitId == unitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Reviewer)));

    /// <summary>Moderates comments, groups opinions, decides adoption, publishes the feedback — and sees commenters' contacts.</summary>
    public static bool CanHandleComments(this CurrentUser u, int unitId) => u.IsInRole(Roles.OpennessOffice)
        || (u.UnitId == unitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.InteractionOfficer)));
}
