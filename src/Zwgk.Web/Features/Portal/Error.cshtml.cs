using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Portal;

/// <summary>Friendly error page for status codes (re-executed with ?code=) and unhandled exceptions.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Fill(code);
    public void OnPost(int? code) => Fill(code);
    public void OnPut(int? code) => Fill(code);
    public void OnDelete(int? code) => Fill(code);

    /// <summary>A refused form POST (PublicFormLimits): say when to retry, and that what was typed is still in the previous page.</summary>
    private string TooManyMessage()
    {
        var wait = int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) && seconds > 0
            ? seconds < 60 ? $"请{seconds}秒后再试" : $"请约{(seconds + 59) / 60}分钟后再试"
            : "请稍候片刻再试";
        return HttpMethods.IsPost(Request.Method)
            ? $"提交或查询过于频繁，本次内容没有提交。{wait}；可以使用浏览器的“返回”回到上一页，已填写的内容通常仍会保留。"
            : $"访问过于频繁，{wait}。";
    }

    private void Fill(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code is >= 400 and <= 599 ? code.Value : reExecuted ? Response.StatusCode : 404;
        if (Code < 400) Code = 500;
        Response.StatusCode = Code;
        (Heading, Message) = Code switch
        {
            404 => ("您访问的页面不存在", "该页面可能已被删除、更名或暂时不可用，请检查网址是否正确。"),
            400 => ("请求有误", "您提交的请求无法处理，请检查后重试。"),
            401 or 403 => ("无权访问", "您没有访问此页面的权限。"),
            405 => ("不支持的访问方式", "此页面不支持当前的访问方式。"),
            429 => ("操作过于频繁", TooManyMessage()),
            503 => ("服务暂时不可用", "网站正在维护，请稍后再访问。"),
            >= 500 => ("服务器暂时无法处理您的请求", "我们已记录该问题，请稍后再试。如问题持续存在，请通过“我为政府网站找错”告诉我们。"),
            _ => ("无法完成请求", "请返回首页继续浏览。"),
        };
    }
}
