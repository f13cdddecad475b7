using Zwgk.Web.Features.Shared.Portal;
namespace Zwgk.Web.Features.Portal;

public static class PortalExtensions
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<SiteSettingsService>();
        services.AddScoped<IPortalChrome, PortalChrome>();
        services.AddScoped<PortalQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        FeedEndpoints.Map(app);
        CareEndpoint.Map(app);
        return app;
    }
}
