using Zwgk.Import;

namespace Zwgk.Import.Tests;

public class TextNormalizerTests
{
    private static List<string> Texts(IEnumerable<TextBlock> blocks) =>
        blocks.Select(b => b switch
        {
            Paragraph p => p.Text,
            Heading h => h.Text,
            _ => string.Empty,
        }).ToList();

    [Fact]
    public void Wrapped_paragraph_of_seed_000_comes_out_as_one_paragraph()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed000));

        const string expected = "（三）围绕营商环境深化政务公开。完善权责清单和政府行政机关机构职能目录并按要求公开,推进政务服务标准化、规范化、便利化。做好精准落实宏观政策、深化减权放权、完善监管机制、创新服务方式等方面的信息公开，深化“来市中好办事”服务品牌，加快实现企业开办“一网通办”“全程网办”，让更多事项“视频办”“零跑腿”。落实减税降费有关政策，实现政策兑现“一门式”办理。强化市场规则标准和监管执法信息公开，相关部门发布区级层面重点监管事项清单以及监管规则标准。及时公开建设高标准市场体系行动方案的落实举措，加强反垄断与反不正当竞争执法信息发布工作。加大“互联网+执法”、公共法律服务等信息公开力度。";
        Assert.Contains(new Paragraph(expected), blocks);
    }

    [Fact]
    public void Paragraph_split_by_a_page_break_is_joined_and_the_page_number_dropped()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed000));

        const string expected = "（二）丰富重大政策解读形式。严格落实政策解读“三同步”制度，对规范性文件、重要政策文件、有关工作年度报告等实行解读。加强政策解读材料质量把控，对政策制定过程中收集到的关注点和疑惑点，要有针对性说明，杜绝简单摘抄文字、罗列文件小标题等形式化解读。全面提升解读工作质量，强化对政策背景、出台目的、重要举措的实质性解读。推行政策施行后解读机制，针对政策公布后的社会普遍疑虑和争议点，有针对性开展深度解读、延伸解读。丰富政策解读形式，提高多元化解读率，综合选用图示图解、卡通动漫等多元化解读形式。扩大政策解读传播面，重要政策文件及解读材料要在门户网站和新媒体平台转发转载，提高政策到达率和知晓度。政策制定机关要积极解答承办单位和社会公众咨询关切，精准传达政策意图。政府信息公开相关部门要加强内部协调，畅通政策咨询渠道。有条件的单位可依托12345市民服务热线、实体服务大厅和政府服务网设置政策咨询综合服务窗口，为企业群众提供“一号答”“一站式”政策咨询服务。";
        Assert.Contains(new Paragraph(expected), blocks);
        Assert.DoesNotContain(Texts(blocks), t => t.Contains("- 6 -", StringComparison.Ordinal) || t.Contains("- 8 -", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_with_a_leading_page_break_space_is_joined()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed000));

        const string expected = "（二）围绕“十四五”规划深化政务公开。主动公开“十四五”规划纲要、专项规划和区域规划等内容，做好历史规划（计划）的归集整理和主动公开工作。加大数据互联互通力度，区政府门户网站以适当方式归集整理政府网站主动公开的规划，全面展示定位准确、边界清晰、功能互补、统一衔接的规划体系，引导全社会关心支持规划实施工作。";
        Assert.Contains(new Paragraph(expected), blocks);
    }

    [Fact]
    public void Seed_000_header_lines_stay_separate()
    {
        var texts = Texts(TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed000)));

        Assert.Equal(
            [
                "济南市市中区人民政府办公室",
                "市中政办字〔2021〕11号",
                "济南市市中区人民政府办公室",
                "关于印发2021年济南市市中区政务公开",
                "工作要点的通知",
                "各街道办事处，区政府各部门：",
                "《2021年济南市市中区政务公开工作要点》已经区政府同意，现印发给你们，请认真贯彻落实。",
                "济南市市中区人民政府办公室",
                "2021年7月28日",
                "（此件公开发布）",
                "2021年济南市市中区政务公开工作要点",
            ],
            texts.Take(11));
    }

    [Theory]
    [InlineData("- 6 -")]
    [InlineData("-6-")]
    [InlineData("— 12 —")]
    [InlineData("－ ７ －")]
    [InlineData("第 3 页")]
    [InlineData("第3页 共10页")]
    [InlineData("共10页 第3页")]
    [InlineData("3/10")]
    public void Page_number_lines_are_removed(string pageNumber)
    {
        var raw = "（一）围绕中心工作深化政务公开。紧紧围绕建设新时代现\n\n"
            + "代化强省会高品质城区这一总体目标，聚焦产业兴区、项目攻坚、\n\n"
            + "双招突破、改革创新、乡村振兴、环境治理、民生改善“七项重\n\n"
            + "点任务”做好信息主动公开工作。充分利用门户网站等平台主动\n\n\n\n"
            + $"{pageNumber}\n\n"
            + " 公开 2021 年我区《政府工作报告》重点工作任务、12 类 100 项\n\n"
            + "民生实事工作进展、取得成效、后续举措等情况，加大监督力度，\n\n"
            + "确保公开事项落实到位。\n";

        var result = TextNormalizer.NormalizeWithNotes(raw);

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(result.Blocks));
        Assert.Equal(
            "（一）围绕中心工作深化政务公开。紧紧围绕建设新时代现代化强省会高品质城区这一总体目标，聚焦产业兴区、项目攻坚、双招突破、改革创新、乡村振兴、环境治理、民生改善“七项重点任务”做好信息主动公开工作。充分利用门户网站等平台主动公开2021年我区《政府工作报告》重点工作任务、12类100项民生实事工作进展、取得成效、后续举措等情况，加大监督力度，确保公开事项落实到位。",
            paragraph.Text);
        Assert.Contains("删除页码行 1 处", result.Notes);
    }

    [Theory]
    [InlineData("第 3 页")]
    [InlineData("- 12 -")]
    public void Page_number_between_paragraphs_is_removed(string pageNumber)
    {
        var blocks = TextNormalizer.Normalize($"第一段。\n{pageNumber}\n第二段。");

        Assert.Equal([new Paragraph("第一段。"), new Paragraph("第二段。")], blocks);
    }

    [Fact]
    public void Seed_000_reports_its_two_page_numbers()
    {
        var result = TextNormalizer.NormalizeWithNotes(Fixtures.ReadText(Fixtures.Seed000));

        Assert.Contains("删除页码行 2 处", result.Notes);
    }

    [Theory]
    [InlineData("关于印发 2021 年济南市市中区政务公开", "关于印发2021年济南市市中区政务公开")]
    [InlineData("2021 年 7 月 28 日", "2021年7月28日")]
    [InlineData("12 类 100 项民生实事", "12类100项民生实事")]
    [InlineData("鼓励运用 5G、云直播、VR 等新技术", "鼓励运用5G、云直播、VR等新技术")]
    [InlineData("Open Government Data 平台", "Open Government Data平台")]
    [InlineData("see  the   Open Data  Charter", "see the Open Data Charter")]
    [InlineData("２０２１年第１季度", "2021年第1季度")]
    [InlineData("ＶＲ技术", "VR技术")]
    [InlineData("全面推进　政务公开", "全面推进政务公开")]
    public void Inline_cleanup_removes_stray_spaces_but_keeps_latin_spaces(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.CleanInline(input));
    }

    [Fact]
    public void Chinese_outline_headings_are_recognised()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed003));

        Assert.Contains(new Heading("一、深化重点领域政府信息公开", 1), blocks);
        Assert.Contains(new Heading("（一）立足实施重大战略推进政务公开", 2), blocks);
        Assert.Contains(new Heading("五、严格政务公开工作保障和落实", 1), blocks);
    }

    [Fact]
    public void Numbered_items_start_new_paragraphs_and_are_not_headings()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed003));

        Assert.Contains(new Paragraph("3.开发区体制机制改革进展情况公开。（责任单位：枣庄经济开发区管委会）"), blocks);
        Assert.Contains(new Paragraph("9.加大实施质量强区和品牌战略信息公开力度。（责任单位：区市场监管局）"), blocks);
    }

    [Fact]
    public void Marked_paragraph_with_a_sentence_is_not_a_heading()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed000));

        Assert.Contains(new Heading("一、加强重点工作信息公开", 1), blocks);
        Assert.DoesNotContain(blocks, b => b is Heading h && h.Text.StartsWith("（一）围绕中心工作", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_table_becomes_a_table_block()
    {
        const string raw = "前言。\n\n| 渠道 | 地址 | 电话 |\n|------|:----:|-----:|\n| 当面申请 | 市中区政务服务中心 | 0531-12345678 |\n| 邮政申请 |  | 0531-87654321 |\n\n结束。";

        var blocks = TextNormalizer.Normalize(raw);

        Assert.Equal(3, blocks.Count);
        var table = Assert.IsType<Table>(blocks[1]);
        Assert.True(table.HasHeaderRow);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["渠道", "地址", "电话"], table.Rows[0]);
        Assert.Equal(["当面申请", "市中区政务服务中心", "0531-12345678"], table.Rows[1]);
        Assert.Equal(["邮政申请", "", "0531-87654321"], table.Rows[2]);
    }

    [Fact]
    public void Tab_separated_lines_become_a_table_block_with_cells_intact()
    {
        const string raw = "附件：示范点名单\n序号\t单位\t备注\n1\t大观园街道\t\n2\t区教育体育局\t校务 公开试点\n";

        var blocks = TextNormalizer.Normalize(raw);

        Assert.Equal(2, blocks.Count);
        var table = Assert.IsType<Table>(blocks[1]);
        Assert.False(table.HasHeaderRow);
        Assert.Equal(["序号", "单位", "备注"], table.Rows[0]);
        Assert.Equal(["1", "大观园街道", ""], table.Rows[1]);
        Assert.Equal(["2", "区教育体育局", "校务公开试点"], table.Rows[2]);
    }

    [Fact]
    public void Seed_001_tab_table_is_one_table_without_repeated_page_headers()
    {
        var result = TextNormalizer.NormalizeWithNotes(Fixtures.ReadText(Fixtures.Seed001));

        var table = Assert.Single(result.Blocks.OfType<Table>());
        // Later pages show the column the first page's header merged under 工作任务: the table takes that width and the
        // header row is marked as such (it repeated on every page).
        Assert.Equal(["序号", "工作任务", "", "具体要求", "责任单位", "完成时限"], table.Rows[0]);
        Assert.True(table.HasHeaderRow);
        Assert.All(table.Rows, r => Assert.Equal(6, r.Count));
        Assert.Equal(55, table.Rows.Count);
        Assert.Single(table.Rows, r => r.Contains("序号"));
        Assert.Equal("54", table.Rows[^1][0]);
        Assert.Contains(table.Rows, r => r.Contains("2024年12月底前"));
        Assert.Contains("删除表格中重复的表头行 14 处", result.Notes);
    }

    [Fact]
    public void Seed_001_paragraph_split_at_a_page_break_is_joined()
    {
        var blocks = TextNormalizer.Normalize(Fixtures.ReadText(Fixtures.Seed001));

        Assert.Contains(blocks, b => b is Paragraph p
            && p.Text.StartsWith("（一）以经济高质量发展为导向", StringComparison.Ordinal)
            && p.Text.EndsWith("结合大规模设备更新和消费品以旧换新相关工作要求，做好信息发布和舆论引导工作，营造良好社会氛围。", StringComparison.Ordinal));
        Assert.Contains(new Paragraph("济南市市中区人民政府办公室关于印发2024年济南市市中区政务公开工作要点的通知"), blocks);
    }

    [Fact]
    public void Markdown_headings_keep_their_level()
    {
        var blocks = TextNormalizer.Normalize("# 关于开展培训的通知\n\n## 一、培训内容\n\n### 细则 ###\n正文。");

        Assert.Equal(
            [new Heading("关于开展培训的通知", 1), new Heading("一、培训内容", 2), new Heading("细则", 3), new Paragraph("正文。")],
            blocks);
    }

    [Fact]
    public void Paragraph_separator_is_a_hard_break()
    {
        var longLine = string.Concat(Enumerable.Repeat("政务公开工作", 12));

        var blocks = TextNormalizer.Normalize($"{longLine}\u2029\n{longLine}\u2029\n");

        Assert.Equal([new Paragraph(longLine), new Paragraph(longLine)], blocks);
    }

    [Fact]
    public void Long_unwrapped_lines_without_final_punctuation_are_joined()
    {
        var longLine = string.Concat(Enumerable.Repeat("政务公开工作", 12));

        var blocks = TextNormalizer.Normalize($"{longLine}\n\n继续这一段。");

        Assert.Equal([new Paragraph(longLine + "继续这一段。")], blocks);
    }

    [Fact]
    public void Empty_input_gives_no_blocks()
    {
        Assert.Empty(TextNormalizer.Normalize(""));
        Assert.Empty(TextNormalizer.Normalize("\n\n  \n- 3 -\n"));
    }
}
