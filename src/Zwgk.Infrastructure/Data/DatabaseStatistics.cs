using Microsoft.EntityFrameworkCore;

namespace Zwgk.Infrastructure.Data;

public static class DatabaseStatistics
{
    /// <summary>
    /// SQLite plans without statistics unless ANALYZE has run, and stale statistics (taken when a table was small) are
    /// worse: the portal benchmark measured 40x slower pages after a bulk load. A sampled ANALYZE (analysis_limit) takes
    /// well under a second even on a large database, so it runs at every start and after imports.
    /// PostgreSQL keeps its own statistics (autovacuum).
    /// </summary>
    public static async Task UpdateAsync(ZwgkDbContext db)
    {
        if (db.Provider != DatabaseProvider.Sqlite) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;");
    }
}
