namespace Zwgk.Web.Features.Reports;

public static class ReportsExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportCheckService>();
        return services;
    }
}
