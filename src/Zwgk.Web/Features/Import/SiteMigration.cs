using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Import;

/// <summary>The column mapping file of `import --site`: old column (breadcrumb path) → new column paths.</summary>
public sealed class ColumnMappingFile
{
    [JsonPropertyName("说明")] public string Help { get; set; } = "";
    /// <summary>Every new column a document may be filed under (document-list columns), by path.</summary>
    [JsonPropertyName("可用的新栏目")] public List<string> Available { get; set; } = [];
    [JsonPropertyName("栏目对应")] public List<ColumnMappingEntry> Columns { get; set; } = [];
}

public sealed class ColumnMappingEntry
{
    [JsonPropertyName("旧栏目")] public string Old { get; set; } = "";
    [JsonPropertyName("页面数")] public int Pages { get; set; }
    /// <summary>New column paths (one or several); empty: the documents are imported without a column.</summary>
    [JsonPropertyName("新栏目")] public List<string> New { get; set; } = [];
}

/// <summary>
/// `import --site DIR`: migrates a folder of pages saved from an old site. Document pages become documents with their
/// elements, attachments, original URL, 发布日期 and 索引号 (marked as migrated); navigation and list pages are skipped;
/// old columns map to new ones through a mapping file written as a template on the first run. Ends with a report.
/// </summary>
public sealed class SiteMigration(ImportService import, ZwgkDbContext db)
{
    public const string MappingFileName = "column-mapping.json";
    public const int MappingTemplateWritten = 3;
    private const int ProgressEvery = 100;
    private const int BatchSize = 50;

    private static readonly JsonSerializerOptions MappingJson = new(ImportCommand.Json) { WriteIndented = true, PropertyNamingPolicy = null };

    public async Task<int> RunAsync(ImportArguments args, int? unitId, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var root = args.Site!;
        if (!Directory.Exists(root)) { await stderr.WriteLineAsync($"文件夹不存在：{root}"); return ExitCodes.UsageError; }
        var watch = Stopwatch.StartNew();
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(SitePageReader.IsPage).Order(StringComparer.Ordinal).ToList();
        var pages = new List<SitePage>(paths.Count);
        foreach (var path in paths) pages.Add(SitePageReader.Read(path, root, args.BaseUrl, import.Limits));

        var columnPaths = await ColumnPathsAsync(ct);
        var mappingPath = args.Mapping ?? Path.Combine(root, MappingFileName);
        if (!File.Exists(mappingPath))
        {
            await WriteTemplateAsync(mappingPath, pages, columnPaths, ct);
            await stderr.WriteLineAsync($"已生成栏目映射模板：{mappingPath}");
            await stderr.WriteLineAsync("请在“新栏目”中填写每个旧栏目对应的新栏目（可用的新栏目见文件中的列表；留空则不归入栏目），然后重新运行本命令。");
            return MappingTemplateWritten;
        }

        var mapping = await ReadMappingAsync(mappingPath, columnPaths, stderr, ct);
        if (mapping is null) return ExitCodes.UsageError;

        var report = new MigrationReport(pages.Count);
        var firstByHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var done = 0;
        // Pages are stored in batches, one transaction each: a commit per document would cost a disk flush per document.
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? batch = null;
        foreach (var page in pages)
        {
            ct.ThrowIfCancellationRequested();
            done++;
            batch ??= await db.Database.BeginTransactionAsync(ct);
            if (!page.IsDocument)
            {
                report.Skipped.Add((page.RelativePath, page.SkipReason!));
                if (args.Json) await stdout.WriteLineAsync(JsonSerializer.Serialize(new { page = page.RelativePath, status = "skipped", reason = page.SkipReason }, ImportCommand.Json));
            }
            else
            {
                await ImportPageAsync(page, args, unitId, mapping, firstByHash, report, stdout, ct);
                // Everything of the page is saved: tracking it further only slows the next saves down.
                db.ChangeTracker.Clear();
            }

            if (done % BatchSize == 0 || done == pages.Count)
            {
                await batch.CommitAsync(ct);
                await batch.DisposeAsync();
                batch = null;
            }

            if (done % ProgressEvery == 0 || done == pages.Count)
                await stderr.WriteLineAsync($"进度：{done}/{pages.Count} 个页面（导入 {report.Imported.Count}，重复 {report.Duplicates.Count}，跳过 {report.Skipped.Count}，失败 {report.Failed.Count}）");
        }

        await DatabaseStatistics.UpdateAsync(db);
        report.Elapsed = watch.Elapsed;
        if (args.Json) await stdout.WriteLineAsync(JsonSerializer.Serialize(new { summary = report.Summary() }, ImportCommand.Json));
        else await stdout.WriteAsync(report.ToText());
        return report.Failed.Count == 0 ? 0 : 1;
    }

    private async Task ImportPageAsync(SitePage page, ImportArguments args, int? unitId, Dictionary<string, List<int>> mapping,
        Dictionary<string, string> firstByHash, MigrationReport report, TextWriter stdout, CancellationToken ct)
    {
        var candidate = DocumentExtractor.Extract(page.Text, page.RelativePath);
        // The same document saved under two addresses has the same title and body, whatever the page around it.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("site\n" + candidate.Title + "\n" + candidate.BodyHtml)));
        // A page whose 索引号 is already taken is the same document saved again (the old site's 索引号 identify documents).
        if (candidate.IndexNumber is { } indexNumber
            && await db.Documents.Where(d => d.IndexNumber == indexNumber).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct) is int sameIndex)
        {
            report.Duplicates.Add((page.RelativePath, firstByHash.GetValueOrDefault("ix:" + indexNumber) ?? "（之前已导入）", sameIndex));
            if (args.Json)
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { page = page.RelativePath, status = "duplicate", reason = $"索引号“{indexNumber}”已导入", documentId = sameIndex }, ImportCommand.Json));
            return;
        }

        var columns = mapping.GetValueOrDefault(page.OldColumn) ?? [];
        var target = new ImportTarget
        {
            Publish = args.Publish, UnitId = unitId, Migrated = true, SourceUrl = page.SourceUrl, ColumnIds = columns,
            AttachmentPaths = page.Attachments,
        };
        var outcome = await import.CreateAsync(candidate, page.RelativePath, hash, target, ct);
        if (outcome.Error is not null)
        {
            db.ChangeTracker.Clear();
            report.Failed.Add((page.RelativePath, outcome.Error));
        }
        else if (outcome.Duplicate)
        {
            report.Duplicates.Add((page.RelativePath, firstByHash.GetValueOrDefault(hash) ?? "（之前已导入）", outcome.DocumentId!.Value));
        }
        else
        {
            firstByHash[hash] = page.RelativePath;
            if (candidate.IndexNumber is { } ix) firstByHash["ix:" + ix] = page.RelativePath;
            report.Imported.Add(page.RelativePath);
            if (outcome.Missing.Count > 0) report.Missing.Add((page.RelativePath, outcome.Missing));
            if (!mapping.ContainsKey(page.OldColumn)) report.Unmapped.Add(page.OldColumn);
            report.Attachments += page.Attachments.Count;
        }

        if (args.Json)
            await stdout.WriteLineAsync(ImportCommand.ToJson(outcome, page.SourceUrl)[..^1]
                + $",\"page\":{JsonSerializer.Serialize(page.RelativePath, ImportCommand.Json)},\"status\":\"{(outcome.Error is not null ? "failed" : outcome.Duplicate ? "duplicate" : "imported")}\",\"oldColumn\":{JsonSerializer.Serialize(page.OldColumn, ImportCommand.Json)},\"attachments\":{page.Attachments.Count}}}");
    }

    /// <summary>Document-list columns by their path ("政府信息公开 > 法定主动公开内容 > 政策文件 > 行政规范性文件") → id.</summary>
    private async Task<Dictionary<string, int>> ColumnPathsAsync(CancellationToken ct)
    {
        var all = await db.Columns.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Name, c.Type, c.SortOrder }).ToListAsync(ct);
        var byId = all.ToDictionary(c => c.Id);
        string PathOf(int id)
        {
            var names = new List<string>();
            for (int? at = id; at is int i && byId.TryGetValue(i, out var c); at = c.ParentId) names.Insert(0, c.Name);
            return string.Join(" > ", names);
        }
        return all.Where(c => c.Type == ColumnType.DocumentList).OrderBy(c => c.SortOrder)
            .Select(c => (Path: PathOf(c.Id), c.Id)).DistinctBy(c => c.Path).ToDictionary(c => c.Path, c => c.Id);
    }

    private static async Task WriteTemplateAsync(string path, List<SitePage> pages, Dictionary<string, int> columns, CancellationToken ct)
    {
        var template = new ColumnMappingFile
        {
            Help = "把每个旧栏目对应到新栏目：在“新栏目”中填写一个或几个新栏目的完整路径（从“可用的新栏目”中复制），留空则导入后不归入任何栏目。旧栏目取自页面的“当前位置”导航，没有时取页面所在的文件夹。",
            Available = [.. columns.Keys],
            Columns = pages.Where(p => p.IsDocument).GroupBy(p => p.OldColumn).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ColumnMappingEntry { Old = g.Key, Pages = g.Count() }).ToList(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(template, MappingJson) + "\n", ct);
    }

    private static async Task<Dictionary<string, List<int>>?> ReadMappingAsync(string path, Dictionary<string, int> columns, TextWriter stderr, CancellationToken ct)
    {
        ColumnMappingFile? file;
        try { file = JsonSerializer.Deserialize<ColumnMappingFile>(await File.ReadAllTextAsync(path, ct), MappingJson); }
        catch (JsonException ex)
        {
            await stderr.WriteLineAsync($"栏目映射文件格式有误（第 {ex.LineNumber + 1} 行附近）：{path}");
            return null;
        }

        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var entry in file?.Columns ?? [])
        {
            var ids = new List<int>();
            foreach (var target in entry.New.Select(n => n.Trim()).Where(n => n.Length > 0))
            {
                if (columns.TryGetValue(target, out var id)) ids.Add(id);
                else unknown.Add(target);
            }
            result[entry.Old] = ids;
        }

        if (unknown.Count > 0)
        {
            await stderr.WriteLineAsync($"栏目映射文件中有不存在的新栏目：{string.Join("；", unknown.Distinct())}（请从“可用的新栏目”中复制完整路径）");
            return null;
        }
        return result;
    }

    private sealed class MigrationReport(int pages)
    {
        public List<string> Imported { get; } = [];
        public List<(string Page, string First, int DocumentId)> Duplicates { get; } = [];
        public List<(string Page, string Reason)> Skipped { get; } = [];
        public List<(string Page, string Error)> Failed { get; } = [];
        public List<(string Page, IReadOnlyList<string> Fields)> Missing { get; } = [];
        public HashSet<string> Unmapped { get; } = [];
        public int Attachments { get; set; }
        public TimeSpan Elapsed { get; set; }

        private double PerSecond => Elapsed.TotalSeconds > 0 ? Imported.Count / Elapsed.TotalSeconds : 0;

        public object Summary() => new
        {
            pages, imported = Imported.Count, duplicates = Duplicates.Count, skipped = Skipped.Count, failed = Failed.Count,
            attachments = Attachments, seconds = Math.Round(Elapsed.TotalSeconds, 2), documentsPerSecond = Math.Round(PerSecond, 1),
            unmappedColumns = Unmapped.Order(StringComparer.Ordinal).ToList(),
        };

        public string ToText()
        {
            var sb = new StringBuilder();
            sb.AppendLine($"迁移报告：共 {pages} 个页面，导入 {Imported.Count} 份文件（附件 {Attachments} 个），重复 {Duplicates.Count} 个，跳过 {Skipped.Count} 个，失败 {Failed.Count} 个；用时 {Elapsed.TotalSeconds:F1} 秒（每秒 {PerSecond:F1} 份）");
            if (Duplicates.Count > 0)
            {
                sb.AppendLine("重复页面（内容与已导入的文件相同，未重复创建）：");
                foreach (var d in Duplicates) sb.AppendLine($"  {d.Page} 与 {d.First} 相同（文件 {d.DocumentId}）");
            }
            if (Skipped.Count > 0)
            {
                sb.AppendLine("跳过的页面：");
                foreach (var s in Skipped) sb.AppendLine($"  {s.Page}：{s.Reason}");
            }
            if (Failed.Count > 0)
            {
                sb.AppendLine("失败的页面：");
                foreach (var f in Failed) sb.AppendLine($"  {f.Page}：{f.Error}");
            }
            if (Missing.Count > 0)
            {
                sb.AppendLine("缺少要素的文件（请在后台补全）：");
                foreach (var m in Missing) sb.AppendLine($"  {m.Page}：{string.Join("、", m.Fields.Select(Admin.IndexModel.FieldLabel))}");
            }
            if (Unmapped.Count > 0) sb.AppendLine($"未在映射文件中的旧栏目（文件未归入栏目）：{string.Join("；", Unmapped.Order(StringComparer.Ordinal))}");
            return sb.ToString();
        }
    }
}
