using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Hosting;

/// <summary>
/// Zwgk:MaxAttachmentMegabytes is the one upload limit on a real Kestrel server (whose own default, ~28.6 MB, used to
/// refuse larger attachments first with a 500 or a bare 400).
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private const int LimitMb = 35;
    private readonly ZwgkFactory _factory = new() { Settings = { ["Zwgk:MaxAttachmentMegabytes"] = LimitMb.ToString() } };
    private HttpClient _client = null!;
    private int _documentId;

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        var unit = await _factory.CreateUnitAsync("上传测试局");
        var user = await _factory.CreateUserAsync(unit.Id, Roles.UnitAdmin);
        (await _client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = ZwgkFactory.Password })).EnsureSuccessStatusCode();
        int column = 0;
        await _factory.WithDbAsync(async db => column = await db.Columns.Where(c => c.Slug == "qtwj").Select(c => c.Id).FirstAsync());
        var created = await _client.PostAsJsonAsync("/api/v1/admin/documents", new
        {
            title = "大附件测试", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id }, columnIds = new[] { column }, writtenOn = "2026-02-01",
        });
        created.EnsureSuccessStatusCode();
        _documentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private static byte[] Text(int megabytes, int extraBytes = 0)
    {
        var b = new byte[megabytes * 1024 * 1024 + extraBytes];
        Array.Fill(b, (byte)'a');
        return b;
    }

    private Task<int> AttachmentCountAsync() =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Attachments.CountAsync(a => a.DocumentId == _documentId));

    [Fact]
    public async Task The_api_takes_files_up_to_the_setting_and_answers_413_above_it()
    {
        var ok = await _client.PostAsync($"/api/v1/admin/documents/{_documentId}/attachments?fileName=big.txt",
            new ByteArrayContent(Text(32)) { Headers = { ContentType = new("application/octet-stream") } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, await AttachmentCountAsync());

        var tooBig = await _client.PostAsync($"/api/v1/admin/documents/{_documentId}/attachments?fileName=huge.txt",
            new ByteArrayContent(Text(LimitMb, 1)) { Headers = { ContentType = new("application/octet-stream") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
        var problem = await tooBig.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains($"附件不能超过{LimitMb}MB", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await AttachmentCountAsync());
    }

    private async Task<HttpResponseMessage> PostPageAsync(byte[] file)
    {
        var token = await Security.Forms.TokenAsync(_client, $"/admin/documents/{_documentId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "files", "大附件.txt" },
        };
        return await _client.PostAsync($"/admin/documents/{_documentId}?handler=Attach", form);
    }

    [Fact]
    public async Task The_page_takes_files_up_to_the_setting_and_explains_the_limit_above_it()
    {
        var ok = await PostPageAsync(Text(32));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal($"/admin/documents/{_documentId}", ok.Headers.Location!.OriginalString);
        Assert.Equal(1, await AttachmentCountAsync());

        var tooBig = await PostPageAsync(Text(LimitMb + 2));
        Assert.Equal(HttpStatusCode.SeeOther, tooBig.StatusCode);
        Assert.Equal($"/admin/documents/{_documentId}", tooBig.Headers.Location!.OriginalString);
        var shown = await _client.GetStringAsync(tooBig.Headers.Location.OriginalString);
        Assert.Contains($"附件不能超过{LimitMb}MB", shown);
        Assert.Equal(1, await AttachmentCountAsync());

        // Just over the limit but inside the form's framing allowance: the store's own check answers, on the page
        // (re-rendered with the message, as every refused form is, with 400).
        var justOver = await PostPageAsync(Text(LimitMb, 10));
        Assert.Equal(HttpStatusCode.BadRequest, justOver.StatusCode);
        Assert.Contains("文件超过大小限制", await justOver.Content.ReadAsStringAsync());
        Assert.Equal(1, await AttachmentCountAsync());
    }
}
