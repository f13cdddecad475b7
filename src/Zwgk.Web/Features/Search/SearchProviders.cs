using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Search.Query;
using Zwgk.Search.Suggest;

namespace Zwgk.Web.Features.Search;

/// <summary>The plain-language dictionary in force, rebuilt from the database after an edit.</summary>
public sealed class PlainLanguageProvider(IServiceScopeFactory scopes)
{
    private volatile PlainLanguage? current;
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<PlainLanguage> GetAsync(CancellationToken ct = default)
    {
        if (current is { } c) return c;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again) return again;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
            var rows = await db.PlainLanguageTerms.AsNoTracking().Where(t => t.Enabled).Select(t => new { t.Category, t.Term, t.Official }).ToListAsync(ct);
            return current = new PlainLanguage(rows.Select(r => new PlainLanguageEntry(r.Category, r.Term,
                r.Official.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
        }
        finally { gate.Release(); }
    }

    public void Invalidate() => current = null;
}

/// <summary>The suggestion list: popular queries, hot words, document keywords and dictionary terms; rebuilt every
/// few minutes (and after an edit) in the background of a request, never blocking one after the first build.</summary>
public sealed class SuggestionProvider(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SearchOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private volatile Suggester? current;
    private DateTimeOffset builtAt;
    private int rebuilding;
    private readonly SemaphoreSlim first = new(1, 1);

    public async Task<Suggester> GetAsync(CancellationToken ct = default)
    {
        if (current is { } c)
        {
            if (clock.GetUtcNow() - builtAt > Lifetime && Interlocked.Exchange(ref rebuilding, 1) == 0)
                _ = Task.Run(async () => { try { await BuildAsync(CancellationToken.None); } finally { rebuilding = 0; } });
            return c;
        }
        await first.WaitAsync(ct);
        try { return current ?? await BuildAsync(ct); }
        finally { first.Release(); }
    }

    public void Invalidate() => builtAt = DateTimeOffset.MinValue;

    private async Task<Suggester> BuildAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var since = clock.GetUtcNow().AddDays(-options.Value.HotWindowDays);
        var entries = new List<SuggestionEntry>();

        // Offered to everyone while typing: the same rule as hot words (enough different searchers), so one person's
        // searches never become another's suggestion.
        var popular = await SearchService.PopularQueriesAsync(db, since, options.Value.HotWordMinSearchers, 5000, ct);
        var blocked = await db.HotWords.AsNoTracking().Where(h => h.Mode == HotWordMode.Blocked).Select(h => h.Word).ToListAsync(ct);
        var blockedSet = blocked.ToHashSet(StringComparer.Ordinal);
        entries.AddRange(popular.Where(p => !blockedSet.Contains(p.Query)).Select(p => new SuggestionEntry(p.Query, 10 + p.Count * 10, SuggestionKind.Query)));
        entries.AddRange((await db.HotWords.AsNoTracking().Where(h => h.Mode == HotWordMode.Pinned).Select(h => h.Word).ToListAsync(ct))
            .Select(w => new SuggestionEntry(w, 1000, SuggestionKind.Query)));

        // Keywords of the most recent public documents, weighted by how many documents carry them.
        var keywordRows = await db.Documents.AsNoTracking()
            .Where(DocumentVisibility.IsPublic).Where(d => d.Keywords != null)
            .OrderByDescending(d => d.PublishedAt).Take(20_000).Select(d => d.Keywords!).ToListAsync(ct);
        var keywordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in keywordRows)
            foreach (var k in row.Split([' ', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!blockedSet.Contains(k)) keywordCounts[k] = keywordCounts.GetValueOrDefault(k) + 1;
        entries.AddRange(keywordCounts.Select(kv => new SuggestionEntry(kv.Key, 2 + kv.Value, SuggestionKind.Keyword)));

        var terms = await db.PlainLanguageTerms.AsNoTracking().Where(t => t.Enabled).Select(t => new { t.Term, t.Official }).ToListAsync(ct);
        foreach (var t in terms)
        {
            entries.Add(new SuggestionEntry(t.Term, 3, SuggestionKind.Term));
            foreach (var o in t.Official.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                entries.Add(new SuggestionEntry(o, 4, SuggestionKind.Term));
        }

        var built = new Suggester(entries);
        builtAt = clock.GetUtcNow();
        current = built;
        return built;
    }
}

/// <summary>Writes the query log off the request path, in batches; drops entries rather than slow a search down.</summary>
public sealed class QueryLogWriter(IServiceScopeFactory scopes, ILogger<QueryLogWriter> logger) : BackgroundService
{
    private readonly Channel<SearchQueryLog> channel = Channel.CreateBounded<SearchQueryLog>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(SearchQueryLog entry) => channel.Writer.TryWrite(entry);

    /// <summary>Writes what is queued now (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<SearchQueryLog>();
        while (channel.Reader.TryRead(out var e)) batch.Add(e);
        if (batch.Count == 0) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        db.SearchQueryLogs.AddRange(batch);
        await db.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await channel.Reader.WaitToReadAsync(stoppingToken))
            {
                try { await FlushAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Query log write failed"); }
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
        await FlushAsync(CancellationToken.None);
    }
}
