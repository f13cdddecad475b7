using Zwgk.Domain.Interaction.Events;

namespace Zwgk.Domain.Tests.Interaction;

public sealed class InterviewRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private static Interview NewInterview() => new()
    {
        Title = "访谈", StartsAt = Start, EndsAt = Start.AddHours(1),
        Guests = [new InterviewGuest { Name = "王局长", Position = "区教体局局长" }],
    };

    [Fact]
    public void Phase_follows_the_state_and_a_scheduled_interview_past_its_end_reads_as_ended()
    {
        var i = NewInterview();
        Assert.Equal(InterviewPhase.Upcoming, InterviewRules.PhaseAt(i, Start.AddDays(-1)));
        // Not started by staff yet at the scheduled time: still upcoming (late starts happen), and it still takes questions.
        Assert.Equal(InterviewPhase.Upcoming, InterviewRules.PhaseAt(i, Start.AddMinutes(10)));
        Assert.Null(InterviewRules.CanAsk(i, Start.AddMinutes(10)));
        Assert.Equal(InterviewPhase.Ended, InterviewRules.PhaseAt(i, Start.AddHours(2)));
        Assert.NotNull(InterviewRules.CanAsk(i, Start.AddHours(2)));
        Assert.Null(InterviewRules.Start(i, Start));
        Assert.Equal(InterviewPhase.Live, InterviewRules.PhaseAt(i, Start.AddHours(3)));
        Assert.Null(InterviewRules.End(i, Start.AddHours(3)));
        Assert.Equal("访谈已结束，不再接受提问", InterviewRules.CanAsk(i, Start.AddHours(3)));
        Assert.NotNull(InterviewRules.Start(i, Start.AddHours(3)));
    }

    [Fact]
    public void Only_selected_answered_questions_are_public_in_answer_order()
    {
        var i = NewInterview();
        var a = new InterviewQuestion { Id = 1, Content = "A" };
        var b = new InterviewQuestion { Id = 2, Content = "B" };
        var c = new InterviewQuestion { Id = 3, Content = "C" };
        i.Questions.AddRange([a, b, c]);
        // Answering before the interview is live is refused; so is answering an unselected question.
        Assert.NotNull(InterviewRules.Answer(i, a, "答", "王局长", "staff", Start));
        InterviewRules.Start(i, Start);
        Assert.Equal("只能答复已选用的问题", InterviewRules.Answer(i, a, "答", "王局长", "staff", Start));
        Assert.Null(InterviewRules.Moderate(a, true, null, "m", Start));
        Assert.Null(InterviewRules.Moderate(b, true, null, "m", Start));
        Assert.Equal("请填写不予选用的理由", InterviewRules.Moderate(c, false, " ", "m", Start));
        Assert.Null(InterviewRules.Moderate(c, false, "与主题无关", "m", Start));
        Assert.Equal("请选择答复的嘉宾", InterviewRules.Answer(i, b, "答B", "不在场的人", "staff", Start));
        Assert.Null(InterviewRules.Answer(i, b, "答B", "王局长", "staff", Start));
        Assert.Null(InterviewRules.Answer(i, a, "答A", "王局长", "staff", Start));
        Assert.Equal(["B", "A"], InterviewRules.PublicQa(i.Questions).Select(q => q.Content));
        Assert.Equal(["A"], InterviewRules.PublicQa(i.Questions, after: 1).Select(q => q.Content));
        // A correction keeps the question's place; moderation cannot be undone once answered.
        Assert.Null(InterviewRules.Answer(i, b, "答B（更正）", "王局长", "staff", Start));
        Assert.Equal(1, b.AnswerSeq);
        Assert.NotNull(InterviewRules.Moderate(b, false, "撤回", "m", Start));
    }

    [Fact]
    public void The_record_is_published_only_after_the_interview_and_plain_text_is_cleaned()
    {
        var i = NewInterview();
        Assert.NotNull(InterviewRules.PublishRecord(i, "摘要", null, Start));
        InterviewRules.Start(i, Start);
        InterviewRules.End(i, Start.AddHours(1));
        Assert.NotNull(InterviewRules.PublishRecord(i, " ", null, Start));
        Assert.Null(InterviewRules.PublishRecord(i, "摘要\r\n第二行\u0007", null, Start.AddHours(2)));
        Assert.Equal("摘要\n第二行", i.RecordSummary);
        Assert.Equal(InterviewState.RecordPublished, i.State);
        Assert.Equal([3, 12], InterviewRules.ParseIds("3，12, x, 3"));
    }
}

public sealed class OpenDayRulesTests
{
    private static readonly DateTimeOffset Day = new(2026, 4, 20, 1, 0, 0, TimeSpan.Zero);

    private static OpenDay NewDay(int capacity = 5) => new()
    {
        Title = "开放日", Place = "区政务服务中心", StartsAt = Day, EndsAt = Day.AddHours(3), Capacity = capacity, IsPublished = true,
        RegistrationOpensAt = Day.AddDays(-10), RegistrationClosesAt = Day.AddDays(-1),
    };

    [Fact]
    public void Registration_follows_the_window_and_the_places()
    {
        var d = NewDay(capacity: 4);
        Assert.Equal("报名尚未开始", OpenDayRules.CanRegister(d, 1, false, Day.AddDays(-11)));
        Assert.Null(OpenDayRules.CanRegister(d, 3, false, Day.AddDays(-5)));
        Assert.Equal("每次报名人数为1到3人", OpenDayRules.CanRegister(d, 4, false, Day.AddDays(-5)));
        Assert.StartsWith("该手机号码已报名", OpenDayRules.CanRegister(d, 1, true, Day.AddDays(-5)));
        var r = new OpenDayRegistration { PartySize = 3 };
        OpenDayRules.Take(d, r);
        Assert.Equal("剩余名额不足，目前还剩1个", OpenDayRules.CanRegister(d, 2, false, Day.AddDays(-5)));
        OpenDayRules.Take(d, new OpenDayRegistration { PartySize = 1 });
        Assert.Equal(RegistrationPhase.Full, OpenDayRules.PhaseAt(d, Day.AddDays(-5)));
        Assert.Equal("名额已满，报名已停止", OpenDayRules.CanRegister(d, 1, false, Day.AddDays(-5)));
        Assert.Null(OpenDayRules.Cancel(d, r, "本人", null, Day.AddDays(-5)));
        Assert.Equal(3, d.PlacesLeft);
        Assert.NotNull(OpenDayRules.Cancel(d, r, "本人", null, Day.AddDays(-5)));
        Assert.Equal("报名已截止", OpenDayRules.CanRegister(d, 1, false, Day.AddDays(-1)));
        Assert.Equal("活动已结束", OpenDayRules.CanRegister(d, 1, false, Day.AddHours(4)));
    }

    [Fact]
    public void Schedules_are_checked()
    {
        var d = NewDay();
        Assert.Null(OpenDayRules.ValidateSchedule(d));
        d.RegistrationClosesAt = Day.AddHours(1);
        Assert.Equal("报名截止时间不能晚于活动开始时间", OpenDayRules.ValidateSchedule(d));
        d = NewDay(capacity: 2);
        d.Taken = 3;
        Assert.NotNull(OpenDayRules.ValidateSchedule(d));
    }

    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 13812345678", "13812345678")]
    [InlineData("0531-86661234", "053186661234")]
    [InlineData("12345", null)]
    [InlineData("1381234567a", null)]
    public void Phone_keys(string phone, string? key) => Assert.Equal(key, OpenDayRules.PhoneKey(phone));
}
