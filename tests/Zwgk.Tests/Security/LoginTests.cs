using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Identity;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Security;

public sealed class LoginTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password()
    {
        var unit = await _factory.CreateUnitAsync("锁定测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = _factory.CreateClient();
        for (int i = 0; i < 5; i++)
        {
            var bad = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = "Wrong-pass-1" });
            Assert.True(bad.StatusCode is HttpStatusCode.Unauthorized or (HttpStatusCode)423, $"attempt {i + 1}: {bad.StatusCode}");
        }
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = ZwgkFactory.Password });
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("账号已锁定", await locked.Content.ReadAsStringAsync());

        var lockoutEnd = await _factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ZwgkUser>>().FindByIdAsync(user.Id))!.LockoutEnd);
        Assert.NotNull(lockoutEnd);
        var now = _factory.Clock.GetUtcNow();
        Assert.InRange((lockoutEnd!.Value - now).TotalMinutes, 14, 15.01);

        // After the lockout expires the right password works again.
        _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var ok = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = ZwgkFactory.Password });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var audits = await _factory.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().AuditEntries
            .Where(a => a.Action.StartsWith("account.")).Select(a => a.Action + " " + a.Summary).ToListAsync());
        Assert.Contains(audits, a => a.StartsWith("account.locked"));
        Assert.DoesNotContain(audits, a => a.Contains("Wrong-pass-1") || a.Contains(ZwgkFactory.Password));
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var unit = await _factory.CreateUnitAsync("消息测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = _factory.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-here", password = "Whatever-1" });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = "Whatever-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("short1A")]       // too short
    [InlineData("alllowercase1")] // two classes
    [InlineData("ALLUPPER-CASE")] // two classes
    public async Task Weak_passwords_are_refused(string password)
    {
        var unit = await _factory.CreateUnitAsync("密码测试局");
        var result = await _factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<ZwgkUser>>()
            .CreateAsync(new ZwgkUser { UserName = "p" + Guid.NewGuid().ToString("N")[..8], DisplayName = "x", UnitId = unit.Id }, password));
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Matches("[\u4e00-\u9fff]", e.Description));
    }

    [Fact]
    public void Generated_passwords_satisfy_the_policy()
    {
        for (int i = 0; i < 200; i++) Assert.Null(PasswordPolicy.Check(PasswordPolicy.Generate()));
    }

    [Fact]
    public async Task Admin_pages_and_apis_require_sign_in()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/admin/documents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", page.Headers.Location!.PathAndQuery);
        var api = await client.GetAsync("/api/v1/admin/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_first_start_creates_one_admin_with_a_random_password()
    {
        var admins = await _factory.WithScopeAsync(async sp => await sp.GetRequiredService<UserManager<ZwgkUser>>().GetUsersInRoleAsync(Roles.PlatformAdmin));
        var admin = Assert.Single(admins);
        Assert.Equal("admin", admin.UserName);
        Assert.True(admin.MustChangePassword);
        Assert.NotNull(admin.PasswordHash);
        Assert.StartsWith("AQAAAA", admin.PasswordHash); // ASP.NET Core Identity v3 hash format
    }
}

public sealed class SessionOptionsTests
{
    [Fact]
    public async Task Back_office_sessions_expire_after_the_configured_idle_time_and_slide_with_activity()
    {
        await using var factory = new ZwgkFactory();
        var options = factory.WithWebHostBuilder(b => b.UseSetting("Zwgk:IdleTimeoutMinutes", "12")).Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(12), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, options.Cookie.SameSite);
    }
}
