using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;

namespace Zwgk.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Registers options, the DbContext for the configured provider, file storage and the 索引号 allocator.</summary>
    public static IServiceCollection AddZwgkInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZwgkOptions>().Bind(configuration.GetSection(ZwgkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZwgkOptions>, ZwgkOptionsValidator>();
        // Both contexts are registered and the provider is chosen when resolved, so settings applied after
        // registration (command line, test hosts) still take effect.
        services.AddDbContext<PostgresZwgkDbContext>((sp, o) => o.UseNpgsql(ConnectionString(sp, DatabaseProvider.Postgres), x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddDbContext<SqliteZwgkDbContext>((sp, o) => o.UseSqlite(ConnectionString(sp, DatabaseProvider.Sqlite), x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddScoped<ZwgkDbContext>(sp => sp.GetRequiredService<IOptions<ZwgkOptions>>().Value.Database == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresZwgkDbContext>()
            : sp.GetRequiredService<SqliteZwgkDbContext>());
        services.AddSingleton<ContentStore>();
        services.AddScoped<IndexNumberAllocator>();
        services.AddScoped<ColumnListingProjector>();
        return services;
    }

    private static string ConnectionString(IServiceProvider sp, DatabaseProvider provider)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Zwgk:Database=Postgres requires ConnectionStrings:Default");
        var dir = sp.GetRequiredService<IOptions<ZwgkOptions>>().Value.ResolvedDataDirectory;
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "zwgk.db")}";
    }
}

/// <summary>Design-time factories so `dotnet ef migrations add` builds each provider's migrations separately.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteZwgkDbContext>
{
    public SqliteZwgkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteZwgkDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresZwgkDbContext>
{
    public PostgresZwgkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresZwgkDbContext>().UseNpgsql("Host=localhost;Database=zwgk_design").Options);
}
