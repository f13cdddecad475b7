namespace Zwgk.Web.Features.Import;

public static class ImportExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services) => services.AddScoped<ImportService>();
}
