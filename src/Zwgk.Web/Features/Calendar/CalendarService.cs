using Zwgk.Domain.Calendar;

namespace Zwgk.Web.Features.Calendar;

// INTERIM (replaced by the calendar branch at merge): weekends only, until the shipped holiday data lands.
public sealed class CalendarService
{
    public Task<WorkingCalendar> GetAsync(CancellationToken ct = default) => Task.FromResult(new WorkingCalendar([], []));
}

public static class CalendarExtensions
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        return services;
    }
}
