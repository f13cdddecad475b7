using Zwgk.Domain.Concerns;
using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Concerns;

/// <summary>
/// Who may do what with the 回应关切 register. 谁主管谁回应: the 公开办 registers and assigns, and sees everything; a unit's
/// 互动交流经办 and 单位管理员 see and respond to their own unit's concerns; 平台管理员 look. Outside one's scope is "not found".
/// </summary>
public static class ConcernAccess
{
    public static bool CanWorkConcerns(this CurrentUser u) =>
        u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.PlatformAdmin);

    public static bool SpansAllConcerns(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.PlatformAdmin);

    private static bool UnitHandler(this CurrentUser u) => u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin);

    /// <summary>Register: the 公开办 for any unit, a unit's handlers for their own.</summary>
    public static bool CanRegisterConcerns(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.UnitHandler();

    public static IQueryable<PublicConcern> Scope(this CurrentUser u, IQueryable<PublicConcern> q)
    {
        if (!u.CanWorkConcerns()) return q.Where(_ => false);
        if (u.SpansAllConcerns()) return q;
        var unit = u.UnitId;
        return q.Where(c => c.UnitId == unit);
    }

    public static bool CanSee(this CurrentUser u, PublicConcern c) => u.CanWorkConcerns() && (u.SpansAllConcerns() || c.UnitId == u.UnitId);

    /// <summary>Edit, add responses, close: the 公开办 or the responsible unit's handlers.</summary>
    public static bool CanAct(this CurrentUser u, PublicConcern c) => u.IsInRole(Roles.OpennessOffice) || (u.UnitHandler() && c.UnitId == u.UnitId);

    /// <summary>Show on the portal or keep internal: the 公开办 or the responsible unit's administrator.</summary>
    public static bool CanPublish(this CurrentUser u, PublicConcern c) => u.IsInRole(Roles.OpennessOffice) || (u.IsInRole(Roles.UnitAdmin) && c.UnitId == u.UnitId);

    /// <summary>Reassign the responsible unit: the 公开办 only.</summary>
    public static bool CanAssign(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice);
}
