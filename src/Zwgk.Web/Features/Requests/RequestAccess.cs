using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Requests;

/// <summary>
/// Who may do what with applications. The applicant's identity and contact are personal data: only those who handle the
/// case see them (the 公开办, the unit's 依申请公开经办, the assigned handler), each view audited; everyone else sees masks.
/// 平台管理员 run the platform, not the cases: they see the lists, masked.
/// </summary>
public static class RequestAccess
{
    /// <summary>May open the 依申请公开 work area at all.</summary>
    public static bool CanWork(this CurrentUser u) =>
        u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.RequestOfficer) || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.PlatformAdmin);

    /// <summary>May act on cases (register, handle, reply); platform administrators only look.</summary>
    public static bool CanHandle(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.RequestOfficer) || u.IsInRole(Roles.UnitAdmin);

    public static bool SpansAllRequests(this CurrentUser u) => u.IsInRole(Roles.OpennessOffice) || u.IsInRole(Roles.PlatformAdmin);

    public static IQueryable<InformationRequest> Scope(this CurrentUser u, IQueryable<InformationRequest> q)
    {
        if (!u.CanWork()) return q.Where(_ => false);
        if (u.SpansAllRequests()) return q;
        var unit = u.UnitId;
        return q.Where(r => r.UnitId == unit);
    }

    public static bool CanSee(this CurrentUser u, InformationRequest r) => u.CanWork() && (u.SpansAllRequests() || r.UnitId == u.UnitId);

    public static bool CanAct(this CurrentUser u, InformationRequest r) =>
        u.CanHandle() && (u.IsInRole(Roles.OpennessOffice) || r.UnitId == u.UnitId);

    /// <summary>Full personal data: the 公开办, the unit's 依申请公开经办, or the handler of this case.</summary>
    public static bool CanSeePersonalData(this CurrentUser u, InformationRequest r) =>
        u.IsInRole(Roles.OpennessOffice)
        || (u.IsInRole(Roles.RequestOfficer) && r.UnitId == u.UnitId)
        || (u.UserId is { } id && id == r.HandlerUserId);

    /// <summary>条例第三十三条: extensions need the office head; replies are approved by a head too (the 公开办 or the unit's administrator).</summary>
    public static bool CanApprove(this CurrentUser u, InformationRequest r) =>
        u.IsInRole(Roles.OpennessOffice) || (u.IsInRole(Roles.UnitAdmin) && r.UnitId == u.UnitId);
}
