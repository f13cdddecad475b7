using Zwgk.Domain.Calendar;

namespace Zwgk.Domain.Tests.Calendar;

/// <summary>The shipped arrangements 2020–2026 and deadline arithmetic across them (条例第三十三条: 20 working days from receipt).</summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = HolidayData.Load().ToCalendar();

    private static DateOnly D(string s) => DateOnly.Parse(s);

    // The examples of the rules (shared/specs/foi-rules.md).
    [Theory]
    [InlineData("2024-09-04", "2024-10-09")] // 中秋节 and 国庆节 skipped; 9/14 (Sat), 9/29 (Sun) and 10/12 (Sat) counted
    [InlineData("2024-04-01", "2024-04-29")] // 清明节 skipped; 4/7 (Sun) and 4/28 (Sun) are 调休 working days
    [InlineData("2024-01-10", "2024-02-06")] // before 春节: 2/4 (Sun) counted
    public void Spec_examples(string received, string due) => Assert.Equal(D(due), Cal.AddWorkingDays(D(received), 20));

    // Across each year's 春节 and 国庆节, counted day by day against the notice.
    [Theory]
    [InlineData("2020-01-20", "2020-02-25")] // 春节 extended to 2/2 (国办发明电〔2020〕1号): 2/1 no longer a working day
    [InlineData("2020-09-25", "2020-10-29")] // 9/27 (Sun) counted, 10/1–8 off, 10/10 (Sat) counted
    [InlineData("2021-02-05", "2021-03-10")] // 2/7 (Sun) counted, 2/11–17 off, 2/20 (Sat) counted
    [InlineData("2021-09-24", "2021-10-27")] // 9/26 (Sun) counted, 10/1–7 off, 10/9 (Sat) counted
    [InlineData("2022-01-26", "2022-02-28")] // 1/29, 1/30 counted, 1/31–2/6 off
    [InlineData("2022-09-28", "2022-10-31")] // 10/1–7 off, 10/8, 10/9 counted
    [InlineData("2023-01-18", "2023-02-20")] // 1/21–27 off, 1/28, 1/29 counted
    [InlineData("2023-09-27", "2023-10-31")] // 9/29–10/6 off, 10/7, 10/8 counted
    [InlineData("2024-02-07", "2024-03-12")] // 2/10–17 off, 2/18 (Sun) counted
    [InlineData("2024-09-27", "2024-10-30")] // 9/29 counted, 10/1–7 off, 10/12 counted
    [InlineData("2025-01-24", "2025-02-27")] // 1/26 counted, 1/28 (除夕)–2/4 off, 2/8 counted
    [InlineData("2025-09-26", "2025-10-30")] // 9/28 counted, 10/1–8 off, 10/11 counted
    [InlineData("2026-02-12", "2026-03-18")] // 2/14 counted, 2/15–23 off (9 days), 2/28 counted
    [InlineData("2026-09-25", "2026-10-29")] // 中秋节 9/25–27, 国庆节 10/1–7 off; 9/20 before the start, 10/10 counted
    [InlineData("2022-12-30", "2023-02-02")] // 元旦 of the 2023 notice (12/31–1/2) then 春节 2023
    public void Across_spring_festival_and_national_day(string received, string due) => Assert.Equal(D(due), Cal.AddWorkingDays(D(received), 20));

    [Fact]
    public void Make_up_saturdays_and_sundays_are_working_days()
    {
        foreach (var d in new[] { "2021-02-20", "2022-04-02", "2023-05-06", "2024-05-11", "2025-02-08", "2026-02-28", "2026-01-04" })
        {
            Assert.Equal(DayKind.MakeUpWorkday, Cal.KindOf(D(d)));
            Assert.True(Cal.IsWorkingDay(D(d)), d);
        }
        // A Friday before 2024-09-14 (a Saturday 调休 day): the next working day is that Saturday.
        Assert.Equal(D("2024-09-14"), Cal.AddWorkingDays(D("2024-09-13"), 1));
        // A plain Saturday is not.
        Assert.False(Cal.IsWorkingDay(D("2024-09-21")));
    }

    [Fact]
    public void The_2023_new_year_span_starts_in_2022()
    {
        Assert.Equal(DayKind.Holiday, Cal.KindOf(D("2022-12-31")));
        Assert.Equal("元旦", Cal.NameOf(D("2022-12-31")));
        Assert.Equal(DayKind.Holiday, Cal.KindOf(D("2023-01-02")));
        // It is the 2023 notice that declares it.
        var notice = HolidayData.Load().Notices.Single(n => n.Holidays.Any(h => h.DaysOff().Contains(D("2022-12-31"))));
        Assert.Equal(2023, notice.Year);
        Assert.Equal("国办发明电〔2022〕16号", notice.Number);
    }

    [Fact]
    public void The_2020_spring_festival_extension_applies()
    {
        foreach (var d in new[] { "2020-01-31", "2020-02-01", "2020-02-02" })
        {
            Assert.Equal(DayKind.Holiday, Cal.KindOf(D(d)));
            Assert.False(Cal.IsWorkingDay(D(d)), d);
        }
        Assert.True(Cal.IsWorkingDay(D("2020-02-03")));
        // The original notice alone (without the amendment) had 2/1 as a 调休 working day.
        var original = new WorkingCalendar(HolidayData.Load().Notices.Where(n => !n.IsAmendment)
            .SelectMany(n => n.Holidays).SelectMany(h => h.DaysOff().Select(d => new SpecialDay(d, DayKind.Holiday, h.Name))
                .Concat(h.WorkDays.Select(w => new SpecialDay(w, DayKind.MakeUpWorkday, h.Name)))), [2020]);
        Assert.Equal(DayKind.MakeUpWorkday, original.KindOf(D("2020-02-01")));
        var amendment = HolidayData.Load().Notices.Single(n => n.IsAmendment);
        Assert.Equal("国办发明电〔2020〕1号", amendment.Number);
        Assert.Equal(D("2020-01-26"), amendment.Issued);
    }

    [Fact]
    public void Compute_lists_skipped_days_and_counted_make_up_days()
    {
        var c = Cal.Compute(D("2024-04-01"), 20);
        Assert.Equal(D("2024-04-29"), c.Due);
        Assert.Equal(20, c.WorkingDays);
        var qingming = c.SpecialDays.Where(s => s.Kind == DayKind.Holiday).ToList();
        Assert.Equal([D("2024-04-04"), D("2024-04-05"), D("2024-04-06")], qingming.Select(s => s.Date));
        Assert.All(qingming, s => { Assert.False(s.Counted); Assert.Equal("清明节", s.Name); });
        var counted = c.SpecialDays.Where(s => s.Counted).ToList();
        Assert.Equal([D("2024-04-07"), D("2024-04-28")], counted.Select(s => s.Date));
        Assert.All(counted, s => Assert.Equal(DayKind.MakeUpWorkday, s.Kind));
        Assert.Equal("劳动节", counted[1].Name);
        // Ordinary weekends are listed as skipped, without a name.
        Assert.Contains(c.SpecialDays, s => s.Date == D("2024-04-13") && s.Kind == DayKind.Weekend && !s.Counted && s.Name is null);
        // Plain working days are not listed.
        Assert.DoesNotContain(c.SpecialDays, s => s.Kind == DayKind.Workday);
    }

    [Fact]
    public void Working_days_between()
    {
        Assert.Equal(20, Cal.WorkingDaysBetween(D("2024-09-04"), D("2024-10-09")));
        Assert.Equal(-20, Cal.WorkingDaysBetween(D("2024-10-09"), D("2024-09-04")));
        Assert.Equal(0, Cal.WorkingDaysBetween(D("2024-10-01"), D("2024-10-07"))); // all of 国庆节
        Assert.Equal(1, Cal.WorkingDaysBetween(D("2024-10-07"), D("2024-10-08")));
        Assert.Equal(0, Cal.WorkingDaysBetween(D("2024-05-06"), D("2024-05-06")));
    }

    [Fact]
    public void Covers_only_years_with_a_notice()
    {
        Assert.Equal(Enumerable.Range(2020, 7), HolidayData.Load().CoveredYears.Order());
        Assert.True(Cal.Covers(D("2020-01-01"), D("2026-12-31")));
        Assert.True(Cal.Covers(D("2024-12-01"), D("2025-01-31")));
        Assert.False(Cal.Covers(D("2026-12-01"), D("2027-01-31")));
        Assert.False(Cal.Covers(D("2019-12-01"), D("2020-01-31")));
        // Outside the covered years only weekends are skipped.
        Assert.True(Cal.IsWorkingDay(D("2027-01-01")));
    }

    // 共N天 as each notice states it.
    [Theory]
    [InlineData(2020, "春节", 7)]
    [InlineData(2020, "国庆节、中秋节", 8)]
    [InlineData(2021, "元旦", 3)]
    [InlineData(2021, "国庆节", 7)]
    [InlineData(2022, "春节", 7)]
    [InlineData(2022, "劳动节", 5)]
    [InlineData(2023, "元旦", 3)]
    [InlineData(2023, "清明节", 1)]
    [InlineData(2023, "中秋节、国庆节", 8)]
    [InlineData(2024, "春节", 8)]
    [InlineData(2024, "劳动节", 5)]
    [InlineData(2025, "元旦", 1)]
    [InlineData(2025, "春节", 8)] // from 除夕 under the 2024 revision (国务院令第795号)
    [InlineData(2025, "劳动节", 5)]
    [InlineData(2025, "国庆节、中秋节", 8)]
    [InlineData(2026, "春节", 9)]
    [InlineData(2026, "国庆节", 7)]
    public void Spans_have_the_days_the_notice_states(int year, string name, int days)
    {
        var h = HolidayData.Load().Notices.Single(n => n.Year == year && !n.IsAmendment).Holidays.Single(h => h.Name == name);
        Assert.Equal(days, h.StatedDays);
        Assert.Equal(days, h.DaysOff().Count());
    }

    // Days off and 调休 working days per notice: the sums of 共N天 and of the 上班 days listed.
    [Theory]
    [InlineData(2020, 27, 7, 6)]
    [InlineData(2021, 31, 7, 7)]
    [InlineData(2022, 31, 7, 7)]
    [InlineData(2023, 27, 7, 6)]
    [InlineData(2024, 28, 8, 7)]
    [InlineData(2025, 28, 5, 6)]
    [InlineData(2026, 33, 6, 7)]
    public void Each_notice_has_its_days_off_and_make_up_days(int year, int daysOff, int makeUpDays, int holidays)
    {
        var n = HolidayData.Load().Notices.Single(n => n.Year == year && !n.IsAmendment);
        Assert.Equal(holidays, n.Holidays.Count);
        Assert.Equal(daysOff, n.Holidays.Sum(h => h.DaysOff().Count()));
        Assert.Equal(makeUpDays, n.Holidays.Sum(h => h.WorkDays.Count));
        Assert.All(n.Holidays.SelectMany(h => h.WorkDays), w => Assert.True(w.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void Calendar_year_lists_special_days()
    {
        var days2020 = Cal.SpecialDaysIn(2020).ToList();
        // 27 days off, plus 1/31–2/2 of the extension (of which none overlapped the original span).
        Assert.Equal(30, days2020.Count(d => d.Kind == DayKind.Holiday));
        // 2/1 stopped being a 调休 day.
        Assert.Equal(6, days2020.Count(d => d.Kind == DayKind.MakeUpWorkday));
        Assert.Equal(32, Cal.SpecialDaysIn(2022).Count(d => d.Kind == DayKind.Holiday)); // 31 + 2022-12-31 from the 2023 notice
        Assert.Equal(26, Cal.SpecialDaysIn(2023).Count(d => d.Kind == DayKind.Holiday));
        Assert.True(Cal.SpecialDaysIn(2024).Select(d => d.Date).SequenceEqual(Cal.SpecialDaysIn(2024).Select(d => d.Date).Order()));
    }

    [Fact]
    public void Later_entries_replace_earlier_ones()
    {
        // An office correction laid over the shipped data (as the web layer does) wins.
        var shipped = HolidayData.Load();
        var cal = new WorkingCalendar(shipped.SpecialDays().Append(new SpecialDay(D("2024-10-07"), DayKind.Workday, "更正")), shipped.CoveredYears);
        Assert.True(cal.IsWorkingDay(D("2024-10-07")));
        Assert.Equal(D("2024-10-08"), cal.AddWorkingDays(D("2024-09-04"), 20));
    }

    [Fact]
    public void Arrangement_text_round_trips_and_reports_bad_lines()
    {
        var (days, errors) = ArrangementText.Parse("# 2027\n2027-01-01 假 元旦\n2027-02-05~2027-02-07 假 春节\n2027-02-07 班 春节\n2027-02-08 班 春节\n2027-13-01 假 错\n2027-03-01 歇 错\n\n");
        Assert.Equal(4, days.Count);
        Assert.Equal([4, 5, 6, 7], errors.Select(e => e.Line));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("已在第3行"));       // 2/7 given twice
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("不是周六或周日")); // 2027-02-08 is a Monday
        Assert.Contains(errors, e => e.Line == 6);
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("假"));
        Assert.Equal("2027-01-01 假 元旦\n2027-02-05 假 春节\n2027-02-06 假 春节\n2027-02-07 假 春节", ArrangementText.Format(days));
        var again = ArrangementText.Parse(ArrangementText.Format(days));
        Assert.Empty(again.Errors);
        Assert.Equal(days, again.Days);
    }
}
