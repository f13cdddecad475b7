using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Import;

/// <summary>What `import` was asked to do; paths are already absolute (resolved against the caller's working directory).</summary>
public sealed record ImportArguments(IReadOnlyList<string> Paths, bool Json, bool Publish, string? Unit, string? Site, string? Mapping, string? BaseUrl);

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
