using Zwgk.Import;
using Zwgk.Web.Features.Documents.Public;
using Zwgk.Web.Features.Hosting;

namespace Zwgk.Tests.Portal;

/// <summary>
/// The body a document is stored with (server sanitiser) and shown with on the portal (tables as accessible, scrollable
/// tables; the 落款 right-aligned), including the 任务分解表 of seed 001 as the importer reads it.
/// </summary>
public sealed class BodyHtmlTests
{
    private const string WordFragment = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";font-family:宋体}</style></head>
        <body lang=ZH-CN><!--StartFragment-->
        <p class=MsoNormal style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]><b><span style='font-family:黑体;mso-bidi-font-family:"Times New Roman"'>加强组织领导</span></b><o:p></o:p></p>
        <table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td colspan=2 style='width:200pt'><p class=MsoNormal align=center><b>工作任务</b><o:p></o:p></p></td><td><p><font face="仿宋">责任单位</font></p></td></tr>
         <tr><td rowspan=2><p>公开</p></td><td onclick="alert(1)"><p>政策<script>alert('x')</script>发布</p></td><td>区政府办公室</td></tr>
        </table>
        <p><a href="javascript:alert(1)">坏链接</a><a href="/files/3/a.pdf" style="color:red">附件</a><img src="data:image/png;base64,AAAA"><img src="/files/4/b.png" alt="图"></p>
        <!--EndFragment--></body></html>
        """;

    [Fact]
    public void Sanitiser_keeps_document_structure_and_drops_word_presentation_and_anything_executable()
    {
        var html = HtmlSanitizing.Create().Sanitize(WordFragment);

        Assert.Contains("colspan=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("<b>工作任务</b>", html, StringComparison.Ordinal);
        Assert.Contains("责任单位", html, StringComparison.Ordinal);   // <font> goes, its text stays
        Assert.Contains("加强组织领导", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/files/3/a.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/files/4/b.png\"", html, StringComparison.Ordinal);
        foreach (var bad in new[] { "style=", "class=", "<font", "mso-", "o:p", "<script", "alert", "onclick", "javascript:", "data:image", "宋体", "黑体", "face=" })
            Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sanitiser_keeps_header_scopes()
    {
        var html = HtmlSanitizing.Create().Sanitize("<table><thead><tr><th scope=\"col\" colspan=\"2\">a</th></tr></thead><tbody><tr><th scope=\"row\">b</th><td>c</td></tr></tbody></table>");
        Assert.Contains("<th scope=\"col\" colspan=\"2\">a</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">b</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Portal_body_marks_header_cells_and_wraps_tables_in_a_labelled_scroll_box()
    {
        var html = BodyHtml.ForPortal("<p>前言</p><table><tbody><tr><th>序号</th><th colspan=\"2\">工作任务</th></tr><tr><td>1</td><td>甲</td><td>乙</td></tr><tr><th>合计</th><td>丙</td></tr></tbody></table>");

        Assert.True(html.Contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表格1：序号、工作任务\"><table>", StringComparison.Ordinal), html);
        Assert.Contains("<th scope=\"col\">序号</th><th colspan=\"2\" scope=\"col\">工作任务</th>", html, StringComparison.Ordinal);
        // A th leading a body row heads the row; the short row is padded to the table's three columns.
        Assert.Contains("<tr><th scope=\"row\">合计</th><td>丙</td><td></td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rowspans_count_towards_the_rows_below_when_padding()
    {
        var html = BodyHtml.ForPortal("<table><tr><td rowspan=\"2\">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>");
        Assert.Contains("<tr><td>c</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>d</td><td></td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_block_is_marked_for_right_alignment()
    {
        var html = BodyHtml.ForPortal("<p>请认真贯彻落实。</p><p>济南市市中区人民政府办公室</p><p>2024年6月30日</p><p>（此件公开发布）</p><p>2024年6月30日印发</p>");

        Assert.Contains("<p class=\"signature\">济南市市中区人民政府办公室</p><p class=\"signature\">2024年6月30日</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>请认真贯彻落实。</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>2024年6月30日印发</p>", html, StringComparison.Ordinal);   // 印发 line of the 版记 is not a 落款
    }

    [Fact]
    public void Seed_001_task_table_keeps_its_header_and_every_row_as_wide_as_the_header()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", "001_cfe5bbab97bba859.txt"));
        var c = DocumentExtractor.Extract(text, "001.txt");

        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.True(table.HasHeaderRow);
        Assert.Equal(["序号", "工作任务", "", "具体要求", "责任单位", "完成时限"], table.Rows[0]);
        Assert.All(table.Rows, r => Assert.Equal(6, r.Count));
        // Rows of the first page (taken under its narrower header) line up with the rest.
        Assert.Equal("1", table.Rows[1][0]);
        Assert.StartsWith("一、聚焦重点领域", table.Rows[1][1], StringComparison.Ordinal);
        Assert.Equal("", table.Rows[1][2]);
        Assert.StartsWith("以活力品质强区建设为总牵引", table.Rows[1][3], StringComparison.Ordinal);
        Assert.Equal("2024年12月底前", table.Rows[1][5]);
        Assert.Equal(54, table.Rows.Count - 1);

        Assert.Contains("<thead><tr><th scope=\"col\">序号</th><th scope=\"col\" colspan=\"2\">工作任务</th><th scope=\"col\">具体要求</th>", c.BodyHtml, StringComparison.Ordinal);
        var portal = BodyHtml.ForPortal(HtmlSanitizing.Create().Sanitize(c.BodyHtml));
        Assert.Contains("role=\"region\" tabindex=\"0\" aria-label=\"表格1：序号、工作任务、具体要求、责任单位、完成时限\"", portal, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" colspan=\"2\">工作任务</th>", portal, StringComparison.Ordinal);
        Assert.Matches("<p class=\"signature\">济南市市中区人民政府办公室</p>\\s*<p class=\"signature\">2024年6月30日</p>", portal);
    }
}
