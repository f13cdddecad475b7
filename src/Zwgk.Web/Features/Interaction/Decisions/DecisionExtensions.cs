namespace Zwgk.Web.Features.Interaction.Decisions;

public static class DecisionExtensions
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddScoped<DecisionService>();
        services.AddScoped<DecisionQueries>();
        return services;
    }

    /// <summary>Pages only (/zdjc, /admin/decisions); kept for symmetry with the other features' Map calls.</summary>
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app) => app;
}
