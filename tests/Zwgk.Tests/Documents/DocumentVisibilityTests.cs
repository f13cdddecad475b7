using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Documents;

/// <summary>
/// The "publicly visible" rule (issue 9 §7) is one domain expression: every query that uses it — in SQL, in the
/// column-listing raw SQL, on relation lists and in memory — agrees on which documents the public may see.
/// </summary>
public abstract class DocumentVisibilityTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private static readonly DateTimeOffset At = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>One document per status × disclosure in unit A (all filed under one column, all with a PublishedAt).</summary>
    private async Task<(int UnitA, int UnitB, Dictionary<int, Document> Docs, int ColumnId)> SeedAsync()
    {
        var a = await Factory.CreateUnitAsync("甲局");
        var b = await Factory.CreateUnitAsync("乙局");
        var column = await Factory.ColumnIdAsync("qtwj");
        var docs = new List<Document>();
        await Factory.WithDbAsync(async db =>
        {
            foreach (var status in Enum.GetValues<DocumentStatus>())
                foreach (var disclosure in Enum.GetValues<DisclosureAttribute>())
                    docs.Add(new Document
                    {
                        Title = $"可见性{status}{disclosure}", OwnerUnitId = a.Id, Status = status, Disclosure = disclosure,
                        PublishedAt = At, CreatedAt = At, UpdatedAt = At,
                    });
            docs.Add(new Document { Title = "乙局草稿", OwnerUnitId = b.Id, Status = DocumentStatus.Draft, CreatedAt = At, UpdatedAt = At });
            db.Documents.AddRange(docs);
            await db.SaveChangesAsync();
            db.DocumentColumns.AddRange(docs.Select(d => new DocumentColumn { DocumentId = d.Id, ColumnId = column }));
            await db.SaveChangesAsync();
        });
        return (a.Id, b.Id, docs.ToDictionary(d => d.Id), column);
    }

    [Fact]
    public async Task Only_published_proactive_documents_are_public_in_sql_raw_sql_and_memory()
    {
        var (unitA, unitB, docs, column) = await SeedAsync();
        var expected = docs.Values.Where(d => d.Status == DocumentStatus.Published && d.Disclosure == DisclosureAttribute.Proactive).Select(d => d.Id).ToHashSet();
        Assert.Single(expected);
        Assert.Equal(expected, docs.Values.Where(d => d.IsPublic).Select(d => d.Id).ToHashSet());

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZwgkDbContext>();
            var ids = docs.Keys.ToList();
            var inSql = await db.Documents.Where(d => ids.Contains(d.Id)).Where(DocumentVisibility.IsPublic).Select(d => d.Id).ToListAsync();
            Assert.Equal(expected, inSql.ToHashSet());

            // Another unit's staff: their own documents plus A's public one, never A's drafts or withheld records.
            var forB = await db.Documents.Where(d => ids.Contains(d.Id)).Where(DocumentVisibility.OwnedByOrPublic(unitB)).Select(d => d.Id).ToListAsync();
            Assert.Equal(expected.Append(docs.Values.Single(d => d.OwnerUnitId == unitB).Id).ToHashSet(), forB.ToHashSet());
            var forA = await db.Documents.Where(d => ids.Contains(d.Id)).Where(DocumentVisibility.OwnedByOrPublic(unitA)).CountAsync();
            Assert.Equal(docs.Values.Count(d => d.OwnerUnitId == unitA), forA);

            // The column listing's raw SQL carries the same rule through the enum values.
            await sp.GetRequiredService<ColumnListingProjector>().RebuildAsync();
            var listed = await db.ColumnListings.Where(l => l.ColumnId == column && ids.Contains(l.DocumentId)).Select(l => l.DocumentId).ToListAsync();
            Assert.Equal(expected, listed.ToHashSet());
            return 0;
        });
    }

    [Fact]
    public async Task Document_page_lists_only_public_related_documents_in_both_directions()
    {
        var (_, _, docs, _) = await SeedAsync();
        var pub = docs.Values.Single(d => d.IsPublic);
        await Factory.WithDbAsync(async db =>
        {
            foreach (var other in docs.Values.Where(d => d.Id != pub.Id && d.OwnerUnitId == pub.OwnerUnitId))
            {
                db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = pub.Id, ToDocumentId = other.Id, Type = RelationType.Interprets });
                db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = other.Id, ToDocumentId = pub.Id, Type = RelationType.Interprets });
            }
            // A second public document related both ways must appear.
            var second = new Document { Title = "可见性公开的关联文件", OwnerUnitId = pub.OwnerUnitId, Status = DocumentStatus.Published, PublishedAt = At, CreatedAt = At, UpdatedAt = At };
            db.Documents.Add(second);
            await db.SaveChangesAsync();
            db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = pub.Id, ToDocumentId = second.Id, Type = RelationType.Interprets });
            db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = second.Id, ToDocumentId = pub.Id, Type = RelationType.Interprets });
            await db.SaveChangesAsync();
        });

        var html = await Factory.CreateClient().GetStringAsync($"/doc/{pub.Id}");
        Assert.Equal(2, CountOf(html, "可见性公开的关联文件"));
        foreach (var hidden in docs.Values.Where(d => d.Id != pub.Id && d.OwnerUnitId == pub.OwnerUnitId))
            Assert.DoesNotContain(hidden.Title, html);

        var hiddenPage = await Factory.CreateClient().GetAsync($"/doc/{docs.Values.First(d => !d.IsPublic).Id}");
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

public sealed class SqliteDocumentVisibilityTests() : DocumentVisibilityTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDocumentVisibilityTests() : DocumentVisibilityTests(DatabaseProvider.Postgres);
