using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zwgk.Bench.Import;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Import;

namespace Zwgk.Tests.Import;

/// <summary>`import --site` on a generated old site: every document page once, with its elements, attachments and URL; a report.</summary>
public abstract class SiteMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(provider);
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(["import", .. args], Environment.CurrentDirectory, stdout, stderr);
        var exit = parsed.ExitCode ?? await _factory.WithScopeAsync(sp => ImportCommand.RunAsync(sp, parsed.Command!.Import!, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task An_old_site_is_migrated_once_per_document_with_a_report()
    {
        var root = Path.Combine(_factory.DataDirectory, "oldsite");
        var site = OldSiteGenerator.Generate(root, documents: 200);
        Assert.True(site.PageCount >= 200);
        Assert.Equal(200 + 20 + 13, site.PageCount);

        // First run: no mapping yet, so the template is written and nothing is imported.
        var first = await RunAsync("--site", root, "--publish");
        var mappingPath = Path.Combine(root, SiteMigration.MappingFileName);
        Assert.Equal(SiteMigration.MappingTemplateWritten, first.Exit);
        Assert.StartsWith($"已生成栏目映射模板：{mappingPath}", first.Err);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(mappingPath))!;
        var olds = template["栏目对应"]!.AsArray().Select(e => (e!["旧栏目"]!.GetValue<string>(), e["页面数"]!.GetValue<int>())).ToList();
        Assert.Equal(
            [("政务公开 > 政策文件 > 上级文件", 50), ("政务公开 > 政策文件 > 区政府办公室文件", 60), ("政务公开 > 政策文件 > 区政府文件", 50), ("政务公开 > 通知公告", 60)],
            olds.OrderBy(o => o.Item1, StringComparer.Ordinal).ToList());
        Assert.Contains("政府信息公开 > 法定主动公开内容 > 政策文件 > 其他文件", template["可用的新栏目"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0, await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.CountAsync()));

        foreach (var entry in template["栏目对应"]!.AsArray())
        {
            entry!["新栏目"] = entry["旧栏目"]!.GetValue<string>() == "政务公开 > 通知公告"
                ? new JsonArray("政务动态 > 通知公告")
                : new JsonArray("政府信息公开 > 法定主动公开内容 > 政策文件 > 其他文件", "政策文件库");
        }
        await File.WriteAllTextAsync(mappingPath, template.ToJsonString());

        var (exit, report, progress) = await RunAsync("--site", root, "--publish");

        Assert.Equal(0, exit);
        var lines = report.Split('\n');
        Assert.StartsWith("迁移报告：共 233 个页面，导入 200 份文件（附件 60 个），重复 20 个，跳过 13 个，失败 0 个；用时 ", lines[0]);
        foreach (var nav in site.NavigationPages) Assert.Contains(lines, l => l.StartsWith($"  {nav}：导航或列表页（", StringComparison.Ordinal));
        foreach (var (copy, original) in site.Duplicates)
            Assert.Contains(lines, l => l.StartsWith($"  {copy} 与 {original} 相同", StringComparison.Ordinal) || l.StartsWith($"  {original} 与 {copy} 相同", StringComparison.Ordinal));
        // 通知公告 carry no 文号: reported missing for each such document, never invented.
        var withoutNumber = site.Documents.Where(d => d.DocumentNumber is null).Select(d => d.Path).ToList();
        Assert.Equal(50, withoutNumber.Count);
        Assert.Equal(50, lines.Count(l => l.EndsWith("：发文字号", StringComparison.Ordinal)));
        Assert.Contains("进度：100/233 个页面", progress);
        Assert.Contains("进度：233/233 个页面（导入 200，重复 20，跳过 13，失败 0）", progress);

        var stored = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.AsNoTracking()
            .Select(d => new { d.Id, d.Title, d.DocumentNumber, d.IndexNumber, d.PublishedAt, d.WrittenOn, d.SourceUrl, d.Migrated, d.Status, d.ExternalIssuer,
                Attachments = d.Attachments.Count, Columns = d.Columns.Select(c => c.Column!.Name).ToList(), Issuers = d.Issuers.Select(i => i.Unit!.Name).ToList() })
            .ToListAsync());
        Assert.Equal(200, stored.Count);
        var byIndex = stored.ToDictionary(d => d.IndexNumber!);
        foreach (var expected in site.Documents)
        {
            var d = byIndex[expected.IndexNumber];
            Assert.Equal(expected.Title, d.Title);
            Assert.Equal(expected.DocumentNumber, d.DocumentNumber);
            Assert.Equal(expected.WrittenOn, d.WrittenOn);
            Assert.Equal(new DateTimeOffset(expected.PublishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), d.PublishedAt);
            Assert.Equal(expected.SourceUrl, d.SourceUrl);
            Assert.Equal(expected.Attachments.Count, d.Attachments);
            Assert.True(d.Migrated);
            Assert.Equal(Domain.Documents.DocumentStatus.Published, d.Status);
            if (expected.Agency == "山东省人民政府办公厅") Assert.Equal(("山东省人民政府办公厅", 0), (d.ExternalIssuer, d.Issuers.Count));
            else Assert.Equal([expected.Agency], d.Issuers);
            Assert.Equal(expected.OldColumn == "政务公开 > 通知公告" ? ["通知公告"] : new[] { "其他文件", "政策文件库" }.ToList(), d.Columns.Order().ToList());
        }

        // Running it again finds everything already there.
        var again = await RunAsync("--site", root, "--publish", "--json");
        var summary = JsonDocument.Parse(again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("summary");
        Assert.Equal((0, 220, 13), (summary.GetProperty("imported").GetInt32(), summary.GetProperty("duplicates").GetInt32(), summary.GetProperty("skipped").GetInt32()));
    }
}

public sealed class SqliteSiteMigrationTests() : SiteMigrationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSiteMigrationTests() : SiteMigrationTests(DatabaseProvider.Postgres);
