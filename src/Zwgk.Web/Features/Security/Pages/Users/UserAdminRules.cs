using Zwgk.Domain.Security;

namespace Zwgk.Web.Features.Security.Pages.Users;

/// <summary>Who acts: their id, unit and roles.</summary>
public sealed record Actor(string UserId, int UnitId, IReadOnlyCollection<string> Roles)
{
    public bool SpansAllUnits => Domain.Security.Roles.SpansAllUnits(Roles);
    public bool IsPlatformAdmin => Roles.Contains(Domain.Security.Roles.PlatformAdmin);
    public static Actor From(CurrentUser me) => new(me.UserId ?? "", me.UnitId, me.Roles.ToList());
}

/// <summary>A user account as it is, or as an administrator wants it to be.</summary>
public sealed record UserState(string? UserId, int UnitId, IReadOnlyCollection<string> Roles, bool IsActive);

/// <summary>
/// Scoping rules for user administration (pure, so they can be tested without a database):
/// a 单位管理员 manages only users of their own unit and grants only 单位管理员/编辑/审核;
/// only a 平台管理员 grants 平台管理员 or 公开办; nobody removes their own administrator role or disables themselves.
/// </summary>
public static class UserAdminRules
{
    /// <summary>Roles that let the holder manage users; a user may not take these away from themselves.</summary>
    public static readonly IReadOnlyList<string> AdminRoles = [Roles.PlatformAdmin, Roles.OpennessOffice, Roles.UnitAdmin];

    public static IReadOnlyList<string> GrantableRoles(Actor actor)
    {
        if (actor.IsPlatformAdmin) return Roles.All;
        if (actor.SpansAllUnits || actor.Roles.Contains(Roles.UnitAdmin)) return [Roles.UnitAdmin, Roles.Editor, Roles.Reviewer, Roles.RequestOfficer, Roles.InteractionOfficer];
        return [];
    }

    /// <summary>Null when the actor may manage this existing account; otherwise why not.</summary>
    public static string? CanManage(Actor actor, UserState target)
    {
        if (GrantableRoles(actor).Count == 0) return "没有管理用户的权限";
        if (!actor.SpansAllUnits && target.UnitId != actor.UnitId) return "只能管理本单位的用户";
        // Holding a role the actor could not grant (e.g. a 平台管理员 seen by a 单位管理员) puts the account out of reach,
        // otherwise resetting its password would hand over that role.
        var grantable = GrantableRoles(actor);
        if (target.UserId != actor.UserId && target.Roles.Any(r => !grantable.Contains(r)))
            return "该用户拥有更高级别的角色，只能由平台管理员管理";
        return null;
    }

    /// <summary>Field-keyed Chinese errors for creating (<paramref name="before"/> null) or changing an account.</summary>
    public static Dictionary<string, string> Validate(Actor actor, UserState? before, UserState after)
    {
        var errors = new Dictionary<string, string>();
        if (before is not null && CanManage(actor, before) is { } denied)
        {
            errors[""] = denied;
            return errors;
        }
        var grantable = GrantableRoles(actor);
        if (grantable.Count == 0)
        {
            errors[""] = "没有管理用户的权限";
            return errors;
        }
        if (!actor.SpansAllUnits && after.UnitId != actor.UnitId) errors["UnitId"] = "只能在本单位内设置用户";
        if (after.Roles.Count == 0) errors["Roles"] = "请至少选择一个角色";
        else if (after.Roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) errors["Roles"] = $"未知角色“{unknown}”";

        var previous = before?.Roles ?? [];
        var changed = after.Roles.Except(previous).Concat(previous.Except(after.Roles)).ToList();
        if (changed.FirstOrDefault(r => Roles.All.Contains(r) && !grantable.Contains(r)) is { } notAllowed)
            errors["Roles"] = notAllowed is Roles.PlatformAdmin or Roles.OpennessOffice
                ? $"只有平台管理员可以授予或取消“{Roles.Label(notAllowed)}”角色"
                : $"您不能授予或取消“{Roles.Label(notAllowed)}”角色";

        if (before is not null && before.UserId == actor.UserId)
        {
            if (previous.Where(AdminRoles.Contains).FirstOrDefault(r => !after.Roles.Contains(r)) is { } own)
                errors["Roles"] = $"不能取消自己的“{Roles.Label(own)}”角色";
            if (!after.IsActive) errors["IsActive"] = "不能停用自己的账号";
        }
        return errors;
    }
}
