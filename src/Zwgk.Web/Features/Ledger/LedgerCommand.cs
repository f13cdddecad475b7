using System.CommandLine;
using Zwgk.Import;
using Zwgk.Web.Features.Import;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

/// <summary>What `ledger import` was asked to do; the path is already absolute.</summary>
public sealed record LedgerImportArguments(string Path, int? Year, bool Json, bool DryRun);

/// <summary>`ledger import FILE [--year N] [--json] [--dry-run]`: turn a 工作要点 into the work ledger.</summary>
public sealed class LedgerVerb : Hosting.CliVerb<LedgerImportArguments>
{
    private readonly Argument<string> file = new("文件") { Description = $"政务公开工作要点（{ImportFormats.Display}，相对路径按当前目录解析）" };
    private readonly Option<int?> year = new("--year") { Description = "工作要点的年度（默认从标题识别）", HelpName = "年度" };
    private readonly Option<bool> json = new("--json") { Description = "输出 JSON（标准输出只有 JSON，日志写到标准错误）" };
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "只识别、不保存" };

    public override Command Command { get; }

    public LedgerVerb()
    {
        var import = new Command("import", "导入工作要点，生成工作台账：识别任务分工表或任务清单、责任单位和完成时限；同一文件重复导入不会生成第二份台账")
        {
            file, year, json, dryRun,
        };
        import.Validators.Add(r =>
        {
            if (r.GetValue(file) is { } f && f.StartsWith('-')) r.AddError($"未知选项：{f}");
            if (r.GetValue(year) is int y && (y < 2000 || y > 2100)) r.AddError("年度应在2000至2100之间");
        });
        Command = new Command("ledger", "工作台账") { import };
    }

    protected override LedgerImportArguments BindArguments(ParseResult r, Func<string, string> fullPath) =>
        new(fullPath(r.GetValue(file)!), r.GetValue(year), r.GetValue(json), r.GetValue(dryRun));

    protected override Task<int> RunAsync(IServiceProvider services, LedgerImportArguments arguments, TextWriter stdout, TextWriter stderr) =>
        LedgerCommand.RunAsync(services, arguments, stdout, stderr);
}

public static class LedgerCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, LedgerImportArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(args.Path))
        {
            await stderr.WriteLineAsync($"文件不存在：{args.Path}");
            return ExitCodes.UsageError;
        }
        if (!ImportFormats.IsSupported(args.Path))
        {
            await stderr.WriteLineAsync(ImportFormats.UnsupportedMessage(args.Path));
            return ExitCodes.UsageError;
        }

        var service = sp.GetRequiredService<LedgerImportService>();
        LedgerImportPreview preview;
        try
        {
            await using var stream = File.OpenRead(args.Path);
            preview = await service.PreviewAsync(stream, args.Path, args.Year);
        }
        catch (Exception e) when (e is ImportRejectedException or NotSupportedException)
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }

        int? planId = null;
        if (!args.DryRun)
        {
            var (result, created) = await service.SaveAsync(preview, "命令行导入");
            if (!result.Ok)
            {
                await stderr.WriteLineAsync(result.Message);
                return 1;
            }
            planId = result.Id;
            await stderr.WriteLineAsync(created ? $"已生成工作台账 #{planId}" : $"此文件已导入过，工作台账 #{planId}（未重复生成）");
        }

        if (args.Json)
        {
            await stdout.WriteLineAsync(LedgerImportService.ToJson(preview, planId).ToJsonString(ImportCommand.Json));
            return 0;
        }
        var p = preview.Plan;
        await stdout.WriteLineAsync($"{p.Title ?? preview.FileName}（{preview.Year?.ToString() ?? "年度未知"}）：{p.Sections.Count}个部分，{p.Tasks.Count}项任务");
        foreach (var t in p.Tasks)
        {
            var units = string.Join("、", t.LeadUnits.Concat(t.ResponsibleUnits).Select(m => m.Name));
            await stdout.WriteLineAsync($"  {t.Number ?? t.Order.ToString()}. {Cut(t.Requirement, 40)} ｜ {units} ｜ {t.Deadline.JsonValue ?? "无时限"}");
        }
        if (preview.UnresolvedUnits.Count > 0)
            await stdout.WriteLineAsync($"待确认的单位名称（{preview.UnresolvedUnits.Count}个）：{string.Join("、", preview.UnresolvedUnits)}");
        foreach (var note in p.Notes) await stdout.WriteLineAsync($"说明：{note}");
        return 0;
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
