using Zwgk.Infrastructure.Search;

namespace Zwgk.Web.Features.Search;

public static class SearchExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddZwgkSearchIndex(configuration);
        services.AddSingleton<PlainLanguageProvider>();
        services.AddSingleton<SuggestionProvider>();
        services.AddSingleton<QueryLogWriter>();
        services.AddSingleton<SearcherHash>();
        services.AddHostedService(sp => sp.GetRequiredService<QueryLogWriter>());
        services.AddScoped<SearchService>();
        services.AddScoped<SearchAdminService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        SearchEndpoints.Map(app);
        return app;
    }
}
