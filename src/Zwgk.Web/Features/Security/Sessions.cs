using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security.Pages;

namespace Zwgk.Web.Features.Security;

/// <summary>
/// Checks every signed-in request against the user row (one indexed lookup): a cookie whose security stamp no longer
/// matches (logout, password reset, deactivation, role change) is refused at once, not after the validation interval.
/// It also marks sessions of users who still hold an administrator-issued password, for <see cref="PasswordChangeGate"/>.
/// </summary>
public static class SessionValidation
{
    public const string MustChangePasswordClaim = "zwgk:must-change-password";

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.Principal?.FindFirstValue(stampType);
        var row = id is null || stamp is null
            ? null
            : await services.GetRequiredService<ZwgkDbContext>().Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.IsActive, u.MustChangePassword }).FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        if (row is null || !row.IsActive || row.SecurityStamp != stamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Identity's validator re-reads roles and claims once a minute (it may replace the principal).
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        if (ctx.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var c in identity.FindAll(MustChangePasswordClaim).ToList()) identity.RemoveClaim(c);
            if (row.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "1"));
        }
    }
}

/// <summary>
/// A user with an administrator-issued password may only change it or sign out: back-office pages redirect to the
/// change-password page, APIs answer 403, and everything else (portal, attachment downloads) sees an anonymous visitor.
/// One rule by path, so a new page or endpoint cannot forget it.
/// </summary>
public static class PasswordChangeGate
{
    public const string Title = "请先修改初始密码";
    public const string Detail = "您正在使用管理员设置的初始密码，请先登录后台修改密码，再进行其他操作。";

    private static readonly PathString[] Allowed =
        [ChangePasswordModel.Route, "/admin/logout", "/admin/login", "/admin/denied", "/api/v1/auth", "/error"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!ctx.User.HasClaim(c => c.Type == SessionValidation.MustChangePasswordClaim)
            || Allowed.Any(p => ctx.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next();
            return;
        }
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            await SecurityExtensions.WriteProblemAsync(ctx, StatusCodes.Status403Forbidden, Title, Detail);
            return;
        }
        if (ctx.Request.Path.StartsWithSegments("/admin"))
        {
            string back = HttpMethods.IsGet(ctx.Request.Method) ? ctx.Request.Path + ctx.Request.QueryString : "/admin";
            ctx.Response.Redirect(ChangePasswordModel.Route + "?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }
        ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next();
    });
}
