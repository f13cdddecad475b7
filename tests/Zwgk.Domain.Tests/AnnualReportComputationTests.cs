using Zwgk.Domain.Documents;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests;

/// <summary>The pure parts of the annual report generator: grouping into the table, section 四, 规范性文件 dates, the fee sentence.</summary>
public class AnnualReportComputationTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Grouped_counts_fill_every_row_and_the_total_column_and_a_replied_case_without_outcome_breaks_the_balance()
    {
        var t = new AnnualReportTables { Year = 2025 };
        AnnualReportComputation.FillApplications(t,
        [
            new(ApplicantType.NaturalPerson, Outcome.Disclosed, New: 3, CarriedOver: 1, Replied: 3, CarriedForward: 1),
            new(ApplicantType.Business, Outcome.NotProcessedRepeated, New: 1, CarriedOver: 0, Replied: 1, CarriedForward: 0),
        ]);
        Assert.Equal([3, 1, 0, 0, 0, 0, 4], t.Application(AnnualReportFormat.NewKey)!);
        Assert.Equal([3, 0, 0, 0, 0, 0, 3], t.Application("disclosed")!);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], t.Application("notProcessedRepeated")!);
        Assert.Equal([3, 1, 0, 0, 0, 0, 4], t.Application(AnnualReportFormat.TotalKey)!);
        Assert.Equal(Outcomes.All.Count + 4, t.Applications.Count);
        Assert.Empty(AnnualReportChecks.Check(t, 2026));

        var broken = new AnnualReportTables { Year = 2025 };
        AnnualReportComputation.FillApplications(broken, [new(ApplicantType.NaturalPerson, null, New: 1, CarriedOver: 0, Replied: 1, CarriedForward: 0)]);
        var failure = Assert.Single(AnnualReportChecks.Check(broken, 2026), f => f.Column == "自然人");
        Assert.Equal(AnnualReportChecks.Balance, failure.Check);
    }

    [Fact]
    public void A_challenge_decided_after_the_year_counts_as_pending_and_one_filed_before_it_not_at_all()
    {
        var cells = AnnualReportComputation.Review(
        [
            new(ChallengeKind.AdministrativeReview, ChallengeResult.Corrected, D(2025, 3, 1), D(2025, 12, 31)),
            new(ChallengeKind.AdministrativeReview, ChallengeResult.Upheld, D(2025, 11, 1), D(2026, 1, 2)),
            new(ChallengeKind.LitigationAfterReview, ChallengeResult.Other, D(2025, 1, 1), D(2025, 6, 1)),
            new(ChallengeKind.LitigationDirect, ChallengeResult.Upheld, D(2024, 12, 31), D(2025, 2, 1)),
        ], 2025);
        Assert.Equal([0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], cells);
    }

    [Fact]
    public void A_normative_document_ends_at_its_expiry_or_when_an_abolishing_document_took_effect_whichever_is_first()
    {
        RuleDocumentRow Row(DateOnly written, DateOnly? expires, DateOnly? abolished, DateOnly? effective = null) =>
            new(true, "通知", written, null, effective ?? written, expires, Validity.InForce, abolished);
        var (_, normative) = AnnualReportComputation.RuleDocuments(
        [
            Row(D(2025, 2, 1), null, null),                           // made, in force
            Row(D(2020, 1, 1), D(2026, 1, 31), D(2025, 8, 1)),        // abolished in 2025 despite a later planned end
            Row(D(2020, 1, 1), D(2025, 12, 31), null),                // expired on the last day: ended in the year
            Row(D(2020, 1, 1), D(2026, 1, 1), null),                  // still in force at year end
            Row(D(2025, 12, 1), null, null, effective: D(2026, 1, 1)), // made, not yet in force
        ], 2025);
        Assert.Equal([2m, 2m, 2m], normative);
    }

    [Fact]
    public void The_fee_sentence_states_notices_and_the_amount_paid()
    {
        Assert.Equal("本年度未发出信息处理费收费通知，未收取信息处理费。", AnnualReportComputation.FeeSentence(new(0, 0)));
        Assert.Contains("收费通知3件，实际收取信息处理费1250.5元", AnnualReportComputation.FeeSentence(new(3, 1250.50m)));
    }
}
