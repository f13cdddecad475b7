using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Search.Qa;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Matching;

/// <summary>GET /api/v1/qa/match response: best first.</summary>
public sealed record QaMatchResponse(IReadOnlyList<QaMatchResponseItem> Items);

public sealed record QaMatchResponseItem(int Id, string Question, string Answer, string? Unit, string? Basis, double Score);

public static class QaMatchEndpoints
{
    public const int DefaultTop = 5;
    public const int MaxTop = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/qa/match", Match).WithTags("政策问答（公众）").AllowAnonymous()
            .RequireRateLimiting(PublicFormLimits.Lookup)
            .WithSummary($"按群众的提问匹配政策问答库（q 必填，不超过{QaMatcher.MaxQuestionLength}字；top 默认{DefaultTop}，最多{MaxTop}）");
    }

    public static async Task<Results<Ok<QaMatchResponse>, ProblemHttpResult>> Match(QaMatchService matches, string? q, int? top, CancellationToken ct)
    {
        if (Check(q, top) is { } problem) return TypedResults.Problem(problem, statusCode: 400, title: "提问参数有误");
        var items = await matches.MatchAsync(q!.Trim(), top ?? DefaultTop, ct);
        return TypedResults.Ok(new QaMatchResponse(items.Select(i => new QaMatchResponseItem(i.Id, i.Question, i.Answer, i.Unit, i.Basis, i.Score)).ToList()));
    }

    /// <summary>The Chinese reason a question or top is refused, or null.</summary>
    public static string? Check(string? q, int? top)
    {
        if (string.IsNullOrWhiteSpace(q)) return "请填写要咨询的问题（参数 q）";
        if (q.Trim().Length > QaMatcher.MaxQuestionLength) return $"问题不能超过{QaMatcher.MaxQuestionLength}字";
        if (top is { } t && (t < 1 || t > MaxTop)) return $"top 应为 1 到 {MaxTop} 之间的整数";
        return null;
    }
}
