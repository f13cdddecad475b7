using Zwgk.Domain.Interaction;

namespace Zwgk.Domain.Tests.Interaction;

public sealed class ResponseVetoTests
{
    [Theory]
    // 3 calendar months, the last day included; a month end maps to the shorter month's end.
    [InlineData("2026-05-31", "2026-08-31")]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2026-01-15", "2026-04-15")]
    public void The_last_day_is_three_calendar_months_later(string received, string last) =>
        Assert.Equal(DateOnly.Parse(last), ResponseVeto.LastDay(DateOnly.Parse(received)));

    [Theory]
    [InlineData("2026-05-31", null, "2026-08-10", VetoState.Clear)]
    [InlineData("2026-05-31", null, "2026-08-16", VetoState.AtRisk)]
    [InlineData("2026-05-31", null, "2026-08-31", VetoState.AtRisk)]
    [InlineData("2026-05-31", null, "2026-09-01", VetoState.Vetoed)]
    [InlineData("2026-05-31", "2026-08-31", "2026-12-01", VetoState.Clear)]
    [InlineData("2026-05-31", "2026-09-01", "2026-12-01", VetoState.AnsweredLate)]
    public void Evaluates_unanswered_at_risk_vetoed_and_late_answers(string received, string? answered, string today, VetoState expected) =>
        Assert.Equal(expected, ResponseVeto.Evaluate(DateOnly.Parse(received), answered is null ? null : DateOnly.Parse(answered), DateOnly.Parse(today)));

    [Fact]
    public void Counts_days_over_until_answered()
    {
        var received = new DateOnly(2026, 1, 10);
        Assert.Equal(0, ResponseVeto.DaysOver(received, null, new DateOnly(2026, 4, 10)));
        Assert.Equal(5, ResponseVeto.DaysOver(received, null, new DateOnly(2026, 4, 15)));
        Assert.Equal(2, ResponseVeto.DaysOver(received, new DateOnly(2026, 4, 12), new DateOnly(2026, 12, 1)));
    }
}
