using System.CommandLine;
using System.CommandLine.Help;
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
    /// <summary>The verb's parsed arguments (its own record type).</summary>
    public required object Arguments { get; init; }
    public ImportArguments? Import => Arguments as ImportArguments;
    private CliVerb verbDefinition = null!;

    /// <summary>Where results go; log output and anything else printed to the console goes to stderr (see <see cref="ConfigureHost"/>).</summary>
    private TextWriter stdout = Console.Out;

    // Host settings the web host understands besides configuration keys with ':' (ASP.NET Core's command-line provider).
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "https_port",
        "hostingStartupAssemblies", "preventHostingStartup", "detailedErrors", "shutdownTimeoutSeconds", "allowedHosts",
    };

    private const string WorkingDirectoryOption = "--working-directory=";


    /// <summary>Parses <paramref name="args"/>; help goes to <paramref name="output"/>, usage errors to <paramref name="error"/>.</summary>
    public static CliParseResult Parse(string[] args, string workingDirectory, TextWriter output, TextWriter error)
    {
        // `dotnet run` passes the caller's directory (see Zwgk.Web.csproj): the process itself runs in the project folder.
        if (args.FirstOrDefault(a => a.StartsWith(WorkingDirectoryOption, StringComparison.Ordinal)) is { } wd)
        {
            workingDirectory = wd[WorkingDirectoryOption.Length..].Trim('"');
            args = args.Where(a => !ReferenceEquals(a, wd)).ToArray();
        }

        var verbs = CliVerbs.Create();
        var root = new RootCommand("Zwgk 政务公开平台。不带命令时启动网站，可加主机参数（如 --urls http://*:5000、--Zwgk:Database=Postgres）。");
        foreach (var v in verbs) root.Subcommands.Add(v.Command);
        var commandOptions = verbs.SelectMany(v => v.Command.Options).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Select(n => n.TrimStart('-')).Append("help").ToHashSet(StringComparer.Ordinal);
        var (tokens, hostArgs) = SplitHostArgs(args, commandOptions);
        if (tokens.Count == 0)
        {
            return new CliParseResult(null, hostArgs, null);
        }

        var first = tokens[0];
        if (!first.StartsWith('-') && !root.Subcommands.Any(c => c.Name == first))
        {
            var suggestion = root.Subcommands.Select(c => c.Name).FirstOrDefault(n => Distance(n, first) <= 2);
            error.WriteLine($"未知命令“{first}”。{(suggestion is null ? "" : $"您是不是要输入 {suggestion}？")}");
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return new CliParseResult(null, hostArgs, UsageError);
        }

        var result = root.Parse(tokens);
        if (result.Action is HelpAction || result.Errors.Count > 0 || result.CommandResult.Command == root)
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
            string[] helpArgs = command == root ? ["--help"] : [.. CommandPath(command), "--help"];
            root.Parse(helpArgs).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return new CliParseResult(null, hostArgs, UsageError);
        }

        // A verb may group subcommands (report check): the verb is the top-level command the parse went through.
        var chosen = verbs.Single(v => CommandPath(result.CommandResult.Command).FirstOrDefault() == v.Command.Name);
        var arguments = chosen.Bind(result, path => Path.GetFullPath(path, workingDirectory));
        return new CliParseResult(new CliCommand { Verb = chosen.Command.Name, Arguments = arguments, verbDefinition = chosen }, hostArgs, null);
    }

    /// <summary>Names from the top-level verb down to <paramref name="command"/> (the root command excluded).</summary>
    private static List<string> CommandPath(Command command)
    {
        var path = new List<string>();
        for (Command? c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c.Name);
        }

        return path;
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
        return await verbDefinition.RunAsync(scope.ServiceProvider, Arguments, stdout, Console.Error);
    }

    /// <summary>Configuration keys (--Zwgk:Database=…, --urls …) belong to the web host wherever they stand.</summary>
    private static (List<string> Tokens, string[] HostArgs) SplitHostArgs(string[] args, HashSet<string> commandOptions)
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
                if (!commandOptions.Contains(name) && (a.Contains('=') || name.Contains(':') || HostKeys.Contains(name)))
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
}
