using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Security.Pages;

namespace Zwgk.Tests.Security;

public sealed class ReturnUrlTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("/admin/documents\u0001")]
    [InlineData("/admin\r\nSet-Cookie: x=1")]
    [InlineData("/admin／documents")]          // full-width solidus
    [InlineData("/ａｄｍｉｎ")]
    [InlineData("/admin/文件")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/admin/logout")]
    [InlineData("/admin/documents?q=%zz")]
    public async Task Signing_in_with_a_malformed_return_url_goes_to_the_dashboard(string returnUrl)
    {
        var unit = await _factory.CreateUnitAsync("跳转测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var resp = await Forms.PostAsync(client, "/admin/login", "/admin/login",
            [new("Input.UserName", user.UserName!), new("Input.Password", ZwgkFactory.Password), new("ReturnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal("/admin", resp.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_escaped_return_url_is_followed()
    {
        var unit = await _factory.CreateUnitAsync("跳转测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string target = "/admin/documents?q=%E6%94%BF%E5%8A%A1&status=Draft";
        var resp = await Forms.PostAsync(client, "/admin/login", "/admin/login",
            [new("Input.UserName", user.UserName!), new("Input.Password", ZwgkFactory.Password), new("ReturnUrl", target)]);
        Assert.Equal(target, resp.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/admin", "/admin")]
    [InlineData("/search?q=%E6%94%BF", "/search?q=%E6%94%BF")]
    [InlineData(null, "/admin")]
    [InlineData("", "/admin")]
    [InlineData("/admin\t", "/admin")]
    [InlineData("/admin\u3000", "/admin")]
    public void Safe_return_urls(string? input, string expected) => Assert.Equal(expected, LoginModel.SafeReturnUrl(input));
}
