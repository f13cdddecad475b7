using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Documents;

public sealed class AttachmentTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<(HttpClient Client, int DocumentId)> DraftAsync()
    {
        var unit = await _factory.CreateUnitAsync("附件测试局");
        var client = await _factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var column = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Columns.Where(c => c.Slug == "qtwj").Select(c => c.Id).FirstAsync());
        var resp = await client.PostAsJsonAsync("/api/v1/admin/documents", new
        {
            title = "带附件的通知", ownerUnitId = unit.Id, issuerUnitIds = new[] { unit.Id }, columnIds = new[] { column }, writtenOn = "2026-02-01",
        });
        resp.EnsureSuccessStatusCode();
        return (client, (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    private static ByteArrayContent Bytes(byte[] b) => new(b) { Headers = { ContentType = new("application/octet-stream") } };

    [Fact]
    public async Task Files_are_stored_once_under_their_sha256_and_only_public_documents_serve_them()
    {
        var (client, id) = await DraftAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName=附件1.pdf", Bytes(pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName=附件1-副本.pdf", Bytes(pdf))).StatusCode);

        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var stored = Path.Combine(_factory.DataDirectory, "files", sha[..2], sha);
        Assert.True(File.Exists(stored));
        Assert.Single(Directory.GetFiles(Path.Combine(_factory.DataDirectory, "files"), "*", SearchOption.AllDirectories), f => !Path.GetFileName(f).StartsWith('.'));
        var rows = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Attachments.Where(a => a.DocumentId == id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(sha, r.Sha256));
        Assert.All(rows, r => Assert.Equal("application/pdf", r.ContentType));

        // Staff of the unit can download a draft's attachment; the public cannot.
        var url = $"/files/{rows[0].Id}/x.pdf";
        Assert.Equal(pdf, await client.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Content_that_does_not_match_its_extension_is_refused()
    {
        var (client, id) = await DraftAsync();
        var exe = new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0 };
        var resp = await client.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName=通知.pdf", Bytes(exe));
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Contains("文件内容与扩展名不符", await resp.Content.ReadAsStringAsync());

        var script = await client.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName=run.sh", Bytes("#!/bin/sh"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("不允许上传该类型的文件", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_files_are_refused_and_leave_nothing_behind()
    {
        var (client, id) = await DraftAsync();
        var big = new byte[51 * 1024 * 1024];
        "%PDF"u8.CopyTo(big);
        var resp = await client.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName=big.pdf", Bytes(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, resp.StatusCode);
        Assert.Contains("附件不能超过50MB", await resp.Content.ReadAsStringAsync());
        var files = Directory.Exists(Path.Combine(_factory.DataDirectory, "files"))
            ? Directory.GetFiles(Path.Combine(_factory.DataDirectory, "files"), "*", SearchOption.AllDirectories) : [];
        Assert.Empty(files);
    }
}
