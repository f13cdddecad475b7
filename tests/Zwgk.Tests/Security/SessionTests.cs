using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Security;

/// <summary>Sessions end when they should (logout, issued passwords), for pages and the API alike.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    /// <summary>A client that sends exactly the given cookie header and keeps nothing.</summary>
    private HttpClient Replay(string cookie)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("zwgk.auth="));

    [Fact]
    public async Task A_copied_cookie_stops_working_once_its_session_logs_out()
    {
        var unit = await _factory.CreateUnitAsync("退出测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = _factory.CreateClient(NoRedirects);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = ZwgkFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var copy = Replay(AuthCookie(login));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/admin/documents")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var replayed = await copy.GetAsync("/api/v1/admin/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("application/problem+json", replayed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await copy.GetAsync("/admin/documents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_issued_password_closes_the_admin_api_and_pages_until_it_is_changed()
    {
        var unit = await _factory.CreateUnitAsync("改密测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.UnitAdmin);
        await _factory.WithDbAsync(async db => await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true)));
        var client = _factory.CreateClient(NoRedirects);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = ZwgkFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mustChangePassword").GetBoolean());

        foreach (var url in new[] { "/api/v1/admin/documents", "/api/v1/admin/search/terms" })
        {
            var api = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("修改", problem.GetProperty("title").GetString());
            Assert.Contains("初始密码", problem.GetProperty("detail").GetString());
        }
        var create = await client.PostAsJsonAsync("/api/v1/admin/documents", new { title = "不应创建", ownerUnitId = unit.Id });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        var page = await client.GetAsync("/admin/documents?status=Draft");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/account/password?returnUrl=" + Uri.EscapeDataString("/admin/documents?status=Draft"), page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        // Changing the password on the page opens everything, in the same session.
        const string newPassword = "Hq7#vLm2!zr";
        var changed = await Forms.PostAsync(client, "/admin/account/password", "/admin/account/password", [
            new("Input.OldPassword", ZwgkFactory.Password), new("Input.NewPassword", newPassword), new("Input.ConfirmPassword", newPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/documents")).StatusCode);
    }

    [Fact]
    public async Task An_issued_password_set_during_a_session_takes_effect_at_the_next_request()
    {
        var unit = await _factory.CreateUnitAsync("重置测试局");
        var client = await _factory.LoginAsync(unit.Id, Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/admin/documents")).StatusCode);
        var me = await (await client.GetAsync("/api/v1/auth/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(me.GetProperty("mustChangePassword").GetBoolean());
        await _factory.WithDbAsync(async db => await db.Users.Where(u => u.UnitId == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/documents")).StatusCode);
    }

    [Fact]
    public async Task Failed_password_changes_are_audited_without_the_passwords()
    {
        var unit = await _factory.CreateUnitAsync("改密审计局");
        var client = await _factory.LoginAsync(unit.Id, Roles.Editor);
        var wrongOld = await Forms.PostAsync(client, "/admin/account/password", "/admin/account/password", [
            new("Input.OldPassword", "Not-my-pass-11"), new("Input.NewPassword", "Hq7#vLm2!zr"), new("Input.ConfirmPassword", "Hq7#vLm2!zr")]);
        Assert.Equal(HttpStatusCode.OK, wrongOld.StatusCode);
        Assert.Contains("原密码不正确", await wrongOld.Content.ReadAsStringAsync());
        var common = await Forms.PostAsync(client, "/admin/account/password", "/admin/account/password", [
            new("Input.OldPassword", ZwgkFactory.Password), new("Input.NewPassword", "P@ssw0rd2024"), new("Input.ConfirmPassword", "P@ssw0rd2024")]);
        Assert.Contains("过于常见", await common.Content.ReadAsStringAsync());

        var audits = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().AuditEntries
            .Where(a => a.Action == "account.password.change-failed").Select(a => a.Summary).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, a => a.Contains("原密码不正确"));
        Assert.Contains(audits, a => a.Contains("过于常见"));
        Assert.DoesNotContain(audits, a => a.Contains("Not-my-pass-11") || a.Contains("Hq7#vLm2!zr") || a.Contains("P@ssw0rd2024") || a.Contains(ZwgkFactory.Password));
    }
}
