// Annual report benchmark: generates N cases (default 100,000) over 30 units and two years into a fresh database, then
// times the district annual report computation (AnnualReportQuery.ComputeAsync: the GROUP BY query and the computation the
// page and the API run) and one unit's report.
//
//   dotnet run -c Release --project bench/Zwgk.Bench.AnnualReport -- [--cases 100000] [--provider sqlite|postgres]
//       [--pg "Host=…;Username=…;Password=…;Database=postgres"] [--runs 5] [--seed 20250101]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Reports;

var opts = ParseArgs(args);
var cases = int.Parse(opts.GetValueOrDefault("cases", "100000"));
var runs = int.Parse(opts.GetValueOrDefault("runs", "5"));
var seed = int.Parse(opts.GetValueOrDefault("seed", "20250101"));
var provider = opts.GetValueOrDefault("provider", "sqlite");
const int Year = 2025;

string? pgDatabase = null;
string? sqliteDir = null;
ZwgkDbContext Create()
{
    if (provider == "postgres")
    {
        var cs = new NpgsqlConnectionStringBuilder(opts.GetValueOrDefault("pg", "Host=127.0.0.1;Port=5432;Username=zwgk;Password=zwgk;Database=postgres")) { Database = pgDatabase };
        return new PostgresZwgkDbContext(new DbContextOptionsBuilder<PostgresZwgkDbContext>().UseNpgsql(cs.ConnectionString).Options);
    }

    return new SqliteZwgkDbContext(new DbContextOptionsBuilder<SqliteZwgkDbContext>().UseSqlite($"Data Source={Path.Combine(sqliteDir!, "zwgk.db")}").Options);
}

if (provider == "postgres")
{
    pgDatabase = "zwgk_bench_annual_" + Guid.NewGuid().ToString("N")[..8];
    await using var conn = new NpgsqlConnection(opts.GetValueOrDefault("pg", "Host=127.0.0.1;Port=5432;Username=zwgk;Password=zwgk;Database=postgres"));
    await conn.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", conn).ExecuteNonQueryAsync();
}
else
{
    sqliteDir = Directory.CreateTempSubdirectory("zwgk-annual-bench").FullName;
}

try
{
    var load = Stopwatch.StartNew();
    List<int> unitIds;
    await using (var db = Create())
    {
        await db.Database.MigrateAsync();
        var units = Enumerable.Range(1, 30).Select(i => new Unit { Code = $"B{i:D3}", Name = $"市中区第{i}单位", Kind = UnitKind.Department, SortOrder = i }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        unitIds = units.Select(u => u.Id).ToList();
    }

    // Cases spread over 2024 and 2025 (received up to mid-December 2025, so some carry into 2026), most replied within
    // 20–40 days; about 1 % challenged and 2 % charged a fee. EF inserts in batches: the load is not what is measured.
    var rng = new Random(seed);
    var outcomes = Enum.GetValues<Outcome>();
    var types = Enum.GetValues<ApplicantType>();
    var start = new DateOnly(2024, 1, 1);
    const int Batch = 5_000;
    for (var done = 0; done < cases; done += Batch)
    {
        await using var db = Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = done; i < Math.Min(cases, done + Batch); i++)
        {
            var received = start.AddDays(rng.Next(0, 730));
            DateOnly? replied = rng.NextDouble() < 0.96 ? received.AddDays(rng.Next(1, 40)) : null;
            var type = rng.NextDouble() < 0.85 ? ApplicantType.NaturalPerson : types[rng.Next(types.Length)];
            var r = new InformationRequest
            {
                CaseNumber = $"YSQ-B-{i:D7}", QueryCodeHash = $"bench{i:D7}", UnitId = unitIds[rng.Next(unitIds.Count)],
                State = replied is null ? RequestState.Processing : RequestState.Replied, Channel = RequestChannel.Online,
                SubmittedAt = new DateTimeOffset(received.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                ReceivedOn = received, ClockStartsOn = received, RepliedOn = replied, Outcome = replied is null ? null : outcomes[rng.Next(outcomes.Length)],
                RegisteredBy = "bench", ApplicantType = type, ApplicantName = "申请人", ApplicantKey = $"k{rng.Next(20_000)}",
                InformationTitle = "所需政府信息", Description = "描述", UpdatedAt = DateTimeOffset.UtcNow,
            };
            if (replied is { } on && rng.NextDouble() < 0.01)
                r.Challenges.Add(new RequestChallenge { Kind = (ChallengeKind)rng.Next(1, 4), Result = (ChallengeResult)rng.Next(1, 5), FiledOn = on.AddDays(30), DecidedOn = rng.NextDouble() < 0.7 ? on.AddDays(120) : null });
            if (rng.NextDouble() < 0.02)
                r.Fees.Add(new RequestFee { Method = FeeMethod.PerPiece, Quantity = 12, Amount = 200, IssuedOn = received.AddDays(5), NoticeReceivedOn = received.AddDays(6), PayBy = received.AddDays(35), PaidOn = rng.NextDouble() < 0.5 ? received.AddDays(10) : null });
            db.InformationRequests.Add(r);
        }

        await db.SaveChangesAsync();
    }

    Console.Error.WriteLine($"loaded {cases:N0} cases into {provider} in {load.Elapsed.TotalSeconds:F1} s");
    await using (var db = Create())
    {
        if (provider == "postgres") await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    var times = new List<double>();
    AnnualReportFigures? figures = null;
    for (var run = 0; run <= runs; run++)
    {
        await using var db = Create(); // a fresh context each time, as each request gets
        var sw = Stopwatch.StartNew();
        figures = await AnnualReportQuery.ComputeAsync(db, null, Year, EnteredFigures.None, 2026);
        sw.Stop();
        if (run > 0) times.Add(sw.Elapsed.TotalMilliseconds); // run 0 warms up (JIT, query compilation, page cache)
        Console.Error.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : "")}: {sw.Elapsed.TotalMilliseconds:F0} ms");
    }

    double unitMs;
    await using (var db = Create())
    {
        var sw = Stopwatch.StartNew();
        await AnnualReportQuery.ComputeAsync(db, unitIds[0], Year, EnteredFigures.None, 2026);
        unitMs = sw.Elapsed.TotalMilliseconds;
    }

    times.Sort();
    var t = figures!.Tables;
    var total = AnnualReportFormat.ApplicationColumns.Single(c => c.IsTotal).Index;
    Console.WriteLine($"annual report {Year}, {provider}, {cases:N0} cases, {unitIds.Count} units");
    Console.WriteLine($"  district report: best {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms over {times.Count} runs (one unit: {unitMs:F0} ms)");
    Console.WriteLine($"  本年新收 {t.Cell(AnnualReportFormat.NewKey, total)}, 上年结转 {t.Cell(AnnualReportFormat.CarriedOverKey, total)}, " +
        $"办结 {t.Cell(AnnualReportFormat.TotalKey, total)}, 结转下年度 {t.Cell(AnnualReportFormat.CarriedForwardKey, total)}; checks failed: {figures.Failures.Count}");
    Console.WriteLine($"  {(times[0] < 2000 ? "OK" : "SLOW")}: aim < 2000 ms");
    return figures.Failures.Count == 0 ? 0 : 1;
}
finally
{
    if (pgDatabase is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(opts.GetValueOrDefault("pg", "Host=127.0.0.1;Port=5432;Username=zwgk;Password=zwgk;Database=postgres"));
        await conn.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", conn).ExecuteNonQueryAsync();
    }

    if (sqliteDir is not null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(sqliteDir, true);
    }
}

static Dictionary<string, string> ParseArgs(string[] args)
{
    var d = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) d[args[i].TrimStart('-')] = args[i + 1];
    return d;
}
