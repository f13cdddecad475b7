using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Zwgk.Bench.Seed;

// Bulk generator of published government documents for the portal benchmark.
// Usage: Zwgk.Bench.Seed --db PATH/zwgk.db [--count 100000] [--seed 20240601] [--env-out FILE]
// The database must already exist: start the web app once so it applies migrations and seeds units and columns.

var options = SeedOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Zwgk.Bench.Seed --db PATH/zwgk.db [--count N] [--seed N] [--env-out FILE] [--list-column SLUG]");
    return 2;
}
if (!File.Exists(options.DatabasePath))
{
    Console.Error.WriteLine($"database not found: {options.DatabasePath} (start the web app once to create it)");
    return 2;
}

var total = Stopwatch.StartNew();
using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
{
    DataSource = options.DatabasePath,
    Mode = SqliteOpenMode.ReadWrite,
    Pooling = false,
}.ToString());
connection.Open();

Catalog catalog;
try
{
    catalog = Catalog.Load(connection);
    Schema.Read(connection, null); // fails here, before anything is written, if the schema is one the generator does not know
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

// Bulk-load settings; the app must be stopped. A WAL database would have every page written twice (to the WAL, then
// checkpointed), so the load runs without a journal and the original journal mode is restored afterwards. Without a
// journal a failure part-way cannot be rolled back: start again from a fresh data directory (run.sh always does).
var journalMode = Catalog.Scalar<string>(connection, "PRAGMA journal_mode");
Exec(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;");
var generator = new DocumentGenerator(catalog, new Random(options.Seed), DateTime.UtcNow);
int inserted;
try
{
    using var tx = connection.BeginTransaction();
    inserted = Inserter.Insert(connection, tx, generator, options.Count, catalog.Columns);
    tx.Commit();
}
finally
{
    Exec(connection, $"PRAGMA journal_mode = {journalMode};");
}
var insertSeconds = total.Elapsed.TotalSeconds;

// Facts the benchmark scripts need: id range, the large list column and its size.
var stats = Stats.Read(connection, options.ListColumnSlug);
total.Stop();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generated and inserted {inserted:N0} documents in {insertSeconds:F1}s wall, {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1}s CPU"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"public documents: {stats.PublicDocuments:N0} (ids {stats.MinId}..{stats.MaxId}); column {stats.ListColumnSlug} #{stats.ListColumnId} {stats.ListColumnName}: {stats.ListColumnDocuments:N0} documents; relations: {generator.Relations.Count:N0}"));

if (options.EnvOut is { } envOut)
{
    File.WriteAllText(envOut, string.Join('\n', stats.ToEnv().Select(kv => $"{kv.Key}={kv.Value}")) + "\n");
}
return 0;

static void Exec(SqliteConnection connection, string sql)
{
    using var cmd = connection.CreateCommand();
    cmd.CommandText = sql;
    cmd.ExecuteNonQuery();
}

internal sealed record SeedOptions(string DatabasePath, int Count, int Seed, string? EnvOut, string ListColumnSlug)
{
    public static SeedOptions? Parse(string[] args)
    {
        string? db = null, envOut = null, slug = "qtwj";
        int count = 100_000, seed = 20240601;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db": db = Next(); break;
                case "--count": count = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--env-out": envOut = Next(); break;
                case "--list-column": slug = Next(); break;
                default: return null;
            }
        }
        return db is null || count < 1 ? null : new SeedOptions(Path.GetFullPath(db), count, seed, envOut, slug);
    }
}
