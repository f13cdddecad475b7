using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Domain.Calendar;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Calendar;

public sealed record CalendarDayResponse(DateOnly Date, DayKind Kind, string KindLabel, string? Name);
public sealed record CalendarYearResponse(int Year, bool Covered, string Source, IReadOnlyList<CalendarDayResponse> Days);
public sealed record CountedDayResponse(DateOnly Date, DayKind Kind, string KindLabel, string? Name, bool Counted);
public sealed record DeadlineResponse(DateOnly From, int WorkingDays, DateOnly Due, bool Covered, IReadOnlyList<CountedDayResponse> SpecialDays);
public sealed record CalendarImportResponse(int Year, int Days);

public static class CalendarEndpoints
{
    public const int MaxDays = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/calendar").WithTags("工作日历");
        pub.MapGet("/deadline", Deadline).WithSummary("期限计算：自起算日次日起第N个工作日，列出跳过的周末、节假日和计入的调休上班日");
        pub.MapGet("/{year:int}", Year).WithSummary("某年的节假日和调休上班日（未列出的日期按周一至周五为工作日）");

        var admin = app.MapGroup("/api/v1/admin/calendar").WithTags("工作日历（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapPut("/days/{date}", SetDay).WithSummary("设置某日为放假、调休上班或普通日（公开办、平台管理员）");
        admin.MapDelete("/days/{date}", RemoveDay).WithSummary("撤销对某日的修改，恢复国务院安排");
        admin.MapPost("/{year:int}/import", Import).WithSummary("导入某年的节假日安排（每行“日期 假/班 节日名称”）");
    }

    public static async Task<Results<Ok<CalendarYearResponse>, ValidationProblem>> Year(int year, CalendarService calendar, CancellationToken ct)
    {
        if (year is < 1949 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份不正确"] }, title: "参数有误");
        var y = await calendar.YearAsync(year, ct);
        return TypedResults.Ok(new CalendarYearResponse(y.Year, y.Covered, y.Source,
            y.SpecialDays.Select(d => new CalendarDayResponse(d.Date, d.Kind, CalendarService.KindLabel(d.Kind), d.Name)).ToList()));
    }

    public static async Task<Results<Ok<DeadlineResponse>, ValidationProblem>> Deadline(string? from, int? days, CalendarService calendar, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TryDate(from, out var start) || start.Year is < 2000 or > 2100) errors["from"] = ["起算日应为 YYYY-MM-DD"];
        var n = days ?? 20;
        if (n is < 1 or > MaxDays) errors["days"] = [$"工作日数须在1至{MaxDays}之间"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "参数有误");
        var cal = await calendar.GetAsync(ct);
        var c = cal.Compute(start, n);
        return TypedResults.Ok(new DeadlineResponse(c.Start, c.WorkingDays, c.Due, cal.Covers(c.Start, c.Due),
            c.SpecialDays.Select(d => new CountedDayResponse(d.Date, d.Kind, CalendarService.KindLabel(d.Kind), d.Name, d.Counted)).ToList()));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> SetDay(string date, CalendarDayInput input, CalendarService calendar, CancellationToken ct)
    {
        if (!TryDate(date, out var d)) return BadDate();
        var r = await calendar.SetDayAsync(d, input, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> RemoveDay(string date, string? note, CalendarService calendar, CancellationToken ct)
    {
        if (!TryDate(date, out var d)) return BadDate();
        var r = await calendar.RemoveDayAsync(d, note, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    public static async Task<Results<Ok<CalendarImportResponse>, ProblemHttpResult, ValidationProblem>> Import(int year, CalendarImportInput input, CalendarService calendar, CancellationToken ct)
    {
        var r = await calendar.ImportYearAsync(year, input, ct);
        return r.ToHttp(() => TypedResults.Ok(new CalendarImportResponse(year, r.Id ?? 0)));
    }

    private static ValidationProblem BadDate() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["日期应为 YYYY-MM-DD"] }, title: "参数有误");

    public static bool TryDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}

public static class CalendarExtensions
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarService>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        CalendarEndpoints.Map(app);
        return app;
    }
}
