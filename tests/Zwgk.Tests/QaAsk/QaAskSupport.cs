using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Qa;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.QaAsk;

/// <summary>Q&amp;A entries written straight into the database (the admin that writes them is another feature's).</summary>
public static class QaRows
{
    public static async Task<QaItem> AddAsync(ZwgkFactory f, string question, string answer, int? unitId = null, string? unitName = null,
        string? basis = null, int? basisDocumentId = null, string? alternatives = null, QaStatus status = QaStatus.Published)
    {
        var now = f.Clock.GetUtcNow();
        var item = new QaItem
        {
            Question = question, Answer = answer, UnitId = unitId, UnitNameAsWritten = unitName, Basis = basis, BasisDocumentId = basisDocumentId,
            Alternatives = alternatives, Status = status, PublishedAt = status == QaStatus.Published ? now : null, ConfirmedAt = now,
            CreatedAt = now, UpdatedAt = now, CreatedBy = "测试",
        };
        await f.WithDbAsync(async db => { db.QaItems.Add(item); await db.SaveChangesAsync(); });
        return item;
    }

    public static async Task<Document> AddDocumentAsync(ZwgkFactory f, int unitId, string title, Validity validity = Validity.InForce)
    {
        var now = f.Clock.GetUtcNow();
        var d = new Document
        {
            Title = title, OwnerUnitId = unitId, Validity = validity, Status = DocumentStatus.Published, PublishedAt = now, BodyHtml = "<p>正文</p>",
            ExpiresOn = validity is Validity.Abolished or Validity.Expired ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1) : null,
            CreatedAt = now, UpdatedAt = now,
        };
        await f.WithDbAsync(async db => { db.Documents.Add(d); await db.SaveChangesAsync(); });
        return d;
    }

    public static async Task<JsonElement> MatchAsync(HttpClient client, string q, int? top = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var url = "/api/v1/qa/match?q=" + Uri.EscapeDataString(q) + (top is { } t ? "&top=" + t : "");
        var r = await client.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {(int)expected}, got {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static int[] Ids(JsonElement result) => result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();

    public static Task<T> DbAsync<T>(ZwgkFactory f, Func<ZwgkDbContext, Task<T>> action) => f.WithScopeAsync(sp => action(sp.GetRequiredService<ZwgkDbContext>()));
}
