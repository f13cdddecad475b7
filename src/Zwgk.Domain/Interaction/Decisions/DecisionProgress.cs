namespace Zwgk.Domain.Interaction.Decisions;

public enum StageState { NotApplicable, Done, Pending }

public sealed record StageProgress(DecisionStageKind Kind, string Label, StageState State, DateOnly? DoneOn, bool HasEvidence);

/// <summary>Where a decision stands: its stages, how many required ones are done, and what is out of order or missing.</summary>
public sealed record DecisionAnalysis(IReadOnlyList<StageProgress> Stages, int Required, int Done, IReadOnlyList<string> Flags)
{
    public int Percent => Required == 0 ? 100 : Done * 100 / Required;
}

/// <summary>
/// The stage order of 《重大行政决策程序暂行条例》: 公众参与, 专家论证, 风险评估 (第二章), 合法性审查 (第三章), 集体讨论决定和决策公布
/// (第四章), 决策执行和调整 incl. 实施后评估 (第五章). A stage done out of that order, or a decision published before its
/// required stages, is flagged — the system records, it does not block, since the record must show what really happened.
/// </summary>
public static class DecisionProgress
{
    public static readonly IReadOnlyList<DecisionStageKind> Order = Enum.GetValues<DecisionStageKind>();

    public static string Label(DecisionStageKind k) => k switch
    {
        DecisionStageKind.PublicParticipation => "公众参与",
        DecisionStageKind.ExpertReview => "专家论证",
        DecisionStageKind.RiskAssessment => "风险评估",
        DecisionStageKind.LegalityReview => "合法性审查",
        DecisionStageKind.CollectiveDiscussion => "集体讨论决定",
        DecisionStageKind.Publication => "决策公布",
        DecisionStageKind.PostEvaluation => "实施后评估",
        _ => k.ToString(),
    };

    public static string Label(DecisionStatus s) => s switch
    {
        DecisionStatus.Planned => "拟决策",
        DecisionStatus.InProgress => "推进中",
        DecisionStatus.Decided => "已决策",
        DecisionStatus.Implemented => "已公布实施",
        DecisionStatus.Withdrawn => "已调整出目录",
        _ => "",
    };

    /// <summary>A new decision starts with all seven stages required and nothing done.</summary>
    public static List<DecisionStage> NewStages() => Order.Select(k => new DecisionStage { Kind = k }).ToList();

    public static DecisionAnalysis Analyse(IReadOnlyCollection<DecisionStage> stages)
    {
        var byKind = stages.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<StageProgress>();
        foreach (var k in Order)
        {
            byKind.TryGetValue(k, out var s);
            var state = s is null ? StageState.Pending : s.Applicability == StageApplicability.NotApplicable ? StageState.NotApplicable : s.DoneOn is null ? StageState.Pending : StageState.Done;
            rows.Add(new StageProgress(k, Label(k), state, state == StageState.Done ? s!.DoneOn : null, s?.HasEvidence ?? false));
        }
        var flags = new List<string>();
        StageProgress Get(DecisionStageKind k) => rows[(int)k - 1];

        // Not applicable needs a reason.
        foreach (var s in stages.Where(s => s.Applicability == StageApplicability.NotApplicable && string.IsNullOrWhiteSpace(s.NotApplicableReason)))
            flags.Add($"{Label(s.Kind)}标为不适用，但未说明理由");
        // Done without evidence.
        foreach (var r in rows.Where(r => r.State == StageState.Done && !r.HasEvidence))
            flags.Add($"{r.Label}已完成，但未关联佐证材料");

        var legality = Get(DecisionStageKind.LegalityReview);
        var collective = Get(DecisionStageKind.CollectiveDiscussion);
        var publication = Get(DecisionStageKind.Publication);
        var evaluation = Get(DecisionStageKind.PostEvaluation);

        // 条例第二十五条: 未经合法性审查或者经审查不合法的，不得提交决策机关讨论.
        if (collective.State == StageState.Done && legality.State != StageState.NotApplicable)
        {
            if (legality.State == StageState.Pending) flags.Add("集体讨论决定已完成，但合法性审查尚未完成");
            else if (legality.DoneOn > collective.DoneOn) flags.Add("集体讨论决定早于合法性审查");
        }
        // Each earlier required stage should be done before the one after it (公众参与/专家论证/风险评估 before 合法性审查).
        foreach (var early in new[] { DecisionStageKind.PublicParticipation, DecisionStageKind.ExpertReview, DecisionStageKind.RiskAssessment })
        {
            var e = Get(early);
            if (e.State == StageState.Done && legality.State == StageState.Done && e.DoneOn > legality.DoneOn)
                flags.Add($"{e.Label}晚于合法性审查完成");
        }
        if (publication.State == StageState.Done)
        {
            var missing = rows.Where(r => r.Kind < DecisionStageKind.Publication && r.State == StageState.Pending).Select(r => r.Label).ToList();
            if (missing.Count > 0) flags.Add($"决策已公布，但以下必经程序尚未完成：{string.Join("、", missing)}");
            if (collective.State == StageState.Done && collective.DoneOn > publication.DoneOn) flags.Add("决策公布早于集体讨论决定");
        }
        if (evaluation.State == StageState.Done && publication.State != StageState.Done)
            flags.Add("实施后评估已完成，但决策尚未公布");

        var required = rows.Count(r => r.State != StageState.NotApplicable);
        var done = rows.Count(r => r.State == StageState.Done);
        return new DecisionAnalysis(rows, required, done, flags);
    }
}
