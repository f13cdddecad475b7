using Zwgk.Domain.Documents;
using Zwgk.Import;

namespace Zwgk.Import.Tests;

public class DocumentExtractorTests
{
    [Fact]
    public void Seed_000_notice()
    {
        var c = DocumentExtractor.Extract(Fixtures.ReadText(Fixtures.Seed000), "000.txt");

        Assert.Equal("济南市市中区人民政府办公室关于印发2021年济南市市中区政务公开工作要点的通知", c.Title);
        Assert.Equal("市中政办字〔2021〕11号", c.DocumentNumber);
        Assert.Equal("市中政办字〔2021〕11 号", c.DocumentNumberOriginal);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2021, 7, 28), c.WrittenOn);
        Assert.Empty(c.Missing);
        Assert.False(c.NeedsReview);
        Assert.Equal("000.txt", c.SourceFileName);
        Assert.Contains("发文字号：去除空格（原文：市中政办字〔2021〕11 号）", c.Notes);
        Assert.Contains("删除页码行 2 处", c.Notes);
    }

    [Fact]
    public void Seed_000_body_starts_after_the_title()
    {
        var c = DocumentExtractor.Extract(Fixtures.ReadText(Fixtures.Seed000), "000.txt");

        Assert.Equal(new Paragraph("各街道办事处，区政府各部门："), c.Blocks[0]);
        Assert.DoesNotContain(c.Blocks, b => b is Paragraph p && p.Text.Contains("〔2021〕11号", StringComparison.Ordinal));
        Assert.StartsWith("<p>各街道办事处，区政府各部门：</p>\n", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<h2>一、加强重点工作信息公开</h2>", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<p>2021年7月28日</p>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_001_notice_with_table()
    {
        var c = DocumentExtractor.Extract(Fixtures.ReadText(Fixtures.Seed001), "001.txt");

        Assert.Equal("济南市市中区人民政府办公室关于印发2024年济南市市中区政务公开工作要点的通知", c.Title);
        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumber);
        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumberOriginal);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2024, 6, 30), c.WrittenOn);
        Assert.Empty(c.Missing);
        Assert.Single(c.Blocks.OfType<Table>());
        Assert.Contains("<table>", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th scope=\"col\">序号</th><th scope=\"col\" colspan=\"2\">工作任务</th><th scope=\"col\">具体要求</th><th scope=\"col\">责任单位</th><th scope=\"col\">完成时限</th></tr></thead>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_003_has_a_title_only_and_ignores_numbers_cited_in_the_body()
    {
        var raw = Fixtures.ReadText(Fixtures.Seed003);

        var c = DocumentExtractor.Extract(raw, "003.txt");

        Assert.Equal("2021年市中区政务公开工作要点", c.Title);
        Assert.Null(c.DocumentNumber);
        Assert.Null(c.DocumentNumberOriginal);
        Assert.Null(c.IssuingAgency);
        Assert.Null(c.WrittenOn);
        Assert.Equal(["documentNumber", "issuingAgency", "writtenOn"], c.Missing);

        // The body does cite 文号; none of them may become the document's own.
        Assert.Contains(DocumentNumber.FindAll(raw), n => DocumentNumber.Normalize(n).Value == "枣政发〔2021〕1号");
        Assert.Contains(c.Blocks, b => b is Paragraph p && p.Text.Contains("（枣政发〔2021〕1号）", StringComparison.Ordinal));
        Assert.StartsWith("<p>2021年市中区政务公开工作的总体要求是：", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_title_number_signature_and_table()
    {
        const string md = """
            # 关于印发《市中区政府信息公开指南》的通知

            市中政办发〔2022〕12号

            各街道办事处，区政府各部门：

            现将《市中区政府信息公开指南》印发给你们，请结合实际认真执行。

            ## 一、受理渠道

            | 渠道 | 地址 |
            |------|------|
            | 当面申请 | 市中区政务服务中心 |

            济南市市中区人民政府办公室

            2022年9月1日
            """;

        var c = DocumentExtractor.Extract(md, "guide.md");

        Assert.Equal("关于印发《市中区政府信息公开指南》的通知", c.Title);
        Assert.Equal("市中政办发〔2022〕12号", c.DocumentNumber);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2022, 9, 1), c.WrittenOn);
        Assert.Empty(c.Missing);
        Assert.Contains(new Heading("一、受理渠道", 2), c.Blocks);
        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.True(table.HasHeaderRow);
        Assert.Contains("<h3>一、受理渠道</h3>", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th scope=\"col\">渠道</th><th scope=\"col\">地址</th></tr></thead>", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<tr><td>当面申请</td><td>市中区政务服务中心</td></tr>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_without_a_number_lists_it_as_missing()
    {
        const string raw = """
            关于开展2024年政务公开业务培训的通知

            各街道办事处，区政府各部门：
            为提升政务公开工作水平，区政府办公室定于5月中旬开展业务培训，请各单位按时参加。

            济南市市中区人民政府办公室
            2024年5月6日
            """;

        var c = DocumentExtractor.Extract(raw, "training.txt");

        Assert.Equal("关于开展2024年政务公开业务培训的通知", c.Title);
        Assert.Null(c.DocumentNumber);
        Assert.Equal(["documentNumber"], c.Missing);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Contains("发文机关取自落款", c.Notes);
        Assert.Equal(new DateOnly(2024, 5, 6), c.WrittenOn);
    }

    [Fact]
    public void Tab_separated_table_in_the_body_is_kept()
    {
        const string raw = "关于公布示范点名单的通知\n各单位：\n现将名单公布如下。\n序号\t单位\t示范点\n1\t大观园街道\t政务公开专区\n2\t区教育体育局\t校务公开\n";

        var c = DocumentExtractor.Extract(raw, "list.txt");

        var table = Assert.Single(c.Blocks.OfType<Table>());
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["2", "区教育体育局", "校务公开"], table.Rows[2]);
        Assert.Contains("<tr><td>1</td><td>大观园街道</td><td>政务公开专区</td></tr>", c.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_html_is_encoded()
    {
        const string raw = "关于网站安全的通知\n各单位：\n请勿在页面中插入<script>alert('x')</script>代码，A&B \"引号\"。\n";

        var c = DocumentExtractor.Extract(raw, "x.txt");

        Assert.DoesNotContain("<script>", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", c.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("A&amp;B&quot;引号&quot;", c.BodyHtml.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_digit_year_number_is_kept_and_flagged()
    {
        const string raw = "国务院文件\n国发〔21〕3号\n国务院关于进一步做好政务公开工作的通知\n各省、自治区、直辖市人民政府：\n现就有关事项通知如下。\n国务院\n二〇二一年三月二日\n";

        var c = DocumentExtractor.Extract(raw, "gf.txt");

        Assert.Equal("国发〔21〕3号", c.DocumentNumber);
        Assert.True(c.NeedsReview);
        Assert.Contains(c.Notes, n => n.StartsWith("发文字号：年份“21”只有两位", StringComparison.Ordinal));
        Assert.Equal("国务院", c.IssuingAgency);
        Assert.Equal(new DateOnly(2021, 3, 2), c.WrittenOn);
        Assert.Equal("国务院关于进一步做好政务公开工作的通知", c.Title);
    }

    [Fact]
    public void Number_with_odd_brackets_is_normalised_and_reported()
    {
        const string raw = "济南市市中区人民政府文件\n市中政发［2023］第 05 号\n济南市市中区人民政府关于做好年度报告编制工作的通知\n各街道办事处：\n请按要求编制。\n济南市市中区人民政府\n2023年5月8日\n";

        var c = DocumentExtractor.Extract(raw, "n.txt");

        Assert.Equal("市中政发〔2023〕5号", c.DocumentNumber);
        Assert.Equal("市中政发［2023］第 05 号", c.DocumentNumberOriginal);
        Assert.Contains("发文字号：将年份括号［］统一为〔〕（原文：市中政发［2023］第 05 号）", c.Notes);
        Assert.Contains("发文字号：去除序号前导零（原文：市中政发［2023］第 05 号）", c.Notes);
        Assert.Equal("济南市市中区人民政府", c.IssuingAgency);
    }

    [Fact]
    public void Labelled_metadata_table_is_read()
    {
        const string raw = "索引号\t000014349/2017-00110\t主题分类\t综合政务\\政务公开\n发文机关\t国务院办公厅\t成文日期\t2017年05月30日\n发文字号\t国办发〔2017〕47号\t发布日期\t2017年06月08日\n\u2029\n# 国务院办公厅关于印发政府网站发展指引的通知\n各省、自治区、直辖市人民政府：\n《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。\n";

        var c = DocumentExtractor.Extract(raw, "gov.html");

        Assert.Equal("国务院办公厅关于印发政府网站发展指引的通知", c.Title);
        Assert.Equal("国办发〔2017〕47号", c.DocumentNumber);
        Assert.Equal("国务院办公厅", c.IssuingAgency);
        Assert.Equal(new DateOnly(2017, 5, 30), c.WrittenOn);
        Assert.Empty(c.Missing);
        Assert.DoesNotContain(c.Blocks, b => b is Table);
    }

    [Fact]
    public void Nothing_is_invented_for_empty_or_shapeless_text()
    {
        var empty = DocumentExtractor.Extract("", "empty.txt");
        Assert.Equal(["title", "documentNumber", "issuingAgency", "writtenOn"], empty.Missing);
        Assert.Empty(empty.Blocks);
        Assert.Equal(string.Empty, empty.BodyHtml);

        var prose = DocumentExtractor.Extract("今天天气很好，我们去公园散步。公园里有很多人。", "prose.txt");
        Assert.Null(prose.Title);
        Assert.Null(prose.DocumentNumber);
        Assert.Null(prose.IssuingAgency);
        Assert.Null(prose.WrittenOn);
        Assert.Equal(4, prose.Missing.Count);
        Assert.Single(prose.Blocks);
    }

    [Theory]
    [InlineData("二〇二一年七月二十八日", 2021, 7, 28)]
    [InlineData("二○二四年十二月三十一日", 2024, 12, 31)]
    [InlineData("二〇二四年十月一日", 2024, 10, 1)]
    [InlineData("二〇二〇年二月二十九日", 2020, 2, 29)]
    [InlineData("2021 年 7 月 28 日", 2021, 7, 28)]
    [InlineData("２０２４年６月３０日", 2024, 6, 30)]
    public void Chinese_dates_are_parsed(string text, int year, int month, int day)
    {
        Assert.True(ChineseDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2021年2月30日")]
    [InlineData("二〇二一年十三月一日")]
    [InlineData("2021年7月")]
    [InlineData("2024年12月底前")]
    public void Impossible_or_partial_dates_are_rejected(string text)
    {
        Assert.False(ChineseDate.TryParse(text, out _));
    }

    [Fact]
    public void Chinese_numeral_signing_date_is_found()
    {
        const string raw = "关于做好汛期安全工作的通知\n各单位：\n请做好汛期安全工作。\n济南市市中区应急管理局\n二〇二一年七月二十八日\n";

        var c = DocumentExtractor.Extract(raw, "flood.txt");

        Assert.Equal(new DateOnly(2021, 7, 28), c.WrittenOn);
        Assert.Equal("济南市市中区应急管理局", c.IssuingAgency);
    }
}
