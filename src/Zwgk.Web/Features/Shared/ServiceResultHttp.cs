using Microsoft.AspNetCore.Http.HttpResults;

namespace Zwgk.Web.Features.Shared;

public static class ServiceResultHttp
{
    /// <summary>Maps a service result to the success value or RFC 7807 problem details with Chinese titles.</summary>
    public static Results<T, ProblemHttpResult, ValidationProblem> ToHttp<T>(this ServiceResult r, Func<T> ok) where T : IResult
    {
        if (r.Ok) return ok();
        if (r.Status == ResultStatus.Invalid && r.Errors.Keys.Any(k => k.Length > 0))
            return TypedResults.ValidationProblem(r.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "提交的内容有误");
        return r.Status switch
        {
            ResultStatus.NotFound => TypedResults.Problem(r.Message, statusCode: 404, title: "记录不存在"),
            ResultStatus.Forbidden => TypedResults.Problem(r.Message, statusCode: 403, title: "没有权限"),
            ResultStatus.Conflict => TypedResults.Problem(r.Message, statusCode: 409, title: "操作冲突"),
            _ => TypedResults.Problem(r.Message, statusCode: 422, title: "无法执行此操作"),
        };
    }
}
