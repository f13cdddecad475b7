using System.CommandLine;
using Zwgk.Import;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports;

/// <summary>What `report check` was asked to do; the path is already absolute.</summary>
public sealed record ReportCheckArguments(string Path, bool Json);

/// <summary>`report check FILE [--json]`: the 公开办's check of a unit's published annual report (年报核查).</summary>
public sealed class ReportVerb : Hosting.CliVerb<ReportCheckArguments>
{
    private readonly Argument<string> file = new("文件") { Description = $"已发布的政府信息公开工作年度报告（{ImportFormats.Display}，相对路径按当前目录解析）" };
    private readonly Option<bool> json = new("--json") { Description = "输出 JSON（标准输出只有 JSON，日志写到标准错误）" };
    private readonly Command check;

    public override Command Command { get; }

    public ReportVerb()
    {
        check = new Command("check", "核查已发布的年度报告：表格是否完整、勾稽关系和合计是否正确。通过时退出码为0，有不符或缺行为1，参数错误为2")
        {
            file, json,
        };
        check.Validators.Add(r =>
        {
            // System.CommandLine would take a mistyped option (--jsn) for the file.
            if (r.GetValue(file) is { } f && f.StartsWith('-')) r.AddError($"未知选项：{f}");
        });
        Command = new Command("report", "政府信息公开工作年度报告") { check };
    }

    protected override ReportCheckArguments BindArguments(ParseResult r, Func<string, string> fullPath) =>
        new(fullPath(r.GetValue(file)!), r.GetValue(json));

    protected override Task<int> RunAsync(IServiceProvider services, ReportCheckArguments arguments, TextWriter stdout, TextWriter stderr) =>
        ReportCommand.RunAsync(services, arguments, stdout, stderr);
}

public static class ReportCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, ReportCheckArguments args, TextWriter stdout, TextWriter stderr)
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

        ReportCheckResult result;
        await using (var stream = File.OpenRead(args.Path))
        {
            result = sp.GetRequiredService<ReportCheckService>().Check(stream, args.Path);
        }

        await stdout.WriteLineAsync(args.Json
            ? ReportCheckService.ToJson(result).ToJsonString(ReportCheckService.JsonOptions)
            : ReportCheckService.ToText(result));
        return result.Passed ? 0 : 1;
    }
}
