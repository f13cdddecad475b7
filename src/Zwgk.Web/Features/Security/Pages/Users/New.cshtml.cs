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
public sealed class NewModel(UserManager<ZwgkUser> users, ZwgkDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock) : AdminPageModel
{
    public sealed class NewUserInput
    {
        [Display(Name = "用户名")]
        [Required(ErrorMessage = "请输入用户名")]
        [RegularExpression(@"^[A-Za-z0-9._@-]{2,50}$", ErrorMessage = "用户名为2至50位，只能包含英文字母、数字和 . _ - @")]
        public string UserName { get; set; } = "";

        [Display(Name = "姓名")]
        [Required(ErrorMessage = "请输入姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "所属单位")]
        [Range(1, int.MaxValue, ErrorMessage = "请选择所属单位")]
        public int UnitId { get; set; }

        [Display(Name = "角色")]
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty] public NewUserInput Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    public IssuedPassword? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Supervisors create accounts for every unit, so make them choose; a unit administrator's own unit is the only choice.
        Input.UnitId = me.SpansAllUnits ? 0 : me.UnitId;
        Input.Roles = [Domain.Security.Roles.Editor];
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.UserName = Input.UserName?.Trim() ?? "";
        Input.DisplayName = Input.DisplayName?.Trim() ?? "";
        Input.Roles = Input.Roles.Distinct().ToList();
        var actor = Actor.From(me);
        foreach (var (key, message) in UserAdminRules.Validate(actor, null, new UserState(null, Input.UnitId, Input.Roles, true)))
            ModelState.AddModelError(key.Length == 0 ? "" : "Input." + key, message);
        if (Input.UnitId > 0 && !await db.Units.AnyAsync(u => u.Id == Input.UnitId && u.IsActive, ct))
            ModelState.AddModelError("Input.UnitId", "所选单位不存在或已停用");
        if (ModelState.GetFieldValidationState("Input.UserName") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await users.FindByNameAsync(Input.UserName) is not null)
            ModelState.AddModelError("Input.UserName", $"用户名“{Input.UserName}”已被使用");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var password = UserPasswords.Generate(Input.UserName);
        var user = new ZwgkUser
        {
            UserName = Input.UserName, DisplayName = Input.DisplayName, UnitId = Input.UnitId, IsActive = true,
            MustChangePassword = true, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRolesAsync(user, Input.Roles);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var e in created.Errors)
                ModelState.AddModelError(e.Code.Contains("UserName") ? "Input.UserName" : "", IdentityMessages.Describe(e));
            await LoadAsync(ct);
            return Page();
        }
        var unitName = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstAsync(ct);
        audit.Add("user.create", "User", user.Id, $"创建用户“{user.UserName}”（{user.DisplayName}，{unitName}，角色：{UserQueries.RoleLabels(Input.Roles)}）",
            new Dictionary<string, (object?, object?)>
            {
                ["用户名"] = (null, user.UserName), ["姓名"] = (null, user.DisplayName), ["单位"] = (null, unitName), ["角色"] = (null, UserQueries.RoleLabels(Input.Roles)),
            }, user.UnitId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        Response.Headers.CacheControl = "no-store";
        Issued = new IssuedPassword(user.Id, user.UserName, user.DisplayName, password, Created: true);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UserQueries.UnitOptionsAsync(db, me, null, ct);
        Grantable = UserAdminRules.GrantableRoles(Actor.From(me));
    }
}
