namespace Zwgk.Web.Features.Ledger;

public static class LedgerExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
