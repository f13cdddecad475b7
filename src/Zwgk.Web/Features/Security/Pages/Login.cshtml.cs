using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Security.Pages;

[AllowAnonymous]
public sealed class LoginModel(LoginService login) : PageModel
{
    public const string GenericError = "用户名或密码错误";

    public sealed class LoginInput
    {
        [Display(Name = "用户名")]
        [Required(ErrorMessage = "请输入用户名")]
        [StringLength(100, ErrorMessage = "用户名过长")]
        public string UserName { get; set; } = "";

        [Display(Name = "密码")]
        [Required(ErrorMessage = "请输入密码")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl(ReturnUrl));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // LoginService applies lockout (5 failures → 15 minutes), refuses disabled accounts and audits the attempt with user name and IP.
        var outcome = await login.SignInAsync(Input.UserName, Input.Password);
        Input.Password = "";
        if (outcome.User is null)
        {
            ModelState.AddModelError("", outcome.Error ?? GenericError);
            return Page();
        }
        var target = SafeReturnUrl(ReturnUrl);
        if (outcome.MustChangePassword)
            return LocalRedirect(ChangePasswordModel.Route + "?returnUrl=" + Uri.EscapeDataString(target));
        return LocalRedirect(target);
    }

    /// <summary>
    /// Only a local, well-formed address is followed: a path starting with one "/", printable ASCII only (a browser
    /// escapes anything else, so raw control or full-width characters mean a forged link and would break the Location
    /// header), no backslash (browsers read it as "/"), and not the login or logout page. Anything else goes to /admin.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) => IsSafeReturnUrl(returnUrl) ? returnUrl! : "/admin";

    private static bool IsSafeReturnUrl(string? url) =>
        url is { Length: > 0 and <= MaxReturnUrlLength } && url[0] == '/' && !url.StartsWith("//")
        && url.All(c => c is > ' ' and < '\x7f' and not '\\')
        && Uri.IsWellFormedUriString(url, UriKind.Relative)
        && !url.StartsWith("/admin/logout", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/admin/login", StringComparison.OrdinalIgnoreCase);

    private const int MaxReturnUrlLength = 2000;
}
