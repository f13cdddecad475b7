using System.Text;

namespace Zwgk.Import.Tests;

/// <summary>信息索引表 layouts of portal pages, 发文字号 as typed in the wild, joint documents; exact values.</summary>
public class PageIndexTests
{
    private const string Notice2024Body = """
        济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知

        各街道办事处，区政府各部门：
        现将《2024年市中区政务公开工作要点》印发给你们，请结合实际认真贯彻落实。各单位要明确分管负责同志和具体承办人员，确保各项任务按时完成，并于每季度末将落实情况报区政府办公室。
        一、以政务公开助力经济高质量发展。围绕优化营商环境、稳定市场预期，加大涉企政策公开解读力度，及时发布惠企政策清单，推动政策直达快享。
        二、以政务公开保障和改善民生。聚焦教育、医疗、养老、就业等群众关切，做好民生领域信息公开，加强政策咨询服务，提升公众获得感。

        济南市市中区人民政府办公室
        2024年6月30日
        """;

    [Fact]
    public void Several_pairs_to_a_line_with_spaced_labels_and_full_width_colons()
    {
        var raw = """
            索 引 号：11370103MB28563714/2024-0001234　　主题分类：综合政务\政务公开
            发布机构：济南市市中区人民政府办公室　　成文日期：2024年06月30日
            文    号：市中政办发〔2024〕3号　　发布日期：2024年07月02日
            标    题：济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知

            """ + Notice2024Body;

        var c = DocumentExtractor.Extract(raw, "page.html");

        Assert.Equal("11370103MB28563714/2024-0001234", c.IndexNumber);
        Assert.Equal("综合政务\\政务公开", c.TopicCategory);
        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumber);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(new DateOnly(2024, 6, 30), c.WrittenOn);
        Assert.Equal(new DateOnly(2024, 7, 2), c.PublishedOn);
        Assert.Equal("济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知", c.Title);
        Assert.Empty(c.Conflicts);
        Assert.Empty(c.Missing);
        Assert.DoesNotContain("索引号", c.BodyHtml);
        Assert.StartsWith("<p>各街道办事处，区政府各部门：</p>", c.BodyHtml);
    }

    [Fact]
    public void Pipe_rows_with_half_width_colons()
    {
        const string raw = """
            索引号 | 000014349/2017-00110 | 主题分类: | 综合政务\政务公开 |
            发文机关 | 国务院办公厅 | 成文日期: | 2017-05-30 |
            文号 | 国办发〔2017〕47号 | 发布日期: | 2017-06-08 |

            国务院办公厅关于印发政府网站发展指引的通知

            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
            《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。
            """;

        var c = DocumentExtractor.Extract(raw, "gov.html");

        Assert.Equal("000014349/2017-00110", c.IndexNumber);
        Assert.Equal("综合政务\\政务公开", c.TopicCategory);
        Assert.Equal("国务院办公厅", c.IssuingAgency);
        Assert.Equal(new DateOnly(2017, 5, 30), c.WrittenOn);
        Assert.Equal(new DateOnly(2017, 6, 8), c.PublishedOn);
        Assert.Equal("国办发〔2017〕47号", c.DocumentNumber);
        Assert.Equal("国务院办公厅关于印发政府网站发展指引的通知", c.Title);
        Assert.Empty(c.Missing);
    }

    [Fact]
    public void One_cell_per_line_with_synonyms_and_the_signature_date_as_written_date()
    {
        const string raw = """
            索引号
            000014349/2017-00110
            组配分类
            政务公开
            发文单位
            国务院办公厅
            生成日期
            2017-06-08
            文件号
            国办发 〔2017〕 47 号

            国务院办公厅关于印发政府网站发展指引的通知

            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
            《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。

            国务院办公厅
            2017年5月30日
            """;

        var c = DocumentExtractor.Extract(raw, "gov.html");

        Assert.Equal("000014349/2017-00110", c.IndexNumber);
        Assert.Equal("政务公开", c.TopicCategory);
        Assert.Equal("国务院办公厅", c.IssuingAgency);
        Assert.Equal("国办发〔2017〕47号", c.DocumentNumber);
        Assert.Equal("国办发 〔2017〕 47 号", c.DocumentNumberOriginal);
        // 生成日期 is when the portal published the page; the written date is the one under the signature.
        Assert.Equal(new DateOnly(2017, 5, 30), c.WrittenOn);
        Assert.Equal(new DateOnly(2017, 6, 8), c.PublishedOn);
        Assert.Contains("信息索引表的“生成日期”（2017年06月08日）按发布日期处理", c.Notes);
        Assert.Empty(c.Conflicts);
        Assert.Empty(c.Missing);
    }

    [Fact]
    public void Html_index_table_is_read_through_the_reader()
    {
        const string html = """
            <html><body>
            <div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
            <table class="xxgk">
              <tr><td>索&nbsp;引&nbsp;号：</td><td>11370103MB28563714/2024-0001234</td><td>信息分类：</td><td>综合政务\政务公开</td></tr>
              <tr><td>发文机关：</td><td>济南市市中区人民政府办公室</td><td>发文日期：</td><td>2024-07-02</td></tr>
              <tr><td>文　　号：</td><td>市中政办发［2024］3号</td><td>有 效 性：</td><td>有效</td></tr>
            </table>
            <h1>济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知</h1>
            <p>各街道办事处，区政府各部门：</p>
            <p>现将《2024年市中区政务公开工作要点》印发给你们，请认真贯彻落实。</p>
            <p>济南市市中区人民政府办公室</p>
            <p>2024年6月30日</p>
            </body></html>
            """;
        var text = DocumentTextReader.ReadText(new MemoryStream(Encoding.UTF8.GetBytes(html)), "page.html");

        var c = DocumentExtractor.Extract(text, "page.html");

        Assert.Equal("11370103MB28563714/2024-0001234", c.IndexNumber);
        Assert.Equal("综合政务\\政务公开", c.TopicCategory);
        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumber);
        Assert.Equal("市中政办发［2024］3号", c.DocumentNumberOriginal);
        Assert.Equal(new DateOnly(2024, 6, 30), c.WrittenOn);
        Assert.Equal(new DateOnly(2024, 7, 2), c.PublishedOn);
        Assert.Equal("济南市市中区人民政府办公室关于印发2024年政务公开工作要点的通知", c.Title);
        Assert.Empty(c.Missing);
    }

    [Fact]
    public void The_document_wins_over_the_index_and_the_disagreement_is_reported()
    {
        const string raw = """
            文号：市中政办发〔2024〕4号
            成文日期：2024-07-01
            发文机关：济南市市中区人民政府

            济南市市中区人民政府办公室文件
            市中政办发〔2024〕3号

            关于印发2024年政务公开工作要点的通知

            各街道办事处，区政府各部门：
            现将《2024年市中区政务公开工作要点》印发给你们，请认真贯彻落实。

            济南市市中区人民政府办公室
            2024年6月30日
            """;

        var c = DocumentExtractor.Extract(raw, "page.html");

        Assert.Equal("市中政办发〔2024〕3号", c.DocumentNumber);
        Assert.Equal(new DateOnly(2024, 6, 30), c.WrittenOn);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
        Assert.Equal(
            [
                "信息索引表的发文字号“市中政办发〔2024〕4号”与正文版头的“市中政办发〔2024〕3号”不一致，采用正文的发文字号",
                "信息索引表的成文日期（2024年07月01日）与文件落款日期（2024年06月30日）不一致，采用落款日期",
                "信息索引表的发文机关“济南市市中区人民政府”与正文的“济南市市中区人民政府办公室”不一致，采用正文",
            ],
            c.Conflicts);
    }

    [Fact]
    public void An_index_without_a_number_reports_it_missing()
    {
        const string raw = """
            索引号：11370103MB28563714/2024-0000456　　文号：无
            发布日期：2024年03月05日

            市中区2024年第一季度政务公开工作情况通报

            一季度，全区各单位认真落实政务公开工作要点，主动公开各类信息。
            """;

        var c = DocumentExtractor.Extract(raw, "page.html");

        Assert.Null(c.DocumentNumber);
        Assert.Equal([ImportCandidate.Fields.DocumentNumber, ImportCandidate.Fields.IssuingAgency, ImportCandidate.Fields.WrittenOn], c.Missing);
        Assert.Equal("11370103MB28563714/2024-0000456", c.IndexNumber);
        Assert.Equal(new DateOnly(2024, 3, 5), c.PublishedOn);
    }

    [Theory]
    [InlineData("市中政办字〔2021〕 11 号", "市中政办字〔2021〕11号")]
    [InlineData("市中政办字〔 2021 〕11号", "市中政办字〔2021〕11号")]
    [InlineData("市中政办字[2021]11号", "市中政办字〔2021〕11号")]
    [InlineData("市中政办字(2021)11号", "市中政办字〔2021〕11号")]
    [InlineData("市中政办字（２０２１）１１号", "市中政办字〔2021〕11号")]
    [InlineData("市中政办字【2021】011号", "市中政办字〔2021〕11号")]
    [InlineData("X政办发〔2021〕5号", "X政办发〔2021〕5号")]
    [InlineData("鲁政办字〔2021〕第57号", "鲁政办字〔2021〕57号")]
    public void Numbers_as_typed_in_the_wild_are_normalised_and_the_typed_form_kept(string typed, string canonical)
    {
        var raw = $"济南市市中区人民政府办公室文件\n{typed}\n\n关于做好2021年政务公开工作的通知\n\n各街道办事处，区政府各部门：\n现将有关事项通知如下。\n\n济南市市中区人民政府办公室\n2021年7月28日\n";

        var c = DocumentExtractor.Extract(raw, "n.txt");

        Assert.Equal(canonical, c.DocumentNumber);
        Assert.Equal(typed, c.DocumentNumberOriginal);
        Assert.Equal("关于做好2021年政务公开工作的通知", c.Title);
        Assert.Equal("济南市市中区人民政府办公室", c.IssuingAgency);
    }

    [Fact]
    public void A_number_split_across_a_line_break_is_joined()
    {
        const string raw = "济南市市中区人民政府办公室文件\n市中政办字〔2021〕\n11号\n\n关于做好2021年政务公开工作的通知\n\n各街道办事处：\n现将有关事项通知如下。\n";

        var c = DocumentExtractor.Extract(raw, "n.txt");

        Assert.Equal("市中政办字〔2021〕11号", c.DocumentNumber);
        Assert.Equal("市中政办字〔2021〕11号", c.DocumentNumberOriginal);
        Assert.Equal("关于做好2021年政务公开工作的通知", c.Title);
        Assert.Equal("<p>各街道办事处：</p>\n<p>现将有关事项通知如下。</p>\n", c.BodyHtml);
    }

    [Fact]
    public void Joint_document_lists_every_issuer_with_the_lead_first()
    {
        const string raw = """
            中共济南市市中区委办公室
            济南市市中区人民政府办公室
            文件
            市中办发〔2022〕8号

            关于进一步加强政务公开工作的通知

            各街道党工委、办事处，区委各部委，区政府各部门：
            为进一步加强政务公开工作，现就有关事项通知如下。

            中共济南市市中区委办公室　　济南市市中区人民政府办公室
            2022年3月1日
            """;

        var c = DocumentExtractor.Extract(raw, "joint.txt");

        Assert.Equal(["中共济南市市中区委办公室", "济南市市中区人民政府办公室"], c.IssuingAgencies);
        Assert.Equal("中共济南市市中区委办公室", c.IssuingAgency);
        Assert.Equal("市中办发〔2022〕8号", c.DocumentNumber);
        Assert.Equal("关于进一步加强政务公开工作的通知", c.Title);
        Assert.Equal(new DateOnly(2022, 3, 1), c.WrittenOn);
        Assert.Contains("联合发文：中共济南市市中区委办公室、济南市市中区人民政府办公室（主办机关：中共济南市市中区委办公室）", c.Notes);
    }

    [Fact]
    public void Joint_document_signed_on_separate_lines_without_a_header()
    {
        const string raw = """
            关于做好2023年度政府信息公开工作年度报告编制发布工作的通知

            各街道办事处，区政府各部门：
            现将有关事项通知如下。

            济南市市中区人民政府办公室
            济南市市中区财政局
            2023年1月5日
            """;

        var c = DocumentExtractor.Extract(raw, "joint.txt");

        Assert.Equal(["济南市市中区人民政府办公室", "济南市市中区财政局"], c.IssuingAgencies);
        Assert.Null(c.DocumentNumber);
        Assert.Contains(ImportCandidate.Fields.DocumentNumber, c.Missing);
    }

    [Fact]
    public void Labels_are_recognised_with_spaces_colons_and_synonyms()
    {
        Assert.Equal(IndexField.DocumentNumber, PageIndex.AsLabel("文    号："));
        Assert.Equal(IndexField.IndexNumber, PageIndex.AsLabel("索 引 号:"));
        Assert.Equal(IndexField.PublishedOn, PageIndex.AsLabel("发文日期"));
        Assert.Equal(IndexField.TopicCategory, PageIndex.AsLabel("组配分类"));
        Assert.Equal(IndexField.IssuingAgency, PageIndex.AsLabel("发布机构"));
        Assert.Null(PageIndex.AsLabel("单位名称"));
        Assert.Null(PageIndex.ParseLine("联系电话：82078301"));
        Assert.Equal([("发文字号", "国办发〔2017〕47号"), ("成文日期", "2017年05月30日")],
            PageIndex.ParseLine("发文字号：国办发〔2017〕47号 成文日期：2017年05月30日"));
    }
}
