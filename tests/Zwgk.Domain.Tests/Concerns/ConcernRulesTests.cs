using Zwgk.Domain.Concerns;

namespace Zwgk.Domain.Tests.Concerns;

/// <summary>Clock-hour deadlines (国办发〔2016〕61号/80号) and the derived status of each milestone.</summary>
public sealed class ConcernRulesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);
    private static readonly ConcernTimeLimits Limits = ConcernTimeLimits.Default;

    private static PublicConcern Concern(ConcernLevel level, DateTimeOffset found, params (ResponseMethod Method, DateTimeOffset At)[] responses)
    {
        var c = new PublicConcern { Level = level, DiscoveredAt = found, Topic = "t", Summary = "s" };
        foreach (var (m, at) in responses) c.Responses.Add(new ConcernResponse { Method = m, RespondedAt = at, Summary = "r" });
        return c;
    }

    [Fact]
    public void Major_found_at_nine_is_due_info_at_fourteen_and_press_next_morning()
    {
        var d = ConcernRules.Deadlines(ConcernLevel.Major, Cn(3, 2, 9), Limits);
        Assert.Equal(Cn(3, 2, 14), d.InfoDue);
        Assert.Equal(Cn(3, 3, 9), d.PressDue);
        Assert.Null(d.ResponseDue);
    }

    [Fact]
    public void General_is_48_clock_hours_even_over_a_weekend()
    {
        // Found Friday 6 March 2026 17:30: due Sunday 17:30, not the next working days.
        var d = ConcernRules.Deadlines(ConcernLevel.General, Cn(3, 6, 17, 30), Limits);
        Assert.Equal(Cn(3, 8, 17, 30), d.ResponseDue);
        Assert.Equal(DayOfWeek.Sunday, d.ResponseDue!.Value.DayOfWeek);
        Assert.Null(d.InfoDue);
    }

    [Fact]
    public void Configured_hours_replace_the_defaults()
    {
        var d = ConcernRules.Deadlines(ConcernLevel.Major, Cn(3, 2, 9), new ConcernTimeLimits(MajorInfoHours: 3, MajorPressHours: 12));
        Assert.Equal(Cn(3, 2, 12), d.InfoDue);
        Assert.Equal(Cn(3, 2, 21), d.PressDue);
    }

    [Fact]
    public void General_status_moves_from_pending_to_due_soon_to_overdue()
    {
        var c = Concern(ConcernLevel.General, Cn(3, 2, 9));
        Assert.Equal(ConcernStatus.Pending, ConcernRules.Status(c, Cn(3, 3, 20), Limits));
        // 25% of 48 h = 12 h before the deadline.
        Assert.Equal(ConcernStatus.DueSoon, ConcernRules.Status(c, Cn(3, 3, 21), Limits));
        Assert.Equal(ConcernStatus.DueSoon, ConcernRules.Status(c, Cn(3, 4, 9), Limits));
        Assert.Equal(ConcernStatus.Overdue, ConcernRules.Status(c, Cn(3, 4, 9, 1), Limits));
    }

    [Fact]
    public void Any_response_meets_a_general_concern_on_time_or_late()
    {
        var onTime = Concern(ConcernLevel.General, Cn(3, 2, 9), (ResponseMethod.Website, Cn(3, 4, 9)));
        Assert.Equal(ConcernStatus.OnTime, ConcernRules.Status(onTime, Cn(3, 10, 9), Limits));
        var late = Concern(ConcernLevel.General, Cn(3, 2, 9), (ResponseMethod.NewMedia, Cn(3, 4, 10)), (ResponseMethod.Website, Cn(3, 5, 10)));
        Assert.Equal(ConcernStatus.Late, ConcernRules.Status(late, Cn(3, 10, 9), Limits));
        Assert.Equal(26.0, ConcernRules.FirstResponseHours(Concern(ConcernLevel.General, Cn(3, 2, 9), (ResponseMethod.Other, Cn(3, 3, 11)))));
    }

    [Fact]
    public void Major_checks_both_milestones_each_with_its_own_kind_of_response()
    {
        var found = Cn(3, 2, 9);
        // Information at 13:00 meets the 5 h milestone but not the press conference.
        var c = Concern(ConcernLevel.Major, found, (ResponseMethod.AuthoritativeInfo, Cn(3, 2, 13)));
        var ms = ConcernRules.Milestones(c, Cn(3, 2, 15), Limits);
        Assert.Equal(ConcernStatus.OnTime, ms.Single(m => m.Kind == MilestoneKind.Info).Status);
        Assert.Equal(ConcernStatus.Pending, ms.Single(m => m.Kind == MilestoneKind.Press).Status);
        Assert.Equal(ConcernStatus.Pending, ConcernRules.Status(ms));
        // 6 h before the press deadline: due soon; after it: overdue although information was released.
        Assert.Equal(ConcernStatus.DueSoon, ConcernRules.Status(c, Cn(3, 3, 3), Limits));
        Assert.Equal(ConcernStatus.Overdue, ConcernRules.Status(c, Cn(3, 3, 9, 1), Limits));

        // A website reply does not count as authoritative information: the 5 h milestone goes overdue.
        var web = Concern(ConcernLevel.Major, found, (ResponseMethod.Website, Cn(3, 2, 10)));
        Assert.Equal(ConcernStatus.Overdue, ConcernRules.Milestones(web, Cn(3, 2, 14, 1), Limits).Single(m => m.Kind == MilestoneKind.Info).Status);

        // Both met, the press conference after 24 h: late.
        var late = Concern(ConcernLevel.Major, found, (ResponseMethod.AuthoritativeInfo, Cn(3, 2, 12)), (ResponseMethod.PressConference, Cn(3, 3, 10)));
        Assert.Equal(ConcernStatus.Late, ConcernRules.Status(late, Cn(3, 5, 9), Limits));
        var onTime = Concern(ConcernLevel.Major, found, (ResponseMethod.AuthoritativeInfo, Cn(3, 2, 14)), (ResponseMethod.PressConference, Cn(3, 3, 9)));
        Assert.Equal(ConcernStatus.OnTime, ConcernRules.Status(onTime, Cn(3, 5, 9), Limits));
    }

    [Fact]
    public void An_early_press_conference_also_meets_the_information_milestone()
    {
        var c = Concern(ConcernLevel.Major, Cn(3, 2, 9), (ResponseMethod.PressConference, Cn(3, 2, 13)));
        Assert.Equal(ConcernStatus.OnTime, ConcernRules.Status(c, Cn(3, 4, 9), Limits));
    }

    [Fact]
    public void Closing_needs_a_response_and_a_note_and_freezes_unmet_milestones_at_closing()
    {
        var c = Concern(ConcernLevel.Major, Cn(3, 2, 9));
        Assert.NotNull(ConcernRules.Close(c, "已处置", "a", Cn(3, 2, 12)));
        c.Responses.Add(new ConcernResponse { Method = ResponseMethod.AuthoritativeInfo, RespondedAt = Cn(3, 2, 11), Summary = "r" });
        Assert.NotNull(ConcernRules.Close(c, "  ", "a", Cn(3, 2, 12)));
        Assert.Null(ConcernRules.Close(c, "事件已平息，无需召开发布会", "a", Cn(3, 2, 20)));
        Assert.NotNull(ConcernRules.Close(c, "again", "a", Cn(3, 2, 21)));
        // Closed before the press deadline: not overdue later.
        Assert.Equal(ConcernStatus.OnTime, ConcernRules.Status(c, Cn(3, 9, 9), Limits));
    }

    [Fact]
    public void Validation_refuses_future_times_bad_links_and_responses_before_discovery()
    {
        var now = Cn(3, 2, 9);
        var c = new PublicConcern { Topic = "", Summary = new string('x', 2001), DiscoveredAt = now.AddHours(1), SourceUrl = "javascript:alert(1)" };
        var e = ConcernRules.Validate(c, now);
        Assert.Contains("topic", e.Keys);
        Assert.Contains("summary", e.Keys);
        Assert.Contains("discoveredAt", e.Keys);
        Assert.Contains("sourceUrl", e.Keys);
        c = new PublicConcern { Topic = "t", Summary = "s", DiscoveredAt = now.AddHours(-2) };
        Assert.Empty(ConcernRules.Validate(c, now));
        var r = new ConcernResponse { Summary = "x", RespondedAt = now.AddHours(-3), DocumentId = 3, Url = "https://example.org/a" };
        var re = ConcernRules.ValidateResponse(c, r, now);
        Assert.Contains("respondedAt", re.Keys);
        Assert.Contains("url", re.Keys);
    }

    [Theory]
    [InlineData("重大", ConcernLevel.Major)]
    [InlineData("特别重大/重大突发事件", ConcernLevel.Major)]
    [InlineData("Major", ConcernLevel.Major)]
    [InlineData("一般", ConcernLevel.General)]
    public void Levels_parse_from_names_and_labels(string text, ConcernLevel expected) => Assert.Equal(expected, ConcernRules.ParseLevel(text));

    [Fact]
    public void Sources_and_methods_parse_from_their_Chinese_labels()
    {
        Assert.Equal(ConcernSource.Hotline12345, ConcernRules.ParseSource("12345热线"));
        Assert.Equal(ConcernSource.CppccProposal, ConcernRules.ParseSource("政协委员提案"));
        Assert.Null(ConcernRules.ParseSource("微博"));
        Assert.Equal(ResponseMethod.PressConference, ConcernRules.ParseMethod("新闻发布会"));
        Assert.Null(ConcernRules.ParseMethod(""));
    }
}
