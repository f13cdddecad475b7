using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;

namespace Zwgk.Tests.Hosting;

/// <summary>Response headers on a real Kestrel server: HSTS only over HTTPS (direct or from a trusted proxy), no Server header.</summary>
public sealed class TransportHeaderTests
{
    private static (ZwgkFactory Factory, HttpClient Client) Start(params (string Key, string Value)[] settings)
    {
        var factory = new ZwgkFactory();
        foreach (var (k, v) in settings) factory.Settings[k] = v;
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (factory, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string? forwardedProto)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        req.Headers.Host = "zwgk.example.cn"; // HSTS is never sent to localhost
        if (forwardedProto is not null) req.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(req);
    }

    [Fact]
    public async Task Hsts_is_sent_when_a_trusted_proxy_forwards_https_and_no_server_header_is_sent()
    {
        var (factory, client) = Start();
        await using var _ = factory;
        var plain = await GetAsync(client, null);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Server"));

        var viaProxy = await GetAsync(client, "https"); // from 127.0.0.1: a proxy on the same machine is trusted by default
        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.StartsWith("max-age=31536000", viaProxy.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(viaProxy.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_untrusted_address_is_ignored()
    {
        var (factory, client) = Start(("Zwgk:Proxy:KnownProxies:0", "10.20.30.40"), ("Zwgk:Proxy:KnownNetworks:0", "192.168.8.0/24"));
        await using var _ = factory;
        var resp = await GetAsync(client, "https");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.False(resp.Headers.Contains("Strict-Transport-Security"));
        var forwarded = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.20.30.40")], forwarded.KnownProxies);
        Assert.Equal("192.168.8.0/24", Assert.Single(forwarded.KnownIPNetworks).ToString());
    }
}

public sealed class BodySanitizingTests
{
    [Theory]
    [InlineData("<a href=\"https://www.gov.cn/\" target=\"_blank\">国务院</a>", "noopener noreferrer")]
    [InlineData("<a href=\"https://www.gov.cn/\" target=\"_BLANK\" rel=\"external\">国务院</a>", "external noopener noreferrer")]
    public void Links_that_open_a_new_tab_get_noopener(string html, string rel)
    {
        var clean = HtmlSanitizing.Create().Sanitize(html);
        Assert.Contains($"rel=\"{rel}\"", clean);
    }

    [Fact]
    public void Links_in_the_same_tab_are_left_alone() =>
        Assert.DoesNotContain("rel=", HtmlSanitizing.Create().Sanitize("<a href=\"/doc/1\">本站文件</a>"));
}

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Zwgk:IndexNumber:SerialWidth", "9", "Zwgk:IndexNumber:SerialWidth（索引号序号位数）只能为5或7")]
    [InlineData("Zwgk:Proxy:KnownProxies:0", "not-an-address", "not-an-address")]
    [InlineData("Zwgk:Proxy:KnownNetworks:0", "10.0.0.0/99", "Zwgk:Proxy:KnownNetworks 中的“10.0.0.0/99”不是有效的网段")]
    [InlineData("Zwgk:MaxAttachmentMegabytes", "0", "MaxAttachmentMegabytes")]
    [InlineData("Zwgk:Search:PollSeconds", "0", "PollSeconds")]
    public async Task The_host_refuses_to_start_with_an_invalid_nested_setting(string key, string value, string named)
    {
        await using var factory = new ZwgkFactory();
        factory.Settings[key] = value;
        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);
        var validation = Assert.IsType<OptionsValidationException>(ex is AggregateException agg ? agg.Flatten().InnerExceptions.Single() : ex);
        Assert.Contains(named, validation.Message);
    }
}

public sealed class OpenApiSchemaTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string? SuccessSchema(JsonElement paths, string path, string method, string status = "200")
    {
        var content = paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).GetProperty("content");
        var schema = content.GetProperty("application/json").GetProperty("schema");
        return schema.TryGetProperty("$ref", out var r) ? r.GetString() : null;
    }

    [Fact]
    public async Task Admin_write_calls_describe_their_responses_with_schemas()
    {
        var doc = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var id = schemas.GetProperty("IdResponse");
        Assert.Contains("integer", id.GetProperty("properties").GetProperty("id").GetProperty("type").ToString());
        Assert.True(schemas.TryGetProperty("HotWordResponse", out _));
        Assert.True(schemas.TryGetProperty("ReindexResponse", out _));
        Assert.True(schemas.TryGetProperty("MeResponse", out _));

        var paths = doc.GetProperty("paths");
        Assert.Equal("#/components/schemas/IdResponse", SuccessSchema(paths, "/api/v1/admin/documents", "post", "201"));
        Assert.Equal("#/components/schemas/IdResponse", SuccessSchema(paths, "/api/v1/admin/documents/{id}", "put"));
        Assert.Equal("#/components/schemas/IdResponse", SuccessSchema(paths, "/api/v1/admin/documents/{id}/approve", "post"));
        Assert.Equal("#/components/schemas/IdResponse", SuccessSchema(paths, "/api/v1/admin/documents/{id}/attachments", "post"));
        Assert.Equal("#/components/schemas/IdResponse", SuccessSchema(paths, "/api/v1/admin/search/terms/{id}", "delete"));
        Assert.Equal("#/components/schemas/HotWordResponse", SuccessSchema(paths, "/api/v1/admin/search/hotwords", "post"));
        Assert.Equal("#/components/schemas/ReindexResponse", SuccessSchema(paths, "/api/v1/admin/search/reindex", "post"));
    }
}
