using System.Diagnostics;
using System.Text.Json;
using Zwgk.Web.Features.Hosting;

namespace Zwgk.Tests.Import;

/// <summary>The command line: verbs with --help, usage and exit 2 for mistakes, host arguments passed to the web host.</summary>
public sealed class CliTests
{
    private static (CliParseResult Result, string Out, string Err) Parse(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var result = CliCommand.Parse(args, "/srv/caller", stdout, stderr);
        return (result, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("improt", "未知命令“improt”。您是不是要输入 import？")]
    [InlineData("grant", "未知命令“grant”。")]
    [InlineData("reindx", "未知命令“reindx”。您是不是要输入 reindex？")]
    public void An_unknown_or_mistyped_verb_prints_the_usage_and_exits_2(string verb, string message)
    {
        var (result, stdout, stderr) = Parse(verb, "--urls", "http://127.0.0.1:5099");

        Assert.Equal(2, result.ExitCode);
        Assert.Null(result.Command);
        Assert.Equal("", stdout);
        Assert.StartsWith(message + Environment.NewLine, stderr);
        Assert.Contains("导入文件（.txt .md .html .docx .pdf）或文件夹中的文件；--site 迁移旧网站", stderr);
        Assert.Contains("重建全文检索索引", stderr);
    }

    [Fact]
    public void No_verb_starts_the_web_server_with_the_host_arguments()
    {
        var (result, stdout, stderr) = Parse("--urls", "http://127.0.0.1:5099", "--Zwgk:Database=Postgres", "--ConnectionStrings:Default", "Host=x");

        Assert.Null(result.ExitCode);
        Assert.Null(result.Command);
        Assert.Equal(["--urls", "http://127.0.0.1:5099", "--Zwgk:Database=Postgres", "--ConnectionStrings:Default", "Host=x"], result.HostArgs);
        Assert.Equal("", stdout + stderr);
        Assert.Empty(Parse().Result.HostArgs);
        Assert.Null(Parse().Result.ExitCode);
    }

    [Fact]
    public void Import_options_are_parsed_and_relative_paths_resolve_against_the_callers_directory()
    {
        var (result, _, _) = Parse("import", "docs/notice.txt", "/abs/other.docx", "--json", "--publish", "--unit", "SZQZFB", "--Zwgk:DataDirectory=/d");

        var import = result.Command!.Import!;
        Assert.Equal("import", result.Command.Verb);
        Assert.Equal(["/srv/caller/docs/notice.txt", "/abs/other.docx"], import.Paths);
        Assert.True(import.Json);
        Assert.True(import.Publish);
        Assert.Equal("SZQZFB", import.Unit);
        Assert.Equal(["--Zwgk:DataDirectory=/d"], result.HostArgs);

        // Under `dotnet run` the process starts in the project folder and is told where the caller was.
        var underDotnetRun = Parse("--working-directory=/home/me/work", "import", "docs/notice.txt", "--urls", "http://x").Result;
        Assert.Equal(["/home/me/work/docs/notice.txt"], underDotnetRun.Command!.Import!.Paths);
        Assert.Equal(["--urls", "http://x"], underDotnetRun.HostArgs);
        Assert.Empty(Parse("--working-directory=/home/me/work").Result.HostArgs);

        var site = Parse("import", "--site", "old", "--mapping", "map.json", "--base-url", "http://www.example.gov.cn/").Result.Command!.Import!;
        Assert.Equal("/srv/caller/old", site.Site);
        Assert.Equal("/srv/caller/map.json", site.Mapping);
        Assert.Equal("http://www.example.gov.cn/", site.BaseUrl);
    }

    [Theory]
    [InlineData(new[] { "import", "a.txt", "--jsn" }, "命令行参数有误：未知选项：--jsn")]
    [InlineData(new[] { "import" }, "命令行参数有误：请指定要导入的文件或文件夹，或用 --site 指定旧网站文件夹")]
    [InlineData(new[] { "import", "a.txt", "--site", "old" }, "命令行参数有误：--site 与文件路径不能同时使用")]
    [InlineData(new[] { "reindex", "extra" }, "命令行参数有误：")]
    public void Wrong_options_print_the_verbs_usage_and_exit_2(string[] args, string message)
    {
        var (result, stdout, stderr) = Parse(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith(message, stderr);
        Assert.Contains(args[0], stderr[stderr.IndexOf("Usage", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData("import", "--site <文件夹>")]
    [InlineData("reindex", "重建全文检索索引")]
    public void Every_verb_has_help(string verb, string expected)
    {
        var (result, stdout, stderr) = Parse(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Root_help_lists_the_verbs()
    {
        var (result, stdout, _) = Parse("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("不带命令时启动网站", stdout);
        Assert.Contains("import", stdout);
        Assert.Contains("reindex", stdout);
    }
}

/// <summary>The real executable: a mistyped verb never starts a server; `--json` writes only JSON lines to stdout.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zwgk-cli-" + Guid.NewGuid().ToString("N"));

    public CliProcessTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Zwgk.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task A_mistyped_verb_exits_2_without_starting_a_server()
    {
        var (exit, stdout, stderr) = await RunAsync(_dir, "improt", "x.txt", "--urls", "http://127.0.0.1:5987");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("未知命令“improt”。您是不是要输入 import？", stderr);
        Assert.DoesNotContain("Now listening", stderr);
    }

    [Fact]
    public async Task Json_output_is_only_json_lines_and_relative_paths_use_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "docs", "notice.txt"),
            "济南市市中区人民政府办公室文件\n市中政办字〔2021〕11号\n\n关于做好2021年政务公开工作的通知\n\n各街道办事处，区政府各部门：\n现将有关事项通知如下，请认真贯彻落实。\n\n济南市市中区人民政府办公室\n2021年7月28日\n");

        // A fresh data directory: the first start creates the admin account and prints its password, logs are on.
        var (exit, stdout, stderr) = await RunAsync(_dir, "import", "docs/notice.txt", "--json",
            $"--Zwgk:DataDirectory={Path.Combine(_dir, "data")}", "--Zwgk:LoadDemoContent=false", "--Logging:LogLevel:Default=Information");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("notice.txt", json.GetProperty("file").GetString());
        Assert.Equal("市中政办字〔2021〕11号", json.GetProperty("documentNumber").GetString());
        Assert.Equal("2021-07-28", json.GetProperty("writtenOn").GetString());
        // What used to reach stdout now goes to stderr: the one-time password banner and the logs.
        Assert.Contains("初始密码", stderr);
        Assert.Contains("Imported notice.txt as document", stderr);
    }
}
