using System.Security.Claims;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;

namespace Zwgk.Web.Features.Security;

/// <summary>The signed-in back-office user and what their roles allow; every admin query is scoped through this.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string UnitClaim = "zwgk:unit";
    public const string DisplayNameClaim = "zwgk:name";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name;
    public int UnitId => int.TryParse(Principal.FindFirstValue(UnitClaim), out var id) ? id : 0;
    public bool IsInRole(string role) => Principal.IsInRole(role);
    /// <summary>Still holds an administrator-issued password (see <see cref="PasswordChangeGate"/>).</summary>
    public bool MustChangePassword => Principal.HasClaim(c => c.Type == SessionValidation.MustChangePasswordClaim);
    public IEnumerable<string> Roles => Domain.Security.Roles.All.Where(IsInRole);

    /// <summary>平台管理员 and 公开办 supervise every unit.</summary>
    public bool SpansAllUnits => Domain.Security.Roles.SpansAllUnits(Roles);
    public bool CanAccessUnit(int unitId) => SpansAllUnits || unitId == UnitId;

    public bool CanEdit => SpansAllUnits || IsInRole(Domain.Security.Roles.UnitAdmin) || IsInRole(Domain.Security.Roles.Editor);
    public bool CanReview => SpansAllUnits || IsInRole(Domain.Security.Roles.UnitAdmin) || IsInRole(Domain.Security.Roles.Reviewer);
    public bool CanWithdraw => CanReview;
    /// <summary>Changing a live document skips review, so only supervisors and unit administrators may.</summary>
    public bool CanEditPublished => SpansAllUnits || IsInRole(Domain.Security.Roles.UnitAdmin);
    public bool CanManageUsers => SpansAllUnits || IsInRole(Domain.Security.Roles.UnitAdmin);
    public bool CanManageUnits => IsInRole(Domain.Security.Roles.PlatformAdmin) || IsInRole(Domain.Security.Roles.OpennessOffice);
    public bool CanManageColumns => CanManageUnits;
    public bool CanManageSettings => IsInRole(Domain.Security.Roles.PlatformAdmin);

    public IQueryable<Document> Scope(IQueryable<Document> documents) =>
        SpansAllUnits ? documents : documents.Where(d => d.OwnerUnitId == UnitId);
}

public static class Policies
{
    public const string BackOffice = "BackOffice";
    public const string ManageUnits = "ManageUnits";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
    /// <summary>Plain-language dictionary, hot words and the search index: the 公开办 and platform administrators.</summary>
    public const string ManageSearch = "ManageSearch";
}
