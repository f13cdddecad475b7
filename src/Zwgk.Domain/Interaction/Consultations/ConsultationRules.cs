namespace Zwgk.Domain.Interaction.Consultations;

/// <summary>The minimum comment periods (options Zwgk:Interaction:Consultations:*).</summary>
/// <param name="MajorDecisionMinDays">Calendar days for a 重大行政决策 draft: 《重大行政决策程序暂行条例》第十五条, 一般不少于30日.</param>
/// <param name="OtherMinWorkingDays">Working days for other drafts: 国办发〔2018〕37号 on 行政规范性文件, 一般不少于7个工作日.</param>
public sealed record PeriodPolicy(int MajorDecisionMinDays = 30, int OtherMinWorkingDays = 7);

public sealed record AdoptionCounts(int Received, int Adopted, int PartlyAdopted, int NotAdopted, int OutOfScope, int Undecided);

/// <summary>The rules of a consultation, pure so they are tested without a database.</summary>
public static class ConsultationRules
{
    public const int MinShortenedReasonLength = 4;

    public static string Label(Adoption a) => a switch
    {
        Adoption.Adopted => "采纳",
        Adoption.PartlyAdopted => "部分采纳",
        Adoption.NotAdopted => "未采纳",
        Adoption.OutOfScope => "不属于征求范围",
        _ => "未决定",
    };

    public static string Label(ConsultationPhase p) => p switch
    {
        ConsultationPhase.Draft => "草稿",
        ConsultationPhase.NotYetOpen => "即将开始",
        ConsultationPhase.Open => "征集中",
        ConsultationPhase.Closed => "已结束",
        ConsultationPhase.FeedbackPublished => "已反馈",
        _ => "",
    };

    public static string Label(CommentModeration m) => m switch
    {
        CommentModeration.Pending => "待审核",
        CommentModeration.Public => "已公开",
        CommentModeration.NotPublic => "不予公开",
        _ => "",
    };

    /// <summary>Whether a decision needs a written reason: 部分采纳 / 未采纳 / 不属于征求范围 always do (条例第十四条: 未予采纳的，应当说明理由).</summary>
    public static bool NeedsReason(Adoption a) => a is Adoption.PartlyAdopted or Adoption.NotAdopted or Adoption.OutOfScope;

    /// <summary>
    /// The period rule. A major decision's draft must stay open at least <see cref="PeriodPolicy.MajorDecisionMinDays"/> calendar
    /// days (both ends counted); other drafts at least <see cref="PeriodPolicy.OtherMinWorkingDays"/> working days
    /// (<paramref name="workingDaysInclusive"/> counts them on the working-day calendar). A shorter period is allowed only with a
    /// recorded reason, which the portal shows with the period (条例: 因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明).
    /// Returns null when the period is acceptable, else a Chinese message.
    /// </summary>
    public static string? CheckPeriod(DateOnly opensOn, DateOnly closesOn, bool isMajorDecision, string? shortenedReason, PeriodPolicy policy,
        Func<DateOnly, DateOnly, int> workingDaysInclusive)
    {
        if (closesOn < opensOn) return "截止日期不能早于开始日期";
        var hasReason = (shortenedReason?.Trim().Length ?? 0) >= MinShortenedReasonLength;
        if (isMajorDecision)
        {
            var days = closesOn.DayNumber - opensOn.DayNumber + 1;
            if (days < policy.MajorDecisionMinDays && !hasReason)
                return $"重大行政决策事项公开征求意见的期限一般不少于{policy.MajorDecisionMinDays}日（《重大行政决策程序暂行条例》第十五条），当前为{days}日；确需缩短的，请填写缩短期限的理由（将随征集一并公开）";
        }
        else
        {
            var days = workingDaysInclusive(opensOn, closesOn);
            if (days < policy.OtherMinWorkingDays && !hasReason)
                return $"公开征求意见的期限一般不少于{policy.OtherMinWorkingDays}个工作日，当前为{days}个工作日；确需缩短的，请填写缩短期限的理由（将随征集一并公开）";
        }
        return null;
    }

    /// <summary>Whether the period is below the minimum (so the reason is shown).</summary>
    public static bool IsShortened(Consultation c, PeriodPolicy policy, Func<DateOnly, DateOnly, int> workingDaysInclusive) =>
        c.IsMajorDecision ? c.PeriodDays < policy.MajorDecisionMinDays : workingDaysInclusive(c.OpensOn, c.ClosesOn) < policy.OtherMinWorkingDays;

    /// <summary>Null when a comment may be submitted today, else the refusal shown to the citizen.</summary>
    public static string? CommentRefusal(Consultation c, DateOnly today) => c.PhaseOn(today) switch
    {
        ConsultationPhase.Open => null,
        ConsultationPhase.NotYetOpen => $"本次意见征集将于{Cn(c.OpensOn)}开始，届时方可提交意见",
        ConsultationPhase.Closed or ConsultationPhase.FeedbackPublished => $"本次意见征集已于{Cn(c.ClosesOn)}结束，不再接收意见",
        _ => "该意见征集不存在",
    };

    /// <summary>The decision that applies to a comment: its group's when merged, else its own.</summary>
    public static (Adoption Adoption, string? Reason) Effective(ConsultationComment comment, IReadOnlyDictionary<int, OpinionGroup> groups) =>
        comment.GroupId is int g && groups.TryGetValue(g, out var group) ? (group.Adoption, group.Reason) : (comment.Adoption, comment.AdoptionReason);

    public static AdoptionCounts Count(IReadOnlyCollection<ConsultationComment> comments, IReadOnlyCollection<OpinionGroup> groups)
    {
        var byId = groups.ToDictionary(g => g.Id);
        var decisions = comments.Select(c => Effective(c, byId).Adoption).ToList();
        return new AdoptionCounts(comments.Count, decisions.Count(a => a == Adoption.Adopted), decisions.Count(a => a == Adoption.PartlyAdopted),
            decisions.Count(a => a == Adoption.NotAdopted), decisions.Count(a => a == Adoption.OutOfScope), decisions.Count(a => a == Adoption.Undecided));
    }

    /// <summary>
    /// What stops the 采纳情况反馈 from being published: the consultation must be closed, every comment moderated, and every
    /// comment (or its group) decided, with a reason wherever the decision needs one. Empty when it may be published.
    /// </summary>
    public static IReadOnlyList<string> FeedbackBlockers(Consultation c, IReadOnlyCollection<ConsultationComment> comments,
        IReadOnlyCollection<OpinionGroup> groups, DateOnly today, string? feedbackText)
    {
        var problems = new List<string>();
        var phase = c.PhaseOn(today);
        if (phase == ConsultationPhase.FeedbackPublished) { problems.Add("采纳情况反馈已发布"); return problems; }
        if (phase != ConsultationPhase.Closed) problems.Add("意见征集结束后才能发布采纳情况反馈");
        if (string.IsNullOrWhiteSpace(feedbackText)) problems.Add("请填写采纳情况说明");
        var byId = groups.ToDictionary(g => g.Id);
        var pending = comments.Where(x => x.Moderation == CommentModeration.Pending).Select(x => x.Number).ToList();
        if (pending.Count > 0) problems.Add($"还有{pending.Count}条意见未审核（意见{string.Join("、", pending.Take(10))}）");
        var undecided = new List<int>();
        var noReason = new List<int>();
        foreach (var x in comments.OrderBy(x => x.Number))
        {
            var (a, reason) = Effective(x, byId);
            if (a == Adoption.Undecided) undecided.Add(x.Number);
            else if (NeedsReason(a) && string.IsNullOrWhiteSpace(reason)) noReason.Add(x.Number);
        }
        if (undecided.Count > 0) problems.Add($"还有{undecided.Count}条意见未作采纳决定（意见{string.Join("、", undecided.Take(10))}）");
        if (noReason.Count > 0) problems.Add($"{noReason.Count}条部分采纳、未采纳或不属于征求范围的意见缺少理由（意见{string.Join("、", noReason.Take(10))}）");
        return problems;
    }

    /// <summary>
    /// Closed without published feedback for more than <paramref name="feedbackWorkingDays"/> working days after the close:
    /// flagged for the 公开办 (the inspection indicators deduct for a consultation without feedback).
    /// </summary>
    public static bool IsFeedbackOverdue(Consultation c, DateOnly today, int feedbackWorkingDays, Func<DateOnly, int, DateOnly> addWorkingDays) =>
        c.PhaseOn(today) == ConsultationPhase.Closed && today > addWorkingDays(c.ClosesOn, feedbackWorkingDays);

    private static string Cn(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
