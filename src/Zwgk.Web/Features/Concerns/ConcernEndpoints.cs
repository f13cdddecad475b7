using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Concerns;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns;

/// <summary>POST /api/v1/admin/concerns answer: the deadlines that apply (null where the level has none).</summary>
public sealed record ConcernRegistered(int Id, DateTimeOffset? InfoDueAt, DateTimeOffset? PressDueAt, DateTimeOffset? ResponseDueAt);
public sealed record CloseBody(string? Note);
public sealed record PublicBody(bool Public);

public static class ConcernEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/concerns", PublicList).WithTags("回应关切（公众）").WithSummary("已公开的社会关切及其回应（最新在前，分页）");
        app.MapGet("/api/v1/concerns/{id:int}", PublicDetail).WithTags("回应关切（公众）").WithSummary("一条已公开的社会关切及其回应");

        var admin = app.MapGroup("/api/v1/admin/concerns").WithTags("回应关切（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapPost("/", Register).WithSummary("登记舆情（舆情监测系统等）：source, level, topic, summary, field, unit, discoveredAt, sourceUrl → 回应期限");
        admin.MapGet("/", List).WithSummary("舆情登记簿（本单位范围，超时的在前）");
        admin.MapGet("/reminders", async (ConcernQueries q, CancellationToken ct) => TypedResults.Ok(await q.RemindersAsync(ct))).WithSummary("已超时和即将超时的舆情回应");
        admin.MapGet("/{id:int}", Details).WithSummary("舆情详情（回应节点和已登记的回应）");
        admin.MapPost("/{id:int}/responses", (int id, ResponseInput r, ConcernService s, CancellationToken ct) => Run(s.AddResponseAsync(id, r, ct))).WithSummary("登记回应（method, respondedAt, summary, documentId 或 url, publisher）");
        admin.MapPost("/{id:int}/close", (int id, CloseBody b, ConcernService s, CancellationToken ct) => Run(s.CloseAsync(id, b.Note, ct))).WithSummary("办结（须填写办结说明）");
        admin.MapPost("/{id:int}/public", (int id, PublicBody b, ConcernService s, CancellationToken ct) => Run(s.SetPublicAsync(id, b.Public, ct))).WithSummary("是否在网站公开");
    }

    public static async Task<Ok<PagedResult<PublicConcernItem>>> PublicList(ConcernQueries q, int page = 1, int pageSize = 10, CancellationToken ct = default) =>
        TypedResults.Ok(await q.PublicListAsync(page, pageSize, ct));

    public static async Task<Results<Ok<PublicConcernItem>, ProblemHttpResult>> PublicDetail(int id, ConcernQueries q, CancellationToken ct) =>
        await q.PublicDetailAsync(id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.Problem("该关切不存在或未公开", statusCode: 404, title: "记录不存在");

    public static async Task<Results<Created<ConcernRegistered>, ProblemHttpResult, ValidationProblem>> Register(ConcernInput input, ConcernService s, CancellationToken ct)
    {
        var (result, c) = await s.RegisterAsync(input, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/admin/concerns/{c!.Id}", new ConcernRegistered(c.Id, c.InfoDueAt, c.PressDueAt, c.ResponseDueAt)));
    }

    public static async Task<Results<Ok<PagedResult<ConcernListItem>>, ForbidHttpResult>> List(ConcernQueries q, CurrentUser user, int? unit, ConcernLevel? level,
        ConcernStatus? status, ConcernSource? source, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (!user.CanWorkConcerns()) return TypedResults.Forbid();
        return TypedResults.Ok(await q.ListAsync(new ConcernListFilter(unit, level, status, source, from, to, page, pageSize), ct));
    }

    public static async Task<Results<Ok<ConcernDetails>, ProblemHttpResult>> Details(int id, ConcernQueries q, CancellationToken ct) =>
        await q.DetailsAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.Problem("舆情不存在或无权访问", statusCode: 404, title: "记录不存在");

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class ConcernsExtensions
{
    public static IServiceCollection AddConcerns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConcernOptions>().Bind(configuration.GetSection(ConcernOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConcernService>();
        services.AddScoped<ConcernQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapConcerns(this IEndpointRouteBuilder app)
    {
        ConcernEndpoints.Map(app);
        return app;
    }
}
