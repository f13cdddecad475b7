using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Web.Features.Security.ApiTokens;

namespace Zwgk.Web.Features.Security;

public static class SecurityExtensions
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<LoginService>();
        services.AddIdentity<ZwgkUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ZwgkDbContext>()
            .AddUserManager<ZwgkUserManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddClaimsPrincipalFactory<ZwgkClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddApiTokens();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "zwgk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        // Idle timeout: the ticket expires after this much inactivity and is renewed by activity (sliding).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<ZwgkOptions>>((o, z) => o.ExpireTimeSpan = TimeSpan.FromMinutes(z.Value.IdleTimeoutMinutes));
        // SessionValidation checks the security stamp on every request (logout, password reset, deactivation end the
        // session at once); Identity's own validator then only refreshes roles and claims once a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<LoginThrottle>();
        services.AddSingleton(_ => new PasswordBlocklist());

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.BackOffice, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.ManageUnits, p => p.RequireRole(Roles.PlatformAdmin, Roles.OpennessOffice))
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.PlatformAdmin, Roles.OpennessOffice, Roles.UnitAdmin))
            .AddPolicy(Policies.ManageSettings, p => p.RequireRole(Roles.PlatformAdmin))
            .AddPolicy(Policies.ManageSearch, p => p.RequireRole(Roles.PlatformAdmin, Roles.OpennessOffice));
        return services;
    }

    /// <summary>APIs answer 401/403 as problem details; pages redirect to the login page.</summary>
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            return WriteProblemAsync(ctx.HttpContext, status, status == 401 ? "未登录或登录已过期" : "没有权限执行此操作");
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Writes an RFC 7807 answer from middleware or authentication events, where TypedResults are not at hand.</summary>
    public static Task WriteProblemAsync(HttpContext http, int status, string title, string? detail = null)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: "application/problem+json");
    }
}

/// <summary>Adds the unit and display name to the cookie so scoping needs no database lookup per request.</summary>
public sealed class ZwgkClaimsPrincipalFactory(UserManager<ZwgkUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ZwgkUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ZwgkUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.UnitClaim, user.UnitId.ToString()));
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(SessionValidation.MustChangePasswordClaim, "1"));
        return identity;
    }
}
