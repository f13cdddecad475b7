namespace Zwgk.Web.Features.Ledger;

public static class LedgerExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<LedgerReportSummary>();
        return services;
    }

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        LedgerExportEndpoints.Map(app);
        return app;
    }
}
