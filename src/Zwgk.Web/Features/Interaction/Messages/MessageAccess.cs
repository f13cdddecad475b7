using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Interaction.Messages;

/// <summary>
/// Who may do what with messages. The 公开办 sees and routes everything (including 待分办); a unit's 互动交流经办 and
/// 单位管理员 see only what is routed to their unit; 平台管理员 look, masked. A message outside your scope is "not found".
/// </summary>
public static class MessageAccess
{
    public static bool CanWorkMessages(this CurrentUser u) =>
        u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.PlatformAdmin);

    public static bool SpansAllMessages(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.PlatformAdmin);

    public static bool IsOffice(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice);

    private static bool UnitHandler(this CurrentUser u) => u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin);

    public static IQueryable<Message> Scope(this CurrentUser u, IQueryable<Message> q)
    {
        if (!u.CanWorkMessages()) return q.Where(_ => false);
        if (u.SpansAllMessages()) return q;
        var unit = u.UnitId;
        return q.Where(m => m.UnitId == unit);
    }

    public static bool CanSee(this CurrentUser u, Message m) => u.CanWorkMessages() && (u.SpansAllMessages() || (m.UnitId is { } id && id == u.UnitId));

    /// <summary>Acknowledge, draft, reject, mark duplicates: the 公开办 or the handling unit's staff.</summary>
    public static bool CanAct(this CurrentUser u, Message m) => u.IsOffice() || (u.UnitHandler() && m.UnitId is { } id && id == u.UnitId);

    /// <summary>Full name and contact: the 公开办 or the handling unit's 互动交流经办/单位管理员.</summary>
    public static bool CanSeePersonalData(this CurrentUser u, Message m) => u.CanAct(m);

    /// <summary>Reply approval and the publish decision: the 公开办 or the handling unit's administrator.</summary>
    public static bool CanApprove(this CurrentUser u, Message m) => u.IsOffice() || (u.IsInRole(Roles.UnitAdmin) && m.UnitId is { } id && id == u.UnitId);
}
