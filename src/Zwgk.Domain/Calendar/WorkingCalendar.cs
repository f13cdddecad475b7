namespace Zwgk.Domain.Calendar;

/// <summary>What kind of day a date is, once the State Council's arrangement for its year is applied.</summary>
public enum DayKind
{
    Workday = 0,
    Weekend = 1,
    /// <summary>法定节假日 or a weekday given off (放假).</summary>
    Holiday = 2,
    /// <summary>调休: a Saturday or Sunday declared a working day.</summary>
    MakeUpWorkday = 3,
}

/// <summary>One day that differs from the plain Monday–Friday rule, with the holiday it belongs to (元旦, 春节 …).</summary>
public sealed record SpecialDay(DateOnly Date, DayKind Kind, string Name);

/// <summary>One day skipped or counted specially while counting a period (shown beside every deadline).</summary>
public sealed record CountedDay(DateOnly Date, DayKind Kind, string? Name, bool Counted);

/// <summary>A deadline and how it was reached: the days that were skipped (weekends, holidays) and the 调休 days that counted.</summary>
public sealed record DeadlineComputation(DateOnly Start, int WorkingDays, DateOnly Due, IReadOnlyList<CountedDay> SpecialDays);

/// <summary>
/// Working days: Monday–Friday minus the State Council's holidays, plus the weekend days it declares working days (调休).
/// Periods count from the day after the start day (民法典第二百零一条): day 1 is the first working day after it.
/// Pure: built from the special days of the years it covers; a year without an arrangement falls back to weekends only.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, SpecialDay> special;

    public WorkingCalendar(IEnumerable<SpecialDay> specialDays, IEnumerable<int> coveredYears)
    {
        special = new Dictionary<DateOnly, SpecialDay>();
        foreach (var d in specialDays) special[d.Date] = d; // later entries (office edits) replace earlier ones
        CoveredYears = coveredYears.ToHashSet();
    }

    /// <summary>Years whose arrangement is known; deadlines reaching other years are computed with weekends only and flagged.</summary>
    public IReadOnlySet<int> CoveredYears { get; }

    public DayKind KindOf(DateOnly date) =>
        special.TryGetValue(date, out var s) ? s.Kind
        : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;

    public string? NameOf(DateOnly date) => special.TryGetValue(date, out var s) ? s.Name : null;

    /// <summary>The days of <paramref name="year"/> that differ from the plain Monday–Friday rule (holidays and 调休), in date order.</summary>
    public IEnumerable<SpecialDay> SpecialDaysIn(int year) =>
        special.Values.Where(d => d.Date.Year == year && d.Kind != PlainKind(d.Date)).OrderBy(d => d.Date);

    /// <summary>What a date is without any arrangement: Saturday and Sunday are weekends.</summary>
    public static DayKind PlainKind(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;

    public bool IsWorkingDay(DateOnly date) => KindOf(date) is DayKind.Workday or DayKind.MakeUpWorkday;

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => Compute(start, workingDays).Due;

    /// <summary>As <see cref="AddWorkingDays"/>, with the weekends and holidays skipped and the 调休 days counted on the way.</summary>
    public DeadlineComputation Compute(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var days = new List<CountedDay>();
        var d = start;
        var left = workingDays;
        while (left > 0)
        {
            d = d.AddDays(1);
            var kind = KindOf(d);
            var counted = kind is DayKind.Workday or DayKind.MakeUpWorkday;
            if (counted) left--;
            if (kind != DayKind.Workday) days.Add(new CountedDay(d, kind, NameOf(d), counted));
        }
        return new DeadlineComputation(start, workingDays, d, days);
    }

    /// <summary>Working days in (from, to]: how many working days have passed after <paramref name="from"/> up to and including <paramref name="to"/>; negative when to &lt; from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> has a known arrangement.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        for (var y = from.Year; y <= to.Year; y++) if (!CoveredYears.Contains(y)) return false;
        return true;
    }
}
