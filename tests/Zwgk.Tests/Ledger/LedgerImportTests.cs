using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Ledger;

namespace Zwgk.Tests.Ledger;

/// <summary>`ledger import FILE [--year N] [--json]` on the three seeds, and the upload page.</summary>
public sealed class LedgerImportTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string Seed(string prefix) => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds"), prefix + "_*.txt").Single();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(["ledger", "import", .. args], Environment.CurrentDirectory, stdout, stderr);
        var exit = parsed.ExitCode ?? await _factory.WithScopeAsync(sp => LedgerCommand.RunAsync(sp, (LedgerImportArguments)parsed.Command!.Arguments, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string stdout) => JsonDocument.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement.Clone();

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static JsonElement Task(JsonElement root, string number) => root.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetString() == number);

    [Fact]
    public async Task Seed_001_has_54_tasks_with_units_as_written_and_their_resolution_beside_them()
    {
        var (exit, stdout, _) = await RunAsync(Seed("001"), "--json");
        Assert.Equal(0, exit);
        var root = Json(stdout);
        Assert.Equal(2024, root.GetProperty("year").GetInt32());
        Assert.Equal(25, root.GetProperty("sections").GetInt32());
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(54, tasks.Count);
        Assert.Equal(Enumerable.Range(1, 54).Select(i => i.ToString()), tasks.Select(t => t.GetProperty("number").GetString()));
        foreach (var t in tasks)
        {
            // The acceptance shape: every task has these members, units are arrays of names, deadline a date, "ongoing" or null.
            foreach (var member in new[] { "section", "requirement", "leadUnits", "responsibleUnits", "deadline", "source" }) Assert.True(t.TryGetProperty(member, out _), member);
            Assert.Matches(@"^(\d{4}-\d{2}-\d{2}|ongoing)$", t.GetProperty("deadline").GetString());
        }
        var t2 = Task(root, "2");
        Assert.StartsWith("对支持和激励民间投资发展的政策举措", t2.GetProperty("requirement").GetString());
        Assert.Equal(["区发展改革局", "区工业和信息化局", "区投资促进局", "各街道办事处"], Strings(t2.GetProperty("responsibleUnits")));
        Assert.Equal("2024-12-31", t2.GetProperty("deadline").GetString());
        Assert.Equal("ongoing", Task(root, "17").GetProperty("deadline").GetString());
        Assert.Equal(["区教育局", "区卫生健康局"], Strings(Task(root, "43").GetProperty("responsibleUnits")));

        // Resolution is reported beside the names: abbreviations and collective names resolve, the city's branch does not.
        var res = root.GetProperty("resolutions");
        Assert.Equal("exact", res.GetProperty("区发展改革局").GetProperty("kind").GetString());
        Assert.Equal(["SZFGJ"], res.GetProperty("区发展改革局").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal("abbreviation", res.GetProperty("区教育局").GetProperty("kind").GetString());
        Assert.Equal(["SZJTJ"], res.GetProperty("区教育局").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal("collective", res.GetProperty("各街道办事处").GetProperty("kind").GetString());
        Assert.Equal(3, res.GetProperty("各街道办事处").GetProperty("units").GetArrayLength());
        var unresolved = Strings(root.GetProperty("unresolvedUnits"));
        Assert.Contains("市生态环境局市中分局", unresolved);
        Assert.DoesNotContain("区发展改革局", unresolved);
        Assert.DoesNotContain("各街道办事处", unresolved);

        // It was saved once; importing the same file again finds that plan.
        var planId = root.GetProperty("planId").GetInt32();
        var again = Json((await RunAsync(Seed("001"), "--json")).Out);
        Assert.Equal(planId, again.GetProperty("planId").GetInt32());
        Assert.Equal(1, await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().WorkPlans.CountAsync()));
        Assert.Equal(54, await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().LedgerTasks.CountAsync(t => t.PlanId == planId)));
    }

    [Fact]
    public async Task Seed_000_pdf_table_without_tabs_has_37_tasks_and_no_deadlines()
    {
        var root = Json((await RunAsync(Seed("000"), "--json", "--dry-run")).Out);
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(37, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("deadline").ValueKind));
        // The unit cell wrapped mid-word ("区市场监" / "管局") is one name.
        var market = tasks.Single(t => t.GetProperty("requirement").GetString()!.StartsWith("做好精准落实宏观政策", StringComparison.Ordinal));
        Assert.Equal(["区政府办公室", "区发展改革局", "区财政局", "区司法局", "区市场监管局", "区行政审批服务局", "各街道办事处"], Strings(market.GetProperty("responsibleUnits")));
        Assert.Equal("（三）围绕营商环境深化政务公开", market.GetProperty("section").GetString());
        Assert.False(root.TryGetProperty("planId", out _)); // --dry-run saves nothing
    }

    [Fact]
    public async Task Seed_003_numbered_list_has_40_tasks_and_milestones_from_the_text()
    {
        var root = Json((await RunAsync(Seed("003"), "--json", "--dry-run", "--year", "2021")).Out);
        Assert.Equal(40, root.GetProperty("tasks").GetArrayLength());
        var t32 = Task(root, "32");
        Assert.Equal(["区政府办公室", "区大数据中心"], Strings(t32.GetProperty("responsibleUnits")));
        Assert.Equal(JsonValueKind.Null, t32.GetProperty("deadline").ValueKind);
        Assert.Equal("2021-12-31", t32.GetProperty("milestones")[0].GetProperty("date").GetString());
        // Another district's document: its abbreviations resolve where the bureau exists here, the rest wait for a person.
        Assert.Equal("abbreviation", root.GetProperty("resolutions").GetProperty("区发改局").GetProperty("kind").GetString());
        Assert.Contains("枣庄经济开发区管委会", Strings(root.GetProperty("unresolvedUnits")));
    }

    [Fact]
    public async Task Traditional_characters_are_converted_and_unit_names_stay_as_written()
    {
        var path = Path.Combine(_factory.DataDirectory, "traditional.md");
        Directory.CreateDirectory(_factory.DataDirectory);
        await File.WriteAllTextAsync(path, """
            # 2025年政務公開工作要點

            | 序號 | 工作任務 | 具體要求 | 責任單位 | 完成時限 |
            |---|---|---|---|---|
            | 1 | 一、深化政務公開 | 做好財政預決算信息公開。 | 區財政局、區人社局 | 2025年6月底前 |
            """);
        var root = Json((await RunAsync(path, "--json", "--dry-run")).Out);
        var t = Task(root, "1");
        Assert.Equal(["区财政局", "区人社局"], Strings(t.GetProperty("responsibleUnits")));
        Assert.Equal("2025-06-30", t.GetProperty("deadline").GetString());
        Assert.Equal("abbreviation", root.GetProperty("resolutions").GetProperty("区人社局").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_text_mode_prints_a_chinese_summary()
    {
        Assert.Equal(2, (await RunAsync("/no/such/plan.txt")).Exit);
        Assert.Equal(2, CliCommand.Parse(["ledger", "import", "a.txt", "--year", "1900"], "/srv", new StringWriter(), new StringWriter()).ExitCode);
        Assert.Equal(2, CliCommand.Parse(["ledger", "import", "a.txt", "--jsn"], "/srv", new StringWriter(), new StringWriter()).ExitCode);
        var (exit, stdout, _) = await RunAsync(Seed("001"), "--dry-run");
        Assert.Equal(0, exit);
        Assert.Contains("54项任务", stdout);
        Assert.Contains("待确认的单位名称", stdout);
    }

    [Fact]
    public async Task The_office_uploads_a_plan_and_opens_its_ledger_an_editor_may_not()
    {
        var office = await _factory.CreateUnitAsync("区政府办公室", Zwgk.Domain.Units.UnitKind.GovernmentOffice);
        var client = await _factory.LoginAsync(office.Id, Roles.OpennessOffice);
        var token = await Zwgk.Tests.Security.Forms.TokenAsync(client, "/admin/ledger/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Seed("001")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "2024年工作要点.txt");
        form.Add(new StringContent("false"), "PreviewOnly");
        var resp = await client.PostAsync("/admin/ledger/import", form);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        var page = await client.GetStringAsync(resp.Headers.Location);
        Assert.Contains("2024年济南市市中区政务公开工作要点", page);
        Assert.Contains("已导入：54项任务", page);
        Assert.Contains("按单位", page);

        // A file that is not a work plan is refused in Chinese, and nothing is saved.
        var token2 = await Zwgk.Tests.Security.Forms.TokenAsync(client, "/admin/ledger/import");
        using var bad = new MultipartFormDataContent { { new StringContent(token2), "__RequestVerificationToken" } };
        bad.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("这是一段普通文字，不是工作要点。")), "file", "notes.txt");
        bad.Add(new StringContent("2024"), "Year");
        bad.Add(new StringContent("false"), "PreviewOnly");
        var refused = await client.PostAsync("/admin/ledger/import", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("没有从文件中识别出任何工作任务", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().WorkPlans.CountAsync()));

        var editor = await _factory.LoginAsync(office.Id, Roles.Editor);
        Assert.Contains("/admin/denied", (await editor.GetAsync("/admin/ledger/import")).Headers.Location?.OriginalString);
    }
}
