using Zwgk.Domain.Interaction.Decisions;

namespace Zwgk.Domain.Tests.Interaction;

public sealed class DecisionProgressTests
{
    private static readonly DateOnly D = new(2024, 3, 1);

    private static List<DecisionStage> Stages() => DecisionProgress.NewStages();

    private static DecisionStage S(List<DecisionStage> s, DecisionStageKind k) => s.Single(x => x.Kind == k);

    [Fact]
    public void A_new_decision_has_seven_required_stages_and_no_flags()
    {
        var a = DecisionProgress.Analyse(Stages());
        Assert.Equal(7, a.Stages.Count);
        Assert.Equal(7, a.Required);
        Assert.Equal(0, a.Done);
        Assert.Empty(a.Flags);
        Assert.Equal(["公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论决定", "决策公布", "实施后评估"], a.Stages.Select(x => x.Label));
    }

    [Fact]
    public void Collective_discussion_before_the_legality_review_is_flagged()
    {
        var s = Stages();
        S(s, DecisionStageKind.CollectiveDiscussion).DoneOn = D;
        S(s, DecisionStageKind.CollectiveDiscussion).MeetingRecord = "区政府第5次常务会议";
        Assert.Contains("集体讨论决定已完成，但合法性审查尚未完成", DecisionProgress.Analyse(s).Flags);

        S(s, DecisionStageKind.LegalityReview).DoneOn = D.AddDays(3);
        S(s, DecisionStageKind.LegalityReview).DocumentId = 5;
        Assert.Contains("集体讨论决定早于合法性审查", DecisionProgress.Analyse(s).Flags);

        S(s, DecisionStageKind.LegalityReview).DoneOn = D.AddDays(-3);
        Assert.DoesNotContain(DecisionProgress.Analyse(s).Flags, f => f.Contains("合法性审查"));
    }

    [Fact]
    public void Publication_without_the_earlier_required_stages_is_flagged_and_not_applicable_stages_are_skipped()
    {
        var s = Stages();
        var pub = S(s, DecisionStageKind.Publication);
        pub.DoneOn = D;
        pub.EvidenceUrl = "https://example.gov.cn/x";
        var flag = Assert.Single(DecisionProgress.Analyse(s).Flags);
        Assert.Equal("决策已公布，但以下必经程序尚未完成：公众参与、专家论证、风险评估、合法性审查、集体讨论决定", flag);

        foreach (var k in new[] { DecisionStageKind.PublicParticipation, DecisionStageKind.LegalityReview, DecisionStageKind.CollectiveDiscussion })
        {
            S(s, k).DoneOn = D.AddDays(-10 + (int)k);
            S(s, k).MeetingRecord = "记录";
        }
        S(s, DecisionStageKind.ExpertReview).Applicability = StageApplicability.NotApplicable;
        S(s, DecisionStageKind.ExpertReview).NotApplicableReason = "不涉及专业性、技术性较强的问题";
        S(s, DecisionStageKind.RiskAssessment).Applicability = StageApplicability.NotApplicable;
        var a = DecisionProgress.Analyse(s);
        Assert.Equal(["风险评估标为不适用，但未说明理由"], a.Flags);
        Assert.Equal(5, a.Required);
        Assert.Equal(4, a.Done);
        Assert.Equal(80, a.Percent);
    }

    [Fact]
    public void Done_without_evidence_and_evaluation_before_publication_are_flagged()
    {
        var s = Stages();
        S(s, DecisionStageKind.PostEvaluation).DoneOn = D;
        var flags = DecisionProgress.Analyse(s).Flags;
        Assert.Contains("实施后评估已完成，但未关联佐证材料", flags);
        Assert.Contains("实施后评估已完成，但决策尚未公布", flags);
    }
}
