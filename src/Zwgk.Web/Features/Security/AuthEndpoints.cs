using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;

namespace Zwgk.Web.Features.Security;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record MeResponse(string UserName, string DisplayName, int UnitId, IReadOnlyList<string> Roles);

/// <summary>JSON sign-in for API clients; the same lockout and audit rules as the login page.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/auth").WithTags("登录");
        g.MapPost("/login", Login).WithSummary("登录（Cookie）");
        g.MapPost("/logout", Logout).RequireAuthorization().WithSummary("退出");
        g.MapGet("/me", Me).RequireAuthorization().WithSummary("当前用户");
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Login(LoginRequest req, LoginService login, CancellationToken ct)
    {
        var r = await login.SignInAsync(req.UserName, req.Password);
        return r.User is { } u
            ? TypedResults.Ok(new MeResponse(u.UserName!, u.DisplayName, u.UnitId, r.Roles))
            : TypedResults.Problem(r.Error, statusCode: r.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized, title: r.LockedOut ? "账号已锁定" : "登录失败");
    }

    public static async Task<NoContent> Logout(LoginService login)
    {
        await login.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(CurrentUser me) =>
        TypedResults.Ok(new MeResponse(me.UserName ?? "", me.UserName ?? "", me.UnitId, me.Roles.ToList()));
}

public sealed record SignInOutcome(ZwgkUser? User, IReadOnlyList<string> Roles, string? Error, bool LockedOut, bool MustChangePassword);

/// <summary>
/// Password sign-in with lockout (5 failures → 15 minutes), used by the login page and the API.
/// Failures are audited by user name and IP only; the error never says whether the user name exists.
/// </summary>
public sealed class LoginService(SignInManager<ZwgkUser> signIn, UserManager<ZwgkUser> users, AuditLog audit, Zwgk.Infrastructure.Data.ZwgkDbContext db, TimeProvider clock)
{
    public const string BadCredentials = "用户名或密码错误";

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return new(null, [], "请输入用户名和密码", false, false);
        var name = userName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null || !user.IsActive)
        {
            audit.Add("account.login-failed", "User", user?.Id, $"登录失败：{Truncate(name)}（{(user is null ? "用户不存在" : "账号已停用")}）", actor: (user?.Id, Truncate(name)));
            await db.SaveChangesAsync();
            return new(null, [], BadCredentials, false, false);
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Add("account.login", "User", user.Id, $"登录成功：{user.UserName}", unitId: user.UnitId, actor: (user.Id, user.UserName!));
            await db.SaveChangesAsync();
            return new(user, (await users.GetRolesAsync(user)).ToList(), null, false, user.MustChangePassword);
        }
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user);
            var minutes = end is { } e ? Math.Max(1, (int)Math.Ceiling((e - clock.GetUtcNow()).TotalMinutes)) : 15;
            audit.Add("account.locked", "User", user.Id, $"账号锁定：{user.UserName}（连续登录失败）", unitId: user.UnitId, actor: (user.Id, user.UserName!));
            await db.SaveChangesAsync();
            return new(null, [], $"账号已锁定，请{minutes}分钟后再试", true, false);
        }
        audit.Add("account.login-failed", "User", user.Id, $"登录失败：{user.UserName}（密码错误）", unitId: user.UnitId, actor: (user.Id, user.UserName!));
        await db.SaveChangesAsync();
        return new(null, [], BadCredentials, false, false);
    }

    /// <summary>Audits and ends the current session (page and API share it).</summary>
    public async Task SignOutAsync()
    {
        audit.Add("account.logout", "User", null, "退出登录");
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
    }

    private static string Truncate(string s) => s.Length > 50 ? s[..50] : s;
}
