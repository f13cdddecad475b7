using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Security.Pages;

public sealed class ChangePasswordModel(SignInManager<ZwgkUser> signIn, ZwgkDbContext db, AuditLog audit) : AdminPageModel
{
    public const string Route = "/admin/account/password";

    public sealed class PasswordInput
    {
        [Display(Name = "原密码")]
        [Required(ErrorMessage = "请输入原密码")]
        public string OldPassword { get; set; } = "";

        [Display(Name = "新密码")]
        [Required(ErrorMessage = "请输入新密码")]
        [StringLength(128, ErrorMessage = "新密码不能超过128位")]
        public string NewPassword { get; set; } = "";

        [Display(Name = "确认新密码")]
        [Required(ErrorMessage = "请再次输入新密码")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public PasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool MustChange { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;

        if (!string.IsNullOrEmpty(Input.NewPassword) && PasswordPolicy.Check(Input.NewPassword) is { } policyError)
            ModelState.AddModelError("Input.NewPassword", policyError);
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.ConfirmPassword != Input.NewPassword)
            ModelState.AddModelError("Input.ConfirmPassword", "两次输入的新密码不一致");
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword == Input.OldPassword)
            ModelState.AddModelError("Input.NewPassword", "新密码不能与原密码相同");
        if (!ModelState.IsValid) return await FailedAsync(user);

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors.DistinctBy(IdentityMessages.Describe))
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.OldPassword" : "Input.NewPassword", IdentityMessages.Describe(e));
            return await FailedAsync(user);
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Add("account.password.change", "User", user.Id, $"用户“{user.UserName}”修改了自己的密码", unitId: user.UnitId);
        await db.SaveChangesAsync();
        // Changing the password renewed the security stamp; re-issue this session's cookie so only other sessions end.
        await signIn.RefreshSignInAsync(user);
        Flash = "密码已修改";
        return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
    }

    /// <summary>
    /// Audits a refused change (a wrong old password may be someone trying a session left open) with the reasons
    /// shown to the user, which never contain a password; then re-shows the form.
    /// </summary>
    private async Task<IActionResult> FailedAsync(ZwgkUser user)
    {
        var reasons = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct();
        audit.Add("account.password.change-failed", "User", user.Id, $"用户“{user.UserName}”修改密码未成功：{string.Join("；", reasons)}", unitId: user.UnitId);
        await db.SaveChangesAsync();
        return Cleared();
    }

    /// <summary>Re-shows the form without echoing any password back into the page.</summary>
    private IActionResult Cleared()
    {
        foreach (var key in new[] { "Input.OldPassword", "Input.NewPassword", "Input.ConfirmPassword" })
            if (ModelState.TryGetValue(key, out var entry)) entry.RawValue = null;
        Input = new PasswordInput();
        return Page();
    }
}
