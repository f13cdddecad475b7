using System.CommandLine;
using System.CommandLine.Help;
using Zwgk.Import;
using Zwgk.Web.Features.Import;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Hosting;


/// <summary>Outcome of parsing the command line: a verb to run, host arguments for the web server, or an exit code (help, errors).</summary>
public sealed record CliParseResult(CliCommand? Command, string[] HostArgs, int? ExitCode);

/// <summary>
/// Command-line verbs that run against the configured database instead of serving HTTP (System.CommandLine).
/// Without a verb the web server starts with the host arguments (--urls, --Zwgk:Database=… and other configuration keys);
/// an unknown verb or option prints the usage and exits with 2.
/// </summary>
public sealed class CliCommand
{
    public const int UsageError = ExitCodes.UsageError;

    public required string Verb { get; init; }
    public ImportArguments? Import { get; init; }

    /// <summary>Where results go; log output and anything else printed to the console goes to stderr (see <see cref="ConfigureHost"/>).</summary>
    private TextWriter stdout = Console.Out;

    // Host settings the web host understands besides configuration keys with ':' (ASP.NET Core's command-line provider).
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "https_port",
        "hostingStartupAssemblies", "preventHostingStartup", "detailedErrors", "shutdownTimeoutSeconds", "allowedHosts",
    };

    private const string WorkingDirectoryOption = "--working-directory=";

    private static readonly HashSet<string> CommandOptions = ["json", "publish", "unit", "site", "mapping", "base-url", "help"];

    /// <summary>Parses <paramref name="args"/>; help goes to <paramref name="output"/>, usage errors to <paramref name="error"/>.</summary>
    public static CliParseResult Parse(string[] args, string workingDirectory, TextWriter output, TextWriter error)
    {
        // `dotnet run` passes the caller's directory (see Zwgk.Web.csproj): the process itself runs in the project folder.
        if (args.FirstOrDefault(a => a.StartsWith(WorkingDirectoryOption, StringComparison.Ordinal)) is { } wd)
        {
            workingDirectory = wd[WorkingDirectoryOption.Length..].Trim('"');
            args = args.Where(a => !ReferenceEquals(a, wd)).ToArray();
        }

        var (tokens, hostArgs) = SplitHostArgs(args);
        if (tokens.Count == 0)
        {
            return new CliParseResult(null, hostArgs, null);
        }

        var cli = new Definition();
        var first = tokens[0];
        if (!first.StartsWith('-') && !cli.Root.Subcommands.Any(c => c.Name == first))
        {
            var suggestion = cli.Root.Subcommands.Select(c => c.Name).FirstOrDefault(n => Distance(n, first) <= 2);
            error.WriteLine($"未知命令“{first}”。{(suggestion is null ? "" : $"您是不是要输入 {suggestion}？")}");
            cli.Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return new CliParseResult(null, hostArgs, UsageError);
        }

        var result = cli.Root.Parse(tokens);
        if (result.Action is HelpAction || result.Errors.Count > 0 || result.CommandResult.Command == cli.Root)
        {
            if (result.Errors.Count == 0 && result.Action is not null)
            {
                // --help, --version: print and stop.
                return new CliParseResult(null, hostArgs, result.Invoke(new InvocationConfiguration { Output = output, Error = error }));
            }

            foreach (var e in result.Errors)
            {
                error.WriteLine($"命令行参数有误：{e.Message}");
            }

            var command = result.CommandResult.Command;
            string[] helpArgs = command == cli.Root ? ["--help"] : [command.Name, "--help"];
            cli.Root.Parse(helpArgs).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return new CliParseResult(null, hostArgs, UsageError);
        }

        string? Full(string? path) => path is null ? null : Path.GetFullPath(path, workingDirectory);
        var verb = result.CommandResult.Command.Name;
        var import = verb == "import"
            ? new ImportArguments(
                (result.GetValue(cli.Paths) ?? []).Select(p => Full(p)!).ToList(),
                result.GetValue(cli.Json),
                result.GetValue(cli.Publish),
                result.GetValue(cli.Unit),
                Full(result.GetValue(cli.Site)),
                Full(result.GetValue(cli.Mapping)),
                result.GetValue(cli.BaseUrl))
            : null;
        return new CliParseResult(new CliCommand { Verb = verb, Import = import }, hostArgs, null);
    }

    /// <summary>For a verb, stdout carries only the command's results: logs and other console output go to stderr.</summary>
    public void ConfigureHost(WebApplicationBuilder builder)
    {
        stdout = Console.Out;
        Console.SetOut(Console.Error);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return Verb switch
        {
            "import" => await ImportCommand.RunAsync(scope.ServiceProvider, Import!, stdout, Console.Error),
            "reindex" => await Search.ReindexCommand.RunAsync(scope.ServiceProvider, stdout, Console.Error),
            _ => UsageError,
        };
    }

    /// <summary>Configuration keys (--Zwgk:Database=…, --urls …) belong to the web host wherever they stand.</summary>
    private static (List<string> Tokens, string[] HostArgs) SplitHostArgs(string[] args)
    {
        var tokens = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..].Split('=', 2)[0];
                // "--Key=value" and "--Section:Key value" are configuration (test hosts pass even "--Zwgk="); our own options are not.
                if (!CommandOptions.Contains(name) && (a.Contains('=') || name.Contains(':') || HostKeys.Contains(name)))
                {
                    host.Add(a);
                    if (!a.Contains('=') && i + 1 < args.Length)
                    {
                        host.Add(args[++i]);
                    }

                    continue;
                }
            }

            tokens.Add(a);
        }

        return (tokens, host.ToArray());
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The verbs and their options, with the help texts `--help` prints.</summary>
    private sealed class Definition
    {
        public Argument<string[]> Paths { get; } = new("路径") { Arity = ArgumentArity.ZeroOrMore, Description = "要导入的文件或文件夹（相对路径按当前目录解析）" };
        public Option<bool> Json { get; } = new("--json") { Description = "每个文件输出一行 JSON（标准输出只有 JSON，日志写到标准错误）" };
        public Option<bool> Publish { get; } = new("--publish") { Description = "导入后直接发布（服务器上的操作员执行，不经三审，记入审计日志）" };
        public Option<string?> Unit { get; } = new("--unit") { Description = "导入到哪个单位（单位代码）；外单位文件（上级文件）的发布单位", HelpName = "单位代码" };
        public Option<string?> Site { get; } = new("--site") { Description = "迁移旧网站：保存下来的网页（含附件）所在的文件夹", HelpName = "文件夹" };
        public Option<string?> Mapping { get; } = new("--mapping") { Description = "旧栏目→新栏目映射文件，默认为 文件夹/column-mapping.json；不存在时先生成模板", HelpName = "文件" };
        public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "旧网站地址（如 http://www.example.gov.cn/），页面中没有原始网址时据此还原", HelpName = "网址" };

        public RootCommand Root { get; }

        public Definition()
        {
            var import = new Command("import", $"导入文件（{ImportFormats.Display}）或文件夹中的文件；--site 迁移旧网站")
            {
                Paths, Json, Publish, Unit, Site, Mapping, BaseUrl,
            };
            import.Validators.Add(r =>
            {
                var paths = r.GetValue(Paths) ?? [];
                var site = r.GetValue(Site);
                // System.CommandLine would take a mistyped option (--jsn) for a path.
                foreach (var unknown in paths.Where(p => p.StartsWith('-'))) r.AddError($"未知选项：{unknown}");
                if (paths.Length == 0 && site is null) r.AddError("请指定要导入的文件或文件夹，或用 --site 指定旧网站文件夹");
                else if (paths.Length > 0 && site is not null) r.AddError("--site 与文件路径不能同时使用");
                else if (site is null && (r.GetValue(Mapping) is not null || r.GetValue(BaseUrl) is not null)) r.AddError("--mapping 和 --base-url 只能与 --site 一起使用");
            });
            var reindex = new Command("reindex", "重建全文检索索引（在旁构建，完成后切换，运行中的站点不中断）");
            Root = new RootCommand("Zwgk 政务公开平台。不带命令时启动网站，可加主机参数（如 --urls http://*:5000、--Zwgk:Database=Postgres）。")
            {
                import, reindex,
            };
        }
    }
}
