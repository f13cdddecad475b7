using Zwgk.Domain.Qa;
using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Qa;

/// <summary>
/// Who may do what in the 政策问答库. The 公开办 (and platform administrators) see and act on every entry, including those
/// whose unit is only known as written in an imported sheet; a unit's 编辑/审核/单位管理员 and its 互动交流经办 (who answers the
/// 政策咨询 the entries are often made from) see only their unit's entries.
/// An entry outside one's scope is "not found".
/// </summary>
public static class QaAccess
{
    public static bool CanWorkQa(this CurrentUser u) =>
        u.SpansAllUnits || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.InteractionOfficer);

    public static IQueryable<QaItem> Scope(this CurrentUser u, IQueryable<QaItem> q)
    {
        if (!u.CanWorkQa()) return q.Where(_ => false);
        if (u.SpansAllUnits) return q;
        var unit = u.UnitId;
        return q.Where(x => x.UnitId == unit);
    }

    public static bool CanSee(this CurrentUser u, QaItem q) => u.CanWorkQa() && (u.SpansAllUnits || (q.UnitId is { } id && id == u.UnitId));

    /// <summary>Write and edit drafts: the 公开办, or the unit's 编辑, 互动交流经办 and 单位管理员.</summary>
    public static bool CanWrite(this CurrentUser u, QaItem q) =>
        u.SpansAllUnits || ((u.IsInRole(Roles.Editor) || u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin)) && q.UnitId is { } id && id == u.UnitId);

    public static bool CanWriteAny(this CurrentUser u) => u.SpansAllUnits || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.InteractionOfficer) || u.IsInRole(Roles.UnitAdmin);

    /// <summary>Approve, return, publish, withdraw, re-confirm and edit a live entry: the 公开办, or the unit's 审核 or 单位管理员.</summary>
    public static bool CanApprove(this CurrentUser u, QaItem q) =>
        u.SpansAllUnits || ((u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.UnitAdmin)) && q.UnitId is { } id && id == u.UnitId);
}
