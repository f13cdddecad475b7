using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Security.Pages;

/// <summary>POST /admin/logout (the layout's form carries the antiforgery token).</summary>
[AllowAnonymous]
public sealed class LogoutModel(LoginService login, CurrentUser me) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.IsAuthenticated)
        {
            await login.SignOutAsync();
        }
        return Redirect("/admin/login");
    }
}
