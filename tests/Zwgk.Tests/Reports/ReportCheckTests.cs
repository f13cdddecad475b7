using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Reports;

namespace Zwgk.Tests.Reports;

/// <summary>`report check FILE [--json]` and the /admin/reports/check page (年报核查).</summary>
public sealed class ReportCheckTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", name);

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(["report", "check", .. args], Environment.CurrentDirectory, stdout, stderr);
        var exit = parsed.ExitCode ?? await _factory.WithScopeAsync(sp => ReportCommand.RunAsync(sp, (ReportCheckArguments)parsed.Command!.Arguments, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Json(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(Assert.Single(lines)).RootElement.Clone();
    }

    [Fact]
    public async Task A_correct_report_passes_with_exit_0_and_the_exact_json_shape()
    {
        var (exit, stdout, _) = await RunAsync(Fixture("report-2024-word.html"), "--json");

        Assert.Equal(0, exit);
        var json = Json(stdout);
        Assert.Equal(["unit", "year", "tables", "failures"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("济南市市中区住房和城乡建设局", json.GetProperty("unit").GetString());
        Assert.Equal(2024, json.GetProperty("year").GetInt32());
        Assert.Empty(json.GetProperty("failures").EnumerateArray());

        var tables = json.GetProperty("tables");
        var applications = tables.GetProperty("applications").EnumerateArray().ToList();
        Assert.Equal(25, applications.Count);
        var first = applications[0];
        Assert.Equal("new", first.GetProperty("key").GetString());
        Assert.Equal("一、本年新收政府信息公开申请数量", first.GetProperty("label").GetString());
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], first.GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.Equal([58, 7, 0, 0, 1, 0, 66], first.GetProperty("values").EnumerateObject().Select(p => p.Value.GetInt32()));
        Assert.Equal("（七）总计", applications[^2].GetProperty("label").GetString());
        Assert.Equal(64, applications[^2].GetProperty("values").GetProperty("总计").GetInt32());

        var fees = tables.GetProperty("disclosure").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "fees");
        Assert.Equal(20.3m, fees.GetProperty("values").GetProperty("本年收费金额（单位：万元）").GetDecimal());
        var review = tables.GetProperty("review");
        Assert.Equal(["行政复议", "未经复议直接起诉", "复议后起诉"], review.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, review.GetProperty("行政复议").GetProperty("总计").GetInt32());
    }

    [Fact]
    public async Task A_wrong_total_exits_1_and_names_check_column_printed_and_expected()
    {
        var (exit, stdout, _) = await RunAsync(Fixture("report-2024-wrong-total.md"), "--json");

        Assert.Equal(1, exit);
        var json = Json(stdout);
        Assert.False(json.TryGetProperty("complete", out _));
        var failures = json.GetProperty("failures").EnumerateArray()
            .Select(f => (f.GetProperty("check").GetString(), f.GetProperty("column").GetString(), f.GetProperty("printed").GetInt32(), f.GetProperty("expected").GetInt32()))
            .ToList();
        Assert.Equal([("balance", "自然人", 59, 60), ("outcomeTotal", "自然人", 56, 57), ("rowTotal", "（七）总计", 64, 63)], failures);
        Assert.Equal(["check", "column", "printed", "expected"], json.GetProperty("failures")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_table_cut_short_is_incomplete_with_the_missing_rows()
    {
        var (exit, stdout, _) = await RunAsync(Fixture("report-2024-cut.md"), "--json");

        Assert.Equal(1, exit);
        var json = Json(stdout);
        Assert.Equal(["unit", "year", "tables", "failures", "complete", "missing"], json.EnumerateObject().Select(p => p.Name));
        Assert.False(json.GetProperty("complete").GetBoolean());
        var missing = json.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal("3.要求提供公开出版物", missing[0]);
        Assert.Contains("（七）总计", missing);
        Assert.Contains("四、结转下年度继续办理", missing);
        Assert.Empty(json.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public async Task An_unreadable_report_has_an_error_and_no_failures()
    {
        var path = Path.Combine(_factory.DataDirectory, "image-table.html");
        Directory.CreateDirectory(_factory.DataDirectory);
        await File.WriteAllTextAsync(path, "<html><body><h1>济南市市中区审计局2024年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><img src=\"t.png\"></body></html>");

        var (exit, stdout, _) = await RunAsync(path, "--json");

        Assert.Equal(1, exit);
        var json = Json(stdout);
        Assert.False(json.GetProperty("complete").GetBoolean());
        Assert.Contains("未找到", json.GetProperty("error").GetString());
        Assert.Empty(json.GetProperty("failures").EnumerateArray());
        Assert.Equal("济南市市中区审计局", json.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Text_mode_prints_a_chinese_summary()
    {
        var (exit, stdout, _) = await RunAsync(Fixture("report-2024-wrong-total.md"));

        Assert.Equal(1, exit);
        Assert.Contains("单位：济南市市中区住房和城乡建设局", stdout);
        Assert.Contains("结论：有3处数据不符", stdout);
        Assert.Contains("（七）总计＝各项办理结果之和【自然人】：表中为 56，应为 57", stdout);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(2, (await RunAsync("/no/such/report.md")).Exit);
        var (exit, _, err) = await RunAsync(Fixture("report-2024.md").Replace(".md", ".xlsx", StringComparison.Ordinal));
        Assert.Equal(2, exit);

        var stderr = new StringWriter();
        Assert.Equal(2, CliCommand.Parse(["report"], "/srv", new StringWriter(), stderr).ExitCode);
        Assert.Equal(2, CliCommand.Parse(["report", "check"], "/srv", new StringWriter(), stderr).ExitCode);
        Assert.Equal(2, CliCommand.Parse(["report", "check", "a.md", "--jsn"], "/srv", new StringWriter(), stderr).ExitCode);
        var parsed = CliCommand.Parse(["report", "check", "docs/a.md", "--json"], "/srv", new StringWriter(), stderr).Command!;
        Assert.Equal("report", parsed.Verb);
        Assert.Equal(new ReportCheckArguments("/srv/docs/a.md", true), parsed.Arguments);
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = await Security.Forms.TokenAsync(client, "/admin/reports/check");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await client.PostAsync("/admin/reports/check", form);
    }

    [Fact]
    public async Task The_openness_office_uploads_a_report_and_sees_the_failures_highlighted()
    {
        var unit = await _factory.CreateUnitAsync("区政府办公室");
        var client = await _factory.LoginAsync(unit.Id, Roles.OpennessOffice);

        var response = await UploadAsync(client, "年报.md", await File.ReadAllBytesAsync(Fixture("report-2024-wrong-total.md")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("数据不符 3 处", html);
        Assert.Contains("（七）总计＝各项办理结果之和", html);
        Assert.Contains("<td class=\"cell-fail\">56</td>", html);
        Assert.Contains("济南市市中区住房和城乡建设局", html);
        var audit = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().AuditEntries.Where(a => a.Action == "report.check").Select(a => a.Summary).SingleAsync());
        Assert.Contains("年报.md", audit);
        Assert.Contains("不符3处", audit);
    }

    [Fact]
    public async Task A_unit_admin_may_check_a_draft_an_editor_may_not()
    {
        var unit = await _factory.CreateUnitAsync("区审计局");
        var admin = await _factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var ok = await UploadAsync(admin, "草稿.docx", AnnualReportParserFixtures.Docx());
        var html = WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync());
        Assert.Contains("<span class=\"badge on\">通过</span>", html);

        var editor = await _factory.LoginAsync(unit.Id, Roles.Editor);
        var refused = await editor.GetAsync("/admin/reports/check");
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.StartsWith("/admin/denied", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Other_file_types_and_empty_files_are_refused_in_chinese()
    {
        var unit = await _factory.CreateUnitAsync("区政府办公室");
        var client = await _factory.LoginAsync(unit.Id, Roles.PlatformAdmin);

        var xlsx = WebUtility.HtmlDecode(await (await UploadAsync(client, "年报.xlsx", [1, 2, 3])).Content.ReadAsStringAsync());
        Assert.Contains("不支持的文件类型：.xlsx（支持 .txt .md .html .docx .pdf）", xlsx);
        var empty = WebUtility.HtmlDecode(await (await UploadAsync(client, "年报.txt", [])).Content.ReadAsStringAsync());
        Assert.Contains("id=\"upload-error\">文件为空", empty);
    }
}

/// <summary>A .docx report for the page test (the parser tests build the same with merged cells).</summary>
internal static class AnnualReportParserFixtures
{
    public static byte[] Docx()
    {
        // Same numbers as the fixtures, written as a Word table from the tab-separated copy.
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", "report-2024-tabs.txt"));
        var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            DocumentFormat.OpenXml.Wordprocessing.Table? table = null;
            foreach (var line in lines)
            {
                if (line.Contains('\t'))
                {
                    table ??= new DocumentFormat.OpenXml.Wordprocessing.Table();
                    table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableRow(line.Split('\t').Select(c =>
                        new DocumentFormat.OpenXml.Wordprocessing.TableCell(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                            new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(c)))))));
                    continue;
                }

                if (table is not null) { body.Append(table); table = null; }
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line))));
            }

            if (table is not null) body.Append(table);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
