using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Audit;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Site;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Infrastructure.Data;

/// <summary>The one DbContext. Provider-specific subclasses exist only so each provider has its own migrations.</summary>
public abstract class ZwgkDbContext(DbContextOptions options) : IdentityDbContext<ZwgkUser>(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentIssuer> DocumentIssuers => Set<DocumentIssuer>();
    public DbSet<DocumentColumn> DocumentColumns => Set<DocumentColumn>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<ReviewRecord> ReviewRecords => Set<ReviewRecord>();
    public DbSet<Column> Columns => Set<Column>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<IndexCounter> IndexCounters => Set<IndexCounter>();
    public DbSet<ColumnListing> ColumnListings => Set<ColumnListing>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ZwgkDbContext).Assembly);
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class SqliteZwgkDbContext(DbContextOptions<SqliteZwgkDbContext> options) : ZwgkDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no native timestamp type; storing UTC ticks keeps ordering and comparisons in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresZwgkDbContext(DbContextOptions<PostgresZwgkDbContext> options) : ZwgkDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class DateTimeOffsetToUtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
