using Zwgk.Domain.Interaction.Consultations;

namespace Zwgk.Domain.Tests.Interaction;

public sealed class ConsultationRulesTests
{
    private static readonly PeriodPolicy Policy = new(30, 7);
    // Weekdays only: enough for the rule (the web layer counts on the real working-day calendar).
    private static int Weekdays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1)) if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday) n++;
        return n;
    }

    private static readonly DateOnly Mon = new(2024, 9, 2);

    [Fact]
    public void A_major_decision_needs_thirty_days_counting_both_ends()
    {
        Assert.Null(ConsultationRules.CheckPeriod(Mon, Mon.AddDays(29), true, null, Policy, Weekdays));
        var refused = ConsultationRules.CheckPeriod(Mon, Mon.AddDays(28), true, null, Policy, Weekdays);
        Assert.NotNull(refused);
        Assert.Contains("不少于30日", refused);
        Assert.Contains("当前为29日", refused);
    }

    [Fact]
    public void A_shorter_period_is_accepted_only_with_a_reason()
    {
        Assert.NotNull(ConsultationRules.CheckPeriod(Mon, Mon.AddDays(9), true, "急", Policy, Weekdays));
        Assert.Null(ConsultationRules.CheckPeriod(Mon, Mon.AddDays(9), true, "防汛形势紧急，需在汛期前出台", Policy, Weekdays));
    }

    [Fact]
    public void Other_drafts_need_seven_working_days()
    {
        // Mon 2 Sep .. Tue 10 Sep = 7 weekdays.
        Assert.Null(ConsultationRules.CheckPeriod(Mon, Mon.AddDays(8), false, null, Policy, Weekdays));
        var refused = ConsultationRules.CheckPeriod(Mon, Mon.AddDays(7), false, null, Policy, Weekdays);
        Assert.Contains("不少于7个工作日", refused);
        Assert.Equal("截止日期不能早于开始日期", ConsultationRules.CheckPeriod(Mon, Mon.AddDays(-1), false, null, Policy, Weekdays));
    }

    [Fact]
    public void The_phase_follows_the_dates_and_comments_are_refused_outside_the_period()
    {
        var c = new Consultation { State = ConsultationState.Published, OpensOn = Mon, ClosesOn = Mon.AddDays(29) };
        Assert.Equal(ConsultationPhase.NotYetOpen, c.PhaseOn(Mon.AddDays(-1)));
        Assert.Contains("开始", ConsultationRules.CommentRefusal(c, Mon.AddDays(-1)));
        Assert.Null(ConsultationRules.CommentRefusal(c, Mon));
        Assert.Null(ConsultationRules.CommentRefusal(c, Mon.AddDays(29)));
        Assert.Equal(1, c.DaysLeft(Mon.AddDays(29)));
        Assert.Equal("本次意见征集已于2024年10月1日结束，不再接收意见", ConsultationRules.CommentRefusal(c, Mon.AddDays(30)));
        Assert.Equal(ConsultationPhase.Draft, new Consultation { OpensOn = Mon, ClosesOn = Mon }.PhaseOn(Mon));
    }

    [Fact]
    public void Feedback_waits_for_moderation_and_a_reasoned_decision_on_every_comment_or_its_group()
    {
        var c = new Consultation { State = ConsultationState.Published, OpensOn = Mon, ClosesOn = Mon.AddDays(29) };
        var after = Mon.AddDays(31);
        var group = new OpinionGroup { Id = 7, Summary = "建议延长开放时间" };
        var comments = new List<ConsultationComment>
        {
            new() { Number = 1, Moderation = CommentModeration.Public, GroupId = 7 },
            new() { Number = 2, Moderation = CommentModeration.Public, GroupId = 7 },
            new() { Number = 3, Moderation = CommentModeration.Pending },
        };
        var during = ConsultationRules.FeedbackBlockers(c, comments, [group], Mon.AddDays(3), "说明");
        Assert.Contains(during, p => p.Contains("结束后"));

        var blockers = ConsultationRules.FeedbackBlockers(c, comments, [group], after, "说明");
        Assert.Contains(blockers, p => p.Contains("1条意见未审核"));
        Assert.Contains(blockers, p => p.Contains("3条意见未作采纳决定"));

        comments[2].Moderation = CommentModeration.NotPublic;
        comments[2].Adoption = Adoption.NotAdopted;
        group.Adoption = Adoption.PartlyAdopted;
        blockers = ConsultationRules.FeedbackBlockers(c, comments, [group], after, "说明");
        Assert.Single(blockers);
        Assert.Contains("3条", blockers[0]);
        Assert.Contains("缺少理由", blockers[0]);

        group.Reason = "工作日延长至18时，周末开放需另行研究";
        comments[2].AdoptionReason = "与本办法无关";
        Assert.Empty(ConsultationRules.FeedbackBlockers(c, comments, [group], after, "说明"));
        Assert.NotEmpty(ConsultationRules.FeedbackBlockers(c, comments, [group], after, " "));

        var counts = ConsultationRules.Count(comments, [group]);
        Assert.Equal(new AdoptionCounts(3, 0, 2, 1, 0, 0), counts);
    }

    [Fact]
    public void A_closed_consultation_without_feedback_turns_overdue_after_the_working_days()
    {
        var c = new Consultation { State = ConsultationState.Published, OpensOn = Mon, ClosesOn = Mon.AddDays(29) };
        DateOnly Add(DateOnly d, int n) => d.AddDays(n);
        Assert.False(ConsultationRules.IsFeedbackOverdue(c, c.ClosesOn.AddDays(15), 15, Add));
        Assert.True(ConsultationRules.IsFeedbackOverdue(c, c.ClosesOn.AddDays(16), 15, Add));
        c.State = ConsultationState.FeedbackPublished;
        Assert.False(ConsultationRules.IsFeedbackOverdue(c, c.ClosesOn.AddDays(60), 15, Add));
    }
}
