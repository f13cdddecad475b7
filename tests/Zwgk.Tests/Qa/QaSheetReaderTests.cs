using System.Text;
using ClosedXML.Excel;
using Zwgk.Import;
using Zwgk.Web.Features.Qa.Import;

namespace Zwgk.Tests.Qa;

/// <summary>Reading FAQ sheets: encodings (GBK, UTF-8 with BOM), .xlsx, header variants and order, blank and incomplete rows, limits.</summary>
public sealed class QaSheetReaderTests
{
    static QaSheetReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void The_GBK_fixture_is_read_with_its_header_variants_and_every_bad_row_is_reported_by_number()
    {
        var bytes = File.ReadAllBytes(QaDesk.FixturePath("faq-gbk.csv"));
        // Not UTF-8: Excel on Chinese Windows saves CSV in GBK.
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var sheet = QaSheetReader.Read(bytes, "常见问题.csv", ImportLimits.Default);
        Assert.Equal(18, sheet.Rows.Count);
        var first = sheet.Rows[0];
        Assert.Equal(2, first.Row);
        Assert.Equal("灵活就业人员怎样参加职工基本养老保险？", first.Question);
        Assert.StartsWith("无雇工的个体工商户", first.Answer);
        Assert.Equal("济南市市中区人力资源和社会保障局", first.Unit);
        Assert.Equal("《中华人民共和国社会保险法》第十条", first.Basis);
        Assert.Equal("社会保障", first.Topic);
        Assert.Contains("打零工能不能自己交社保", first.Alternatives);
        // The blank row after the sixth entry is skipped silently; the rows after it keep their sheet numbers.
        Assert.Equal(9, sheet.Rows[6].Row);
        Assert.Equal([20, 21], sheet.Errors.Select(e => e.Row));
        Assert.Contains("缺少答复", sheet.Errors[0].Message);
        Assert.Contains("缺少问题", sheet.Errors[1].Message);
        Assert.Equal(["序号"], sheet.IgnoredColumns);
    }

    [Fact]
    public void A_UTF8_CSV_with_BOM_quoted_fields_and_any_column_order_is_read()
    {
        var csv = "\uFEFF政策依据,回答,问题,责任单位（必填）,复核日期\r\n"
            + "\"《住房公积金管理条例》第二十四条\",\"可以提取，\"\"租房提取\"\"按月办理。\n第二行\",公积金能付房租吗？,区住房城乡建设局,2027/3/1\r\n"
            + ",,,,\r\n";
        var sheet = QaSheetReader.Read(Encoding.UTF8.GetBytes(csv), "faq.csv", ImportLimits.Default);
        var r = Assert.Single(sheet.Rows);
        Assert.Equal("公积金能付房租吗？", r.Question);
        Assert.Equal("可以提取，\"租房提取\"按月办理。\n第二行", r.Answer);
        Assert.Equal("区住房城乡建设局", r.Unit);
        Assert.Equal("2027/3/1", r.ReviewOn);
        Assert.Empty(sheet.Errors);
    }

    [Fact]
    public void An_xlsx_made_with_ClosedXML_is_read_with_a_title_line_above_the_header_and_dates_as_dates()
    {
        using var book = new XLWorkbook();
        var ws = book.AddWorksheet("问答");
        ws.Cell(1, 1).Value = "区医保局常见问题清单";
        ws.Cell(2, 1).Value = "分类"; ws.Cell(2, 2).Value = "问题"; ws.Cell(2, 3).Value = "答复内容"; ws.Cell(2, 4).Value = "责任部门"; ws.Cell(2, 5).Value = "依据"; ws.Cell(2, 6).Value = "复核日期";
        ws.Cell(3, 1).Value = "医疗卫生"; ws.Cell(3, 2).Value = "异地就医怎么备案？"; ws.Cell(3, 3).Value = "通过国家医保服务平台App办理。"; ws.Cell(3, 4).Value = "区医保局";
        ws.Cell(3, 5).Value = "医保发〔2022〕22号"; ws.Cell(3, 6).Value = new DateTime(2027, 6, 30);
        ws.Cell(5, 2).Value = "只有问题没有答复";
        using var ms = new MemoryStream();
        book.SaveAs(ms);
        var sheet = QaSheetReader.Read(ms.ToArray(), "faq.xlsx", ImportLimits.Default);
        var r = Assert.Single(sheet.Rows);
        Assert.Equal(3, r.Row);
        Assert.Equal("异地就医怎么备案？", r.Question);
        Assert.Equal("医疗卫生", r.Topic);
        Assert.Equal("2027-06-30", r.ReviewOn);
        Assert.Equal(5, Assert.Single(sheet.Errors).Row);
    }

    [Theory]
    [InlineData("问题描述", QaColumn.Question)]
    [InlineData("答复口径", QaColumn.Answer)]
    [InlineData("回答", QaColumn.Answer)]
    [InlineData("答复单位", QaColumn.Unit)]
    [InlineData("责任部门/单位", QaColumn.Unit)]
    [InlineData("政策文件", QaColumn.Basis)]
    [InlineData("* 问题 （必填）", QaColumn.Question)]
    [InlineData("问题分类", QaColumn.Topic)]
    [InlineData("其他问法", QaColumn.Alternatives)]
    [InlineData("备注", null)]
    public void Header_variants_name_their_column(string header, QaColumn? expected) => Assert.Equal(expected, QaSheetReader.ColumnOf(header));

    [Fact]
    public void A_sheet_without_question_and_answer_columns_is_refused_with_a_reason()
    {
        var e = Assert.Throws<ImportRejectedException>(() => QaSheetReader.Read(Encoding.UTF8.GetBytes("标题,内容\n1,2\n"), "x.csv", ImportLimits.Default));
        Assert.Contains("问题", e.Message);
    }

    [Fact]
    public void An_xlsx_inflating_past_the_decompressed_limit_is_refused_before_parsing()
    {
        using var book = new XLWorkbook();
        var ws = book.AddWorksheet("问答");
        ws.Cell(1, 1).Value = "问题"; ws.Cell(1, 2).Value = "答复";
        for (int i = 2; i < 80; i++) { ws.Cell(i, 1).Value = "问" + i; ws.Cell(i, 2).Value = i + new string('答', 30000); }
        using var ms = new MemoryStream();
        book.SaveAs(ms);
        var limits = new ImportLimits { MaxDecompressedMegabytes = 1 };
        var e = Assert.Throws<ImportRejectedException>(() => QaSheetReader.Read(ms.ToArray(), "big.xlsx", limits));
        Assert.Contains("解压后超过1MB", e.Message);
        var old = Assert.Throws<ImportRejectedException>(() => QaSheetReader.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.xlsx", ImportLimits.Default));
        Assert.Contains(".xls", old.Message);
    }
}
