using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Zwgk.Domain.Ledger;
using Zwgk.Import.WorkPlans;
using Zwgk.Search.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Zwgk.Import.Tests.WorkPlans;

/// <summary>Layouts not in the seeds, read through the importer's reader as an upload would be.</summary>
public class WorkPlanLayoutTests
{
    private static string Units(IReadOnlyList<UnitMention> units) =>
        string.Join("|", units.Select(u => u.Note is null ? u.Name : $"{u.Name}[{u.Note}]"));

    private static ParsedWorkPlan ReadFile(string content, string name, int? year = null, Func<string, string>? fold = null) =>
        WorkPlanParser.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, ImportLimits.Default, year, fold);

    [Fact]
    public void Markdown_pipe_table_with_breaks_lead_and_responsible_columns_and_measures()
    {
        var md = """
            # 2025年某区政务公开工作要点

            一、深化重点领域公开

            | 序号 | 工作任务 | 具体要求 | 牵头单位 | 责任单位 | 完成时限 |
            |---|---|---|---|---|---|
            | 1 | 一、深化重点领域公开 | 做好财政信息公开：<br>1.公开预决算；<br>2.公开政府债务信息。 | 区财政局 | 区审计局<br>各街道办事处 | 2025年6月底前 |
            | 2 | | 公开重大建设项目批准和实施信息。 | 区发展改革局 | 区住房城乡建设局、区交通运输局 | 长期坚持 |
            """;
        var p = ReadFile(md, "要点.md");
        Assert.Equal("table", p.Layout);
        Assert.Equal(2025, p.Year);
        Assert.Equal(2, p.Tasks.Count);
        var t1 = p.Tasks[0];
        Assert.Equal("1", t1.Number);
        Assert.Equal("区财政局", Units(t1.LeadUnits));
        Assert.Equal("区审计局|各街道办事处", Units(t1.ResponsibleUnits));
        Assert.Equal(["公开预决算", "公开政府债务信息。"], t1.Measures);
        Assert.Equal("做好财政信息公开：\n1.公开预决算；\n2.公开政府债务信息。", t1.Requirement);
        Assert.Equal(new DateOnly(2025, 6, 30), t1.Deadline.Date);
        Assert.Equal("一、", Assert.Single(p.Sections, s => s.Index == t1.SectionIndex).Number);
        var t2 = p.Tasks[1];
        Assert.Equal("区发展改革局", Units(t2.LeadUnits));
        Assert.Equal("区住房城乡建设局|区交通运输局", Units(t2.ResponsibleUnits));
        Assert.Equal(DeadlineKind.Ongoing, t2.Deadline.Kind);
        Assert.Equal(t1.SectionIndex, t2.SectionIndex); // empty section cell = same as above
    }

    [Fact]
    public void Html_table_with_p_cells_and_rowspan()
    {
        var html = """
            <html><body><h1>2024年某区政务公开工作要点</h1>
            <table>
            <tr><th>序号</th><th>工作任务</th><th>具体要求</th><th>责任单位</th><th>完成时限</th></tr>
            <tr><td>1</td><td rowspan="2"><p>一、加强</p><p>政策解读</p></td><td><p>（1）同步起草解读材料；</p><p>（2）同步发布解读。</p></td><td><p>区政府办公室</p><p>区司法局</p></td><td rowspan="2">2024年10月底前</td></tr>
            <tr><td>2</td><td><p>丰富解读形式，运用图解、视频等方式。</p></td><td>区融媒体中心</td></tr>
            <tr><td>3</td><td>二、回应关切</td><td>及时回应社会关切。</td><td>区政府各部门（单位）</td><td>长期坚持</td></tr>
            </table></body></html>
            """;
        var p = ReadFile(html, "要点.html");
        Assert.Equal(3, p.Tasks.Count);
        var t1 = p.Tasks[0];
        Assert.Equal(["同步起草解读材料", "同步发布解读。"], t1.Measures);
        Assert.Equal("区政府办公室|区司法局", Units(t1.ResponsibleUnits)); // two <p> in one cell: two units
        var t2 = p.Tasks[1];
        Assert.Equal("丰富解读形式，运用图解、视频等方式。", t2.Requirement);
        Assert.Equal("区融媒体中心", Units(t2.ResponsibleUnits)); // the rowspan above did not shift this row's cells
        Assert.Equal(t1.SectionIndex, t2.SectionIndex);
        Assert.Equal("2024-10-31", t2.Deadline.JsonValue); // merged 完成时限 cell continues
        Assert.Contains(p.Notes, n => n.Contains("序号2", StringComparison.Ordinal) && n.Contains("完成时限", StringComparison.Ordinal));
        Assert.NotEqual(t1.SectionIndex, p.Tasks[2].SectionIndex);
        Assert.Equal(2, p.Sections.Count);
    }

    [Fact]
    public void Docx_table_with_vertically_merged_unit_cell()
    {
        var bytes = Docx(body =>
        {
            body.Append(Paragraph("2024年某区政务公开工作要点"));
            body.Append(Paragraph("附件：任务分工"));
            var table = new W.Table();
            table.Append(Row(Cell("序号"), Cell("工作任务"), Cell("具体要求"), Cell("责任单位"), Cell("完成时限")));
            table.Append(Row(Cell("1"), Cell("一、规范平台建设"), Cell("完善政府网站站内检索功能。"), Cell("区政府办公室", W.MergedCellValues.Restart), Cell("2024年9月")));
            table.Append(Row(Cell("2"), Cell(string.Empty), Cell("加强政务新媒体监管。"), Cell(string.Empty, W.MergedCellValues.Continue), Cell("第四季度")));
            body.Append(table);
        });
        var p = WorkPlanParser.Read(new MemoryStream(bytes), "要点.docx", ImportLimits.Default);
        Assert.Equal(2, p.Tasks.Count);
        Assert.Equal("区政府办公室", Units(p.Tasks[1].ResponsibleUnits));
        Assert.Contains(p.Notes, n => n.Contains("序号2", StringComparison.Ordinal) && n.Contains("责任单位为空", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 9, 30), p.Tasks[0].Deadline.Date);
        Assert.Equal(new DateOnly(2024, 12, 31), p.Tasks[1].Deadline.Date);
        // Reader lines: title, ¶, 附件, ¶, header row, row 1, row 2.
        Assert.Equal("附件表格 序号2（第7行）", p.Tasks[1].Source);
    }

    [Fact]
    public void Inline_lead_forms_in_a_numbered_list()
    {
        var text = """
            2023年某区政务公开工作要点
            一、加强政策发布
            （一）做好文件公开
            1.全面公开规范性文件。（牵头单位：区司法局；责任单位：区政府各部门（单位）、各街道办事处）
            2.建设政府文件库，于2023年9月底前完成入库。（区政府办公室牵头，区大数据中心、区档案馆按职责分工负责）
            3.规范公开政府公报。（责任单位：区政府办公室）
            4.做好解读。（区融媒体中心负责）
            """;
        var p = WorkPlanParser.Parse(text);
        Assert.Equal("list", p.Layout);
        Assert.Equal(4, p.Tasks.Count);
        Assert.Equal("区司法局", Units(p.Tasks[0].LeadUnits));
        Assert.Equal("区政府各部门（单位）|各街道办事处", Units(p.Tasks[0].ResponsibleUnits));
        Assert.Equal("全面公开规范性文件。", p.Tasks[0].Requirement);
        Assert.Equal("区政府办公室", Units(p.Tasks[1].LeadUnits));
        Assert.Equal("区大数据中心|区档案馆", Units(p.Tasks[1].ResponsibleUnits));
        Assert.Equal(new DateOnly(2023, 9, 30), Assert.Single(p.Tasks[1].Milestones).Date);
        Assert.Empty(p.Tasks[2].LeadUnits);
        Assert.Equal("区政府办公室", Units(p.Tasks[2].ResponsibleUnits));
        Assert.Equal("区融媒体中心", Units(p.Tasks[3].ResponsibleUnits));
        Assert.Equal(2, p.Sections.Count);
        Assert.All(p.Tasks, t => Assert.Equal(2, t.SectionIndex));
    }

    [Fact]
    public void First_unit_leads_when_the_document_says_so()
    {
        var text = "2024年某区政务公开工作要点\n说明：责任单位中排在第一位的为牵头单位。\n序号\t工作任务\t责任单位\t完成时限\n1\t做好信息公开。\t区财政局、区审计局\t年底前\n";
        var p = WorkPlanParser.Parse(text);
        var t = Assert.Single(p.Tasks);
        Assert.Equal("区财政局", Units(t.LeadUnits));
        Assert.Equal("区审计局", Units(t.ResponsibleUnits));
        Assert.Equal(new DateOnly(2024, 12, 31), t.Deadline.Date);
        Assert.Contains(p.Notes, n => n.Contains("牵头单位", StringComparison.Ordinal));
    }

    [Fact]
    public void Traditional_characters_are_folded_first_and_year_argument_wins()
    {
        var text = "2022年某區政務公開工作要點\n序號\t工作任務\t具體要求\t責任單位\t完成時限\n1\t一、深化公開\t做好財政資訊公開。\t區財政局、各街道辦事處\t12月底前\n";
        var p = WorkPlanParser.Parse(text, year: 2023, fold: ChineseNormalizer.Normalize);
        var t = Assert.Single(p.Tasks);
        Assert.Equal(2023, p.Year);
        Assert.Equal("区财政局|各街道办事处", Units(t.ResponsibleUnits));
        Assert.Equal(new DateOnly(2023, 12, 31), t.Deadline.Date);
        Assert.Equal("深化公开", Assert.Single(p.Sections).Title);
    }

    [Fact]
    public void Body_and_table_describe_the_same_tasks_once()
    {
        var text = """
            2024年某区政务公开工作要点
            一、聚焦重点领域
            （一）做好财政公开。全面公开部门预决算，细化到功能分类项级科目。加强政府债务信息公开。
            （二）做好民生公开。公开就业创业政策清单。
            附件：任务分工
            序号	工作任务	具体要求	责任单位	完成时限
            1	一、聚焦重点领域	全面公开部门预决算，细化到功能分类项级科目。	区财政局	2024年12月底前
            2		公开就业创业政策清单。	区人力资源社会保障局	2024年12月底前
            """;
        var p = WorkPlanParser.Parse(text);
        Assert.Equal(2, p.Tasks.Count);
        Assert.Equal(3, p.Tasks[0].BodyLine);
        Assert.Equal("（一）", Assert.Single(p.Sections, s => s.Index == p.Tasks[0].SectionIndex).Number);
        Assert.Equal(4, p.Tasks[1].BodyLine);
        Assert.Equal("（二）", Assert.Single(p.Sections, s => s.Index == p.Tasks[1].SectionIndex).Number);
        Assert.StartsWith("（二）做好民生公开", p.Tasks[1].BodyText);
    }

    [Fact]
    public void Paragraphs_without_table_or_list_become_tasks_without_units()
    {
        var text = "2024年某区政务公开工作要点\n一、加强公开\n（一）做好政策公开。及时公开政策文件。\n（二）做好回应。及时回应关切。（责任单位：区政府办公室）\n";
        var p = WorkPlanParser.Parse(text);
        Assert.Equal("paragraphs", p.Layout);
        Assert.Equal(2, p.Tasks.Count);
        Assert.Equal("（一）", p.Tasks[0].Number);
        Assert.Equal("做好政策公开。及时公开政策文件。", p.Tasks[0].Requirement);
        Assert.Empty(p.Tasks[0].ResponsibleUnits);
        Assert.Equal("区政府办公室", Units(p.Tasks[1].ResponsibleUnits));
        Assert.Contains(p.Notes, n => n.Contains("1项任务未写明责任单位", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t\t\t\n|||\n（）\n1.\n一、")]
    [InlineData("序号\t工作任务\t具体要求\t责任单位\t完成时限\n\t\t\t\t\n1\t\t\t\t")]
    public void Odd_input_never_throws(string text)
    {
        var p = WorkPlanParser.Parse(text);
        Assert.NotNull(p.Tasks);
        Assert.NotEmpty(p.Notes);
    }

    // ---------------------------------------------------------------- docx helpers

    private static byte[] Docx(Action<W.Body> fill)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            fill(body);
            main.Document = new W.Document(body);
        }

        return ms.ToArray();
    }

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));

    private static W.TableRow Row(params W.TableCell[] cells) => new(cells);

    private static W.TableCell Cell(string text, W.MergedCellValues? merge = null)
    {
        var props = new W.TableCellProperties();
        if (merge is { } m)
        {
            props.Append(new W.VerticalMerge { Val = m });
        }

        return new W.TableCell(props, Paragraph(text));
    }
}
