using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Security.ApiTokens;

/// <summary>
/// `Authorization: Bearer zwgk_…` for the JSON API only. The principal carries the same claims a cookie sign-in does
/// (id, name, role, unit, display name), so <see cref="CurrentUser"/>, the policies, unit scoping and the audit log
/// treat an integration like a user named “接口：名称”.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ZwgkDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string UserIdPrefix = "token:";
    public const string DisplayNamePrefix = "接口：";
    private const string FailureKey = "zwgk:bearer-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiTokenSchemes.TryReadBearer(Request, out var token)) return AuthenticateResult.NoResult();
        if (!Request.Path.StartsWithSegments("/api")) return Fail("接口令牌只能用于 /api/ 接口");
        if (!ApiTokenRules.IsWellFormed(token)) return Fail("令牌格式不正确");

        // Looked up by the SHA-256 of what the caller sent, through a unique index. No secret is compared in code, so
        // there is no early-exit string comparison to time: an attacker would have to find SHA-256 preimages, and the
        // database compares hashes, which reveal nothing about the token.
        var hash = ApiTokenRules.Hash(token);
        var row = await db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash)
            .Select(t => new { t.Id, t.Name, t.Role, t.UnitId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).FirstOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (row is null) return Fail("令牌无效");
        if (row.RevokedAt is not null) return Fail("令牌已被吊销");
        if (row.ExpiresAt is { } e && e <= now) return Fail("令牌已过期");
        // A row written before a rule tightened (or edited in the database) still never grants what a token may not hold.
        if (ApiTokenRules.CheckRole(row.Role, row.UnitId) is not null) return Fail("令牌的角色不允许通过接口使用");

        // At most one write a minute per token: the conditional UPDATE is a no-op for concurrent requests in the same minute.
        if (row.LastUsedAt is not { } last || now - last >= ApiTokenRules.LastUsedResolution)
        {
            var threshold = now - ApiTokenRules.LastUsedResolution;
            await db.ApiTokens.Where(t => t.Id == row.Id && (t.LastUsedAt == null || t.LastUsedAt <= threshold))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, UserIdPrefix + row.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, DisplayNamePrefix + row.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, row.Role));
        identity.AddClaim(new Claim(CurrentUser.UnitClaim, (row.UnitId ?? 0).ToString()));
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, DisplayNamePrefix + row.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[FailureKey] as string;
        Response.Headers.WWWAuthenticate = reason is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await SecurityExtensions.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "接口令牌无效或已失效",
            reason is null ? "请在 Authorization 请求头中提供有效的接口令牌。" : reason + "，请联系平台管理员或公开办重新签发。");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecurityExtensions.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "没有权限执行此操作", "该接口令牌的角色不能执行此操作。");
}

/// <summary>Registers the bearer scheme beside the Identity cookie and picks one per request.</summary>
public static class ApiTokenSchemes
{
    /// <summary>The default scheme: bearer for /api requests that carry a bearer header, the Identity cookie otherwise.</summary>
    public const string Selector = "ZwgkCookieOrBearer";

    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, "接口令牌", _ => { })
            .AddPolicyScheme(Selector, "Cookie 或接口令牌", o => o.ForwardDefaultSelector = ctx =>
                // Only the JSON API accepts tokens: on pages (/admin …) a bearer header is ignored and the cookie rules,
                // so a token can never open the back office in a browser.
                ctx.Request.Path.StartsWithSegments("/api") && TryReadBearer(ctx.Request, out _)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        // AddIdentity made the cookie the default; route authentication, challenge and forbid through the selector
        // (sign-in and sign-out name the cookie scheme explicitly and stay as they are).
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });
        return services;
    }

    public static bool TryReadBearer(HttpRequest request, out string token)
    {
        token = "";
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        // Bounded before any work: a real token is 48 characters.
        token = value.Length > 512 ? "" : value["Bearer ".Length..].Trim();
        return true;
    }
}
