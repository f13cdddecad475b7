using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Requests;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>The 案例库 and the 依申请公开转主动公开 analysis as JSON.</summary>
public static class LibraryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/admin/requests").WithTags("依申请公开（案例库与分析）").RequireAuthorization(Policies.BackOffice);
        g.MapGet("/library", Search).WithSummary("检索案例库（q 关键词，outcome 办理结果类别，topic 主题，unit 单位，year 年度）");
        g.MapPost("/library", Add).WithSummary("将已答复或已归档的申请匿名化后加入案例库（生成待确认草稿）");
        g.MapGet("/library/{id:int}", Get).WithSummary("案例详情（匿名化内容）");
        g.MapPost("/library/{id:int}/confirm", Confirm).WithSummary("核对并确认入库（可同时修改匿名化后的内容）");
        g.MapPost("/library/{id:int}/discard", (int id, CaseLibraryService s, CancellationToken ct) => Run(s.DiscardAsync(id, ct))).WithSummary("放弃案例库草稿");
        g.MapGet("/analysis", Analyse).WithSummary("依申请公开分析：按主题、单位统计，列出多次申请的相同信息（转主动公开候选）");
        g.MapPost("/analysis/link", Link).WithSummary("将转主动公开候选的申请关联到已主动公开的文件（文件编号或文号）");
    }

    public static async Task<Results<Ok<PagedResult<CaseLibraryItem>>, ForbidHttpResult>> Search(CaseLibraryQueries q, [FromQuery(Name = "q")] string? text,
        OutcomeGroup? outcome, string? topic, int? unit, int? year, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        await q.SearchAsync(new CaseLibraryFilter(text, outcome, topic, unit, year, page, pageSize), ct) is { } r ? TypedResults.Ok(r) : TypedResults.Forbid();

    public static async Task<Results<Created<CaseLibraryEntryView>, ProblemHttpResult, ValidationProblem>> Add(CaseLibraryAdd input, CaseLibraryService s,
        CaseLibraryQueries q, CancellationToken ct)
    {
        var r = await s.AddAsync(input, ct);
        var view = r.Ok ? await q.GetAsync(r.Id!.Value, ct) : null;
        return r.ToHttp(() => TypedResults.Created($"/api/v1/admin/requests/library/{r.Id}", view!));
    }

    public static async Task<Results<Ok<CaseLibraryEntryView>, NotFound>> Get(int id, CaseLibraryQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<Results<Ok<CaseLibraryEntryView>, ProblemHttpResult, ValidationProblem>> Confirm(int id, CaseLibraryService s, CaseLibraryQueries q,
        [FromBody] CaseLibraryEdit? edit, CancellationToken ct)
    {
        var r = await s.ConfirmAsync(id, edit, ct);
        var view = r.Ok ? await q.GetAsync(id, ct) : null;
        return r.ToHttp(() => TypedResults.Ok(view!));
    }

    public static async Task<Results<Ok<AnalysisReport>, ProblemHttpResult>> Analyse(RequestAnalysisService s, string? from, string? to, int? unit, TimeProvider clock,
        CancellationToken ct)
    {
        var today = Formats.Today(clock);
        if (!TryDate(from, new DateOnly(today.Year, 1, 1), out var f) || !TryDate(to, today, out var t))
            return TypedResults.Problem("from、to 应为 YYYY-MM-DD 格式的日期", statusCode: 400, title: "请求有误");
        var (error, report) = await s.AnalyseAsync(f, t, unit, ct);
        return error is null ? TypedResults.Ok(report!) : TypedResults.Problem(error, statusCode: error == "没有权限" ? 403 : 400, title: error == "没有权限" ? "没有权限" : "请求有误");
    }

    public static async Task<Results<Ok<ProactiveLinkResponse>, ProblemHttpResult, ValidationProblem>> Link(ProactiveLinkRequest input, RequestAnalysisService s, CancellationToken ct)
    {
        var (result, response) = await s.LinkAsync(input, ct);
        return result.ToHttp(() => TypedResults.Ok(response!));
    }

    public static bool TryDate(string? text, DateOnly fallback, out DateOnly value)
    {
        if (string.IsNullOrWhiteSpace(text)) { value = fallback; return true; }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out value);
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class LibraryExtensions
{
    public static IServiceCollection AddCaseLibrary(this IServiceCollection services)
    {
        services.AddScoped<CaseLibraryService>();
        services.AddScoped<CaseLibraryQueries>();
        services.AddScoped<RequestAnalysisService>();
        return services;
    }
}
