using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Zwgk.Bench.Corpus;
using Zwgk.Bench.Search;
using Zwgk.Search;
using Zwgk.Search.Index;
using Zwgk.Search.Query;

// Search benchmark: one engine per process (so peak memory is that engine's), same deterministic corpus for both.
//   lucene|fts5 --docs N --dir PATH [--rounds R] [--threads T] [--reuse] [--no-warmup]
//   diagnostics: [--per-query] [--phases] [--no-facets] [--window N] [--judged-misses] [--skip-judged]; describe --dir PATH "query" ... prints the Lucene queries
// Prints a JSON summary on the last line of stdout; bench/search/run.sh runs both and writes the report.
var engine = args.Length > 0 ? args[0] : "lucene";
if (engine == "describe")
{
    // describe --dir PATH "query" ...: the first-phase and ranking queries a search would run.
    using var idx = SearchIndex.Open(StrArg("--dir", ""));
    var eng = new SearchEngine(idx);
    var pl = new PlainLanguage(PlainLanguage.LoadDefaultEntries());
    foreach (var text in args.Skip(3))
    {
        var (m, r) = eng.Describe(text, pl);
        Console.WriteLine($"{text}\n  match:   {m}\n  ranking: {r}");
    }
    return 0;
}
int docs = IntArg("--docs", 1_000_000);
int rounds = IntArg("--rounds", engine == "fts5" ? 1 : 5);
int threads = IntArg("--threads", Environment.ProcessorCount);
var dir = StrArg("--dir", Path.Combine(Path.GetTempPath(), "zwgk-search-bench", engine));
Directory.CreateDirectory(dir);

var plain = new PlainLanguage(PlainLanguage.LoadDefaultEntries());
bool reuse = args.Contains("--reuse");
IBenchEngine bench = engine switch
{
    "lucene" => new LuceneBench(dir, plain, threads, reuse),
    "fts5" => new Fts5Bench(dir, reuse),
    _ => throw new ArgumentException("engine must be lucene or fts5"),
};

Console.Error.WriteLine($"[{engine}] indexing {docs:N0} generated + {PlantedDocuments.All.Count} planted documents into {dir}");
var indexWatch = Stopwatch.StartNew();
var count = bench.Index(Corpus(docs));
indexWatch.Stop();
var indexRate = count / indexWatch.Elapsed.TotalSeconds;
Console.Error.WriteLine($"[{engine}] indexed {count:N0} in {indexWatch.Elapsed.TotalSeconds:F0}s = {indexRate:F0} docs/s, size {DirSize(dir) / 1048576.0:F0} MB");

// Recall on the judged set over the full corpus.
int judged = 0; double recallSum = 0, mrrSum = 0;
var perClassRecall = new Dictionary<string, (double Recall, int N)>();
foreach (var j in args.Contains("--skip-judged") ? [] : JudgedQueries.All)
{
    var top = bench.TopKeys(new BenchQuery(j.Query, j.Class, j.TopicFilter, j.YearFilter, j.GenreFilter), 10);
    var relevant = j.Relevant.ToHashSet();
    double recall = top.Count(relevant.Contains) / (double)relevant.Count;
    int rank = top.FindIndex(relevant.Contains);
    recallSum += recall; mrrSum += rank >= 0 ? 1.0 / (rank + 1) : 0; judged++;
    if (args.Contains("--judged-misses") && (recall < 1 || rank != 0))
        Console.Error.WriteLine($"  miss [{j.Class}] {j.Query} recall {recall:F2} first relevant at {rank + 1}; top: {string.Join(" ", top.Take(5))}; want {string.Join(" ", j.Relevant)}");
    var c = perClassRecall.GetValueOrDefault(j.Class);
    perClassRecall[j.Class] = (c.Recall + recall, c.N + 1);
}
if (judged > 0) Console.Error.WriteLine($"[{engine}] judged set: recall@10 {recallSum / judged:F3}, MRR {mrrSum / judged:F3} over {judged} queries");

// Latency over the fixed mixed set: one warm-up pass, then measured rounds.
var queries = QuerySet.All();
if (!args.Contains("--no-warmup")) foreach (var q in queries) bench.Search(q);
if (args.Contains("--per-query"))
{
    // Diagnostics: each query's matches and mean time over a few runs, slowest first.
    var rows = queries.Select(q =>
    {
        PhaseLog.Enabled = args.Contains("--phases"); PhaseLog.Totals.Clear();
        var t = Stopwatch.GetTimestamp();
        for (int i = 0; i < 3; i++) bench.Search(q);
        var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds / 3;
        var phases = string.Join(" ", PhaseLog.Totals.OrderByDescending(k => k.Value.Ms).Select(k => $"{k.Key}={k.Value.Ms / 3:F1}"));
        PhaseLog.Enabled = false; PhaseLog.Totals.Clear();
        return (q, ms, hits: bench.Count(q), phases);
    }).OrderByDescending(r => r.ms).ToList();
    foreach (var (q, ms, hits, phases) in rows.Take(args.Contains("--phases") ? rows.Count : 40)) Console.Error.WriteLine($"  {ms,8:F1} ms {hits,9:N0} hits  [{q.Class}] {q.Text} {q.Topic} {q.Year} {q.Genre}  {phases}");
}
PhaseLog.Enabled = args.Contains("--phases");
var samples = new List<(string Class, double Ms)>();
for (int r = 0; r < rounds; r++)
{
    foreach (var q in queries)
    {
        var t = Stopwatch.GetTimestamp();
        bench.Search(q);
        samples.Add((q.Class, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
    }
}
var peakRss = PeakRssMb();
foreach (var kv in PhaseLog.Totals.OrderByDescending(k => k.Value.Ms)) Console.Error.WriteLine($"  phase {kv.Key,-8} total {kv.Value.Ms,9:F0} ms  n {kv.Value.N,6}  mean {kv.Value.Ms / kv.Value.N,7:F2} ms");
var classes = samples.GroupBy(s => s.Class).ToDictionary(g => g.Key, g => Percentiles(g.Select(s => s.Ms)));
var summary = new
{
    engine, documents = count, indexSeconds = indexWatch.Elapsed.TotalSeconds, docsPerSecond = indexRate, indexMb = DirSize(dir) / 1048576.0,
    peakRssMb = peakRss, latency = Percentiles(samples.Select(s => s.Ms)), classes, rounds, queries = queries.Count,
    judged = judged == 0 ? null : new { queries = judged, recallAt10 = recallSum / judged, mrr = mrrSum / judged,
        perClass = perClassRecall.ToDictionary(kv => kv.Key, kv => kv.Value.Recall / kv.Value.N) },
};
Console.WriteLine(JsonSerializer.Serialize(summary));
bench.Dispose();
return 0;

static IEnumerable<CorpusDocument> Corpus(int generated)
{
    foreach (var d in PlantedDocuments.All) yield return d;
    foreach (var d in new CorpusGenerator(20261123).Generate(generated)) yield return d;
}

static object Percentiles(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    double P(double p) => v.Length == 0 ? 0 : v[Math.Min(v.Length - 1, (int)Math.Ceiling(p * v.Length) - 1)];
    return new { n = v.Length, p50 = P(0.50), p95 = P(0.95), p99 = P(0.99), max = v.Length == 0 ? 0 : v[^1], mean = v.Length == 0 ? 0 : v.Average() };
}

static long DirSize(string path) => Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

static double PeakRssMb()
{
    // VmHWM: the resident set's high-water mark for this process (Linux).
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
}

int IntArg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
string StrArg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

namespace Zwgk.Bench.Search
{
    internal interface IBenchEngine : IDisposable
    {
        int Index(IEnumerable<CorpusDocument> docs);
        /// <summary>What a search page needs: top 10 with highlights and snippets, and the total.</summary>
        void Search(BenchQuery q);
        List<string> TopKeys(BenchQuery q, int n);
        int Count(BenchQuery q);
    }

    /// <summary>Time per search phase (--phases), summed while enabled.</summary>
    internal static class PhaseLog
    {
        public static bool Enabled;
        public static readonly Dictionary<string, (double Ms, int N)> Totals = new();

        public static void Add(string phase, TimeSpan elapsed)
        {
            if (!Enabled) return;
            lock (Totals) { var c = Totals.GetValueOrDefault(phase); Totals[phase] = (c.Ms + elapsed.TotalMilliseconds, c.N + 1); }
        }
    }

    internal sealed class LuceneBench(string dir, PlainLanguage plain, int threads, bool reuse) : IBenchEngine
    {
        private SearchIndex? index;
        private SearchEngine? engine;
        // Diagnostics: --no-facets leaves facet counting out; --window N sets the rescore window.
        private static readonly bool NoFacets = Environment.GetCommandLineArgs().Contains("--no-facets");
        private static readonly int Window = Array.IndexOf(Environment.GetCommandLineArgs(), "--window") is var i and >= 0
            ? int.Parse(Environment.GetCommandLineArgs()[i + 1], CultureInfo.InvariantCulture) : 1000;

        public int Index(IEnumerable<CorpusDocument> docs)
        {
            if (reuse && Directory.Exists(dir))
            {
                index = SearchIndex.Open(dir);
                engine = new SearchEngine(index) { PhaseObserver = PhaseLog.Add, RescoreWindow = Window };
                return index.Count;
            }
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            int count = 0;
            using (var builder = SearchIndex.BuildAside(dir, ramBufferMb: 256))
            {
                // Generation on one thread, analysis and indexing on the others.
                var queue = new BlockingCollection<CorpusDocument>(10_000);
                var producer = Task.Run(() => { foreach (var d in docs) queue.Add(d); queue.CompleteAdding(); });
                var workers = Enumerable.Range(0, Math.Max(1, threads)).Select(_ => Task.Run(() =>
                {
                    foreach (var d in queue.GetConsumingEnumerable()) { builder.Add(d.ToSearchDocument()); Interlocked.Increment(ref count); }
                })).ToArray();
                Task.WaitAll([producer, .. workers]);
                builder.Publish(checkpoint: 1, forceMerge: false);
            }
            index = SearchIndex.Open(dir);
            engine = new SearchEngine(index) { PhaseObserver = PhaseLog.Add, RescoreWindow = Window };
            return count;
        }

        private SearchRequest Request(BenchQuery q, int size) => new()
        {
            Query = q.Text, Topic = q.Topic, Year = q.Year, Genre = q.Genre, PageSize = size, WithFacets = !NoFacets,
        };

        public void Search(BenchQuery q) => engine!.Search(Request(q, 10), plain);

        public List<string> TopKeys(BenchQuery q, int n) => engine!.Search(Request(q, n), plain).Hits.Select(h => h.Key).ToList();

        public int Count(BenchQuery q) => engine!.Search(Request(q, 1), plain).Total;

        public void Dispose() => index?.Dispose();
    }

    /// <summary>The peer in its best form: FTS5 with the trigram tokenizer (any substring of 3+ characters), BM25 ranking
    /// with the same field weights, filters applied after the MATCH, LIKE for words shorter than three characters
    /// (trigram cannot match them), the query split into words by our segmenter and ANDed.</summary>
    internal sealed class Fts5Bench(string dir, bool reuse) : IBenchEngine
    {
        // Queries read "docs CROSS JOIN meta": MATCH works only with the FTS table as the outer loop, and with a
        // selective filter SQLite's planner may otherwise start from meta's index and fail ("unable to use function MATCH").
        private SqliteConnection? conn;
        private static readonly HashSet<string> Stop = ["的", "了", "吗", "呢", "和", "与", "及", "在", "是", "有", "我", "如何", "怎么", "怎样", "哪些", "什么", "多少", "是否", "需要", "关于"];

        public int Index(IEnumerable<CorpusDocument> docs)
        {
            if (reuse && File.Exists(Path.Combine(dir, "fts.db")))
            {
                conn = new SqliteConnection($"Data Source={Path.Combine(dir, "fts.db")}");
                conn.Open();
                Exec("PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
                using var c = conn.CreateCommand();
                c.CommandText = "SELECT count(*) FROM meta";
                return Convert.ToInt32(c.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            conn = new SqliteConnection($"Data Source={Path.Combine(dir, "fts.db")}");
            conn.Open();
            Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
            Exec("CREATE VIRTUAL TABLE docs USING fts5(title, number, keywords, body, tokenize='trigram');");
            Exec("INSERT INTO docs(docs, rank) VALUES('rank', 'bm25(8.0, 5.0, 4.0, 1.0)');");
            Exec("CREATE TABLE meta(id INTEGER PRIMARY KEY, key TEXT, topic TEXT, topic1 TEXT, genre TEXT, year INT, published INT);");
            int count = 0;
            var tx = conn.BeginTransaction();
            using var ins = conn.CreateCommand();
            ins.CommandText = "INSERT INTO docs(rowid, title, number, keywords, body) VALUES ($id, $t, $n, $k, $b)";
            var pid = ins.Parameters.Add("$id", SqliteType.Integer); var pt = ins.Parameters.Add("$t", SqliteType.Text);
            var pn = ins.Parameters.Add("$n", SqliteType.Text); var pk = ins.Parameters.Add("$k", SqliteType.Text); var pb = ins.Parameters.Add("$b", SqliteType.Text);
            using var meta = conn.CreateCommand();
            meta.CommandText = "INSERT INTO meta(id, key, topic, topic1, genre, year, published) VALUES ($id, $key, $topic, $t1, $g, $y, $p)";
            var mid = meta.Parameters.Add("$id", SqliteType.Integer); var mkey = meta.Parameters.Add("$key", SqliteType.Text);
            var mtopic = meta.Parameters.Add("$topic", SqliteType.Text); var mt1 = meta.Parameters.Add("$t1", SqliteType.Text);
            var mg = meta.Parameters.Add("$g", SqliteType.Text); var my = meta.Parameters.Add("$y", SqliteType.Integer); var mp = meta.Parameters.Add("$p", SqliteType.Integer);
            ins.Transaction = tx; meta.Transaction = tx;
            foreach (var d in docs)
            {
                count++;
                pid.Value = count; pt.Value = d.Title; pn.Value = (object?)d.DocumentNumber ?? DBNull.Value; pk.Value = (object?)d.Keywords ?? DBNull.Value; pb.Value = d.Body;
                ins.ExecuteNonQuery();
                mid.Value = count; mkey.Value = d.Key; mtopic.Value = d.Topic; mt1.Value = d.Topic.Split('\\')[0]; mg.Value = d.Genre;
                my.Value = d.PublishedAt.Year; mp.Value = d.PublishedAt.UtcTicks;
                meta.ExecuteNonQuery();
                if (count % 50_000 == 0)
                {
                    tx.Commit(); tx = conn.BeginTransaction(); ins.Transaction = tx; meta.Transaction = tx;
                    Console.Error.WriteLine($"[fts5] {count:N0}");
                }
            }
            tx.Commit();
            Exec("CREATE INDEX meta_topic ON meta(topic); CREATE INDEX meta_topic1 ON meta(topic1); CREATE INDEX meta_year ON meta(year); CREATE INDEX meta_genre ON meta(genre);");
            Exec("INSERT INTO docs(docs) VALUES('optimize'); ANALYZE;");
            return count;
        }

        private void Exec(string sql)
        {
            using var c = conn!.CreateCommand();
            c.CommandText = sql;
            c.CommandTimeout = 0;
            c.ExecuteNonQuery();
        }

        private (string Where, List<(string, object)> Params, bool UsesMatch) Build(BenchQuery q)
        {
            var text = Zwgk.Search.Text.ChineseNormalizer.Normalize(q.Text);
            var words = new List<Zwgk.Search.Text.Word>();
            Zwgk.Search.Text.Segmenter.Default.Cut(text, words);
            var terms = words.Select(w => text.Substring(w.Start, w.Length)).Where(w => !Stop.Contains(w)).Distinct().ToList();
            if (terms.Count == 0) terms = words.Select(w => text.Substring(w.Start, w.Length)).Distinct().ToList();
            var longTerms = terms.Where(t => t.Length >= 3).ToList();
            var shortTerms = terms.Where(t => t.Length < 3).ToList();
            var where = new List<string>();
            var ps = new List<(string, object)>();
            bool match = longTerms.Count > 0;
            if (match)
            {
                where.Add("docs MATCH $m");
                ps.Add(("$m", string.Join(" AND ", longTerms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""))));
            }
            for (int i = 0; i < shortTerms.Count; i++)
            {
                where.Add($"(docs.title LIKE $s{i} OR docs.body LIKE $s{i})");
                ps.Add(($"$s{i}", "%" + shortTerms[i] + "%"));
            }
            if (q.Topic is not null) { where.Add(q.Topic.Contains('\\') ? "meta.topic = $topic" : "meta.topic1 = $topic"); ps.Add(("$topic", q.Topic)); }
            if (q.Year is not null) { where.Add("meta.year = $year"); ps.Add(("$year", q.Year)); }
            if (q.Genre is not null) { where.Add("meta.genre = $genre"); ps.Add(("$genre", q.Genre)); }
            if (where.Count == 0) where.Add("1=1");
            return (string.Join(" AND ", where), ps, match);
        }

        private SqliteCommand Command(string sql, List<(string, object)> ps)
        {
            var c = conn!.CreateCommand();
            c.CommandText = sql;
            c.CommandTimeout = 0;
            foreach (var (n, v) in ps) c.Parameters.AddWithValue(n, v);
            return c;
        }

        // A count has no rank to order by; with LIKE terms ORed over two columns SQLite's planner may split the scan and
        // then refuse the MATCH ("unable to use function MATCH in the requested context"): the MATCH goes in a subquery.
        private static string CountWhere(string where) =>
            where.Replace("docs MATCH $m", "docs.rowid IN (SELECT rowid FROM docs WHERE docs MATCH $m)", StringComparison.Ordinal);

        public void Search(BenchQuery q)
        {
            var (where, ps, match) = Build(q);
            var order = match ? "ORDER BY rank" : "ORDER BY meta.published DESC";
            var snippet = match ? "snippet(docs, 3, '<em>', '</em>', '…', 24)" : "substr(docs.body, 1, 80)";
            using (var top = Command($"SELECT meta.key, highlight(docs, 0, '<em>', '</em>'), {snippet} FROM docs CROSS JOIN meta ON meta.id = docs.rowid WHERE {where} {order} LIMIT 10", ps))
            using (var r = top.ExecuteReader()) while (r.Read()) { _ = r.GetString(0); _ = r.GetString(1); }
            using var count = Command($"SELECT count(*) FROM docs CROSS JOIN meta ON meta.id = docs.rowid WHERE {CountWhere(where)}", ps);
            try { _ = count.ExecuteScalar(); }
            catch (SqliteException e) { throw new InvalidOperationException($"{e.Message}: {count.CommandText} [{string.Join(", ", ps.Select(p => p.Item1 + "=" + p.Item2))}]", e); }
        }

        public int Count(BenchQuery q)
        {
            var (where, ps, _) = Build(q);
            using var count = Command($"SELECT count(*) FROM docs CROSS JOIN meta ON meta.id = docs.rowid WHERE {CountWhere(where)}", ps);
            return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public List<string> TopKeys(BenchQuery q, int n)
        {
            var (where, ps, match) = Build(q);
            var order = match ? "ORDER BY rank" : "ORDER BY meta.published DESC";
            using var top = Command($"SELECT meta.key FROM docs CROSS JOIN meta ON meta.id = docs.rowid WHERE {where} {order} LIMIT {n}", ps);
            using var r = top.ExecuteReader();
            var keys = new List<string>();
            while (r.Read()) keys.Add(r.GetString(0));
            return keys;
        }

        public void Dispose() => conn?.Dispose();
    }
}
