using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Qa;
using Zwgk.Infrastructure.Data;
using Zwgk.Search.Qa;
using Zwgk.Search.Query;
using Zwgk.Web.Features.Search;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Matching;

/// <summary>A match as the public sees it: the entry's full answer (not an excerpt) and the score rounded to 3 decimals.</summary>
public sealed record QaMatchItem(int Id, string Question, string Answer, string? Unit, string? Basis, double Score)
{
    public bool IsGood => Score >= QaMatcher.GoodMatch;
}

/// <summary>
/// The matcher over the entries the public may be offered (published, not resting on an abolished or expired policy) and the
/// site's plain-language dictionary. Built once and shared; each call checks a cheap stamp (entry count, published count,
/// latest edit) and the dictionary instance, and rebuilds when either moved or the matcher is older than <see cref="Lifetime"/>
/// (a basis document's 立改废 does not touch the entries). One build at a time: callers waiting on it take its result.
/// </summary>
public sealed class QaMatchService(IServiceScopeFactory scopes, PlainLanguageProvider plainLanguage, TimeProvider clock, ILogger<QaMatchService> logger)
{
    /// <summary>Basis documents change without touching entries: a matcher is rebuilt at most this long after.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private sealed record Stamp(int All, int Published, long LatestTicks);

    private sealed record Snapshot(QaMatcher Matcher, Stamp Stamp, PlainLanguage Plain, DateTimeOffset BuiltAt);

    private volatile Snapshot? current;
    private readonly SemaphoreSlim gate = new(1, 1);
    private int builds;

    /// <summary>How many times a matcher was built (tests: no rebuild without a change, one rebuild for concurrent callers).</summary>
    public int Builds => Volatile.Read(ref builds);

    /// <summary>How long the last build took.</summary>
    public TimeSpan LastBuildTime { get; private set; }

    public async Task<IReadOnlyList<QaMatchItem>> MatchAsync(string question, int top, CancellationToken ct = default)
    {
        var matcher = await GetAsync(ct);
        return matcher.Match(question, top).Select(ToItem).ToList();
    }

    public static QaMatchItem ToItem(QaMatch m) =>
        new(int.Parse(m.Entry.Id, System.Globalization.CultureInfo.InvariantCulture), m.Entry.Question, m.Entry.Answer, m.Entry.Unit, m.Entry.Basis,
            Math.Round(m.Score, 3, MidpointRounding.AwayFromZero));

    public async Task<QaMatcher> GetAsync(CancellationToken ct = default)
    {
        var plain = await plainLanguage.GetAsync(ct);
        var stamp = await ReadStampAsync(ct);
        if (current is { } c && Fresh(c, stamp, plain)) return c.Matcher;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && Fresh(again, stamp, plain)) return again.Matcher;
            // The stamp was read before the rows: an edit during the build makes the next call build again, never lose it.
            var built = await BuildAsync(stamp, plain, ct);
            current = built;
            return built.Matcher;
        }
        finally { gate.Release(); }
    }

    /// <summary>Forget the matcher (the next call builds one).</summary>
    public void Invalidate() => current = null;

    private bool Fresh(Snapshot s, Stamp stamp, PlainLanguage plain) =>
        s.Stamp == stamp && ReferenceEquals(s.Plain, plain) && clock.GetUtcNow() - s.BuiltAt < Lifetime;

    private async Task<Stamp> ReadStampAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var row = await db.QaItems.GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Published = g.Count(x => x.Status == QaStatus.Published), Latest = g.Max(x => x.UpdatedAt) })
            .FirstOrDefaultAsync(ct);
        return row is null ? new Stamp(0, 0, 0) : new Stamp(row.All, row.Published, row.Latest.UtcTicks);
    }

    private async Task<Snapshot> BuildAsync(Stamp stamp, PlainLanguage plain, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var builtAt = clock.GetUtcNow();
        var entries = await LoadOfferableAsync(ct);
        var matcher = new QaMatcher(entries, plain);
        watch.Stop();
        LastBuildTime = watch.Elapsed;
        Interlocked.Increment(ref builds);
        logger.LogInformation("Q&A matcher built: {Count} entries in {Ms} ms", entries.Count, watch.ElapsedMilliseconds);
        return new Snapshot(matcher, stamp, plain, builtAt);
    }

    /// <summary>Published entries whose basis is not abolished or expired (<see cref="QaRules.Offerable"/>), as the matcher takes them.</summary>
    public async Task<List<QaEntry>> LoadOfferableAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var today = Formats.Today(clock);
        var rows = await db.QaItems.AsNoTracking().Where(x => x.Status == QaStatus.Published)
            .Select(x => new
            {
                x.Id, x.Question, x.Alternatives, x.Answer, x.Basis, x.BasisClause, x.ReviewOn, x.ConfirmedAt, x.Status, x.BasisDocumentId,
                Unit = x.Unit != null ? x.Unit.Name : x.UnitNameAsWritten,
            })
            .ToListAsync(ct);
        var basisIds = rows.Where(r => r.BasisDocumentId is not null).Select(r => r.BasisDocumentId!.Value).Distinct().ToList();
        var bases = new Dictionary<int, QaBasisState>();
        foreach (var chunk in basisIds.Chunk(500))
        {
            var docs = await db.Documents.AsNoTracking().Where(d => chunk.Contains(d.Id))
                .Select(d => new { d.Id, d.Validity, d.UpdatedAt, d.ExpiresOn }).ToListAsync(ct);
            foreach (var d in docs) bases[d.Id] = new QaBasisState(d.Validity, d.UpdatedAt, d.ExpiresOn);
        }
        var list = new List<QaEntry>(rows.Count);
        foreach (var r in rows)
        {
            var basis = r.BasisDocumentId is int b ? bases.GetValueOrDefault(b) : null;
            if (!QaRules.Offerable(r.Status, QaRules.Staleness(r.ReviewOn, r.ConfirmedAt, basis, today))) continue;
            var alternatives = (r.Alternatives ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var basisText = string.IsNullOrWhiteSpace(r.BasisClause) || (r.Basis ?? "").Contains(r.BasisClause, StringComparison.Ordinal)
                ? r.Basis : $"{r.Basis}{r.BasisClause}";
            list.Add(new QaEntry(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Question, r.Answer, r.Unit,
                string.IsNullOrWhiteSpace(basisText) ? null : basisText, alternatives.Length > 0 ? alternatives : null));
        }
        return list;
    }
}
