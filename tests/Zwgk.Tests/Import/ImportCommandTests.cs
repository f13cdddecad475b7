using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Import;

namespace Zwgk.Tests.Import;

/// <summary>`import PATH --json` over the real seeds: exact 文号 and dates, missing elements reported, no duplicates.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds");

    private async Task<(int Exit, List<JsonElement> Lines, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(["import", .. args], Environment.CurrentDirectory, stdout, stderr);
        var exit = parsed.ExitCode ?? await _factory.WithScopeAsync(sp => ImportCommand.RunAsync(sp, parsed.Command!.Import!, stdout, stderr));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (exit, lines, stderr.ToString());
    }

    [Fact]
    public async Task Seeds_import_with_their_real_numbers_and_dates()
    {
        var (exit, lines, _) = await RunAsync(Seeds, "--json");
        Assert.Equal(0, exit);
        Assert.Equal(3, lines.Count);
        var byFile = lines.ToDictionary(l => l.GetProperty("file").GetString()!);

        var s2021 = byFile["000_2b45749dc7164739.txt"];
        Assert.Equal("市中政办字〔2021〕11号", s2021.GetProperty("documentNumber").GetString());
        Assert.Equal("2021-07-28", s2021.GetProperty("writtenOn").GetString());
        Assert.Equal("济南市市中区人民政府办公室", s2021.GetProperty("issuingAgency").GetString());
        Assert.Equal("济南市市中区人民政府办公室关于印发2021年济南市市中区政务公开工作要点的通知", s2021.GetProperty("title").GetString());
        Assert.Empty(s2021.GetProperty("missing").EnumerateArray());

        var s2024 = byFile["001_cfe5bbab97bba859.txt"];
        Assert.Equal("市中政办发〔2024〕3号", s2024.GetProperty("documentNumber").GetString());
        Assert.Equal("2024-06-30", s2024.GetProperty("writtenOn").GetString());

        // Seed 003 has no header: nothing is invented, everything absent is reported.
        var s003 = byFile["003_98f1dd9e57994402.txt"];
        Assert.Equal("2021年市中区政务公开工作要点", s003.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, s003.GetProperty("documentNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, s003.GetProperty("writtenOn").ValueKind);
        var missing = s003.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("documentNumber", missing);
        Assert.Contains("issuingAgency", missing);
        Assert.Contains("writtenOn", missing);

        // The document in the database holds the same elements.
        var number = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents
            .Where(d => d.SourceFileName == "001_cfe5bbab97bba859.txt").Select(d => new { d.DocumentNumber, d.WrittenOn, Issuers = d.Issuers.Count }).SingleAsync());
        Assert.Equal(("市中政办发〔2024〕3号", new DateOnly(2024, 6, 30), 1), (number.DocumentNumber, number.WrittenOn, number.Issuers));
    }

    [Fact]
    public async Task Reimporting_the_same_file_does_not_duplicate_it()
    {
        var file = Path.Combine(Seeds, "000_2b45749dc7164739.txt");
        var first = await RunAsync(file, "--json");
        var second = await RunAsync(file, "--json");
        Assert.False(first.Lines[0].GetProperty("duplicate").GetBoolean());
        Assert.True(second.Lines[0].GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.Lines[0].GetProperty("documentId").GetInt32(), second.Lines[0].GetProperty("documentId").GetInt32());
        var count = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.CountAsync(d => d.SourceFileName == "000_2b45749dc7164739.txt"));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Other_layouts_import_markdown_tables_tabs_and_no_number()
    {
        var dir = Path.Combine(_factory.DataDirectory, "layouts");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "plan.md"), """
            # 2025年某区政务公开重点任务分解表

            | 序号 | 工作任务 | 责任单位 | 完成时限 |
            |---|---|---|---|
            | 1 | 主动公开“十四五”规划 | 区发改局 | 2025年12月底前 |
            | 2 | 完善政策问答库 | 区政府办公室 | 长期坚持 |
            """);
        await File.WriteAllTextAsync(Path.Combine(dir, "tasks.txt"), "某区政务公开任务清单\n\n序号\t任务\t责任单位\n1\t更新公开指南\t区政府办公室\n2\t发布年度报告\t各部门\n");
        // .markdown is read like .md: a folder import takes it too (it used to be skipped).
        await File.WriteAllTextAsync(Path.Combine(dir, "brief.markdown"), "# 某区政务公开工作简报\n\n本月共主动公开政府信息一百二十条。\n");
        var (exit, all, _) = await RunAsync(dir, "--json");
        Assert.Equal(0, exit);
        Assert.Equal(["brief.markdown", "plan.md", "tasks.txt"], all.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal("某区政务公开工作简报", all[0].GetProperty("title").GetString());
        var lines = all.Skip(1).ToList();
        Assert.All(lines, l => Assert.Contains("documentNumber", l.GetProperty("missing").EnumerateArray().Select(m => m.GetString())));
        var md = lines.Single(l => l.GetProperty("file").GetString() == "plan.md");
        Assert.Equal("2025年某区政务公开重点任务分解表", md.GetProperty("title").GetString());
        var bodies = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents
            .Where(d => d.SourceFileName == "plan.md" || d.SourceFileName == "tasks.txt").Select(d => d.BodyHtml).ToListAsync());
        Assert.All(bodies, b => Assert.Contains("<table", b));
        Assert.Contains(bodies, b => b.Contains("长期坚持"));
    }

    [Fact]
    public async Task Unsupported_files_and_missing_paths_are_reported_clearly()
    {
        var bad = Path.Combine(_factory.DataDirectory, "scan.pdf");
        await File.WriteAllTextAsync(bad, "%PDF-1.4");
        var (exit, lines, _) = await RunAsync(bad, "--json");
        Assert.Equal(1, exit);
        Assert.Equal("文件已损坏或不是有效的 PDF 文件", lines[0].GetProperty("error").GetString());
        var sheet = Path.Combine(_factory.DataDirectory, "data.xlsx");
        await File.WriteAllTextAsync(sheet, "x");
        (exit, lines, _) = await RunAsync(sheet, "--json");
        Assert.Equal(1, exit);
        Assert.Equal("不支持的文件类型：.xlsx（支持 .txt .md .html .docx .pdf）", lines[0].GetProperty("error").GetString());
        var missing = await RunAsync("/nonexistent/file.txt");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("文件不存在", missing.Err);
    }
}
