using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Security.Pages.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class EditModel(UserManager<ZwgkUser> users, SignInManager<ZwgkUser> signIn, ZwgkDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock)
    : AdminPageModel
{
    public sealed class EditUserInput
    {
        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请输入姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "所属单位")]
        [Range(1, int.MaxValue, ErrorMessage = "请选择所属单位")]
        public int UnitId { get; set; }

        [Display(Name = "角色")]
        public List<string> Roles { get; set; } = [];

        [Display(Name = "启用账号")]
        public bool IsActive { get; set; }
    }

    [BindProperty] public EditUserInput Input { get; set; } = new();
    public ZwgkUser Target { get; private set; } = null!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public IssuedPassword? Issued { get; private set; }
    public bool IsSelf => Target.Id == me.UserId;
    public bool IsLocked => Target.LockoutEnd > clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadTargetAsync(id, ct) is { } denied) return denied;
        Input = new EditUserInput { DisplayName = Target.DisplayName, UnitId = Target.UnitId, Roles = CurrentRoles.ToList(), IsActive = Target.IsActive };
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadTargetAsync(id, ct) is { } denied) return denied;
        var actor = Actor.From(me);
        // Roles the actor cannot grant are shown disabled (so not posted); keep the ones the account already holds.
        var grantable = UserAdminRules.GrantableRoles(actor);
        var roles = Input.Roles.Union(CurrentRoles.Where(r => !grantable.Contains(r))).Distinct().ToList();
        Input.Roles = roles;
        Input.DisplayName = Input.DisplayName?.Trim() ?? "";
        var before = new UserState(Target.Id, Target.UnitId, CurrentRoles, Target.IsActive);
        var after = new UserState(Target.Id, Input.UnitId, roles, Input.IsActive);
        foreach (var (key, message) in UserAdminRules.Validate(actor, before, after))
            ModelState.AddModelError(key.Length == 0 ? "" : "Input." + key, message);
        if (Input.UnitId != Target.UnitId && !await db.Units.AnyAsync(u => u.Id == Input.UnitId && u.IsActive, ct))
            ModelState.AddModelError("Input.UnitId", "所选单位不存在或已停用");
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return Page();
        }

        var unitNames = await db.Units.Where(u => u.Id == Target.UnitId || u.Id == Input.UnitId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var snapshotBefore = Snapshot(Target.DisplayName, unitNames[Target.UnitId], CurrentRoles, Target.IsActive);
        var accessChanged = Target.UnitId != Input.UnitId || Target.IsActive != Input.IsActive || !roles.ToHashSet().SetEquals(CurrentRoles);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Target.DisplayName = Input.DisplayName;
        Target.UnitId = Input.UnitId;
        Target.IsActive = Input.IsActive;
        var result = await users.UpdateAsync(Target);
        if (result.Succeeded && CurrentRoles.Except(roles).ToList() is { Count: > 0 } removed) result = await users.RemoveFromRolesAsync(Target, removed);
        if (result.Succeeded && roles.Except(CurrentRoles).ToList() is { Count: > 0 } added) result = await users.AddToRolesAsync(Target, added);
        // A new security stamp ends the account's other sessions at their next request (validation interval 1 minute).
        if (result.Succeeded && accessChanged) result = await users.UpdateSecurityStampAsync(Target);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            ModelState.AddModelError("", IdentityMessages.Join(result));
            db.ChangeTracker.Clear();
            await LoadTargetAsync(id, ct);
            await LoadOptionsAsync(ct);
            return Page();
        }

        var changes = AuditLog.Diff(snapshotBefore, Snapshot(Target.DisplayName, unitNames[Target.UnitId], roles, Target.IsActive));
        if (changes.Count > 0)
        {
            var verb = !Target.IsActive && before.IsActive ? "停用用户" : Target.IsActive && !before.IsActive ? "启用用户" : "修改用户";
            audit.Add(!Target.IsActive && before.IsActive ? "user.deactivate" : "user.update", "User", Target.Id,
                $"{verb}“{Target.UserName}”（{Target.DisplayName}）", changes, Target.UnitId);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (IsSelf) await signIn.RefreshSignInAsync(Target);
        Flash = changes.Count > 0 ? "用户信息已保存" + (accessChanged && !IsSelf ? "，该用户的已登录会话将在1分钟内失效" : "") : "没有需要保存的修改";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        if (await LoadTargetAsync(id, ct) is { } denied) return denied;
        if (IsSelf)
        {
            Flash = null;
            ModelState.AddModelError("", "请通过“修改密码”修改自己的密码");
            return await ReshowAsync(ct);
        }
        var password = UserPasswords.Generate(Target.UserName ?? "");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(Target);
        var result = await users.ResetPasswordAsync(Target, token, password); // also renews the security stamp: old sessions end
        if (result.Succeeded)
        {
            Target.MustChangePassword = true;
            result = await users.UpdateAsync(Target);
        }
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(Target, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(Target);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadTargetAsync(id, ct);
            ModelState.AddModelError("", "重置密码失败：" + IdentityMessages.Join(result));
            return await ReshowAsync(ct);
        }
        audit.Add("user.password.reset", "User", Target.Id, $"重置用户“{Target.UserName}”（{Target.DisplayName}）的密码", unitId: Target.UnitId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        Response.Headers.CacheControl = "no-store";
        Issued = new IssuedPassword(Target.Id, Target.UserName ?? "", Target.DisplayName, password, Created: false);
        return await ReshowAsync(ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (await LoadTargetAsync(id, ct) is { } denied) return denied;
        var result = await users.SetLockoutEndDateAsync(Target, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(Target);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "解锁失败：" + IdentityMessages.Join(result));
            return await ReshowAsync(ct);
        }
        audit.Add("user.unlock", "User", Target.Id, $"解除用户“{Target.UserName}”（{Target.DisplayName}）的登录锁定", unitId: Target.UnitId);
        await db.SaveChangesAsync(ct);
        Flash = "账号已解锁";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        Input = new EditUserInput { DisplayName = Target.DisplayName, UnitId = Target.UnitId, Roles = CurrentRoles.ToList(), IsActive = Target.IsActive };
        ModelState.Remove("Input.DisplayName");
        await LoadOptionsAsync(ct);
        return Page();
    }

    /// <summary>Loads the account and checks the actor may manage it: another unit's account is "not found", a higher-ranked one is forbidden.</summary>
    private async Task<IActionResult?> LoadTargetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || (!me.SpansAllUnits && user.UnitId != me.UnitId)) return NotFound();
        Target = user;
        CurrentRoles = (await UserQueries.RolesOfAsync(db, [user.Id], ct)).GetValueOrDefault(user.Id) ?? [];
        if (UserAdminRules.CanManage(Actor.From(me), new UserState(user.Id, user.UnitId, CurrentRoles, user.IsActive)) is not null) return Forbid();
        return null;
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        Units = await UserQueries.UnitOptionsAsync(db, me, Target.UnitId, ct);
        Grantable = UserAdminRules.GrantableRoles(Actor.From(me));
    }

    private static Dictionary<string, object?> Snapshot(string displayName, string unit, IEnumerable<string> roles, bool active) => new()
    {
        ["姓名"] = displayName,
        ["单位"] = unit,
        ["角色"] = UserQueries.RoleLabels(Domain.Security.Roles.All.Where(roles.Contains)),
        ["状态"] = active ? "启用" : "停用",
    };
}
