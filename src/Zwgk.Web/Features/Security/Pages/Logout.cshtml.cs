using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;

namespace Zwgk.Web.Features.Security.Pages;

/// <summary>POST /admin/logout (the layout's form carries the antiforgery token).</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ZwgkUser> signIn, ZwgkDbContext db, AuditLog audit, CurrentUser me) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.IsAuthenticated)
        {
            audit.Add("account.logout", "User", me.UserId, $"退出登录：{User.Identity?.Name}");
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
        }
        return Redirect("/admin/login");
    }
}
