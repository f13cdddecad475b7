using System.CommandLine;
using System.Text.Json;
using Zwgk.Import;
using Zwgk.Web.Features.Import;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Import;

/// <summary>What `qa import` was asked to do; the path is already absolute.</summary>
public sealed record QaImportArguments(string File, bool Publish, bool Json);

/// <summary>The `qa` verb: `qa import FILE [--publish] [--json]` reads a unit FAQ sheet (.csv/.xlsx) into the 政策问答库.</summary>
public sealed class QaVerb : Hosting.CliVerb<QaImportArguments>
{
    private readonly Command import = new("import", "导入常见问题表格（.csv 或 .xlsx；列：问题、答复、责任单位、政策依据，可选 主题、复核日期、其他问法）");
    private readonly Argument<string> file = new("文件") { Description = "表格文件（相对路径按当前目录解析）" };
    private readonly Option<bool> publish = new("--publish") { Description = "导入后直接发布（服务器上的操作员执行，记入审计日志）；不加则为草稿" };
    private readonly Option<bool> json = new("--json") { Description = "输出一行 JSON 汇总（标准输出只有 JSON，日志写到标准错误）" };

    public override Command Command { get; }

    public QaVerb()
    {
        import.Arguments.Add(file);
        import.Options.Add(publish);
        import.Options.Add(json);
        Command = new Command("qa", "政策问答库") { import };
    }

    protected override QaImportArguments BindArguments(ParseResult r, Func<string, string> fullPath) =>
        new(fullPath(r.GetValue(file) ?? ""), r.GetValue(publish), r.GetValue(json));

    protected override Task<int> RunAsync(IServiceProvider services, QaImportArguments arguments, TextWriter stdout, TextWriter stderr) =>
        QaImportCommand.RunAsync(services, arguments, stdout, stderr);
}

public static class QaImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, QaImportArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(args.File)) { await stderr.WriteLineAsync($"文件不存在：{args.File}"); return ExitCodes.UsageError; }
        if (!QaSheetReader.IsSupported(args.File)) { await stderr.WriteLineAsync($"不支持的文件类型：{Path.GetExtension(args.File)}（支持 .csv .xlsx）"); return ExitCodes.UsageError; }
        var limits = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportLimits>>().Value;
        if (new FileInfo(args.File).Length > limits.MaxFileBytes) { await stderr.WriteLineAsync($"文件超过{limits.MaxFileMegabytes}MB的上限"); return 1; }
        QaImportSummary s;
        try
        {
            s = await sp.GetRequiredService<QaImportService>().ImportAsync(await File.ReadAllBytesAsync(args.File), args.File, args.Publish, QaImporter.CommandLine);
        }
        catch (ImportRejectedException ex)
        {
            if (args.Json) await stdout.WriteLineAsync(JsonSerializer.Serialize(new { imported = 0, updated = 0, skipped = 0, errors = new[] { new { row = 0, message = ex.Message } }, unknownUnits = Array.Empty<object>() }, ImportCommand.Json));
            else await stderr.WriteLineAsync($"无法导入：{ex.Message}");
            return 1;
        }
        if (args.Json)
        {
            await stdout.WriteLineAsync(ToJson(s));
            return 0;
        }
        await stdout.WriteLineAsync($"{s.FileName}：新增 {s.Imported} 条，更新 {s.Updated} 条，跳过 {s.Skipped} 条{(s.Published ? "（已直接发布）" : "（草稿，待提交审核）")}");
        foreach (var e in s.Errors) await stdout.WriteLineAsync($"  第{e.Row}行：{e.Message}");
        if (s.UnknownUnits.Count > 0)
            await stdout.WriteLineAsync($"  待确认单位（已按原文保留，请公开办在“政策问答 → 待确认单位”中确认）：{string.Join("、", s.UnknownUnits.Select(u => $"{u.Name}（{u.Count}条）"))}");
        return 0;
    }

    public static string ToJson(QaImportSummary s) => JsonSerializer.Serialize(new
    {
        imported = s.Imported, updated = s.Updated, skipped = s.Skipped,
        errors = s.Errors.Select(e => new { row = e.Row, message = e.Message }),
        unknownUnits = s.UnknownUnits.Select(u => new { name = u.Name, count = u.Count }),
    }, ImportCommand.Json);
}
