using Zwgk.Web.Features.Qa.Matching;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>Policy Q&amp;A matching (the API and its cached matcher), the public ask page and turning answered 政策咨询 into entries.</summary>
public static class QaAskExtensions
{
    public static IServiceCollection AddQaAsk(this IServiceCollection services)
    {
        services.AddSingleton<QaMatchService>();
        services.AddScoped<QaAskService>();
        return services;
    }

    public static IEndpointRouteBuilder MapQaAsk(this IEndpointRouteBuilder app)
    {
        QaMatchEndpoints.Map(app);
        return app;
    }
}
