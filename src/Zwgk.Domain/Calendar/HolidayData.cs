using System.Text.Json;

namespace Zwgk.Domain.Calendar;

/// <summary>One holiday of a notice: the days off (放假, inclusive span) and the weekend days declared working days (调休上班).</summary>
public sealed record HolidayArrangement(string Name, DateOnly From, DateOnly To, int? StatedDays, IReadOnlyList<DateOnly> WorkDays)
{
    public IEnumerable<DateOnly> DaysOff()
    {
        for (var d = From; d <= To; d = d.AddDays(1)) yield return d;
    }
}

/// <summary>A State Council notice (节假日安排通知) or an amendment to one (2020's extension of 春节).</summary>
public sealed record HolidayNotice(int Year, string? Number, DateOnly Issued, string Title, bool IsAmendment, IReadOnlyList<HolidayArrangement> Holidays);

/// <summary>
/// The shipped holiday arrangements 2020–2026 (embedded Calendar/Data/holidays.json), checked against the published notices.
/// Office edits (database rows) are laid over these by the web layer; this stays the national baseline.
/// </summary>
public sealed class HolidayData
{
    private static readonly Lazy<HolidayData> Shipped = new(() => Parse(ReadResource()));

    public IReadOnlyList<HolidayNotice> Notices { get; }
    /// <summary>Years whose full arrangement is known (a notice exists for them).</summary>
    public IReadOnlySet<int> CoveredYears { get; }

    private HolidayData(IReadOnlyList<HolidayNotice> notices)
    {
        Notices = notices;
        CoveredYears = notices.Where(n => !n.IsAmendment).Select(n => n.Year).ToHashSet();
    }

    /// <summary>The shipped data (parsed once).</summary>
    public static HolidayData Load() => Shipped.Value;

    /// <summary>
    /// Special days in application order: each notice's holidays, then its amendments, so a later notice's day replaces an
    /// earlier one's (2020-02-01: 调休 working day in 国办发明电〔2019〕16号, a holiday after 国办发明电〔2020〕1号).
    /// </summary>
    public IEnumerable<SpecialDay> SpecialDays()
    {
        foreach (var n in Notices.OrderBy(n => n.Year).ThenBy(n => n.IsAmendment).ThenBy(n => n.Issued))
        foreach (var h in n.Holidays)
        {
            foreach (var d in h.DaysOff()) yield return new SpecialDay(d, DayKind.Holiday, h.Name);
            foreach (var w in h.WorkDays) yield return new SpecialDay(w, DayKind.MakeUpWorkday, h.Name);
        }
    }

    public WorkingCalendar ToCalendar() => new(SpecialDays(), CoveredYears);

    public static HolidayData Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, Options) ?? throw new InvalidDataException("holidays.json is empty");
        var notices = new List<HolidayNotice>();
        foreach (var y in file.Years)
        {
            notices.Add(ToNotice(y.Year, y, false));
            foreach (var a in y.Amendments ?? []) notices.Add(ToNotice(y.Year, a, true));
        }
        return new HolidayData(notices);
    }

    private static HolidayNotice ToNotice(int year, NoticeDto n, bool amendment)
    {
        var holidays = n.Holidays.Select(h =>
        {
            if (h.Off is not { Length: 2 }) throw new InvalidDataException($"{year} {h.Name}: off must be [from, to]");
            var from = DateOnly.Parse(h.Off[0]);
            var to = DateOnly.Parse(h.Off[1]);
            if (to < from) throw new InvalidDataException($"{year} {h.Name}: span ends before it starts");
            var span = to.DayNumber - from.DayNumber + 1;
            if (h.Days is int stated && stated != span) throw new InvalidDataException($"{year} {h.Name}: the notice states {stated} days, the span has {span}");
            var work = h.Work.Select(DateOnly.Parse).ToList();
            // A 调休 working day is always a weekend day; anything else is a typing error in the data.
            foreach (var w in work)
                if (w.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) throw new InvalidDataException($"{year} {h.Name}: {w} is not a weekend day");
            return new HolidayArrangement(h.Name, from, to, h.Days, work);
        }).ToList();
        return new HolidayNotice(year, n.Notice, DateOnly.Parse(n.Issued), n.Title, amendment, holidays);
    }

    private static string ReadResource()
    {
        var asm = typeof(HolidayData).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("holidays.json", StringComparison.Ordinal));
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed class FileDto
    {
        public List<YearDto> Years { get; set; } = [];
    }

    private class NoticeDto
    {
        public string? Notice { get; set; }
        public string Issued { get; set; } = "";
        public string Title { get; set; } = "";
        public List<HolidayDto> Holidays { get; set; } = [];
    }

    private sealed class YearDto : NoticeDto
    {
        public int Year { get; set; }
        public List<NoticeDto>? Amendments { get; set; }
    }

    private sealed class HolidayDto
    {
        public string Name { get; set; } = "";
        public string[] Off { get; set; } = [];
        public int? Days { get; set; }
        public string[] Work { get; set; } = [];
    }
}
