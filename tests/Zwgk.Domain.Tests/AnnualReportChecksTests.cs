using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests;

public class AnnualReportChecksTests
{
    /// <summary>A small district unit's year that adds up: 12 new + 1 carried = 11 handled + 2 carried forward.</summary>
    private static AnnualReportTables Correct()
    {
        var t = new AnnualReportTables { Year = 2024 };
        foreach (var row in AnnualReportFormat.ApplicationRows.Where(r => r.Required))
        {
            t.SetApplication(row.Key, 0, 0, 0, 0, 0, 0, 0);
        }

        t.SetApplication("new", 10, 2, 0, 0, 0, 0, 12);
        t.SetApplication("carriedOver", 1, 0, 0, 0, 0, 0, 1);
        t.SetApplication("disclosed", 5, 1, 0, 0, 0, 0, 6);
        t.SetApplication("unavailableNotHeld", 3, 0, 0, 0, 0, 0, 3);
        t.SetApplication("notProcessedRepeated", 1, 1, 0, 0, 0, 0, 2);
        t.SetApplication("total", 9, 2, 0, 0, 0, 0, 11);
        t.SetApplication("carriedForward", 2, 0, 0, 0, 0, 0, 2);
        t.Review = [1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0];
        return t;
    }

    [Fact]
    public void The_format_follows_the_national_table_order()
    {
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], AnnualReportFormat.ApplicationColumns.Select(c => c.Label));
        var outcomeRows = AnnualReportFormat.ApplicationRows.Where(r => r.Kind == ApplicationRowKind.Outcome).Select(r => r.Outcome!.Value);
        Assert.Equal(Outcomes.All.Select(o => o.Outcome), outcomeRows);
        Assert.Equal("一、本年新收政府信息公开申请数量", AnnualReportFormat.ApplicationRows[0].PrintedLabel);
        Assert.Equal("（三）不予公开", AnnualReportFormat.Row("withheld").PrintedLabel);
        Assert.Equal("3.危及“三安全一稳定”", AnnualReportFormat.Row(Outcome.WithheldSecurityStability).PrintedLabel);
        Assert.Equal("（七）总计", AnnualReportFormat.ApplicationRows[^2].PrintedLabel);
        Assert.Equal("四、结转下年度继续办理", AnnualReportFormat.ApplicationRows[^1].PrintedLabel);
        Assert.Equal(25, AnnualReportFormat.ApplicationRows.Count(r => r.Required));
        Assert.Equal(AnnualReportFormat.ApplicationRows.Count, AnnualReportFormat.ApplicationRows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(["一", "二", "三", "四", "五", "六"], AnnualReportFormat.Sections.Select(s => s.Numeral));
        Assert.Equal("危及三安全一稳定", AnnualReportFormat.Fold("3.危及\"三安全一稳定\"")[1..]);
    }

    [Fact]
    public void A_report_that_adds_up_passes()
    {
        Assert.Empty(AnnualReportChecks.Check(Correct(), currentYear: 2025));
    }

    [Fact]
    public void Balance_outcome_total_and_row_total_each_name_their_column()
    {
        var t = Correct();
        t.SetApplication("carriedForward", 2, 0, 0, 0, 0, 0, 3); // 总计 says 3, the columns say 2
        t.SetApplication("disclosed", 5, 2, 0, 0, 0, 0, 6);      // 商业企业 one too many

        Assert.Equal(
        [
            new ReportCheckFailure(AnnualReportChecks.Balance, "总计", 14, 13),
            new ReportCheckFailure(AnnualReportChecks.OutcomeTotal, "商业企业", 2, 3),
            new ReportCheckFailure(AnnualReportChecks.RowTotal, "（一）予以公开", 6, 7),
            new ReportCheckFailure(AnnualReportChecks.RowTotal, "四、结转下年度继续办理", 3, 2),
        ], AnnualReportChecks.Check(t, 2025));
    }

    [Fact]
    public void An_absent_row_is_never_taken_as_zero()
    {
        var t = Correct();
        t.Applications.Remove("notProcessedRepeated");
        t.Applications.Remove("carriedForward");

        Assert.Equal(["2.重复申请", "四、结转下年度继续办理"], t.MissingApplicationRows());
        // Balance and （七） need the absent rows: not checked, rather than failed with a guessed 0.
        Assert.Empty(AnnualReportChecks.Check(t, 2025));
    }

    [Fact]
    public void A_printed_group_row_must_equal_its_sub_rows()
    {
        var t = Correct();
        t.SetApplication("unavailable", 4, 0, 0, 0, 0, 0, 4);

        Assert.Equal([new ReportCheckFailure("groupTotal.unavailable", "自然人", 4, 3), new ReportCheckFailure("groupTotal.unavailable", "总计", 4, 3)],
            AnnualReportChecks.Check(t, 2025));
    }

    [Fact]
    public void The_2019_format_prints_other_processing_as_one_row()
    {
        var t = Correct();
        t.Year = 2020;
        foreach (var sub in AnnualReportFormat.SubRows(OutcomeGroup.Other)) t.Applications.Remove(sub.Key);
        t.SetApplication("otherProcessing", 0, 0, 0, 0, 0, 0, 0);
        Assert.Empty(t.MissingApplicationRows());
        Assert.Empty(AnnualReportChecks.Check(t, 2025));

        // The same layout in a report for 2024 lacks the three rows of the 2021 format.
        t.Year = 2024;
        Assert.Equal(3, t.MissingApplicationRows().Count);
    }

    [Fact]
    public void Review_and_litigation_totals_are_checked_per_body()
    {
        var t = Correct();
        t.Review = [1, 0, 0, 0, 1, 0, 0, 1, 0, 2, 1, 1, 0, 0, 1];

        Assert.Equal(
        [
            new ReportCheckFailure(AnnualReportChecks.ReviewTotal, "未经复议直接起诉", 2, 1),
            new ReportCheckFailure(AnnualReportChecks.ReviewTotal, "复议后起诉", 1, 2),
        ], AnnualReportChecks.Check(t, 2025));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2007, 2007)]
    [InlineData(2026, 2026)]
    public void An_implausible_year_fails(int? year, int? printed)
    {
        var t = Correct();
        t.Year = year;

        Assert.Equal([new ReportCheckFailure(AnnualReportChecks.Year, "年份", printed, null)], AnnualReportChecks.Check(t, currentYear: 2025));
    }
}
