using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Public;

/// <summary>
/// 办理进度查询 with the 查询码. The code is posted (never in the URL, so never in access logs or history), each
/// attempt counts against the lookup limit, and released files are downloaded by POST for the same reason.
/// The status view carries no personal data. Never cached.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Lookup)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class QueryModel(RequestQueries queries, ContentStore store) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public PublicRequestStatus? Status { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The code as typed, normalised, for the download forms of this answer only.</summary>
    public string? Normalized { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var typed = Code?.Trim();
        Code = null; // the box is left empty after an answer; the code is not echoed back
        if (string.IsNullOrEmpty(typed)) { Error = "请输入查询码"; return Page(); }
        if (QueryCodes.Normalize(typed) is not { } normalized)
        {
            Error = "查询码格式不正确：查询码由12位字母和数字组成，如 ABCD-EFGH-JK23（可不输入短横线）";
            return Page();
        }
        Status = await queries.ByQueryCodeAsync(normalized, ct);
        if (Status is null) { Error = "没有找到与该查询码对应的申请，请核对后重新输入"; return Page(); }
        Normalized = normalized;
        return Page();
    }

    /// <summary>A released file of the case the code opens (only after the reply); the same lookup limit applies.</summary>
    public async Task<IActionResult> OnPostFileAsync(int fileId, CancellationToken ct)
    {
        var code = Code?.Trim();
        Code = null;
        var file = code is null ? null : await queries.ReleasedFileAsync(code, fileId, ct);
        if (file is null || store.Open(file.Sha256) is not { } stream)
        {
            Error = "文件不存在或查询码不正确，请重新查询";
            return Page();
        }
        return File(stream, file.ContentType, file.FileName);
    }
}
