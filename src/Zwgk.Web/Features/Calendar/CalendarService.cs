using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Calendar;

/// <summary>What the office sets a day to: 放假, 调休上班, or back to a plain day (cancelling a shipped special day).</summary>
public enum CalendarEditKind { Holiday, MakeUpWorkday, Plain }

public sealed record CalendarDayInput(CalendarEditKind Kind, string? Name, string? Note);
public sealed record CalendarImportInput(string? Text, string? Notice, string? Note);

/// <summary>An office edit as listed beside the year.</summary>
public sealed record CalendarOverrideView(DateOnly Date, DayKind Kind, string Name, string? Note, int ArrangementYear, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The arrangement of a year as shown and served: where it comes from and its special days.</summary>
public sealed record CalendarYearView(int Year, bool Covered, string Source, IReadOnlyList<SpecialDay> SpecialDays, IReadOnlyList<CalendarOverrideView> Overrides);

/// <summary>
/// The cached calendar of one app node and the database stamp it was built from.
/// Several nodes share the database: each compares a cheap stamp (row counts and latest ChangedAt of the two small
/// calendar tables, two indexed aggregate queries) before using its copy, so an edit on one node applies on every node
/// at the next deadline computed there, with no expiry window to reason about. Any add or change moves ChangedAt
/// forward; a pure delete lowers the count.
/// </summary>
public sealed class CalendarCache
{
    private readonly Lock gate = new();
    private (CalendarStamp Stamp, WorkingCalendar Calendar)? current;

    public bool TryGet(CalendarStamp stamp, out WorkingCalendar calendar)
    {
        lock (gate)
        {
            if (current is { } c && c.Stamp == stamp) { calendar = c.Calendar; return true; }
        }
        calendar = null!;
        return false;
    }

    public void Set(CalendarStamp stamp, WorkingCalendar calendar)
    {
        lock (gate) current = (stamp, calendar);
    }

    public void Invalidate()
    {
        lock (gate) current = null;
    }
}

public readonly record struct CalendarStamp(int Days, DateTimeOffset? DaysChanged, int Years, DateTimeOffset? YearsChanged);

/// <summary>
/// The working-day calendar every deadline uses: the shipped State Council arrangements (HolidayData) overlaid by the
/// office's edits in the database. Only the 公开办 and platform administrators edit it; every edit is audited.
/// </summary>
public sealed class CalendarService(ZwgkDbContext db, CalendarCache cache, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>Earliest and latest years the office may edit: the shipped data starts in 2020; a notice comes one year ahead.</summary>
    public const int FirstYear = 2020;

    public bool CanEdit => user.IsInRole(Roles.PlatformAdmin) || user.IsInRole(Roles.OpennessOffice);

    public int LastEditableYear => clock.GetLocalNow().Year + 2;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        if (cache.TryGet(stamp, out var cal)) return cal;
        var rows = await db.CalendarDayOverrides.AsNoTracking().Select(o => new SpecialDay(o.Date, o.Kind, o.Name)).ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var shipped = HolidayData.Load();
        // Office rows come last: WorkingCalendar lets later entries replace earlier ones.
        cal = new WorkingCalendar(shipped.SpecialDays().Concat(rows), shipped.CoveredYears.Concat(years));
        cache.Set(stamp, cal);
        return cal;
    }

    private async Task<CalendarStamp> StampAsync(CancellationToken ct)
    {
        var days = await db.CalendarDayOverrides.GroupBy(_ => 1).Select(g => new { N = g.Count(), Max = g.Max(o => o.ChangedAt) }).FirstOrDefaultAsync(ct);
        var years = await db.CalendarYears.GroupBy(_ => 1).Select(g => new { N = g.Count(), Max = g.Max(o => o.ChangedAt) }).FirstOrDefaultAsync(ct);
        return new CalendarStamp(days?.N ?? 0, days?.Max, years?.N ?? 0, years?.Max);
    }

    public async Task<CalendarYearView> YearAsync(int year, CancellationToken ct = default)
    {
        var cal = await GetAsync(ct);
        var shipped = HolidayData.Load().Notices.FirstOrDefault(n => n.Year == year && !n.IsAmendment);
        var entered = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        var source = shipped is not null ? $"{shipped.Title}（{shipped.Number ?? "文号待补"}，{shipped.Issued:yyyy年M月d日}）"
            : entered is not null ? $"公开办录入（{entered.Notice ?? "未填文号"}，{entered.ChangedBy}，{entered.ChangedAt.ToLocalTime():yyyy-MM-dd}）"
            : "尚无国务院办公厅安排：只按周六、周日计算";
        var overrides = await db.CalendarDayOverrides.AsNoTracking()
            .Where(o => o.Date >= new DateOnly(year, 1, 1) && o.Date <= new DateOnly(year, 12, 31) || o.ArrangementYear == year)
            .OrderBy(o => o.Date)
            .Select(o => new CalendarOverrideView(o.Date, o.Kind, o.Name, o.Note, o.ArrangementYear, o.ChangedBy, o.ChangedAt))
            .ToListAsync(ct);
        return new CalendarYearView(year, cal.CoveredYears.Contains(year), source, cal.SpecialDaysIn(year).ToList(), overrides);
    }

    /// <summary>Sets one day (add or change). Past years may be corrected too (2020's emergency extension was one).</summary>
    public async Task<ServiceResult> SetDayAsync(DateOnly date, CalendarDayInput input, CancellationToken ct = default)
    {
        if (!CanEdit) return ServiceResult.Forbidden("只有公开办或平台管理员可以修改工作日历");
        var errors = new Dictionary<string, string>();
        var name = (input.Name ?? "").Trim();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (date.Year < FirstYear || date.Year > LastEditableYear) errors["Date"] = $"日期须在{FirstYear}年至{LastEditableYear}年之间";
        if (!Enum.IsDefined(input.Kind)) errors["Kind"] = "请选择放假、调休上班或恢复为普通日";
        if (input.Kind != CalendarEditKind.Plain && name.Length == 0) errors["Name"] = "请填写节日名称";
        if (name.Length > FieldLengths.HolidayName) errors["Name"] = $"节日名称不能超过{FieldLengths.HolidayName}个字";
        if (note is { Length: > FieldLengths.CalendarNote }) errors["Note"] = $"说明不能超过{FieldLengths.CalendarNote}个字";
        // 调休 moves a weekend day to work; a weekday is a working day already.
        if (input.Kind == CalendarEditKind.MakeUpWorkday && WorkingCalendar.PlainKind(date) != DayKind.Weekend) errors["Kind"] = "调休上班日应为周六或周日";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var kind = input.Kind switch
        {
            CalendarEditKind.Holiday => DayKind.Holiday,
            CalendarEditKind.MakeUpWorkday => DayKind.MakeUpWorkday,
            _ => WorkingCalendar.PlainKind(date),
        };
        var before = (await GetAsync(ct)) is var cal ? (Kind: cal.KindOf(date), Name: cal.NameOf(date)) : default;
        var row = await db.CalendarDayOverrides.FirstOrDefaultAsync(o => o.Date == date, ct);
        if (row is null) db.CalendarDayOverrides.Add(row = new CalendarDayOverride { Date = date, ArrangementYear = date.Year });
        row.Kind = kind;
        row.Name = input.Kind == CalendarEditKind.Plain ? "" : name;
        row.Note = note;
        Stamp(row);
        audit.Add("calendar.day.set", "CalendarDay", date.ToString("yyyy-MM-dd"),
            $"工作日历 {date:yyyy-MM-dd} 由“{Label(before.Kind, before.Name)}”改为“{Label(kind, row.Name)}”" + (note is null ? "" : $"：{note}"),
            new Dictionary<string, (object? From, object? To)> { ["Kind"] = (before.Kind.ToString(), kind.ToString()), ["Name"] = (before.Name, row.Name) }, unitId: null);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return ServiceResult.Success(row.Id);
    }

    /// <summary>Removes the office's edit of a day: it follows the shipped arrangement (or the weekday rule) again.</summary>
    public async Task<ServiceResult> RemoveDayAsync(DateOnly date, string? note, CancellationToken ct = default)
    {
        if (!CanEdit) return ServiceResult.Forbidden("只有公开办或平台管理员可以修改工作日历");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > FieldLengths.CalendarNote }) return ServiceResult.Invalid(new Dictionary<string, string> { ["Note"] = $"说明不能超过{FieldLengths.CalendarNote}个字" });
        var row = await db.CalendarDayOverrides.FirstOrDefaultAsync(o => o.Date == date, ct);
        if (row is null) return ServiceResult.NotFound();
        db.CalendarDayOverrides.Remove(row);
        audit.Add("calendar.day.remove", "CalendarDay", date.ToString("yyyy-MM-dd"),
            $"撤销工作日历 {date:yyyy-MM-dd} 的修改（原为“{Label(row.Kind, row.Name)}”），恢复为国务院安排" + (note is null ? "" : $"：{note}"));
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return ServiceResult.Success(row.Id);
    }

    /// <summary>
    /// Enters a new year's arrangement from the State Council notice (lines like <c>2027-01-01 假 元旦</c>). Only years without
    /// a shipped arrangement; a repeated import of the same year replaces the earlier one. Dates may start in the December
    /// before (a 元旦 span like 2022-12-31 belongs to the next year's notice).
    /// </summary>
    public async Task<ServiceResult> ImportYearAsync(int year, CalendarImportInput input, CancellationToken ct = default)
    {
        if (!CanEdit) return ServiceResult.Forbidden("只有公开办或平台管理员可以修改工作日历");
        if (year < FirstYear || year > LastEditableYear) return ServiceResult.Invalid(new Dictionary<string, string> { ["Year"] = $"年份须在{FirstYear}年至{LastEditableYear}年之间" });
        if (HolidayData.Load().CoveredYears.Contains(year))
            return ServiceResult.Invalid(new Dictionary<string, string> { ["Year"] = $"{year}年的安排已随系统提供，请逐日修改" });
        var notice = string.IsNullOrWhiteSpace(input.Notice) ? null : input.Notice.Trim();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (notice is { Length: > FieldLengths.NoticeNumber }) return ServiceResult.Invalid(new Dictionary<string, string> { ["Notice"] = $"文号不能超过{FieldLengths.NoticeNumber}个字" });
        if (note is { Length: > FieldLengths.CalendarNote }) return ServiceResult.Invalid(new Dictionary<string, string> { ["Note"] = $"说明不能超过{FieldLengths.CalendarNote}个字" });
        if (input.Text is { Length: > 20_000 }) return ServiceResult.Invalid(new Dictionary<string, string> { ["Text"] = "导入内容过长" });
        var (days, errors) = ArrangementText.Parse(input.Text);
        var outside = days.Where(d => d.Date.Year != year && !(d.Date.Year == year - 1 && d.Date.Month == 12)).Select(d => d.Date).ToList();
        if (errors.Count > 0 || outside.Count > 0 || days.Count == 0)
        {
            var messages = errors.Select(e => e.Line > 0 ? $"第{e.Line}行：{e.Message}" : e.Message).ToList();
            if (outside.Count > 0) messages.Add($"{string.Join("、", outside.Take(3).Select(d => d.ToString("yyyy-MM-dd")))}不属于{year}年的安排");
            if (days.Count == 0 && messages.Count == 0) messages.Add("没有可导入的日期");
            return ServiceResult.Invalid(new Dictionary<string, string> { ["Text"] = string.Join("；", messages.Take(10)) });
        }

        var dates = days.Select(d => d.Date).ToList();
        var old = await db.CalendarDayOverrides.Where(o => o.ArrangementYear == year || dates.Contains(o.Date)).ToListAsync(ct);
        db.CalendarDayOverrides.RemoveRange(old);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // the unique date index: old rows go before new ones arrive
        foreach (var d in days)
        {
            var row = new CalendarDayOverride { Date = d.Date, Kind = d.Kind, Name = d.Name, Note = note ?? notice, ArrangementYear = year };
            Stamp(row);
            db.CalendarDayOverrides.Add(row);
        }
        var y = await db.CalendarYears.FirstOrDefaultAsync(x => x.Year == year, ct);
        if (y is null) db.CalendarYears.Add(y = new CalendarYear { Year = year });
        y.Notice = notice;
        y.ChangedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
        y.ChangedById = user.UserId;
        y.ChangedAt = clock.GetUtcNow();
        audit.Add("calendar.year.import", "CalendarYear", year,
            $"导入{year}年节假日安排（{notice ?? "未填文号"}）：放假{days.Count(d => d.Kind == DayKind.Holiday)}天，调休上班{days.Count(d => d.Kind == DayKind.MakeUpWorkday)}天" +
            (old.Count > 0 ? $"，替换原有{old.Count}条" : "") + (note is null ? "" : $"：{note}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return ServiceResult.Success(days.Count);
    }

    private void Stamp(CalendarDayOverride row)
    {
        row.ChangedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
        row.ChangedById = user.UserId;
        row.ChangedAt = clock.GetUtcNow();
    }

    public static string KindLabel(DayKind kind) => kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "周末",
        DayKind.Holiday => "节假日",
        DayKind.MakeUpWorkday => "调休上班",
        _ => kind.ToString(),
    };

    private static string Label(DayKind kind, string? name) => string.IsNullOrEmpty(name) ? KindLabel(kind) : $"{KindLabel(kind)}（{name}）";
}
