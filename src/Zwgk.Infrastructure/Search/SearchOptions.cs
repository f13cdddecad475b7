using System.ComponentModel.DataAnnotations;

namespace Zwgk.Infrastructure.Search;

/// <summary>Settings under "Zwgk:Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Zwgk:Search";

    /// <summary>Index folder; relative paths are under the data directory. Each node keeps its own (ADR 0004).</summary>
    [Required] public string IndexDirectory { get; set; } = "search";
    /// <summary>Run the background indexer (off only in tests that simulate a crash between commit and indexing).</summary>
    public bool BackgroundIndexing { get; set; } = true;
    /// <summary>How often the indexer looks for tasks when nothing woke it.</summary>
    [Range(1, 300)] public int PollSeconds { get; set; } = 2;
    [Range(10, 10_000)] public int BatchSize { get; set; } = 500;
    /// <summary>A missing task id older than this is a rolled-back transaction, not one still committing.</summary>
    [Range(1, 3600)] public int GapTimeoutSeconds { get; set; } = 60;
    /// <summary>Applied tasks are kept this long (a node offline for longer rebuilds its index on return).</summary>
    [Range(1, 365)] public int TaskRetentionDays { get; set; } = 14;
    /// <summary>Query log kept for hot searches and tuning.</summary>
    [Range(7, 3650)] public int QueryLogRetentionDays { get; set; } = 365;
    /// <summary>Cores one search may use: a large index's segments are searched in parallel slices. 0 = one per core;
    /// 1 = no parallelism (for nodes that serve many concurrent searches and prefer throughput over latency).</summary>
    [Range(0, 64)] public int QueryParallelism { get; set; }
    /// <summary>Window for hot searches (热词).</summary>
    [Range(1, 365)] public int HotWindowDays { get; set; } = 30;
    /// <summary>A query becomes a public hot word only when this many different searchers (address + browser, hashed per
    /// window) asked it: one person's junk or test searches never reach the search page.</summary>
    [Range(1, 1000)] public int HotWordMinSearchers { get; set; } = 3;
    /// <summary>Key of the searcher hash. Empty: a random key per process (set the same value on every node of a cluster
    /// so that a searcher served by two nodes counts once).</summary>
    [MaxLength(200)] public string? SearcherKey { get; set; }
}

/// <summary>Source-generated validation of <see cref="SearchOptions"/> (the same mechanism as <see cref="ZwgkOptionsValidator"/>).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class SearchOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<SearchOptions>;
