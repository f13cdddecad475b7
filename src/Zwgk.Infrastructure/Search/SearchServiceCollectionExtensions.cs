using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Zwgk.Infrastructure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The local index, its sources, the indexer and the background service that runs it.</summary>
    public static IServiceCollection AddZwgkSearchIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        services.AddSingleton<SearchIndexHolder>();
        services.AddSingleton<ISearchSource, DocumentSearchSource>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService<SearchIndexerService>();
        return services;
    }
}
