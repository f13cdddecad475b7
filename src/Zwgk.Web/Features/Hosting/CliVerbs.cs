using System.CommandLine;

namespace Zwgk.Web.Features.Hosting;

/// <summary>
/// One command-line verb, owned by its feature folder: the System.CommandLine definition (with the Chinese help texts),
/// how a parse turns into the verb's own arguments record, and how it runs against the configured database.
/// </summary>
public abstract class CliVerb
{
    public abstract Command Command { get; }

    /// <summary>Reads the parsed options; <paramref name="fullPath"/> resolves paths against the caller's working directory.</summary>
    public abstract object Bind(ParseResult result, Func<string, string> fullPath);

    public abstract Task<int> RunAsync(IServiceProvider services, object arguments, TextWriter stdout, TextWriter stderr);
}

/// <summary>A verb whose arguments are a record of type <typeparamref name="TArguments"/>.</summary>
public abstract class CliVerb<TArguments> : CliVerb where TArguments : notnull
{
    public sealed override object Bind(ParseResult result, Func<string, string> fullPath) => BindArguments(result, fullPath);
    public sealed override Task<int> RunAsync(IServiceProvider services, object arguments, TextWriter stdout, TextWriter stderr) =>
        RunAsync(services, (TArguments)arguments, stdout, stderr);

    protected abstract TArguments BindArguments(ParseResult result, Func<string, string> fullPath);
    protected abstract Task<int> RunAsync(IServiceProvider services, TArguments arguments, TextWriter stdout, TextWriter stderr);
}

/// <summary>Every verb the program knows, in the order `--help` lists them. Each parse gets fresh instances (options are per parse).</summary>
public static class CliVerbs
{
    public static IReadOnlyList<CliVerb> Create() =>
    [
        new Import.ImportVerb(),
        new Search.ReindexVerb(),
        new Security.ApiTokens.ApiTokenVerb(),
        new Reports.ReportVerb(),
        new Ledger.LedgerVerb(),
        new Qa.Import.QaVerb(),
    ];
}
