using Zwgk.Domain.Ledger;
using Zwgk.Import.WorkPlans;

namespace Zwgk.Import.Tests.WorkPlans;

public class WorkPlanParserTests
{
    private static string Units(IReadOnlyList<UnitMention> units) =>
        string.Join("|", units.Select(u => u.Note is null ? u.Name : $"{u.Name}[{u.Note}]"));

    private static ParsedWorkPlan Seed(string name) => WorkPlanParser.Parse(Fixtures.ReadText(name));

    private static ParsedTask ByNumber(ParsedWorkPlan p, string number) => Assert.Single(p.Tasks, t => t.Number == number);

    private static ParsedSection SectionOf(ParsedWorkPlan p, ParsedTask t) => Assert.Single(p.Sections, s => s.Index == t.SectionIndex);

    // ---------------------------------------------------------------- seed 001: tab table with 序号 and 完成时限

    [Fact]
    public void Seed001_table_rows_are_the_tasks()
    {
        var p = Seed(Fixtures.Seed001);

        // The 附件 table numbers its rows 1…54 (lines 94–175, 11 page-header rows in between); the 正文 (一)…(十九)
        // paragraphs describe the same tasks and are linked, not counted.
        Assert.Equal("table", p.Layout);
        Assert.Equal(54, p.Tasks.Count);
        Assert.Equal(Enumerable.Range(1, 54).Select(i => i.ToString()), p.Tasks.Select(t => t.Number));
        // 正文 headings: 一 … 六 (6) and (一) … (十九) numbered across sections (19).
        Assert.Equal(25, p.Sections.Count);
        Assert.Equal(6, p.Sections.Count(s => s.Level == 1));
        Assert.Equal("2024年济南市市中区政务公开工作要点", p.Title);
        Assert.Equal(2024, p.Year);
        Assert.All(p.Tasks, t => Assert.NotNull(t.BodyLine));
        var s5 = Assert.Single(p.Sections, s => s.Number == "（五）");
        Assert.Equal("进一步推进公众参与政策制定", s5.Title);
        Assert.Equal(39, s5.SourceLine);
    }

    [Fact]
    public void Seed001_row2_subsection_glued_to_requirement()
    {
        var p = Seed(Fixtures.Seed001);
        var t = ByNumber(p, "2");
        Assert.StartsWith("对支持和激励民间投资发展的政策举措，加大宣传发布力度", t.Requirement);
        Assert.Equal("（一）", SectionOf(p, t).Number);
        Assert.Equal("区发展改革局|区工业和信息化局|区投资促进局[等有关部门(单位)]|各街道办事处", Units(t.ResponsibleUnits));
        Assert.Empty(t.LeadUnits);
        Assert.Equal(new DateOnly(2024, 12, 31), t.Deadline.Date);
        Assert.Equal("附件表格 序号2（第95行）", t.Source);
        Assert.Equal(95, t.SourceLine);
        Assert.Equal(27, t.BodyLine); // the 正文 paragraph (一)
        Assert.Contains("对支持和激励民间投资发展的政策举措", t.BodyText);

        // Row 1 names only section 一 in its 工作任务 cell; its text is in the 正文's (一) paragraph.
        var first = ByNumber(p, "1");
        Assert.Equal("（一）", SectionOf(p, first).Number);
        Assert.Equal("区政府各部门(单位)", Units(first.ResponsibleUnits));
    }

    [Fact]
    public void Seed001_row20_shifted_cells_are_corrected()
    {
        var p = Seed(Fixtures.Seed001);
        var t = ByNumber(p, "20");
        Assert.StartsWith("建立常态化政策效果评价机制，原则上每年至少开展2次专题性政策评价工作", t.Requirement);
        Assert.Equal("（五）", SectionOf(p, t).Number);
        Assert.Equal("区政府各部门（单位）|各街道办事处", Units(t.ResponsibleUnits));
        // Its 完成时限 cell is missing: the one above (2024年12月底前) continues, and the notes say so.
        Assert.Equal("2024年12月底前", t.DeadlineText);
        Assert.Equal("2024-12-31", t.Deadline.JsonValue);
        Assert.Contains(p.Notes, n => n.Contains("序号20", StringComparison.Ordinal) && n.Contains("错位", StringComparison.Ordinal));
        Assert.Contains(p.Notes, n => n.Contains("序号20", StringComparison.Ordinal) && n.Contains("沿用上一行", StringComparison.Ordinal));
        var m = Assert.Single(t.Milestones);
        Assert.Equal(new DateOnly(2024, 12, 31), m.Date);
        Assert.Equal("年底前", m.Phrase);

        Assert.Equal(DeadlineKind.Ongoing, ByNumber(p, "17").Deadline.Kind);
        Assert.Equal("长期坚持", ByNumber(p, "17").DeadlineText);
    }

    [Fact]
    public void Seed001_rows_43_50_54()
    {
        var p = Seed(Fixtures.Seed001);

        var t43 = ByNumber(p, "43");
        Assert.StartsWith("严格落实国家和省、市相关领域公共企事业单位信息公开制度,进一步推动", t43.Requirement);
        Assert.Equal("区教育局|区卫生健康局", Units(t43.ResponsibleUnits)); // as written (elsewhere: 区教育体育局)
        Assert.Equal("（十三）", SectionOf(p, t43).Number);

        // Row 50: cells with wrap spaces ("六、聚焦 工作体 系建设", "(十六) 加强 标准化建设", "2024年 12月底前").
        var t50 = ByNumber(p, "50");
        var s50 = SectionOf(p, t50);
        Assert.Equal("（十六）", s50.Number);
        Assert.Equal("加强标准化建设", s50.Title);
        Assert.Equal("六、", Assert.Single(p.Sections, s => s.Index == s50.ParentIndex).Number);
        Assert.StartsWith("按照《全省主动公开事项目录编制工作方案》各项要求", t50.Requirement);
        Assert.Equal("2024年12月底前", t50.DeadlineText);
        Assert.Equal(new DateOnly(2024, 12, 31), t50.Deadline.Date);

        var t54 = ByNumber(p, "54");
        Assert.StartsWith("要树牢质效导向，聚焦问题短板", t54.Requirement);
        Assert.Equal("区政府各部门（单位）|各街道办事处", Units(t54.ResponsibleUnits));
        Assert.Equal(new DateOnly(2024, 12, 31), t54.Deadline.Date);
        var m = Assert.Single(t54.Milestones);
        Assert.Equal(new DateOnly(2024, 7, 15), m.Date);
        Assert.Equal("7月15日前", m.Phrase);
        Assert.Equal("（十九）", SectionOf(p, t54).Number);
        Assert.Equal(85, t54.BodyLine);
    }

    // ---------------------------------------------------------------- seed 000: PDF text table without tabs

    [Fact]
    public void Seed000_pairs_of_requirement_and_units_are_the_tasks()
    {
        var p = Seed(Fixtures.Seed000);

        // Counted by hand in the 分解表 (lines 379–930), requirement cell + unit cell pairs per subsection:
        // 一(一)3 (二)2 (三)3 (四)3 (五)1 (六)5 (七)2 = 19; 二(一)2 (二)3 (三)1 (四)1 (五)1 = 8;
        // 三(一)1 (二)1 (三)2 (四)2 = 6; 四(一)…(四) 1 each = 4. Total 37.
        Assert.Equal("table", p.Layout);
        Assert.Equal(37, p.Tasks.Count);
        // 正文: 一 (7 subsections), 二 (5), 三 (4), 四 保障措施 (4) = 4 + 20.
        Assert.Equal(24, p.Sections.Count);
        Assert.Equal(2021, p.Year);
        Assert.Equal("2021年济南市市中区政务公开工作要点", p.Title);
        Assert.All(p.Tasks, t => Assert.Null(t.Number));
        Assert.All(p.Tasks, t => Assert.Equal(DeadlineKind.None, t.Deadline.Kind));
        Assert.All(p.Tasks, t => Assert.NotEmpty(t.ResponsibleUnits));
    }

    [Fact]
    public void Seed000_named_tasks()
    {
        var p = Seed(Fixtures.Seed000);

        var first = p.Tasks[0];
        Assert.StartsWith("围绕建设新时代现代化强省会高品质城区这一总体目标，巩固拓展疫情防控", first.Requirement);
        Assert.EndsWith("努力保持经济平稳健康发展。", first.Requirement);
        var s = SectionOf(p, first);
        Assert.Equal("（一）", s.Number);
        Assert.Equal("围绕中心工作深化政务公开", s.Title);
        Assert.Equal("区政府有关部门|各街道办事处", Units(first.ResponsibleUnits));
        Assert.Equal("附件表格 第1项（第389–395行）", first.Source);
        Assert.Equal(40, first.BodyLine);

        // The unit cell wrapped mid-name: "区市场监" / "管局".
        var t7 = p.Tasks[6];
        Assert.StartsWith("做好精准落实宏观政策、深化减权放权", t7.Requirement);
        Assert.Equal("区政府办公室|区发展改革局|区财政局|区司法局|区市场监管局|区行政审批服务局[等有关部门]|各街道办事处", Units(t7.ResponsibleUnits));
        Assert.Equal("（三）", SectionOf(p, t7).Number);

        // Requirement and unit on one line.
        var t14 = p.Tasks[13];
        Assert.Equal("持续做好学前教育行动计划、义务教育入学等信息公开。", t14.Requirement);
        Assert.Equal("区教育体育局", Units(t14.ResponsibleUnits));

        // Section cell wrapped over three lines ("加强决策全流" / "程公开和解读" / "回应").
        var t21 = p.Tasks[20];
        Assert.Equal("区发展改革局|区司法局|区民政局|区住房城乡建设局|区园林绿化服务中心|区医院|市中交警大队", Units(t21.ResponsibleUnits));
        var s21 = SectionOf(p, t21);
        Assert.Equal("落实重大决策事项目录公开", s21.Title);
        Assert.Equal("加强决策全流程公开和解读回应", Assert.Single(p.Sections, x => x.Index == s21.ParentIndex).Title);

        var t17 = p.Tasks[16];
        Assert.Equal("区应急局|区住房城乡建设局|区文化和旅游局[等相关责任部门]", Units(t17.ResponsibleUnits));

        var t29 = p.Tasks[28];
        Assert.Equal("完善政务公开平台", SectionOf(p, t29).Title);
        Assert.Equal(new DateOnly(2021, 12, 31), Assert.Single(t29.Milestones).Date);

        var last = p.Tasks[^1];
        Assert.Equal("强化监督考核", SectionOf(p, last).Title);
        Assert.Equal("附件表格 第37项（第920–930行）", last.Source);
    }

    // ---------------------------------------------------------------- seed 003: numbered list with inline 责任单位

    [Fact]
    public void Seed003_numbered_items_are_the_tasks()
    {
        var p = Seed(Fixtures.Seed003);

        // Items 1. … 40. numbered across the document ("33．" with a full-width dot); the closing paragraph
        // "各镇（街）、各部门单位要将本要点…" has no number and is not a task.
        Assert.Equal("list", p.Layout);
        Assert.Equal(40, p.Tasks.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => i.ToString()), p.Tasks.Select(t => t.Number));
        // 一 (6 subsections), 二 (3), 三 (3), 四 (4), 五 (4) = 5 + 20.
        Assert.Equal(25, p.Sections.Count);
        Assert.Equal(2021, p.Year);
        Assert.All(p.Tasks, t => Assert.Null(t.DeadlineText));
        Assert.DoesNotContain("纳入政府信息公开工作年度报告", p.Tasks[^1].Requirement);
    }

    [Fact]
    public void Seed003_named_items()
    {
        var p = Seed(Fixtures.Seed003);

        var t2 = ByNumber(p, "2");
        Assert.Equal("多形式发布落实黄河流域生态保护和高质量发展的进展、成效。", t2.Requirement);
        Assert.Equal("各镇人民政府|各街道办事处|区发改局[等政府相关部门]", Units(t2.ResponsibleUnits)); // "区发\n改局" wrapped
        Assert.Equal("立足实施重大战略推进政务公开", SectionOf(p, t2).Title);

        var t32 = ByNumber(p, "32");
        Assert.StartsWith("健全政务新媒体监管机制，针对一哄而上、重复建设", t32.Requirement);
        Assert.Equal("区政府办公室|区大数据中心", Units(t32.ResponsibleUnits));
        Assert.Equal(DeadlineKind.None, t32.Deadline.Kind);
        var m = Assert.Single(t32.Milestones);
        Assert.Equal(new DateOnly(2021, 12, 31), m.Date);
        Assert.Equal("2021年年底前", m.Phrase);
        Assert.Equal("正文 第32项（第352–358行）", t32.Source);
        Assert.Equal("（三）", SectionOf(p, t32).Number);

        var t33 = ByNumber(p, "33");
        Assert.StartsWith("严格按照《中华人民共和国政府信息公开条例》", t33.Requirement);

        var t22 = ByNumber(p, "22"); // "(责任单位：" with an ASCII bracket
        Assert.Equal("区教体局|区财政局|区卫健局|区住建局|区交通运输局|区城乡水务局", Units(t22.ResponsibleUnits));

        var t40 = ByNumber(p, "40");
        Assert.EndsWith("未完成的要依法督促整改。", t40.Requirement);
        Assert.Equal("各镇人民政府|各街道办事处|区政府各部门单位", Units(t40.ResponsibleUnits)); // "单\n位)"
    }
}
