using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Hosting;

namespace Zwgk.Web.Features.Import;

/// <summary>`import PATH [--json] [--publish] [--unit CODE]`: imports a file or every supported file in a folder.</summary>
public static class ImportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // CLI output for people and scripts: keep Chinese readable.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<int> RunAsync(IServiceProvider sp, CliCommand cmd, TextWriter stdout, TextWriter stderr)
    {
        if (cmd.Arguments.Count == 0 || cmd.Flags.Contains("--help"))
        {
            await stderr.WriteLineAsync("用法 usage: import PATH... [--json] [--publish] [--unit 单位代码]");
            return cmd.Flags.Contains("--help") ? 0 : 2;
        }
        var service = sp.GetRequiredService<ImportService>();
        int? unitId = null;
        if (cmd.Values.TryGetValue("--unit", out var code))
        {
            unitId = await sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            if (unitId is null) { await stderr.WriteLineAsync($"单位代码“{code}”不存在"); return 2; }
        }
        var files = new List<string>();
        foreach (var arg in cmd.Arguments)
        {
            if (Directory.Exists(arg))
                files.AddRange(Directory.EnumerateFiles(arg).Where(f => ImportService.SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order());
            else if (File.Exists(arg)) files.Add(arg);
            else { await stderr.WriteLineAsync($"文件不存在：{arg}"); return 2; }
        }
        int failures = 0;
        foreach (var file in files)
        {
            var r = await service.ImportFileAsync(file, cmd.Flags.Contains("--publish"), unitId);
            if (r.Error is not null) failures++;
            if (cmd.Flags.Contains("--json"))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    file = r.File, title = r.Title, documentNumber = r.DocumentNumber, issuingAgency = r.IssuingAgency,
                    writtenOn = r.WrittenOn?.ToString("yyyy-MM-dd"), missing = r.Missing, documentId = r.DocumentId, duplicate = r.Duplicate,
                    notes = r.Notes, error = r.Error,
                }, Json));
            }
            else
            {
                await stdout.WriteLineAsync(r.Error is not null ? $"✗ {r.File}：{r.Error}"
                    : $"{(r.Duplicate ? "=" : "✓")} {r.File} → 文件 {r.DocumentId}{(r.Duplicate ? "（已导入过，未重复创建）" : "")}\n  标题：{r.Title ?? "（缺失）"}\n  文号：{r.DocumentNumber ?? "（缺失）"}\n  发文机关：{r.IssuingAgency ?? "（缺失）"}\n  成文日期：{r.WrittenOn?.ToString("yyyy-MM-dd") ?? "（缺失）"}"
                      + (r.Missing.Count > 0 ? $"\n  缺失要素：{string.Join("、", r.Missing)}" : "")
                      + string.Concat(r.Notes.Select(n => $"\n  说明：{n}")));
            }
        }
        await DatabaseInitializer.UpdateStatisticsAsync(sp.GetRequiredService<ZwgkDbContext>());
        return failures == 0 ? 0 : 1;
    }
}
