using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Zwgk.Search.Analysis;
using Directory = Lucene.Net.Store.Directory;

namespace Zwgk.Search.Index;

/// <summary>
/// The on-disk index. The root folder holds generations (<c>gen-yyyyMMddHHmmssfff</c>) and a <c>CURRENT</c> file naming
/// the live one, so a rebuild is written aside and swapped in without downtime. Each commit records the id of the last
/// indexing task it covers (<see cref="Checkpoint"/>): the index says itself how far it has followed the database.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string CheckpointKey = "zwgk.checkpoint";
    private const string PointerFile = "CURRENT";
    internal static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly string root;
    private readonly System.Threading.Lock swapLock = new();
    private Generation current;
    private bool disposed;

    private SearchIndex(string root, Generation generation)
    {
        this.root = root;
        current = generation;
    }

    /// <summary>Opens (creating if needed) the live generation under <paramref name="root"/>.</summary>
    public static SearchIndex Open(string root)
    {
        System.IO.Directory.CreateDirectory(root);
        var name = ReadPointer(root);
        if (name is null || !System.IO.Directory.Exists(Path.Combine(root, name)))
        {
            name = NewGenerationName();
            WritePointer(root, name);
        }
        return new SearchIndex(root, Generation.Open(Path.Combine(root, name), name));
    }

    public string GenerationName => current.Name;

    /// <summary>Id of the last indexing task applied and committed; 0 for a new index.</summary>
    public long Checkpoint => current.Checkpoint;

    /// <summary>Documents visible to searches (after the last refresh).</summary>
    public int Count
    {
        get
        {
            var g = current;
            var s = g.Searchers.Acquire();
            try { return s.IndexReader.NumDocs; }
            finally { g.Searchers.Release(s); }
        }
    }

    public void Upsert(SearchDocument document) =>
        current.Writer.UpdateDocument(new Term(Fields.Key, document.Key), DocumentMapper.Map(document));

    public void Delete(string key) => current.Writer.DeleteDocuments(new Term(Fields.Key, key));

    /// <summary>Makes changes durable together with the task id they cover, then makes them visible to searches.</summary>
    public void Commit(long checkpoint)
    {
        var g = current;
        g.Commit(checkpoint);
        g.Searchers.MaybeRefreshBlocking();
    }

    /// <summary>Runs <paramref name="search"/> on a current point-in-time searcher.</summary>
    internal T WithSearcher<T>(Func<IndexSearcher, T> search)
    {
        var g = current;
        var s = g.Searchers.Acquire();
        try { return search(s); }
        finally { g.Searchers.Release(s); }
    }

    /// <summary>Starts a new generation beside the live one; <see cref="IndexBuilder.Publish"/> swaps it in.</summary>
    public static IndexBuilder BuildAside(string root, double ramBufferMb = 128)
    {
        System.IO.Directory.CreateDirectory(root);
        var name = NewGenerationName();
        return new IndexBuilder(root, name, ramBufferMb);
    }

    /// <summary>Switches to the generation named in CURRENT if another process (the reindex command) swapped it.</summary>
    public bool FollowPointer()
    {
        var name = ReadPointer(root);
        if (name is null || name == current.Name || !System.IO.Directory.Exists(Path.Combine(root, name))) return false;
        lock (swapLock)
        {
            if (name == current.Name) return false;
            var old = current;
            current = Generation.Open(Path.Combine(root, name), name);
            old.Retire();
            DeleteStaleGenerations(root, keep: name);
            return true;
        }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        current.Dispose();
    }

    internal static string? ReadPointer(string root)
    {
        var path = Path.Combine(root, PointerFile);
        return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } s ? s : null : null;
    }

    internal static void WritePointer(string root, string name)
    {
        // Write-then-rename: a reader sees the old name or the new one, never half a file.
        var tmp = Path.Combine(root, PointerFile + ".tmp");
        File.WriteAllText(tmp, name);
        File.Move(tmp, Path.Combine(root, PointerFile), overwrite: true);
    }

    internal static void DeleteStaleGenerations(string root, string keep)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(root, "gen-*"))
        {
            if (Path.GetFileName(dir) == keep) continue;
            try { System.IO.Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* still open by a reader somewhere; next swap retries */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string NewGenerationName() => "gen-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    internal static IndexWriterConfig WriterConfig(double ramBufferMb) => new(Version, new ZwgkAnalyzer())
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        RAMBufferSizeMB = ramBufferMb,
        Similarity = Scoring.Similarity,
    };

    /// <summary>One generation's directory, writer and searcher manager.</summary>
    internal sealed class Generation : IDisposable
    {
        public required string Name { get; init; }
        public required Directory Directory { get; init; }
        public required IndexWriter Writer { get; init; }
        public required SearcherManager Searchers { get; init; }
        public long Checkpoint { get; private set; }

        public static Generation Open(string path, string name)
        {
            var dir = FSDirectory.Open(new DirectoryInfo(path));
            var writer = new IndexWriter(dir, WriterConfig(48));
            // A new index has no commit yet: make one so readers can open.
            if (!DirectoryReader.IndexExists(dir)) writer.Commit();
            var checkpoint = ReadCheckpoint(writer);
            return new Generation
            {
                Name = name,
                Directory = dir,
                Writer = writer,
                Searchers = new SearcherManager(writer, applyAllDeletes: true, new ScoringSearcherFactory()),
                Checkpoint = checkpoint,
            };
        }

        public void Commit(long checkpoint)
        {
            Writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) });
            Writer.Commit();
            Checkpoint = checkpoint;
        }

        /// <summary>Closes after in-flight searches finish with the old readers (readers are reference counted).</summary>
        public void Retire() => Dispose();

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }

        private static long ReadCheckpoint(IndexWriter writer) =>
            writer.CommitData is { } data && data.TryGetValue(CheckpointKey, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private sealed class ScoringSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Warm-up before the searcher is published: new segments' facet ordinals are decoded here, on the refreshing
            // thread, so no search pays for them (a merged segment of a million documents takes about a second).
            foreach (var leaf in reader.Leaves) Query.FacetCounter.Warm(leaf.AtomicReader);
            return new IndexSearcher(reader) { Similarity = Scoring.Similarity };
        }
    }
}

/// <summary>Builds a whole new generation (reindex) while the live one keeps serving.</summary>
public sealed class IndexBuilder : IDisposable
{
    private readonly string root;
    private readonly FSDirectory directory;
    private readonly IndexWriter writer;
    private bool done;

    internal IndexBuilder(string root, string name, double ramBufferMb)
    {
        this.root = root;
        Name = name;
        directory = FSDirectory.Open(new DirectoryInfo(Path.Combine(root, name)));
        var config = SearchIndex.WriterConfig(ramBufferMb);
        config.OpenMode = OpenMode.CREATE;
        // A bulk build merges less often and in bigger steps: merging is most of the cost after analysis.
        config.MergePolicy = new TieredMergePolicy { SegmentsPerTier = 20, MaxMergeAtOnce = 20, MaxMergedSegmentMB = 2048 };
        writer = new IndexWriter(directory, config);
    }

    public string Name { get; }

    /// <summary>Thread-safe: several threads may add at once (Lucene's writer is concurrent).</summary>
    public void Add(SearchDocument document) => writer.AddDocument(DocumentMapper.Map(document));

    /// <summary>Commits with the checkpoint taken before reading the source, then points CURRENT at this generation.
    /// Tasks after the checkpoint are applied by the live consumer once it follows the pointer.</summary>
    public void Publish(long checkpoint, bool forceMerge = false)
    {
        if (forceMerge) writer.ForceMerge(1);
        writer.SetCommitData(new Dictionary<string, string> { [SearchIndex.CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) });
        writer.Commit();
        writer.Dispose();
        directory.Dispose();
        SearchIndex.WritePointer(root, Name);
        done = true;
    }

    public void Dispose()
    {
        if (done) return;
        writer.Rollback();
        writer.Dispose();
        directory.Dispose();
        try { System.IO.Directory.Delete(Path.Combine(root, Name), recursive: true); } catch (IOException) { }
    }
}
