using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Tests.Support;

/// <summary>A clock tests can move.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
    /// <summary>Moves the clock to 10:00 China time on <paramref name="day"/>.</summary>
    public void SetChinaDate(DateOnly day) => _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}

/// <summary>
/// Hosts the real app on a private data directory and a private database: SQLite in a temp folder, or a fresh
/// PostgreSQL database on the server named by ZWGK_TEST_PG (scripts/test.sh starts it).
/// </summary>
public class ZwgkFactory : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider { get; }
    public bool LoadDemo { get; init; }
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "zwgk-tests", Guid.NewGuid().ToString("N"));
    /// <summary>Leave the data directory and database in place on dispose (a later factory restarts on them).</summary>
    public bool KeepStorage { get; set; }
    /// <summary>Extra settings (key → value) applied to the host.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly string? _pgDatabase;
    private readonly string _connectionString;

    public static string PostgresServer => Environment.GetEnvironmentVariable("ZWGK_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=zwgk;Password=zwgk;Database=postgres";

    public ZwgkFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, bool loadDemo = false)
        : this(provider, loadDemo, null) { }

    /// <summary>A host on the storage of <paramref name="restartOf"/> (which must have <see cref="KeepStorage"/> set): a restart.</summary>
    public ZwgkFactory(ZwgkFactory restartOf) : this(restartOf.Provider, restartOf.LoadDemo, restartOf) { }

    /// <summary>Another app node on the same PostgreSQL database with its own data directory (and so its own search index).
    /// It never drops the database: the first node owns it.</summary>
    public static ZwgkFactory SecondNode(ZwgkFactory first) => new(first.Provider, first.LoadDemo, first, sameDataDirectory: false);

    private readonly bool _ownsDatabase = true;

    private ZwgkFactory(DatabaseProvider provider, bool loadDemo, ZwgkFactory? restartOf, bool sameDataDirectory = true)
    {
        Provider = provider;
        LoadDemo = loadDemo;
        if (restartOf is not null)
        {
            if (sameDataDirectory) DataDirectory = restartOf.DataDirectory;
            else
            {
                if (provider != DatabaseProvider.Postgres) throw new InvalidOperationException("Several nodes share a PostgreSQL database");
                Directory.CreateDirectory(DataDirectory);
                _ownsDatabase = false;
            }
            _pgDatabase = restartOf._pgDatabase;
            _connectionString = restartOf._connectionString;
            Clock = restartOf.Clock;
            return;
        }
        Directory.CreateDirectory(DataDirectory);
        if (provider == DatabaseProvider.Postgres)
        {
            _pgDatabase = "zwgk_test_" + Guid.NewGuid().ToString("N")[..12];
            using var conn = new NpgsqlConnection(PostgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_pgDatabase}\"", conn);
            cmd.ExecuteNonQuery();
            _connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _pgDatabase, Pooling = false }.ConnectionString;
        }
        else
        {
            _connectionString = $"Data Source={Path.Combine(DataDirectory, "zwgk.db")}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Zwgk:DataDirectory", DataDirectory);
        builder.UseSetting("Zwgk:Database", Provider.ToString());
        builder.UseSetting("Zwgk:LoadDemoContent", LoadDemo ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        // Only used when a test starts a real Kestrel server: a free loopback port instead of the configured *:5000.
        builder.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepStorage) return;
        if (_pgDatabase is not null && _ownsDatabase)
        {
            await using var conn = new NpgsqlConnection(PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<ZwgkDbContext, Task> action) => WithScopeAsync(async sp => { await action(sp.GetRequiredService<ZwgkDbContext>()); return 0; });

    public async Task<Unit> CreateUnitAsync(string name, UnitKind kind = UnitKind.Department)
    {
        var unit = new Unit { Code = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), Name = name + "-" + Guid.NewGuid().ToString("N")[..6], Kind = kind, SortOrder = 50 };
        await WithDbAsync(async db => { db.Units.Add(unit); await db.SaveChangesAsync(); });
        return unit;
    }

    public const string Password = "Zwgk-test-2026";

    public async Task<ZwgkUser> CreateUserAsync(int unitId, params string[] roles)
    {
        return await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ZwgkUser>>();
            var user = new ZwgkUser { UserName = "u" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试用户", UnitId = unitId, CreatedAt = DateTimeOffset.UtcNow };
            var r = await users.CreateAsync(user, Password);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join(";", r.Errors.Select(e => e.Description)));
            foreach (var role in roles) await users.AddToRoleAsync(user, role);
            return user;
        });
    }

    /// <summary>An HttpClient signed in as a new user of the unit with the given roles.</summary>
    public async Task<HttpClient> LoginAsync(int unitId, params string[] roles) => await LoginAsync(await CreateUserAsync(unitId, roles));

    /// <summary>An HttpClient signed in as an existing user (e.g. again, after the test clock moved past the idle timeout).</summary>
    public async Task<HttpClient> LoginAsync(ZwgkUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var resp = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.UserName, password = Password });
        resp.EnsureSuccessStatusCode();
        return client;
    }
}
