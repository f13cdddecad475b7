using Zwgk.Domain.Ledger;
using Zwgk.Import.WorkPlans;

namespace Zwgk.Import.Tests.WorkPlans;

/// <summary>Shapes seen in other districts' documents: time limits inside the unit clause, other column names, no year in the title.</summary>
public sealed class WorkPlanVariantTests
{
    [Fact]
    public void A_time_limit_inside_the_unit_clause_is_the_deadline_not_a_unit()
    {
        var plan = WorkPlanParser.Parse("""
            2025年某某区政务公开工作要点

            一、加强政策发布解读

            （一）加强经济政策发布。
            1.及时发布促进民营经济发展的政策措施，2025年6月底前完成涉企政策清单梳理。（牵头单位：区发展改革局；责任单位：区工业和信息化局、区商务局）
            2.做好惠企政策“免申即享”信息公开。（区行政审批服务局牵头，区政府各部门按职责分工负责）
            3.重要政策文件坚持“三同步”。（责任单位：区政府各部门（单位），各街道办事处；完成时限：长期坚持）
            4.规范政府网站和政务新媒体管理，每季度开展一次检查。（责任单位：区政府办公室；2025年12月底前）
            5.做好政府公报编辑发行。（责任单位：区政府办公室，2025年11月底前完成）
            """);
        Assert.Equal(2025, plan.Year);
        Assert.Equal(5, plan.Tasks.Count);
        var t1 = plan.Tasks[0];
        Assert.Equal(["区发展改革局"], t1.LeadUnits.Select(u => u.Name));
        Assert.Equal(["区工业和信息化局", "区商务局"], t1.ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(new DateOnly(2025, 6, 30), Assert.Single(t1.Milestones).Date);
        Assert.Equal(["区行政审批服务局"], plan.Tasks[1].LeadUnits.Select(u => u.Name));
        Assert.Equal(["区政府各部门"], plan.Tasks[1].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(["区政府各部门（单位）", "各街道办事处"], plan.Tasks[2].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(DeadlineKind.Ongoing, plan.Tasks[2].Deadline.Kind);
        Assert.Equal(["区政府办公室"], plan.Tasks[3].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(new DateOnly(2025, 12, 31), plan.Tasks[3].Deadline.Date);
        Assert.Equal(["区政府办公室"], plan.Tasks[4].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(new DateOnly(2025, 11, 30), plan.Tasks[4].Deadline.Date);
    }

    [Fact]
    public void Other_column_names_a_task_list_title_and_measures_in_one_cell()
    {
        var plan = WorkPlanParser.Parse("""
            # 2026年某县政务公开重点工作任务清单

            | 序号 | 重点任务 | 工作措施 | 牵头单位 | 配合单位 | 时间节点 | 备注 |
            |---|---|---|---|---|---|---|
            | 1 | 一、深化重点领域信息公开 | 1.公开财政预决算；<br>2.公开政府债务信息。 | 县财政局 | 各乡镇人民政府 | 2026年9月30日前 | |
            | 2 |  | 推进重大建设项目信息公开。 | 县发展改革局 | 县住房城乡建设局、县交通运输局 | 持续推进 | 每季度报送 |
            | 3 | 二、加强平台建设 | 完善政府网站集约化平台。 | 县政府办公室 |  | 年底前 | |
            """);
        Assert.Equal("table", plan.Layout);
        Assert.Equal(2026, plan.Year);
        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["公开财政预决算", "公开政府债务信息。"], plan.Tasks[0].Measures);
        Assert.Equal(["县财政局"], plan.Tasks[0].LeadUnits.Select(u => u.Name));
        Assert.Equal(["各乡镇人民政府"], plan.Tasks[0].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal(new DateOnly(2026, 9, 30), plan.Tasks[0].Deadline.Date);
        Assert.Equal("一、", plan.Sections.Single(s => s.Index == plan.Tasks[1].SectionIndex).Number);
        Assert.Equal(DeadlineKind.Ongoing, plan.Tasks[1].Deadline.Kind);
        Assert.Equal(new DateOnly(2026, 12, 31), plan.Tasks[2].Deadline.Date);
    }

    [Fact]
    public void Without_a_year_in_the_title_the_deadlines_year_is_taken_and_said()
    {
        var plan = WorkPlanParser.Parse("""
            政务公开重点工作任务分工

            序号	工作任务	具体要求	责任单位	完成时限
            1	一、加强信息公开	公开预决算信息。	区财政局	2027年6月底前
            2		公开政府债务信息。	区财政局	年底前
            """);
        Assert.Equal(2027, plan.Year);
        Assert.Contains(plan.Notes, n => n.Contains("2027", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 12, 31), plan.Tasks[1].Deadline.Date);
    }
}

/// <summary>
/// A 工作要点 uploaded as PDF with a ruled table (printed by Chromium from workplan-ruled-table.html, whose first 工作任务 cell
/// spans two rows): cells side by side are read by the grid, each cell's wrapped lines joined, and the radical code points
/// the font maps 工/一/门 to are folded back to ideographs.
/// </summary>
public sealed class PdfRuledTableTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Cells_of_a_ruled_table_come_out_as_tab_separated_rows()
    {
        using var stream = File.OpenRead(Fixture("workplan-ruled-table.pdf"));
        var text = DocumentTextReader.ReadText(stream, "plan.pdf");
        Assert.Contains("2025年测试区政务公开工作要点", text);
        Assert.DoesNotContain('\u2F2F', text); // ⼯
        var rows = text.Split('\n').Where(l => l.Contains('\t')).ToList();
        Assert.Equal("序号\t工作任务\t具体要求\t牵头单位\t责任单位\t完成时限", rows[0]);
        Assert.Equal("1\t一、加强政策解读\t以政策解读材料与政策文件同步起草、同步审签、同步发布的“三同步”为原则，高质高效推进政策解读工作。\t区政府办公室\t区政府各部门（单位）\t2025年12月底前", rows[1]);
        Assert.Equal("2\t\t创新解读形式，积极运用互动直播、简明问答等方式进行解读。\t区财政局\t各街道办事处\t长期坚持", rows[2]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void The_parser_reads_the_pdf_table_with_lead_and_responsible_columns()
    {
        using var stream = File.OpenRead(Fixture("workplan-ruled-table.pdf"));
        var plan = WorkPlanParser.Read(stream, "plan.pdf", ImportLimits.Default);
        Assert.Equal(2025, plan.Year);
        Assert.Equal("table", plan.Layout);
        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["区财政局"], plan.Tasks[1].LeadUnits.Select(u => u.Name));
        Assert.Equal(["各街道办事处"], plan.Tasks[1].ResponsibleUnits.Select(u => u.Name));
        Assert.Equal("一、", plan.Sections.Single(s => s.Index == plan.Tasks[1].SectionIndex).Number);
        Assert.Empty(plan.Tasks[2].ResponsibleUnits);
        Assert.Equal(new DateOnly(2025, 6, 30), plan.Tasks[2].Deadline.Date);
    }

    [Theory]
    [InlineData("政务公开⼯作要点", "政务公开工作要点")]
    [InlineData("区政府各部⻔", "区政府各部门")]
    [InlineData("⻩河流域⽣态保护", "黄河流域生态保护")]
    [InlineData("⺠间投资", "民间投资")]
    [InlineData("no radicals 无偏旁", "no radicals 无偏旁")]
    public void Radical_code_points_fold_to_ideographs(string input, string expected) => Assert.Equal(expected, CjkRadicals.Fold(input));
}
