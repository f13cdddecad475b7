using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Documents;

/// <summary>索引号 squatting (issue 9 §1.3): hand-entered numbers carry the unit's own code; publication never fails on a clash.</summary>
public abstract class IndexNumberSquattingTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private async Task<string?> IndexOfAsync(int id)
    {
        string? ix = null;
        await Factory.WithDbAsync(async db => ix = await db.Documents.Where(d => d.Id == id).Select(d => d.IndexNumber).FirstAsync());
        return ix;
    }

    [Fact]
    public async Task Another_units_next_number_is_refused_when_typed_and_final_approval_never_fails()
    {
        var a = await Factory.CreateUnitAsync("甲局");
        var b = await Factory.CreateUnitAsync("乙局");
        var adminA = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var editorB = await Factory.LoginAsync(b.Id, Roles.Editor);
        string Next(int serial) => $"{a.Code}/2026-{serial:0000000}";

        // The attack: B's editor types A's next 索引号 into a draft, by the API and by the form.
        var squat = await Factory.DraftAsync(b.Id, "抢占索引号的草稿");
        squat["indexNumber"] = Next(1);
        var resp = await editorB.PostAsJsonAsync("/api/v1/admin/documents", squat);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        var message = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("IndexNumber")[0].GetString();
        Assert.Contains($"索引号须以本单位代码“{b.Code}/”开头", message);
        var form = await PostFormAsync(editorB, "/admin/documents/new", null,
            [new("Input.Title", "抢占索引号的草稿"), new("Input.OwnerUnitId", b.Id.ToString()), new("Input.IndexNumber", Next(1)), new("Input.Disclosure", "Proactive")]);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("索引号须以本单位代码", await form.Content.ReadAsStringAsync());
        var ownDraft = await CreateAsync(editorB, await Factory.DraftAsync(b.Id, "乙局的草稿"));
        var put = await editorB.PutAsJsonAsync($"/api/v1/admin/documents/{ownDraft}", squat);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);

        // A's publications take their numbers.
        var first = await Factory.CreateAndPublishAsync(adminA, a.Id, await Factory.DraftAsync(a.Id, "甲局第一份文件"));
        Assert.Equal(Next(1), await IndexOfAsync(first));

        // Data written before this check (or a squatted number that slipped in) no longer breaks A's final approval.
        await Factory.WithDbAsync(async db =>
        {
            var doc = await db.Documents.SingleAsync(d => d.Id == ownDraft);
            doc.IndexNumber = Next(2);
            await db.SaveChangesAsync();
        });
        var second = await CreateAsync(adminA, await Factory.DraftAsync(a.Id, "甲局第二份文件"));
        await Factory.PublishAsync(adminA, a.Id, second); // asserts 200 at every level, the last one included
        Assert.Equal(Next(3), await IndexOfAsync(second));
    }

    [Fact]
    public async Task A_migrated_document_keeps_its_own_units_number_and_later_publications_skip_it()
    {
        var a = await Factory.CreateUnitAsync("丙局");
        var admin = await Factory.LoginAsync(a.Id, Roles.UnitAdmin);
        var migrated = await Factory.DraftAsync(a.Id, "迁移的旧文件");
        migrated["indexNumber"] = $"{a.Code}/2026-0000001";
        var id = await CreateAsync(admin, migrated);
        var duplicate = await Factory.DraftAsync(a.Id, "重复的索引号");
        duplicate["indexNumber"] = $"{a.Code}/2026-0000001";
        var dup = await admin.PostAsJsonAsync("/api/v1/admin/documents", duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        Assert.Contains("已被其他文件使用", await dup.Content.ReadAsStringAsync());

        var fresh = await Factory.CreateAndPublishAsync(admin, a.Id, await Factory.DraftAsync(a.Id, "新发布的文件"));
        Assert.Equal($"{a.Code}/2026-0000002", await IndexOfAsync(fresh));
        await Factory.PublishAsync(admin, a.Id, id);
        Assert.Equal($"{a.Code}/2026-0000001", await IndexOfAsync(id));
    }
}

public sealed class SqliteIndexNumberSquattingTests() : IndexNumberSquattingTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexNumberSquattingTests() : IndexNumberSquattingTests(DatabaseProvider.Postgres);
