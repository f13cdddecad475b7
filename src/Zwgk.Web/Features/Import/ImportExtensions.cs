using Zwgk.Import;

namespace Zwgk.Web.Features.Import;

public static class ImportExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportLimits>().Bind(configuration.GetSection(ImportLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportService>();
        services.AddScoped<SiteMigration>();
        return services;
    }
}
