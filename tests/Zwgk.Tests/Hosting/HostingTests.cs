using System.Net;
using System.Text.Json;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Hosting;

public sealed class HostingTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(loadDemo: true);
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Healthz_reports_database_and_storage()
    {
        var json = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/healthz")).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Care_mode_returns_to_a_page_whose_address_has_chinese_characters()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var resp = await client.GetAsync("/care?on=1&returnUrl=" + Uri.EscapeDataString("/search?q=政务公开"));
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Equal("/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80", resp.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OpenApi_describes_the_json_api()
    {
        var json = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = json.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/documents/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/admin/documents/{id}/approve", out _));
        Assert.True(paths.TryGetProperty("/api/v1/search", out _) || paths.TryGetProperty("/api/v1/search/", out _));
        Assert.True(paths.TryGetProperty("/api/v1/search/suggest", out _));
    }

    [Fact]
    public async Task Demo_content_shows_the_three_seeds_as_public_documents()
    {
        var client = _factory.CreateClient();
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/documents?pageSize=50")).RootElement;
        // The interpretation demo (a policy, its interpretations and a policy still without one) is counted apart.
        var items = list.GetProperty("items").EnumerateArray()
            .Where(i => !Zwgk.Web.Features.Interpretations.Demo.InterpretationDemo.Titles.Contains(i.GetProperty("title").GetString())).ToList();
        var numbers = items.Select(i => i.GetProperty("documentNumber").GetString()).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(3 + Zwgk.Web.Features.Interpretations.Demo.InterpretationDemo.Titles.Length, list.GetProperty("total").GetInt32());
        Assert.Contains("市中政办字〔2021〕11号", numbers);
        Assert.Contains("市中政办发〔2024〕3号", numbers);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("政务公开工作要点", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Security_headers_are_sent()
    {
        var resp = await _factory.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", resp.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", resp.Headers.GetValues("Content-Security-Policy").Single());
    }
}
