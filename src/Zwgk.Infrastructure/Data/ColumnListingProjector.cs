using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;

namespace Zwgk.Infrastructure.Data;

/// <summary>
/// Maintains <see cref="Domain.Catalog.ColumnListing"/>: for each public (published, 主动公开) document, a row for every
/// column it is filed under and each of their ancestors. One DELETE and one recursive INSERT … SELECT, valid on both
/// SQLite and PostgreSQL; call inside the transaction that changed the document.
/// </summary>
public sealed class ColumnListingProjector(ZwgkDbContext db)
{
    // The DocumentVisibility.IsPublic rule in SQL: enums are stored as integers, and these are compile-time constants
    // (no user input), so interpolating them into the raw SQL is safe and keeps it in step with the enum.
    private static readonly string Insert = $$"""
        WITH RECURSIVE anc("ColumnId", "AncestorId") AS (
            SELECT "Id", "Id" FROM "Columns"
            UNION
            SELECT anc."ColumnId", c."ParentId" FROM anc JOIN "Columns" c ON c."Id" = anc."AncestorId" WHERE c."ParentId" IS NOT NULL)
        INSERT INTO "ColumnListings" ("ColumnId", "DocumentId", "PublishedAt")
        SELECT DISTINCT anc."AncestorId", dc."DocumentId", d."PublishedAt"
        FROM "DocumentColumns" dc
        JOIN anc ON anc."ColumnId" = dc."ColumnId"
        JOIN "Documents" d ON d."Id" = dc."DocumentId"
        WHERE d."Status" = {{(int)DocumentStatus.Published}} AND d."Disclosure" = {{(int)DisclosureAttribute.Proactive}} AND d."PublishedAt" IS NOT NULL
        """;

    private static readonly string InsertForDocument = Insert + """ AND dc."DocumentId" = {0}""";

    public async Task RefreshAsync(int documentId, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ColumnListings" WHERE "DocumentId" = {documentId}""", ct);
        await db.Database.ExecuteSqlRawAsync(InsertForDocument, [documentId], ct);
    }

    /// <summary>Full rebuild: after the column tree changed shape, or when the projection is found empty.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ColumnListings" """, ct);
        await db.Database.ExecuteSqlRawAsync(Insert, ct);
    }
}
