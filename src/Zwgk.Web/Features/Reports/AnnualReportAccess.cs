using Zwgk.Domain.Reports;
using Zwgk.Domain.Security;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Reports;

/// <summary>
/// Who may see, write and publish annual reports. The 公开办 compiles the district's report (条例第四十九条第二款) and
/// supervises every unit's; platform administrators see them all but write none. Inside a unit, its administrator, its
/// 依申请公开经办 and editors write the report and the unit administrator signs it off by publishing it (publishing skips
/// the document review chain, so only those who may change live documents may). A report of another unit answers like
/// a missing one.
/// </summary>
public static class AnnualReportAccess
{
    public static bool CanSeeReports(this CurrentUser u) => u.SpansAllUnits
        || u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.RequestOfficer) || u.IsInRole(Roles.Editor) || u.IsInRole(Roles.Reviewer);

    /// <summary>The report of <paramref name="unitId"/> (null: the district) may be seen.</summary>
    public static bool CanSeeReport(this CurrentUser u, int? unitId) =>
        u.CanSeeReports() && (u.SpansAllUnits || (unitId is int id && id == u.UnitId));

    public static bool CanWriteReport(this CurrentUser u, int? unitId) =>
        u.IsInRole(Roles.OpennessOffice)
        || (unitId is int id && id == u.UnitId && (u.IsInRole(Roles.UnitAdmin) || u.IsInRole(Roles.RequestOfficer) || u.IsInRole(Roles.Editor)));

    public static bool CanPublishReport(this CurrentUser u, int? unitId) =>
        u.IsInRole(Roles.OpennessOffice) || (unitId is int id && id == u.UnitId && u.IsInRole(Roles.UnitAdmin));

    public static IQueryable<AnnualReport> Scope(this CurrentUser u, IQueryable<AnnualReport> reports)
    {
        if (!u.CanSeeReports()) return reports.Where(_ => false);
        if (u.SpansAllUnits) return reports;
        var unit = u.UnitId;
        return reports.Where(r => r.UnitId == unit);
    }
}
