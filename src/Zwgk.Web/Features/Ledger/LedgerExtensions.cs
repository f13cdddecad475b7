namespace Zwgk.Web.Features.Ledger;

public static class LedgerExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<LedgerImportService>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<LedgerReportSummary>();
        return services;
    }

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        LedgerEndpoints.Map(app);
        LedgerExportEndpoints.Map(app);
        return app;
    }
}
