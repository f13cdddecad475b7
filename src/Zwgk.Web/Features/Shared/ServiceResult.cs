namespace Zwgk.Web.Features.Shared;

public enum ResultStatus { Ok, NotFound, Forbidden, Invalid, Conflict }

/// <summary>Outcome of a service operation; Errors are Chinese messages keyed by field ("" for the whole form).</summary>
public sealed record ServiceResult(ResultStatus Status, IReadOnlyDictionary<string, string> Errors, int? Id = null)
{
    private static readonly Dictionary<string, string> None = [];
    public bool Ok => Status == ResultStatus.Ok;
    public static ServiceResult Success(int? id = null) => new(ResultStatus.Ok, None, id);
    public static ServiceResult NotFound() => new(ResultStatus.NotFound, new Dictionary<string, string> { [""] = "记录不存在或无权访问" });
    public static ServiceResult Forbidden(string message = "没有权限执行此操作") => new(ResultStatus.Forbidden, new Dictionary<string, string> { [""] = message });
    public static ServiceResult Invalid(string message) => new(ResultStatus.Invalid, new Dictionary<string, string> { [""] = message });
    public static ServiceResult Invalid(IReadOnlyDictionary<string, string> errors) => new(ResultStatus.Invalid, errors);
    public static ServiceResult Conflict(string message) => new(ResultStatus.Conflict, new Dictionary<string, string> { [""] = message });
    public string Message => string.Join("；", Errors.Values);
}
