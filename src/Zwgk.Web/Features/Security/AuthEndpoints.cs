using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Audit;

namespace Zwgk.Web.Features.Security;

public sealed record LoginRequest(string? UserName, string? Password);
/// <param name="MustChangePassword">The password was issued by an administrator: every other call answers 403 until it is changed in the back office.</param>
public sealed record MeResponse(string UserName, string DisplayName, int UnitId, IReadOnlyList<string> Roles, bool MustChangePassword);

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
            ? TypedResults.Ok(new MeResponse(u.UserName!, u.DisplayName, u.UnitId, r.Roles, r.MustChangePassword))
            : TypedResults.Problem(r.Error, statusCode: r.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized, title: r.LockedOut ? "账号已锁定" : "登录失败");
    }

    public static async Task<NoContent> Logout(LoginService login)
    {
        await login.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(CurrentUser me) =>
        TypedResults.Ok(new MeResponse(me.UserName ?? "", me.UserName ?? "", me.UnitId, me.Roles.ToList(), me.MustChangePassword));
}

public sealed record SignInOutcome(ZwgkUser? User, IReadOnlyList<string> Roles, string? Error, bool LockedOut, bool MustChangePassword);

/// <summary>
/// Password sign-in with lockout (5 failures → 15 minutes), used by the login page and the API. A name that matches
/// no active account gets the same answers after the same number of attempts, for the same work (one password hash), so
/// neither the status codes nor the timing tell which names exist. Failures are audited by user name only when the name
/// matches an account; otherwise by a hash of it (someone may have typed their password into the name box).
/// </summary>
public sealed class LoginService(SignInManager<ZwgkUser> signIn, UserManager<ZwgkUser> users, IPasswordHasher<ZwgkUser> hasher,
    LoginThrottle throttle, AuditLog audit, Zwgk.Infrastructure.Data.ZwgkDbContext db, TimeProvider clock)
{
    public const string BadCredentials = "用户名或密码错误";

    // Verified against when the name matches no active account, so refusing it costs what a wrong password costs.
    private static string? s_dummyHash;

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return new(null, [], "请输入用户名和密码", false, false);
        var name = userName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is not { IsActive: true }) return await RefuseAsync(name, user, password);

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
            audit.Add("account.locked", "User", user.Id, $"账号锁定：{user.UserName}（连续登录失败）", unitId: user.UnitId, actor: (user.Id, user.UserName!));
            await db.SaveChangesAsync();
            return Locked(end);
        }
        audit.Add("account.login-failed", "User", user.Id, $"登录失败：{user.UserName}（密码错误）", unitId: user.UnitId, actor: (user.Id, user.UserName!));
        await db.SaveChangesAsync();
        return new(null, [], BadCredentials, false, false);
    }

    /// <summary>An unknown or disabled name: counted and locked by name like an account, after the same hashing work.</summary>
    private async Task<SignInOutcome> RefuseAsync(string name, ZwgkUser? disabled, string password)
    {
        var key = LoginThrottle.KeyOf(users.NormalizeName(name) ?? name);
        var (id, label, reason) = disabled is null
            ? (null, $"未知用户名#{key[..12]}", "用户不存在")
            : (disabled.Id, disabled.UserName!, "账号已停用");
        var lockedUntil = await throttle.LockedUntilAsync(key);
        if (lockedUntil is null)
        {
            s_dummyHash ??= hasher.HashPassword(new ZwgkUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(disabled ?? new ZwgkUser(), s_dummyHash, password);
            lockedUntil = await throttle.RecordFailureAsync(key);
        }
        if (lockedUntil is null)
        {
            audit.Add("account.login-failed", "User", id, $"登录失败：{label}（{reason}）", unitId: disabled?.UnitId, actor: (id, label));
            await db.SaveChangesAsync();
            return new(null, [], BadCredentials, false, false);
        }
        audit.Add("account.locked", "User", id, $"用户名锁定：{label}（{reason}，连续登录失败）", unitId: disabled?.UnitId, actor: (id, label));
        await db.SaveChangesAsync();
        return Locked(lockedUntil);
    }

    private SignInOutcome Locked(DateTimeOffset? end)
    {
        var minutes = end is { } e ? Math.Max(1, (int)Math.Ceiling((e - clock.GetUtcNow()).TotalMinutes)) : 15;
        return new(null, [], $"账号已锁定，请{minutes}分钟后再试", true, false);
    }

    /// <summary>
    /// Audits and ends the current session (page and API share it). The security stamp is renewed, so a copy of the
    /// cookie is refused from the next request on, and the user's other sessions end too.
    /// </summary>
    public async Task SignOutAsync()
    {
        var user = await users.GetUserAsync(signIn.Context.User);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
        audit.Add("account.logout", "User", user?.Id, "退出登录", unitId: user?.UnitId);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
    }
}
