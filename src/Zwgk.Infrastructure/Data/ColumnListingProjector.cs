using Microsoft.EntityFrameworkCore;

namespace Zwgk.Infrastructure.Data;

/// <summary>
/// Maintains <see cref="Domain.Catalog.ColumnListing"/>: for each public (published, 主动公开) document, a row for every
/// column it is filed under and each of their ancestors. One DELETE and one recursive INSERT … SELECT, valid on both
/// SQLite and PostgreSQL; call inside the transaction that changed the document.
/// </summary>
public sealed class ColumnListingProjector(ZwgkDbContext db)
{
    // Published = 4, Proactive = 1 (enum values stored as integers).
    private const string Insert = """
        WITH RECURSIVE anc("ColumnId", "AncestorId") AS (
            SELECT "Id", "Id" FROM "Columns"
            UNION
            SELECT anc."ColumnId", c."ParentId" FROM anc JOIN "Columns" c ON c."Id" = anc."AncestorId" WHERE c."ParentId" IS NOT NULL)
        INSERT INTO "ColumnListings" ("ColumnId", "DocumentId", "PublishedAt")
        SELECT DISTINCT anc."AncestorId", dc."DocumentId", d."PublishedAt"
        FROM "DocumentColumns" dc
        JOIN anc ON anc."ColumnId" = dc."ColumnId"
        JOIN "Documents" d ON d."Id" = dc."DocumentId"
        WHERE d."Status" = 4 AND d."Disclosure" = 1 AND d."PublishedAt" IS NOT NULL
        """;

    public async Task RefreshAsync(int documentId, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ColumnListings" WHERE "DocumentId" = {documentId}""", ct);
        await db.Database.ExecuteSqlRawAsync(Insert + """ AND dc."DocumentId" = {0}""", [documentId], ct);
    }

    /// <summary>Full rebuild: after the column tree changed shape, or when the projection is found empty.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ColumnListings" """, ct);
        await db.Database.ExecuteSqlRawAsync(Insert, ct);
    }
}
