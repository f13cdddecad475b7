using Zwgk.Domain.Ledger;

namespace Zwgk.Domain.Tests.Ledger;

public class DeadlineParserTests
{
    [Theory]
    [InlineData("2024年12月底前", 2024, "2024-12-31")]
    [InlineData("2024年12月", null, "2024-12-31")]
    [InlineData("2024年 12月底前", null, "2024-12-31")] // wrapped cell
    [InlineData("7月15日前", 2024, "2024-07-15")]
    [InlineData("年底前", 2024, "2024-12-31")]
    [InlineData("年内", 2023, "2023-12-31")]
    [InlineData("6月底前", 2024, "2024-06-30")]
    [InlineData("上半年", 2024, "2024-06-30")]
    [InlineData("第三季度", 2024, "2024-09-30")]
    [InlineData("2月底前", 2024, "2024-02-29")] // leap year
    [InlineData("2021年年底前", null, "2021-12-31")]
    [InlineData("２０２４年１０月", null, "2024-10-31")] // full-width digits
    [InlineData("2024年9月30日前完成；长期坚持", null, "2024-09-30")] // a date and 长期坚持: the date
    [InlineData("2025年3月", 2024, "2025-03-31")] // the cell's own year wins
    public void Dates(string cell, int? planYear, string expected)
    {
        var d = DeadlineParser.Parse(cell, planYear);
        Assert.Equal(DeadlineKind.Date, d.Kind);
        Assert.Equal(DateOnly.Parse(expected), d.Date);
        Assert.Equal(expected, d.JsonValue);
    }

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("持续推进")]
    [InlineData("常态化推进")]
    [InlineData("持续开展")]
    public void Ongoing(string cell)
    {
        var d = DeadlineParser.Parse(cell, 2024);
        Assert.Equal(DeadlineKind.Ongoing, d.Kind);
        Assert.Equal("ongoing", d.JsonValue);
        Assert.Equal(cell, d.Text);
    }

    [Fact]
    public void Unreadable_text_is_kept_and_blank_is_none()
    {
        var d = DeadlineParser.Parse("按上级要求", 2024);
        Assert.Equal(DeadlineKind.None, d.Kind);
        Assert.Equal("按上级要求", d.Text);
        Assert.Null(d.JsonValue);
        Assert.Same(TaskDeadline.None, DeadlineParser.Parse("  ", 2024));
        Assert.Same(TaskDeadline.None, DeadlineParser.Parse(null, 2024));
    }

    [Fact]
    public void No_year_anywhere_gives_none()
    {
        var d = DeadlineParser.Parse("7月15日前", null);
        Assert.Equal(DeadlineKind.None, d.Kind);
        Assert.Equal("7月15日前", d.Text);
    }

    [Fact]
    public void Impossible_dates_are_not_dates()
    {
        Assert.Equal(DeadlineKind.None, DeadlineParser.Parse("2月30日前", 2024).Kind);
        Assert.Equal(DeadlineKind.None, DeadlineParser.Parse("13月", 2024).Kind);
    }

    [Fact]
    public void Milestones_in_running_text()
    {
        var text = "健全政务新媒体监管机制，有序开展清理整合。2021 年年底前，区政府门户网站全部支持互联网协议第 6 版。";
        var m = Assert.Single(DeadlineParser.FindMilestones(text, null));
        Assert.Equal(new DateOnly(2021, 12, 31), m.Date);
        Assert.Equal("2021年年底前", m.Phrase);
        Assert.Equal("2021年年底前，区政府门户网站全部支持互联网协议第6版。", m.Clause);

        var both = DeadlineParser.FindMilestones("于7月15日前编制落实细则；2024年6月底前完成评估。", 2024);
        Assert.Equal([new DateOnly(2024, 7, 15), new DateOnly(2024, 6, 30)], both.Select(x => x.Date));
        Assert.Equal("于7月15日前编制落实细则；", both[0].Clause);
    }

    [Fact]
    public void Bare_years_and_counts_are_not_milestones()
    {
        Assert.Empty(DeadlineParser.FindMilestones("公开2021年我区《政府工作报告》重点工作任务、12类100项民生实事，每月报送1篇。", 2021));
        Assert.Empty(DeadlineParser.FindMilestones("清理2016年以后制定的文件，彻底前移关口。", 2021));
        Assert.Empty(DeadlineParser.FindMilestones("年底前完成。", null)); // no year known
    }
}
