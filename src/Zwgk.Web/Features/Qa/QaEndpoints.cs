using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Qa;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa;

/// <summary>Body of the workflow steps: the version the client saw (optional; a stale one answers 409) and a comment (退回).</summary>
public sealed record QaStepBody(int? Version, string? Comment);
public sealed record QaAssignUnitBody(string? Name, int UnitId);
public sealed record QaAssigned(int Count);

public static class QaEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/qa").WithTags("政策问答库（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapGet("/", List).WithSummary("问答列表（本单位范围；unit, status, topic, stale, staleOnly, unconfirmedUnit, q 筛选）");
        admin.MapGet("/{id:int}", Details).WithSummary("问答详情");
        admin.MapPost("/", Create).WithSummary("新建问答（草稿）");
        admin.MapPut("/{id:int}", (int id, QaInput input, QaService s, CancellationToken ct) => Run(s.UpdateAsync(id, input, ct))).WithSummary("修改问答（version 为读取时的版本，冲突时 409）");
        admin.MapPost("/{id:int}/submit", (int id, QaStepBody? b, QaService s, CancellationToken ct) => Run(s.SubmitAsync(id, b?.Version, ct))).WithSummary("提交审核");
        admin.MapPost("/{id:int}/approve", (int id, QaStepBody? b, QaService s, CancellationToken ct) => Run(s.ApproveAsync(id, b?.Version, ct))).WithSummary("审核通过并发布（撰写人以外）");
        admin.MapPost("/{id:int}/return", (int id, QaStepBody b, QaService s, CancellationToken ct) => Run(s.ReturnAsync(id, b.Comment, b.Version, ct))).WithSummary("退回修改（须填写意见）");
        admin.MapPost("/{id:int}/publish", (int id, QaStepBody? b, QaService s, CancellationToken ct) => Run(s.PublishAsync(id, b?.Version, ct))).WithSummary("重新发布已撤下的问答");
        admin.MapPost("/{id:int}/withdraw", (int id, QaStepBody? b, QaService s, CancellationToken ct) => Run(s.WithdrawAsync(id, b?.Version, ct))).WithSummary("撤下");
        admin.MapPost("/{id:int}/reconfirm", (int id, QaStepBody? b, QaService s, CancellationToken ct) => Run(s.ReconfirmAsync(id, b?.Version, ct))).WithSummary("复核确认（答复仍然正确，设定新的复核日期）");
        admin.MapGet("/unconfirmed-units", async (QaQueries q, CancellationToken ct) => TypedResults.Ok(await q.UnconfirmedUnitsAsync(ct))).WithSummary("待确认单位（导入时未匹配的单位名称）");
        admin.MapPost("/unconfirmed-units/assign", AssignUnit).WithSummary("把导入时写的单位名称确认为某单位（该名称的全部问答）");
        admin.MapGet("/documents", async (QaQueries q, [FromQuery(Name = "q")] string? text, CancellationToken ct) => TypedResults.Ok(await q.LookupDocumentsAsync(text, ct)))
            .WithSummary("按标题或文号查找已公开文件（选择政策依据）");
    }

    public static async Task<Results<Ok<PagedResult<QaListItem>>, ForbidHttpResult>> List(QaQueries q, CurrentUser user, int? unit, QaStatus? status, string? topic,
        QaStaleness? stale, bool? staleOnly, bool? unconfirmedUnit, [FromQuery(Name = "q")] string? text, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (!user.CanWorkQa()) return TypedResults.Forbid();
        if (text is { Length: > 100 }) text = text[..100];
        return TypedResults.Ok(await q.ListAsync(new QaListFilter(unit, status, topic, stale, staleOnly ?? false, unconfirmedUnit ?? false, text, page, pageSize), ct));
    }

    public static async Task<Results<Ok<QaDetails>, ProblemHttpResult>> Details(int id, QaQueries q, CancellationToken ct) =>
        await q.DetailsAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.Problem("问答不存在或无权访问", statusCode: 404, title: "记录不存在");

    public static async Task<Results<Created<IdResponse>, ProblemHttpResult, ValidationProblem>> Create(QaInput input, QaService s, CancellationToken ct)
    {
        var r = await s.CreateAsync(input, ct);
        return r.ToHttp(() => TypedResults.Created($"/api/v1/admin/qa/{r.Id}", IdResponse.Of(r)));
    }

    public static async Task<Results<Ok<QaAssigned>, ProblemHttpResult, ValidationProblem>> AssignUnit(QaAssignUnitBody body, QaService s, CancellationToken ct)
    {
        var (r, count) = await s.AssignUnitAsync(body.Name, body.UnitId, ct);
        return r.ToHttp(() => TypedResults.Ok(new QaAssigned(count)));
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class QaExtensions
{
    public static IServiceCollection AddQa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QaOptions>().Bind(configuration.GetSection(QaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<QaService>();
        services.AddScoped<QaQueries>();
        services.AddScoped<Import.QaImportService>();
        services.AddSingleton<Infrastructure.Search.ISearchSource, Infrastructure.Search.QaSearchSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapQa(this IEndpointRouteBuilder app)
    {
        QaEndpoints.Map(app);
        return app;
    }
}
