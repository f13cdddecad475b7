using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Import;

/// <summary>What `import` was asked to do; paths are already absolute (resolved against the caller's working directory).</summary>
public sealed record ImportArguments(IReadOnlyList<string> Paths, bool Json, bool Publish, string? Unit, string? Site, string? Mapping, string? BaseUrl);

/// <summary>The `import` verb: its options and help texts.</summary>
public sealed class ImportVerb : Hosting.CliVerb<ImportArguments>
{
    private readonly Argument<string[]> paths = new("路径") { Arity = ArgumentArity.ZeroOrMore, Description = "要导入的文件或文件夹（相对路径按当前目录解析）" };
    private readonly Option<bool> json = new("--json") { Description = "每个文件输出一行 JSON（标准输出只有 JSON，日志写到标准错误）" };
    private readonly Option<bool> publish = new("--publish") { Description = "导入后直接发布（服务器上的操作员执行，不经三审，记入审计日志）" };
    private readonly Option<string?> unit = new("--unit") { Description = "导入到哪个单位（单位代码）；外单位文件（上级文件）的发布单位", HelpName = "单位代码" };
    private readonly Option<string?> site = new("--site") { Description = "迁移旧网站：保存下来的网页（含附件）所在的文件夹", HelpName = "文件夹" };
    private readonly Option<string?> mapping = new("--mapping") { Description = "旧栏目→新栏目映射文件，默认为 文件夹/column-mapping.json；不存在时先生成模板", HelpName = "文件" };
    private readonly Option<string?> baseUrl = new("--base-url") { Description = "旧网站地址（如 http://www.example.gov.cn/），页面中没有原始网址时据此还原", HelpName = "网址" };

    public override Command Command { get; }

    public ImportVerb()
    {
        Command = new Command("import", $"导入文件（{ImportFormats.Display}）或文件夹中的文件；--site 迁移旧网站")
        {
            paths, json, publish, unit, site, mapping, baseUrl,
        };
        Command.Validators.Add(r =>
        {
            var given = r.GetValue(paths) ?? [];
            var siteFolder = r.GetValue(site);
            // System.CommandLine would take a mistyped option (--jsn) for a path.
            foreach (var unknown in given.Where(p => p.StartsWith('-'))) r.AddError($"未知选项：{unknown}");
            if (given.Length == 0 && siteFolder is null) r.AddError("请指定要导入的文件或文件夹，或用 --site 指定旧网站文件夹");
            else if (given.Length > 0 && siteFolder is not null) r.AddError("--site 与文件路径不能同时使用");
            else if (siteFolder is null && (r.GetValue(mapping) is not null || r.GetValue(baseUrl) is not null)) r.AddError("--mapping 和 --base-url 只能与 --site 一起使用");
        });
    }

    protected override ImportArguments BindArguments(ParseResult r, Func<string, string> fullPath)
    {
        string? Full(string? path) => path is null ? null : fullPath(path);
        return new ImportArguments((r.GetValue(paths) ?? []).Select(fullPath).ToList(), r.GetValue(json), r.GetValue(publish), r.GetValue(unit),
            Full(r.GetValue(site)), Full(r.GetValue(mapping)), r.GetValue(baseUrl));
    }

    protected override Task<int> RunAsync(IServiceProvider services, ImportArguments arguments, TextWriter stdout, TextWriter stderr) =>
        ImportCommand.RunAsync(services, arguments, stdout, stderr);
}

/// <summary>`import PATH... [--json] [--publish] [--unit CODE]` and `import --site DIR`: files, folders, or an old site.</summary>
public static class ImportCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // CLI output for people and scripts: keep Chinese readable.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> RunAsync(IServiceProvider sp, ImportArguments args, TextWriter stdout, TextWriter stderr)
    {
        int? unitId = null;
        if (args.Unit is { } code)
        {
            unitId = await sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (unitId is null) { await stderr.WriteLineAsync($"单位代码“{code}”不存在"); return ExitCodes.UsageError; }
        }

        if (args.Site is not null)
            return await sp.GetRequiredService<SiteMigration>().RunAsync(args, unitId, stdout, stderr);

        var files = new List<string>();
        foreach (var path in args.Paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path).Where(f => ImportFormats.IsSupported(f)).Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else { await stderr.WriteLineAsync($"文件不存在：{path}"); return ExitCodes.UsageError; }
        }

        var service = sp.GetRequiredService<ImportService>();
        int failures = 0;
        foreach (var file in files)
        {
            var r = await service.ImportFileAsync(file, args.Publish, unitId);
            if (r.Error is not null) failures++;
            await stdout.WriteLineAsync(args.Json ? ToJson(r) : ToText(r));
        }
        await DatabaseStatistics.UpdateAsync(sp.GetRequiredService<ZwgkDbContext>());
        return failures == 0 ? 0 : 1;
    }

    public static string ToJson(ImportOutcome r, string? source = null) => JsonSerializer.Serialize(new
    {
        file = r.File, source, title = r.Title, documentNumber = r.DocumentNumber, documentNumberOriginal = r.DocumentNumberOriginal,
        issuingAgency = r.IssuingAgency, issuingAgencies = r.IssuingAgencies, externalIssuer = r.ExternalIssuer,
        writtenOn = r.WrittenOn?.ToString("yyyy-MM-dd"), publishedOn = r.PublishedOn?.ToString("yyyy-MM-dd"), indexNumber = r.IndexNumber,
        missing = r.Missing, documentId = r.DocumentId, duplicate = r.Duplicate, published = r.Published, conflicts = r.Conflicts,
        notes = r.Notes, error = r.Error,
    }, Json);

    public static string ToText(ImportOutcome r) => r.Error is not null ? $"✗ {r.File}：{r.Error}"
        : $"{(r.Duplicate ? "=" : "✓")} {r.File} → 文件 {r.DocumentId}{(r.Duplicate ? "（已导入过，未重复创建）" : "")}{(r.Published ? "（已发布）" : "")}\n  标题：{r.Title ?? "（缺失）"}\n  文号：{r.DocumentNumber ?? "（缺失）"}\n  发文机关：{(r.IssuingAgencies.Count > 0 ? string.Join("、", r.IssuingAgencies) : "（缺失）")}{(r.ExternalIssuer ? "（外单位）" : "")}\n  成文日期：{r.WrittenOn?.ToString("yyyy-MM-dd") ?? "（缺失）"}"
          + (r.Missing.Count > 0 ? $"\n  缺失要素：{string.Join("、", r.Missing.Select(Admin.IndexModel.FieldLabel))}" : "")
          + string.Concat(r.Notes.Select(n => $"\n  说明：{n}"));
}
