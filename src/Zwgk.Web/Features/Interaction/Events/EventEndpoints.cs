using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Interaction.Events;

/// <summary>The live Q&amp;A feed the interview page polls, and the staff's check-in list download.</summary>
public static class EventEndpoints
{
    public const int MaxItems = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/interviews/{id:int}/qa", Qa).WithTags("在线访谈").WithSummary("在线访谈已选用并答复的问答（after：已有的最后序号）");
        app.MapGet("/admin/opendays/{id:int}/checkin.csv", CheckIn).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
    }

    /// <summary>Only selected and answered questions, in the order answered; asker names masked. Not cached: it changes while live.</summary>
    public static async Task<Results<Ok<QaFeed>, ProblemHttpResult>> Qa(int id, int? after, InterviewService service, HttpContext http, CancellationToken ct)
    {
        if (after is < 0) return TypedResults.Problem("after 应为不小于0的整数", statusCode: 400, title: "参数不正确");
        var feed = await service.FeedAsync(id, after ?? 0, ct);
        if (feed is null) return TypedResults.Problem("没有这场访谈", statusCode: 404, title: "记录不存在");
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(feed.Items.Count > MaxItems ? feed with { Items = feed.Items.Take(MaxItems).ToList(), Last = feed.Items[MaxItems - 1].Seq } : feed);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> CheckIn(int id, OpenDayService service, CancellationToken ct)
    {
        var file = await service.CheckInListAsync(id, ct);
        return file is { } f ? TypedResults.File(f.Content, "text/csv; charset=utf-8", f.FileName) : TypedResults.NotFound();
    }
}

public static class EventsExtensions
{
    public static IServiceCollection AddInteractionEvents(this IServiceCollection services)
    {
        services.AddScoped<InterviewService>();
        services.AddScoped<OpenDayService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInteractionEvents(this IEndpointRouteBuilder app)
    {
        EventEndpoints.Map(app);
        return app;
    }
}
