namespace Zwgk.Web.Features.Interaction.Consultations;

public static class ConsultationExtensions
{
    public static IServiceCollection AddConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsultationOptions>().Bind(configuration.GetSection(ConsultationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConsultationService>();
        services.AddScoped<ConsultationQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        ConsultationEndpoints.Map(app);
        return app;
    }
}
