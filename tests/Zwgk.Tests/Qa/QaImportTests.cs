using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Qa.Import;

namespace Zwgk.Tests.Qa;

/// <summary>
/// Importing FAQ sheets on both databases: `qa import FILE --publish --json` through the real parser and verb, re-import
/// without duplicates, unknown unit names kept and listed (never blocking) and confirmed by the 公开办, the upload page
/// for a unit (own unit only, in review) and for the 公开办 (may publish).
/// </summary>
public abstract partial class QaImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private QaDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _d = await QaDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(args, "/srv/caller", stdout, stderr);
        if (parsed.ExitCode is int code) return (code, stdout.ToString(), stderr.ToString());
        Assert.Equal("qa", parsed.Command!.Verb);
        var verb = CliVerbs.Create().Single(v => v.Command.Name == "qa");
        var exit = await _f.WithScopeAsync(sp => verb.RunAsync(sp, parsed.Command.Arguments, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_cli_imports_the_GBK_sheet_publishes_prints_one_JSON_summary_and_a_second_run_duplicates_nothing()
    {
        var file = QaDesk.FixturePath("faq-gbk.csv");
        Assert.Equal(new QaImportArguments(file, true, true), CliCommand.Parse(["qa", "import", file, "--publish", "--json"], "/srv", new StringWriter(), new StringWriter()).Command!.Arguments);

        var (exit, stdout, stderr) = await CliAsync("qa", "import", file, "--publish", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout.Trim()).RootElement; // stdout holds only the JSON
        Assert.Equal(["imported", "updated", "skipped", "errors", "unknownUnits"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(18, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("updated").GetInt32());
        Assert.Equal([20, 21], json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        Assert.All(json.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        var unknown = json.GetProperty("unknownUnits").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["济南市公安局市中区分局"] = 2, ["区就业服务中心"] = 1 }, unknown);

        // Full names, short names (区医保局, 区教体局) and the seeded directory resolve; the rest are kept as written.
        await _f.WithDbAsync(async db =>
        {
            var items = await db.QaItems.AsNoTracking().Include(q => q.Unit).ToListAsync();
            Assert.Equal(18, items.Count);
            Assert.All(items, q => Assert.Equal(QaStatus.Published, q.Status));
            Assert.Equal("济南市市中区医疗保障局", items.Single(q => q.Question.StartsWith("到外地看病")).Unit!.Name);
            Assert.Equal("济南市市中区教育和体育局", items.Single(q => q.Question.StartsWith("孩子上小学")).Unit!.Name);
            var hukou = items.Single(q => q.Question.StartsWith("新生儿怎样办理出生登记"));
            Assert.Null(hukou.UnitId);
            Assert.Equal("济南市公安局市中区分局", hukou.UnitNameAsWritten);
            Assert.Equal("第七条", hukou.BasisClause);
            Assert.Equal("faq-gbk.csv", hukou.SourceFileName);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "qa.import" && a.Summary.Contains("新增 18 条")));
        });
        var list = await _d.Anonymous().GetStringAsync("/zcwd?topic=" + Uri.EscapeDataString("户籍"));
        Assert.Contains("居民身份证丢了怎么补办？", list);
        Assert.DoesNotContain("失业后怎样申领失业保险金？", list);

        var (exit2, stdout2, _) = await CliAsync("qa", "import", file, "--json");
        Assert.Equal(0, exit2);
        var again = JsonDocument.Parse(stdout2.Trim()).RootElement;
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(18, again.GetProperty("skipped").GetInt32());
        await _f.WithDbAsync(async db => Assert.Equal(18, await db.QaItems.CountAsync()));

        // The 公开办 confirms a written name once for all its entries.
        var names = await QaDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/qa/unconfirmed-units"));
        Assert.Equal(2, names.GetArrayLength());
        var unitId = await _d.UnitIdAsync("SZSPJ");
        var page = await Documents.DocumentTestSupport.PostFormAsync(_d.Office, "/admin/qa/units", null, [new("name", "济南市公安局市中区分局"), new("unitId", unitId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        await _f.WithDbAsync(async db => Assert.Equal(2, await db.QaItems.CountAsync(q => q.UnitId == unitId && q.UnitNameAsWritten == null)));
        var left = await QaDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/qa/unconfirmed-units"));
        Assert.Equal("区就业服务中心", Assert.Single(left.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_changed_answer_updates_the_entry_on_re_import_and_a_bad_file_is_refused_in_Chinese()
    {
        var dir = Directory.CreateTempSubdirectory("qa-import");
        var path = Path.Combine(dir.FullName, "faq.csv");
        await File.WriteAllTextAsync(path, "问题,答复,责任单位\n住房公积金能付房租吗？,可以提取。,区住房城乡建设局\n", new UTF8Encoding(true));
        Assert.Equal(0, (await CliAsync("qa", "import", path)).Exit);
        await File.WriteAllTextAsync(path, "问题,答复,责任单位\n住房公积金能付房租吗？ ,可以提取，每年一次。,区住房城乡建设局\n", new UTF8Encoding(true));
        var (exit, stdout, _) = await CliAsync("qa", "import", path, "--json");
        Assert.Equal(0, exit);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("updated").GetInt32());
        await _f.WithDbAsync(async db => Assert.Equal("可以提取，每年一次。", (await db.QaItems.SingleAsync()).Answer));

        var bad = Path.Combine(dir.FullName, "bad.csv");
        await File.WriteAllTextAsync(bad, "标题,正文\n1,2\n");
        var (badExit, badOut, _) = await CliAsync("qa", "import", bad, "--json");
        Assert.Equal(1, badExit);
        Assert.Contains("表头", JsonDocument.Parse(badOut).RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(Zwgk.Web.Features.Shared.ExitCodes.UsageError, (await CliAsync("qa", "import", Path.Combine(dir.FullName, "missing.csv"))).Exit);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, bool publish)
    {
        var page = await client.GetStringAsync("/admin/qa/import");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(publish ? "true" : "false"), "Publish");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/qa/import", form);
    }

    [Fact]
    public async Task A_unit_uploads_into_its_own_unit_for_review_and_the_office_may_publish_on_upload()
    {
        var ybj = await _d.UnitIdAsync("SZYBJ");
        var user = await _f.CreateUserAsync(ybj, Roles.Editor);
        var editor = await _f.LoginAsync(user);
        var csv = "问题描述,答复内容,责任部门,依据,分类\n"
            + "异地就医怎么备案？,通过国家医保服务平台App办理。,区医保局,医保发〔2022〕22号,医疗卫生\n"
            + "孩子上学怎么报名？,按招生方案报名。,区教体局,,教育\n"
            + "医保卡丢了怎么办？,,区医保局,,医疗卫生\n";
        var resp = await UploadAsync(editor, Encoding.UTF8.GetBytes(csv), "医保问答.csv", publish: true);
        var html = await resp.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Contains("导入结果", html);
        Assert.Matches("id=\"qa-imported\">1<", html);
        Assert.Contains("不是本单位", html);
        Assert.Contains("第 4 行", html);
        await _f.WithDbAsync(async db =>
        {
            var q = await db.QaItems.SingleAsync();
            // A unit cannot publish on import: its sheet waits for another reviewer.
            Assert.Equal(QaStatus.InReview, q.Status);
            Assert.Equal(ybj, q.UnitId);
            Assert.Equal(user.Id, q.CreatedByUserId);
        });

        var office = await UploadAsync(_d.Office, Encoding.UTF8.GetBytes("问题,答复,责任单位\n低保怎么申请？,向街道办事处申请。,区民政局\n新问题,答复,某不存在的单位\n"), "民政.csv", publish: true);
        var officeHtml = await office.Content.ReadAsStringAsync();
        Assert.Contains("某不存在的单位（1 条）", officeHtml);
        Assert.Contains("已直接发布", officeHtml);
        await _f.WithDbAsync(async db => Assert.Equal(2, await db.QaItems.CountAsync(q => q.Status == QaStatus.Published)));

        var wrongType = await UploadAsync(_d.Office, [1, 2, 3], "faq.docx", publish: false);
        Assert.Contains("不支持的文件类型", await wrongType.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteQaImportTests() : QaImportTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresQaImportTests() : QaImportTests(DatabaseProvider.Postgres);
