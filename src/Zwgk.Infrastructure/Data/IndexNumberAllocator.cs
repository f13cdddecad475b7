using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data;

/// <summary>Assigns 索引号 from an atomic per-unit, per-year counter (one UPSERT … RETURNING statement).</summary>
public sealed class IndexNumberAllocator(ZwgkDbContext db, IOptions<ZwgkOptions> options)
{
    public IndexNumberRule Rule => options.Value.IndexNumber.ToRule();

    /// <summary>Gives the document an index number unless it has one (imported numbers are kept verbatim).</summary>
    public async Task EnsureAsync(Document document, Unit ownerUnit, DateTimeOffset publishedAt, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(document.IndexNumber)) return;
        var rule = Rule;
        var code = rule.UnitCode(ownerUnit) ?? ownerUnit.Code;
        var year = rule.Year(document, publishedAt);
        // A number can already be taken (a migrated document of the unit kept its old one): skip it rather than fail the
        // publication on the unique index. The counter only grows, so this ends after at most the number of taken values.
        string candidate;
        do candidate = rule.Format(code, year, await NextAsync(code, year, ct));
        while (await db.Documents.AnyAsync(d => d.IndexNumber == candidate && d.Id != document.Id, ct));
        document.IndexNumber = candidate;
    }

    public async Task<long> NextAsync(string unitCode, int year, CancellationToken ct = default)
    {
        // Both SQLite (3.35+) and PostgreSQL support INSERT … ON CONFLICT … RETURNING, so the increment is a single atomic statement.
        var values = await db.Database.SqlQuery<long>($"""
            INSERT INTO "IndexCounters" ("UnitCode", "Year", "Value") VALUES ({unitCode}, {year}, 1)
            ON CONFLICT ("UnitCode", "Year") DO UPDATE SET "Value" = "IndexCounters"."Value" + 1
            RETURNING "Value"
            """).ToListAsync(ct);
        return values[0];
    }
}
