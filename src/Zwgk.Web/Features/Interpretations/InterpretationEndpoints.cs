using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations;

/// <summary>A policy line of the report's drill-down.</summary>
public sealed record PolicyCheckItem(int Id, string Title, string? DocumentNumber, string Unit, string? PublishedOn, string RequiredReason, bool Government,
    string? Timeliness, int Forms, int FormsRequired, bool HighOverlap, IReadOnlyList<InterpretationItem> Interpretations)
{
    public static PolicyCheckItem Of(PolicyCheck p) => new(p.Id, p.Title, p.DocumentNumber, p.UnitName, p.PublishedOn?.ToString("yyyy-MM-dd"), p.RequiredReason,
        p.Government, p.Timeliness?.Label, p.Forms.Present.Count, p.Forms.Required, p.HasHighOverlap,
        p.Interpretations.Select(i => new InterpretationItem(i.Id, i.Title, i.FormLabel, i.StatusLabel, i.PublishedOn?.ToString("yyyy-MM-dd"), i.Timeliness?.Label,
            Math.Round(i.Overlap, 3), i.HighOverlap)).ToList());
}

public sealed record InterpretationItem(int Id, string Title, string Form, string Status, string? PublishedOn, string? Timeliness, double Overlap, bool HighOverlap);

public static class InterpretationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/interpretations").WithTags("政策解读（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapGet("/report", async (InterpretationChecks checks, CancellationToken ct) => TypedResults.Ok(await checks.ReportAsync(ct)))
            .WithSummary("各单位政策解读情况：应解读、已解读、按时、逾期、待解读、形式不足、照搬原文（本单位用户只看本单位）");
        admin.MapGet("/policies", Policies_)
            .WithSummary("应解读的政策文件及核查结果（check：interpreted、ontime、late、pending、overdue、forms、overlap）");
        admin.MapPost("/for/{policyId:int}", (int policyId, InterpretationService s, CancellationToken ct) => Run(s.CreateForPolicyAsync(policyId, ct)))
            .WithSummary("为政策文件新建解读草稿（体裁“解读”、关联“解读”、归入政策解读栏目）");
        admin.MapPut("/{id:int}", (int id, InterpretationInput input, InterpretationService s, CancellationToken ct) => Run(s.SaveAsync(id, input, ct)))
            .WithSummary("保存解读信息（形式、解读单位和解读人、解读要点、媒体及其文字说明）");
    }

    private static async Task<Ok<List<PolicyCheckItem>>> Policies_(InterpretationChecks checks, int? unit, string? check, CancellationToken ct) =>
        TypedResults.Ok((await checks.RequiredPoliciesAsync(unit, ct)).Where(p => InterpretationChecks.Matches(p, check)).Select(PolicyCheckItem.Of).ToList());

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class InterpretationsExtensions
{
    public static IServiceCollection AddInterpretations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InterpretationOptions>().Bind(configuration.GetSection(InterpretationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InterpretationService>();
        services.AddScoped<InterpretationChecks>();
        services.AddSingleton<OverlapCache>();
        services.AddScoped<InterpretationPublicQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapInterpretations(this IEndpointRouteBuilder app)
    {
        InterpretationEndpoints.Map(app);
        return app;
    }
}
