namespace Zwgk.Web.Features.Reports;

public static class ReportsExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportCheckService>();
        services.AddScoped<AnnualReportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        AnnualReportEndpoints.Map(app);
        return app;
    }
}
