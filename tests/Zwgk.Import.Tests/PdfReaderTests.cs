using Zwgk.Import.Tests.Support;

namespace Zwgk.Import.Tests;

/// <summary>PDF text layers in reading order, without running headers and page numbers, tables kept; scans refused.</summary>
public class PdfReaderTests
{
    private const double Margin = 72;

    /// <summary>A two-page 公文 as PDF, with a running header, page-number footers, a table and the signature on page 2.</summary>
    internal static byte[] NoticePdf()
    {
        var pdf = new MiniPdf();
        pdf.NewPage()
            .Text(Margin, 800, "市中区人民政府公报　2024年第3期", 10)
            .Centered(720, "济南市市中区人民政府办公室文件", 26)
            .Centered(660, "市中政办发〔2024〕 3号", 16)
            .Centered(600, "济南市市中区人民政府办公室", 22)
            .Centered(570, "关于印发2024年政务公开工作要点的通知", 22)
            .Text(Margin, 520, "各街道办事处，区政府各部门：")
            // An indented paragraph hard-wrapped at the right margin (28 glyphs of 16 pt between 72 and 520).
            .Text(Margin + 32, 495, "现将《2024年市中区政务公开工作要点》印发给你们，")
            .Text(Margin, 470, "请结合实际认真贯彻落实。各单位要明确分管负责同志和具体承")
            .Text(Margin, 445, "办人员，确保各项任务按时完成。")
            .Text(Margin, 400, "序号")
            .Text(Margin + 80, 400, "工作任务")
            .Text(Margin + 300, 400, "责任单位")
            .Text(Margin, 375, "1")
            .Text(Margin + 80, 375, "更新政府信息公开指南")
            .Text(Margin + 300, 375, "区政府办公室")
            .Text(Margin, 350, "2")
            .Text(Margin + 80, 350, "发布政务公开年度报告")
            .Text(Margin + 300, 350, "各部门")
            .Text(Margin + 32, 300, "请各单位于每季度末将落实情况报区政府办公室，联系电话")
            .Text(Margin, 275, "：82078301。")
            .Text(280, 40, "- 1 -", 12);
        pdf.NewPage()
            .Text(Margin, 800, "市中区人民政府公报　2024年第3期", 10)
            .Text(Margin + 32, 700, "附件：2024年市中区政务公开工作要点")
            .Text(300, 600, "济南市市中区人民政府办公室")
            .Text(350, 575, "2024年6月30日")
            .Text(Margin + 32, 520, "（此件公开发布）")
            .Text(280, 40, "- 2 -", 12);
        return pdf.ToBytes();
    }

    private static string Read(byte[] pdf, ImportLimits? limits = null) =>
        DocumentTextReader.ReadText(new MemoryStream(pdf), "notice.pdf", limits);

    [Fact]
    public void Text_comes_in_reading_order_without_running_headers_or_page_numbers()
    {
        var text = Read(NoticePdf());
        Assert.DoesNotContain("公报", text);
        Assert.DoesNotContain("- 1 -", text);
        Assert.DoesNotContain("- 2 -", text);
        var lines = text.Split('\n').Select(l => l.Trim('\u2029')).Where(l => l.Length > 0).ToList();
        Assert.Equal("济南市市中区人民政府办公室文件", lines[0]);
        Assert.Equal("市中政办发〔2024〕 3号", lines[1]);
        Assert.Equal("序号\t工作任务\t责任单位", lines[lines.IndexOf("序号\t工作任务\t责任单位")]);
        Assert.True(lines.IndexOf("济南市市中区人民政府办公室") < lines.IndexOf("关于印发2024年政务公开工作要点的通知"));
        Assert.Equal("2024年6月30日", lines[^2]);
    }

    [Fact]
    public void The_same_elements_are_extracted_as_from_other_formats()
    {
        var c = DocumentExtractor.Extract(Read(NoticePdf()), "notice.pdf");
        Assert.Equal("济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知", c.Title);
        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumber);
        Assert.Equal("市中政办发〔2024〕 3号", c.DocumentNumberOriginal);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2024, 6, 30), c.WrittenOn);
        Assert.Empty(c.Missing);

        var paragraphs = c.Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Equal(
            [
                "各街道办事处，区政府各部门：",
                "现将《2024年市中区政务公开工作要点》印发给你们，请结合实际认真贯彻落实。各单位要明确分管负责同志和具体承办人员，确保各项任务按时完成。",
                "请各单位于每季度末将落实情况报区政府办公室，联系电话：82078301。",
                "附件：2024年市中区政务公开工作要点",
                "济南市市中区人民政府办公室",
                "2024年6月30日",
                "（此件公开发布）",
            ],
            paragraphs);
        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.Equal(["序号", "工作任务", "责任单位"], table.Rows[0]);
        Assert.Equal(["2", "发布政务公开年度报告", "各部门"], table.Rows[2]);
        Assert.DoesNotContain("公报", c.BodyHtml);
    }

    [Fact]
    public void A_scan_without_text_layer_is_reported_as_such()
    {
        var scan = new MiniPdf().NewPage().ScannedImage().NewPage().ScannedImage().ToBytes();
        var ex = Assert.Throws<ImportRejectedException>(() => Read(scan));
        Assert.Equal("这是扫描件 PDF（2 页均为图像，没有文字层），无法提取文字；请提供文字版 PDF 或 Word 文件，或先进行文字识别（OCR）后再导入", ex.Message);
    }

    [Fact]
    public void Page_count_over_the_limit_is_refused()
    {
        var pdf = new MiniPdf();
        for (var i = 0; i < 4; i++)
        {
            pdf.NewPage().Text(Margin, 700, $"第{i + 1}页的正文内容");
        }

        var ex = Assert.Throws<ImportRejectedException>(() => Read(pdf.ToBytes(), new ImportLimits { MaxPages = 3 }));
        Assert.Equal("PDF 共 4 页，超过3页的导入上限，请拆分后导入", ex.Message);
    }

    [Fact]
    public void A_truncated_pdf_gets_a_chinese_reason()
    {
        var bytes = NoticePdf();
        var ex = Assert.Throws<ImportRejectedException>(() => Read(bytes[..200]));
        Assert.Equal("文件已损坏或不是有效的 PDF 文件", ex.Message);
    }
}
