namespace Zwgk.Domain.Calendar;

/// <summary>
/// An office edit of one day, laid over the shipped State Council arrangement: a new year's holiday or 调休 day, a correction
/// of a past year (an emergency change like 2020's), or a shipped special day turned back into a plain day.
/// </summary>
public sealed class CalendarDayOverride
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Holiday, MakeUpWorkday, or the plain kind of the date (Workday/Weekend) to cancel a shipped special day.</summary>
    public DayKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Why (the notice number, an emergency change …).</summary>
    public string? Note { get; set; }
    /// <summary>The arrangement year (notice) this day belongs to: 2023 for 2022-12-31. A re-import of a year replaces its rows.</summary>
    public int ArrangementYear { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? ChangedById { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A year whose arrangement the office has entered from a new State Council notice (usually published in November).</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }
    /// <summary>发文字号 of the notice, e.g. 国办发明电〔2026〕…号.</summary>
    public string? Notice { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? ChangedById { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
