namespace Zwgk.Domain.Interaction;

/// <summary>Where a message stands against the inspection's veto (单项否决 「互动回应差」: a 政务咨询 channel holding a valid
/// message left without a response for more than 3 months).</summary>
public enum VetoState
{
    /// <summary>Answered within 3 months, or still well inside them.</summary>
    Clear = 0,
    /// <summary>Unanswered and the 3 months end within the warning window: answer now.</summary>
    AtRisk = 1,
    /// <summary>Unanswered for more than 3 months: the site fails the inspection while it stays so.</summary>
    Vetoed = 2,
    /// <summary>Answered, but more than 3 months after it came in: an inspector sampling the period still finds it.</summary>
    AnsweredLate = 3,
}

/// <summary>
/// The 3-month rule of the national inspection indicators for government websites (互动回应差 is one of the 单项否决 items).
/// Months are calendar months from the day the message came in (a message of 31 May is late after 31 August), not working
/// days: the indicator speaks of months. Which messages count (valid, in a 政务咨询 channel) is the caller's choice.
/// </summary>
public static class ResponseVeto
{
    public const int Months = 3;

    /// <summary>How long before the 3 months run out the dashboard warns.</summary>
    public const int WarningDays = 15;

    /// <summary>The last day on which a response still counts as within 3 months.</summary>
    public static DateOnly LastDay(DateOnly receivedOn) => receivedOn.AddMonths(Months);

    public static VetoState Evaluate(DateOnly receivedOn, DateOnly? answeredOn, DateOnly today)
    {
        var last = LastDay(receivedOn);
        if (answeredOn is { } answered) return answered > last ? VetoState.AnsweredLate : VetoState.Clear;
        if (today > last) return VetoState.Vetoed;
        return today >= last.AddDays(-WarningDays) ? VetoState.AtRisk : VetoState.Clear;
    }

    /// <summary>Whole days past the 3 months (0 when not past).</summary>
    public static int DaysOver(DateOnly receivedOn, DateOnly? answeredOn, DateOnly today) =>
        Math.Max(0, (answeredOn ?? today).DayNumber - LastDay(receivedOn).DayNumber);
}
