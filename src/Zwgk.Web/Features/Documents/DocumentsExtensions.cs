namespace Zwgk.Web.Features.Documents;

public static class DocumentsExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentQueries>();
        services.AddHostedService<ScheduledPublishingService>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Documents/Admin/Edit", "/admin/documents/new"));
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        DocumentEndpoints.Map(app);
        return app;
    }
}
