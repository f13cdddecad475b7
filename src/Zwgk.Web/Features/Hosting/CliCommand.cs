using Zwgk.Web.Features.Import;

namespace Zwgk.Web.Features.Hosting;

/// <summary>Command-line verbs that run against the configured database instead of serving HTTP.</summary>
public sealed class CliCommand
{
    public required string Verb { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required IReadOnlySet<string> Flags { get; init; }
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    private static readonly HashSet<string> Verbs = ["import", "reindex"];
    private static readonly HashSet<string> ValueOptions = ["--unit"];

    /// <summary>Splits `import PATH [--json] [--publish] [--unit CODE]` or `reindex` from the host's own arguments (--urls etc.).</summary>
    public static (CliCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0])) return (null, args);
        var positional = new List<string>();
        var flags = new HashSet<string>();
        var values = new Dictionary<string, string>();
        var host = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (ValueOptions.Contains(a) && i + 1 < args.Length) values[a] = args[++i];
            else if (a is "--json" or "--publish" or "--help") flags.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                host.Add(a);
                if (!a.Contains('=') && i + 1 < args.Length) host.Add(args[++i]);
            }
            else positional.Add(a);
        }
        return (new CliCommand { Verb = args[0], Arguments = positional, Flags = flags, Values = values }, host.ToArray());
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return Verb switch
        {
            "import" => await ImportCommand.RunAsync(scope.ServiceProvider, this, Console.Out, Console.Error),
            "reindex" => await Search.ReindexCommand.RunAsync(scope.ServiceProvider, Console.Out, Console.Error),
            _ => 2,
        };
    }
}
