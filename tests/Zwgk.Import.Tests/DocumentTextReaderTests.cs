using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Zwgk.Import;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Zwgk.Import.Tests;

public class DocumentTextReaderTests
{
    private static string Read(string fixture)
    {
        using var stream = File.OpenRead(Fixtures.PathOf(fixture));
        return DocumentTextReader.ReadText(stream, Path.GetFileName(fixture));
    }

    [Fact]
    public void Utf8_txt_is_returned_as_is()
    {
        var text = Read(Fixtures.Seed000);

        Assert.Equal(Fixtures.ReadText(Fixtures.Seed000), text);
    }

    [Fact]
    public void Utf8_txt_with_bom_is_decoded_without_the_bom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("市中政办字〔2021〕11号")).ToArray();

        var text = DocumentTextReader.ReadText(new MemoryStream(bytes), "a.TXT");

        Assert.Equal("市中政办字〔2021〕11号", text);
    }

    [Fact]
    public void Gbk_encoded_txt_is_detected_and_extracted()
    {
        var raw = File.ReadAllBytes(Fixtures.PathOf("gbk-notice.txt"));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(raw));

        var text = Read("gbk-notice.txt");
        var c = DocumentExtractor.Extract(text, "gbk-notice.txt");

        Assert.StartsWith("济南市市中区人民政府文件", text, StringComparison.Ordinal);
        Assert.Equal("济南市市中区人民政府关于做好2023年政府信息公开工作年度报告编制工作的通知", c.Title);
        Assert.Equal("市中政发〔2023〕5号", c.DocumentNumber);
        Assert.Equal("市中政发［2023］第 05 号", c.DocumentNumberOriginal);
        Assert.Equal("济南市市中区人民政府", c.IssuingAgency);
        Assert.Equal(new DateOnly(2023, 5, 8), c.WrittenOn);
        Assert.Contains(new Heading("一、编制要求", 1), c.Blocks);
    }

    [Fact]
    public void Html_with_a_table_keeps_paragraphs_and_table()
    {
        var text = Read("notice-with-table.html");

        Assert.DoesNotContain("tracking", text, StringComparison.Ordinal);
        Assert.DoesNotContain("text-indent", text, StringComparison.Ordinal);
        Assert.Contains("序号\t单位\t示范点名称\n", text, StringComparison.Ordinal);

        var c = DocumentExtractor.Extract(text, "notice-with-table.html");

        Assert.Equal("关于公布2024年第一批政务公开示范点名单的通知", c.Title);
        Assert.Equal("市中政办字〔2024〕7号", c.DocumentNumber);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2024, 3, 5), c.WrittenOn);
        Assert.Empty(c.Missing);

        Assert.Contains(new Paragraph("经评审，现将2024年第一批政务公开示范点名单公布如下，请各单位认真学习借鉴。"), c.Blocks);
        Assert.Contains(new Heading("一、示范点名单", 2), c.Blocks);
        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["序号", "单位", "示范点名称"], table.Rows[0]);
        Assert.Equal(["1", "大观园街道", "政务公开专区（便民服务中心）"], table.Rows[1]);
        Assert.Equal(["2", "区教育体育局", "校务公开&家校共育"], table.Rows[2]);
        Assert.Contains("<td>校务公开&amp;家校共育</td>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_declared_as_gbk_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>关于政务公开的通知</p><p>各单位：</p></body></html>";
        var bytes = Encoding.GetEncoding("gb2312").GetBytes(html);

        var text = DocumentTextReader.ReadText(new MemoryStream(bytes), "page.htm");

        Assert.Equal("关于政务公开的通知\n\u2029\n各单位：\n\u2029\n", text);
    }

    [Fact]
    public void Html_layout_table_is_read_as_paragraphs()
    {
        const string html = "<table><tr><td><p>第一段内容没有句号</p><p>第二段内容。</p></td></tr></table>";

        var text = DocumentTextReader.ReadText(new MemoryStream(Encoding.UTF8.GetBytes(html)), "layout.html");
        var blocks = TextNormalizer.Normalize(text);

        Assert.Equal([new Paragraph("第一段内容没有句号"), new Paragraph("第二段内容。")], blocks);
    }

    [Fact]
    public void Markdown_file_is_read_and_extracted()
    {
        var text = Read("notice.md");
        var c = DocumentExtractor.Extract(text, "notice.md");

        Assert.Equal("关于印发《市中区政府信息公开指南》的通知", c.Title);
        Assert.Equal("市中政办发〔2022〕12号", c.DocumentNumber);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2022, 9, 1), c.WrittenOn);
        Assert.Contains(new Paragraph("现将《市中区政府信息公开指南》印发给你们，请结合实际认真执行。"), c.Blocks);
        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.Equal(["当面申请", "市中区政务服务中心", "0531-12345678"], table.Rows[1]);
    }

    [Fact]
    public void Docx_paragraphs_headings_and_table_are_read()
    {
        using var docx = BuildDocx();

        var text = DocumentTextReader.ReadText(docx, "notice.docx");
        var c = DocumentExtractor.Extract(text, "notice.docx");

        Assert.Equal("关于调整区政务公开工作领导小组成员的通知", c.Title);
        Assert.Equal("市中政办字〔2024〕9号", c.DocumentNumber);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2024, 4, 1), c.WrittenOn);
        Assert.Empty(c.Missing);

        Assert.Equal(new Paragraph("各街道办事处，区政府各部门："), c.Blocks[0]);
        Assert.Contains(new Heading("一、领导小组组成", 1), c.Blocks);

        // A long paragraph without final punctuation must not be glued to the next one.
        Assert.Contains(new Paragraph(LongParagraph), c.Blocks);
        Assert.Contains(new Paragraph("组长由区政府分管副区长担任。"), c.Blocks);

        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["职务", "姓名", "单位"], table.Rows[0]);
        Assert.Equal(["组长", "张三", "区政府"], table.Rows[1]);
        Assert.Equal(["副组长", "李四", "区政府办公室信息科"], table.Rows[2]);
        Assert.Contains("<tr><td>组长</td><td>张三</td><td>区政府</td></tr>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_from_a_non_seekable_stream_is_read()
    {
        using var docx = BuildDocx();
        using var forwardOnly = new ForwardOnlyStream(docx);

        var text = DocumentTextReader.ReadText(forwardOnly, "notice.DOCX");

        Assert.Contains("职务\t姓名\t单位\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("old.doc", ".doc")]
    [InlineData("data.xlsx", ".xlsx")]
    [InlineData("README", "无扩展名")]
    public void Unsupported_extension_throws_with_a_chinese_message(string fileName, string extension)
    {
        var ex = Assert.Throws<NotSupportedException>(() => DocumentTextReader.ReadText(new MemoryStream([1, 2, 3]), fileName));

        Assert.Equal($"不支持的文件类型：{extension}（支持 .txt .md .html .docx .pdf）", ex.Message);
    }

    [Fact]
    public void One_list_of_supported_extensions()
    {
        Assert.Equal([".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"], ImportFormats.Extensions);
        Assert.True(ImportFormats.IsSupported("a.TXT"));
        Assert.True(ImportFormats.IsSupported("notes.markdown"));
        Assert.True(ImportFormats.IsSupported("scan.PDF"));
        Assert.False(ImportFormats.IsSupported("README"));
    }

    private const string LongParagraph = "根据工作需要和人员变动情况，经区政府研究同意，现对区政务公开工作领导小组成员进行调整，调整后的领导小组组成人员名单如下";

    private static MemoryStream BuildDocx()
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();

            // Chinese Word names heading styles by number ("1") with the built-in name "heading 1".
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(
                new W.Style(new W.StyleName { Val = "heading 1" }) { Type = W.StyleValues.Paragraph, StyleId = "1" },
                new W.Style(new W.StyleName { Val = "Normal" }) { Type = W.StyleValues.Paragraph, StyleId = "a" });

            main.Document = new W.Document(new W.Body(
                Para("济南市市中区人民政府办公室文件"),
                Para("市中政办字〔2024〕9号"),
                Para("关于调整区政务公开工作领导小组成员的通知"),
                Para("各街道办事处，区政府各部门："),
                Para(LongParagraph),
                Para("组长由区政府分管副区长担任。"),
                Para("一、领导小组组成", styleId: "1"),
                new W.Table(
                    Row("职务", "姓名", "单位"),
                    Row("组长", "张三", "区政府"),
                    new W.TableRow(
                        Cell("副组长"),
                        Cell("李四"),
                        new W.TableCell(
                            new W.Paragraph(new W.Run(new W.Text("区政府办公室"))),
                            new W.Paragraph(new W.Run(new W.Text("信息科")))))),
                Para("济南市市中区人民政府办公室"),
                Para("2024年4月1日")));
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A .docx with one paragraph per string.</summary>
    internal static byte[] CreateDocx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(paragraphs.Select(p => Para(p))));
        }

        return stream.ToArray();
    }

    private static W.Paragraph Para(string text, string? styleId = null)
    {
        var paragraph = new W.Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId }));
        }

        paragraph.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static W.TableRow Row(params string[] cells) => new(cells.Select(Cell));

    private static W.TableCell Cell(string text) => new(new W.Paragraph(new W.Run(new W.Text(text))));

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
