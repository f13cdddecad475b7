using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Calendar;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Calendar.Admin;

/// <summary>工作日历: the year's arrangement as a month grid; the 公开办 and platform administrators edit days and import a new
/// year's notice, other back-office roles read it.</summary>
public sealed class IndexModel(CalendarService calendar, TimeProvider clock) : AdminPageModel
{
    public sealed class DayForm
    {
        public string? Date { get; set; }
        public CalendarEditKind Kind { get; set; } = CalendarEditKind.Holiday;
        public string? Name { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ImportForm
    {
        public string? Text { get; set; }
        public string? Notice { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public DayForm Day { get; set; } = new();
    [BindProperty] public ImportForm Import { get; set; } = new();

    public int Year { get; private set; }
    public CalendarYearView View { get; private set; } = null!;
    public WorkingCalendar Calendar { get; private set; } = null!;
    public bool CanEdit => calendar.CanEdit;
    public IReadOnlyList<int> Years { get; private set; } = [];

    public Task OnGetAsync(int? year, CancellationToken ct) => LoadAsync(year, ct);

    public async Task<IActionResult> OnPostSetAsync(int? year, CancellationToken ct)
    {
        if (!calendar.CanEdit) return Forbid();
        if (!CalendarEndpoints.TryDate(Day.Date, out var date))
        {
            ModelState.AddModelError("Day.Date", "日期应为 YYYY-MM-DD");
            await LoadAsync(year, ct);
            return Page();
        }
        var r = await calendar.SetDayAsync(date, new CalendarDayInput(Day.Kind, Day.Name, Day.Note), ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (!r.Ok)
        {
            AddErrors(r, "Day");
            await LoadAsync(year, ct);
            return Page();
        }
        Flash = $"{date:yyyy-MM-dd} 已修改";
        return Redirect(Link(date.Year));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? date, int? year, CancellationToken ct)
    {
        if (!calendar.CanEdit) return Forbid();
        if (!CalendarEndpoints.TryDate(date, out var d)) return NotFound();
        var r = await calendar.RemoveDayAsync(d, null, ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (r.Ok) Flash = $"{d:yyyy-MM-dd} 已恢复为国务院安排";
        else FlashError = r.Message;
        return Redirect(Link(year ?? d.Year));
    }

    public async Task<IActionResult> OnPostImportAsync(int year, CancellationToken ct)
    {
        if (!calendar.CanEdit) return Forbid();
        var r = await calendar.ImportYearAsync(year, new CalendarImportInput(Import.Text, Import.Notice, Import.Note), ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (!r.Ok)
        {
            // A wrong year is about the whole form; the rest belong beside their fields.
            foreach (var (key, message) in r.Errors) ModelState.AddModelError(key is "" or "Year" ? "" : $"Import.{key}", message);
            await LoadAsync(year, ct);
            return Page();
        }
        Flash = $"已导入{year}年节假日安排，共{r.Id}天";
        return Redirect(Link(year));
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        var now = clock.GetLocalNow().Year;
        Year = year is int y && y >= CalendarService.FirstYear && y <= calendar.LastEditableYear ? y : now;
        View = await calendar.YearAsync(Year, ct);
        Calendar = await calendar.GetAsync(ct);
        Years = Enumerable.Range(CalendarService.FirstYear, calendar.LastEditableYear - CalendarService.FirstYear + 1).ToList();
        if (Import.Text is null && !View.Covered) Import.Text = $"# 每行一天或一段：日期 假/班 节日名称\n# {Year}-01-01 假 元旦\n# {Year}-02-06~{Year}-02-12 假 春节\n";
    }

    public static string Link(int year) => $"/admin/calendar?year={year}";

    public static string CssOf(DayKind kind) => kind switch
    {
        DayKind.Holiday => "cal-holiday",
        DayKind.MakeUpWorkday => "cal-makeup",
        DayKind.Weekend => "cal-weekend",
        _ => "cal-workday",
    };
}
