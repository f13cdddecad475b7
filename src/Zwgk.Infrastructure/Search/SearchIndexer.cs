using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Search;
using Zwgk.Search.Index;
using Zwgk.Search.Query;

namespace Zwgk.Infrastructure.Search;

/// <summary>Owns this node's index and engine; opened on first use so command-line verbs never lock the live index.</summary>
public sealed class SearchIndexHolder(IOptions<ZwgkOptions> zwgk, IOptions<SearchOptions> options) : IDisposable
{
    private readonly Lazy<SearchIndex> index = new(() => SearchIndex.Open(ResolveRoot(zwgk.Value, options.Value)));
    private SearchEngine? engineInstance;

    public string Root => ResolveRoot(zwgk.Value, options.Value);
    public SearchIndex Index => index.Value;
    public SearchEngine Engine => engineInstance ??= new SearchEngine(index.Value)
    {
        Parallelism = options.Value.QueryParallelism > 0 ? options.Value.QueryParallelism : Environment.ProcessorCount,
    };
    public bool IsOpen => index.IsValueCreated;

    public static string ResolveRoot(ZwgkOptions zwgk, SearchOptions search) =>
        Path.IsPathRooted(search.IndexDirectory) ? search.IndexDirectory : Path.Combine(zwgk.ResolvedDataDirectory, search.IndexDirectory);

    public void Dispose()
    {
        if (index.IsValueCreated) index.Value.Dispose();
    }
}

public sealed record IndexStatus(string Generation, long Checkpoint, long LatestTask, int PendingTasks, int Documents);

/// <summary>
/// Follows the search-index task table into the local index (ADR 0004). Tasks are applied idempotently by reloading the
/// content's current state; the committed checkpoint is the highest id below which every task has been applied. A missing
/// id is waited for (its transaction may still be committing) and skipped after <see cref="SearchOptions.GapTimeoutSeconds"/>.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, SearchIndexHolder holder, IEnumerable<ISearchSource> sources,
    IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexer> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<long> appliedAboveCheckpoint = [];
    private readonly Dictionary<long, DateTimeOffset> gapsSeen = [];
    private readonly Dictionary<string, ISearchSource> byType = sources.ToDictionary(s => s.ContentType);

    /// <summary>Applies every committed task not yet in the index. Returns the number of tasks applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            holder.Index.FollowPointer();
            int applied = 0;
            while (true)
            {
                var checkpoint = holder.Index.Checkpoint;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
                var batch = await db.SearchIndexTasks.AsNoTracking().Where(t => t.Id > checkpoint).OrderBy(t => t.Id).Take(options.Value.BatchSize)
                    .Select(t => new { t.Id, t.ContentType, t.ContentId }).ToListAsync(ct);
                if (batch.Count == 0) break;

                var fresh = batch.Where(t => !appliedAboveCheckpoint.Contains(t.Id)).ToList();
                if (fresh.Count > 0) await ApplyAsync(db, fresh.Select(t => (t.ContentType, t.ContentId)).ToList(), ct);
                foreach (var t in fresh) appliedAboveCheckpoint.Add(t.Id);
                applied += fresh.Count;

                var next = Advance(checkpoint, batch.Select(t => t.Id).ToList());
                if (fresh.Count > 0 || next != checkpoint)
                {
                    holder.Index.Commit(next);
                    appliedAboveCheckpoint.RemoveWhere(id => id <= next);
                }
                // Stuck behind a gap that is still within its timeout, or at the end: stop; the next wake-up continues.
                if (batch.Count < options.Value.BatchSize || next == checkpoint) break;
            }
            return applied;
        }
        finally { gate.Release(); }
    }

    private long Advance(long checkpoint, List<long> ids)
    {
        var now = clock.GetUtcNow();
        var timeout = TimeSpan.FromSeconds(options.Value.GapTimeoutSeconds);
        long expected = checkpoint + 1;
        foreach (var id in ids)
        {
            while (expected < id)
            {
                var first = gapsSeen.TryGetValue(expected, out var seen) ? seen : gapsSeen[expected] = now;
                if (now - first < timeout) return expected - 1;
                gapsSeen.Remove(expected);
                expected++;
            }
            expected = id + 1;
        }
        return expected - 1;
    }

    private async Task ApplyAsync(ZwgkDbContext db, List<(string Type, int Id)> tasks, CancellationToken ct)
    {
        var expanded = new List<(string Type, int Id)>();
        foreach (var t in tasks)
        {
            if (t.Type == SearchContentTypes.Unit)
            {
                // A renamed unit: every document it owns or issued.
                var unitId = t.Id;
                var docIds = await db.Documents.AsNoTracking().Where(d => d.OwnerUnitId == unitId || d.Issuers.Any(i => i.UnitId == unitId))
                    .Select(d => d.Id).ToListAsync(ct);
                expanded.AddRange(docIds.Select(id => (SearchContentTypes.Document, id)));
            }
            else expanded.Add(t);
        }
        foreach (var group in expanded.GroupBy(t => t.Type))
        {
            if (!byType.TryGetValue(group.Key, out var source))
            {
                logger.LogWarning("No search source for content type {Type}; {Count} tasks skipped", group.Key, group.Count());
                continue;
            }
            foreach (var chunk in group.Select(t => t.Id).Distinct().Chunk(500))
            {
                var docs = await source.LoadAsync(db, chunk, ct);
                var present = new HashSet<string>(docs.Select(d => d.Key));
                foreach (var d in docs) holder.Index.Upsert(d);
                foreach (var id in chunk)
                {
                    var key = source.KeyOf(id);
                    if (!present.Contains(key)) holder.Index.Delete(key);
                }
            }
        }
    }

    /// <summary>Rebuilds the whole index aside and swaps it in (no downtime): the <c>reindex</c> command and the admin button.
    /// Works whether or not this process has the live index open.</summary>
    /// <summary>Documents read per database round trip during a rebuild.</summary>
    public const int RebuildBatchSize = 2000;

    public async Task<(int Documents, long Checkpoint, TimeSpan Took)> RebuildAsync(TextWriter? progress = null, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        // Read-only streaming: nothing is tracked, and the checkpoint is taken before the first read (see below).
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var checkpoint = await SafeCheckpointAsync(db, ct);
        int count = 0;
        var reading = TimeSpan.Zero;
        using (var builder = SearchIndex.BuildAside(holder.Root))
        {
            // Reading and indexing overlap: the database is read (one connection, in order) while the previous batches
            // are analysed on every core. Two batches in flight bound the memory.
            var batches = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<SearchDocument>>(
                new System.Threading.Channels.BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var reader = Task.Run(async () =>
            {
                try
                {
                    foreach (var source in byType.Values)
                    {
                        var t = Stopwatch.StartNew();
                        await foreach (var batch in source.AllAsync(db, RebuildBatchSize, ct))
                        {
                            reading += t.Elapsed;
                            await batches.Writer.WriteAsync(batch, ct);
                            t.Restart();
                        }
                    }
                    batches.Writer.Complete();
                }
                catch (Exception ex)
                {
                    batches.Writer.Complete(ex);
                }
            }, ct);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                Parallel.ForEach(batch, new ParallelOptions { CancellationToken = ct }, builder.Add);
                count += batch.Count;
                progress?.WriteLine($"已索引 {count} 条");
            }
            await reader;
            var published = Stopwatch.StartNew();
            builder.Publish(checkpoint);
            progress?.WriteLine($"读库 {reading.TotalSeconds:F1} 秒（与分析并行），提交与合并 {published.Elapsed.TotalSeconds:F1} 秒");
        }
        if (holder.IsOpen)
        {
            await gate.WaitAsync(ct);
            try
            {
                holder.Index.FollowPointer();
                appliedAboveCheckpoint.Clear();
                gapsSeen.Clear();
            }
            finally { gate.Release(); }
            await CatchUpAsync(ct);
        }
        return (count, checkpoint, sw.Elapsed);
    }

    /// <summary>The task id a rebuild can claim to cover: tasks from the last two minutes may belong to transactions the
    /// rebuild's reads did not see, so the checkpoint stops before them and they are applied again afterwards.</summary>
    private async Task<long> SafeCheckpointAsync(ZwgkDbContext db, CancellationToken ct)
    {
        var recent = clock.GetUtcNow().AddMinutes(-2);
        var firstRecent = await db.SearchIndexTasks.Where(t => t.CreatedAt > recent).MinAsync(t => (long?)t.Id, ct);
        if (firstRecent is long f) return f - 1;
        return await db.SearchIndexTasks.MaxAsync(t => (long?)t.Id, ct) ?? 0;
    }

    public async Task<IndexStatus> StatusAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var checkpoint = holder.Index.Checkpoint;
        var latest = await db.SearchIndexTasks.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        var pending = await db.SearchIndexTasks.CountAsync(t => t.Id > checkpoint, ct);
        return new IndexStatus(holder.Index.GenerationName, checkpoint, latest, pending, holder.Index.Count);
    }

    /// <summary>Deletes applied tasks and old query logs past their retention.</summary>
    public async Task PruneAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var now = clock.GetUtcNow();
        var taskCutoff = now.AddDays(-options.Value.TaskRetentionDays);
        var checkpoint = holder.Index.Checkpoint;
        await db.SearchIndexTasks.Where(t => t.CreatedAt < taskCutoff && t.Id <= checkpoint).ExecuteDeleteAsync(ct);
        var logCutoff = now.AddDays(-options.Value.QueryLogRetentionDays);
        await db.SearchQueryLogs.Where(l => l.At < logCutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>True when the index cannot be brought up to date from the task table: it is new while content exists,
    /// or tasks it never applied were already pruned (a node that was offline longer than the retention).</summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZwgkDbContext>();
        var checkpoint = holder.Index.Checkpoint;
        var oldest = await db.SearchIndexTasks.MinAsync(t => (long?)t.Id, ct);
        if (oldest is long o && o > checkpoint + 1) return true;
        if (checkpoint == 0 && oldest is null)
            return await db.Documents.AnyAsync(DocumentVisibility.IsPublic, ct)
                   && holder.Index.Count == 0;
        return false;
    }
}

/// <summary>Runs the indexer: catch up at start (recovering anything committed before a crash), then on every save
/// notification or poll; follows a swapped generation; prunes old tasks hourly.</summary>
public sealed class SearchIndexerService(SearchIndexer indexer, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexerService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundIndexing) return;
        ZwgkDbContext.SearchTasksQueued += Wake;
        try
        {
            await Task.Yield();
            try
            {
                if (await indexer.NeedsRebuildAsync(stoppingToken))
                {
                    logger.LogInformation("Search index is missing or too old; rebuilding");
                    var (docs, _, took) = await indexer.RebuildAsync(null, stoppingToken);
                    logger.LogInformation("Search index rebuilt: {Count} items in {Seconds:F1}s", docs, took.TotalSeconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Search index rebuild at start failed");
            }
            var lastPrune = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var n = await indexer.CatchUpAsync(stoppingToken);
                    if (n > 0) logger.LogDebug("Indexed {Count} search tasks", n);
                    if (clock.GetUtcNow() - lastPrune > TimeSpan.FromHours(1))
                    {
                        await indexer.PruneAsync(stoppingToken);
                        lastPrune = clock.GetUtcNow();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Search indexing failed; retrying");
                }
                try { await wake.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        finally { ZwgkDbContext.SearchTasksQueued -= Wake; }
    }

    private void Wake()
    {
        if (wake.CurrentCount == 0) { try { wake.Release(); } catch (SemaphoreFullException) { } }
    }
}
