using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Import;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Zwgk.Tests.Import;

/// <summary>What an import stores, on both providers: refused files leave nothing, outside issuers publish, joint issuers map.</summary>
public abstract class ImportStorageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(provider) { Settings = { ["Zwgk:Import:MaxDecompressedMegabytes"] = "2" } };
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName, bool publish = false, int? unitId = null) =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ImportService>().ImportAsync(new MemoryStream(content), fileName, publish, unitId, null));

    private Task<int> UnitAsync(string code) => _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>A .docx whose document.xml inflates to a few MB (over the 2 MB configured for this host).</summary>
    private static byte[] LargeDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(
                Enumerable.Range(0, 20_000).Select(_ => new W.Paragraph(new W.Run(new W.Text("各街道办事处，区政府各部门：现将有关事项通知如下。"))))));
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Junk_empty_corrupt_and_oversized_files_are_refused_and_never_become_drafts()
    {
        var junk = new byte[2048];
        new Random(7).NextBytes(junk);
        junk[0] = 0x13;
        var large = LargeDocx();
        Assert.True(large.Length < 1024 * 1024);

        var results = new[]
        {
            await ImportAsync([], "empty.txt"),
            await ImportAsync(Encoding.UTF8.GetBytes("\r\n  \n"), "blank.md"),
            await ImportAsync(junk, "notice.txt"),
            await ImportAsync(junk, "notice.docx"),
            await ImportAsync(junk, "scan.pdf"),
            await ImportAsync(large, "large.docx"),
        };

        Assert.Equal(
            [
                "文件为空",
                "文件中没有可导入的文字",
                "文件内容是二进制数据，不是文字文件，无法导入",
                "文件已损坏或不是有效的 Word 文档（.docx），请用 Word 或 WPS 打开后重新另存为 .docx 再导入",
                "文件已损坏或不是有效的 PDF 文件",
                "Word 文档解压后超过2MB的上限（压缩包异常，可能是“压缩炸弹”），已拒绝导入",
            ],
            results.Select(r => r.Error));
        Assert.All(results, r => Assert.Null(r.DocumentId));
        var count = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.CountAsync());
        Assert.Equal(0, count);
    }

    private const string StateCouncilNotice = """
        国务院办公厅关于印发政府网站发展指引的通知
        国办发〔2017〕47号

        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。政府网站是各级政府在互联网上发布政务信息、提供在线服务、与公众互动交流的重要平台。

        国务院办公厅
        2017年5月30日
        """;

    [Fact]
    public async Task An_outside_agencys_document_is_published_by_our_unit_with_its_issuer_kept_as_text()
    {
        var office = await UnitAsync("SZQZFB");

        var outcome = await ImportAsync(Encoding.UTF8.GetBytes(StateCouncilNotice), "gov.txt", publish: true, unitId: office);

        Assert.Null(outcome.Error);
        Assert.True(outcome.Published, string.Join("；", outcome.Notes));
        Assert.True(outcome.ExternalIssuer);
        Assert.Contains("发文机关“国务院办公厅”不是本系统中的单位，按外单位发文机关保存", outcome.Notes);
        var doc = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.Include(d => d.Issuers).SingleAsync(d => d.Id == outcome.DocumentId));
        Assert.Equal(DocumentStatus.Published, doc.Status);
        Assert.Equal("国务院办公厅", doc.ExternalIssuer);
        Assert.Empty(doc.Issuers);
        Assert.Equal(office, doc.OwnerUnitId);
        Assert.Equal("国办发〔2017〕47号", doc.DocumentNumber);
        Assert.Equal(new DateOnly(2017, 5, 30), doc.WrittenOn);
        Assert.NotNull(doc.IndexNumber);

        var page = await _factory.CreateClient().GetStringAsync($"/doc/{doc.Id}");
        Assert.Contains("<th scope=\"row\">发文机关</th>\n                    <td>国务院办公厅</td>", page.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task A_joint_document_lists_its_local_issuers_in_order()
    {
        const string text = """
            济南市市中区人民政府办公室
            济南市市中区财政局
            文件
            市中政办发〔2023〕5号

            关于做好2023年度预算公开工作的通知

            各街道办事处，区政府各部门：
            为做好预算公开工作，现将有关事项通知如下，请认真贯彻落实。各单位要在批复后二十日内公开部门预算。

            济南市市中区人民政府办公室　　济南市市中区财政局
            2023年3月1日
            """;

        var outcome = await ImportAsync(Encoding.UTF8.GetBytes(text), "joint.txt", publish: true);

        Assert.Null(outcome.Error);
        Assert.Equal(["济南市市中区人民政府办公室", "济南市市中区财政局"], outcome.IssuingAgencies);
        var issuers = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().DocumentIssuers
            .Where(i => i.DocumentId == outcome.DocumentId).OrderBy(i => i.Order).Select(i => i.Unit!.Code).ToListAsync());
        Assert.Equal(["SZQZFB", "SZCZJ"], issuers);
        Assert.True(outcome.Published);
    }

    [Fact]
    public async Task A_portal_page_keeps_its_elements_but_not_the_other_portals_index_number()
    {
        const string html = """
            <html><body>
            <table><tr><td>索 引 号：</td><td>000014349/2017-00110</td><td>主题分类：</td><td>政务公开</td></tr>
            <tr><td>发文机关：</td><td>国务院办公厅</td><td>成文日期：</td><td>2017年05月30日</td></tr>
            <tr><td>发文字号：</td><td>国办发〔2017〕47号</td><td>发布日期：</td><td>2017年06月08日</td></tr></table>
            <h1>国务院办公厅关于印发政府网站发展指引的通知</h1>
            <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
            <p>《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。</p>
            </body></html>
            """;

        var outcome = await ImportAsync(Encoding.UTF8.GetBytes(html), "gov.html");

        var doc = await _factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.SingleAsync(d => d.Id == outcome.DocumentId));
        Assert.Equal("综合政务\\政务公开", doc.TopicCategory);
        Assert.Equal("国办发〔2017〕47号", doc.DocumentNumber);
        Assert.Equal(new DateOnly(2017, 5, 30), doc.WrittenOn);
        Assert.Equal("国务院办公厅", doc.ExternalIssuer);
        Assert.Null(doc.IndexNumber);
        Assert.False(doc.Migrated);
        Assert.Contains("来源页面的索引号“000014349/2017-00110”属于原网站，未沿用（发布时由本系统分配）", outcome.Notes);
    }
}

public sealed class SqliteImportStorageTests() : ImportStorageTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportStorageTests() : ImportStorageTests(DatabaseProvider.Postgres);
