using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>
/// 查询办理情况 with the 查询码 (posted, never in the URL), and the one-time satisfaction rating, which posts the code again.
/// Each attempt counts against the lookup limit. Name and phone are masked. Never cached.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Lookup)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class QueryModel(MessageQueries queries, MessageService messages) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public MessageStatusView? Status { get; private set; }
    public string? Error { get; private set; }
    public string? RateError { get; private set; }
    public string? Flash { get; private set; }
    public string? Normalized { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LookAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string? satisfaction, string? comment, CancellationToken ct)
    {
        var code = Code;
        var r = await messages.RateAsync(code ?? "", satisfaction, comment, ct);
        if (r.Ok) Flash = "感谢您的评价";
        else if (r.Status != ResultStatus.NotFound) RateError = r.Message;
        await LookAsync(ct);
        return Page();
    }

    private async Task LookAsync(CancellationToken ct)
    {
        var typed = Code?.Trim();
        Code = null;
        if (string.IsNullOrEmpty(typed)) { Error = "请输入查询码"; return; }
        if (QueryCodes.Normalize(typed) is not { } normalized)
        {
            Error = "查询码格式不正确：查询码由12位字母和数字组成，如 ABCD-EFGH-JK23（可不输入短横线）";
            return;
        }
        Status = await queries.ByQueryCodeAsync(normalized, ct);
        if (Status is null) { Error = "没有找到与该查询码对应的留言，请核对后重新输入"; return; }
        Normalized = normalized;
    }
}
