using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Public;

/// <summary>
/// 查询或取消报名 with the 查询码: posted, never in the URL; each attempt counts against the lookup limit. Shows the booking
/// with name and phone masked; a booking still ahead of the event can be cancelled, which frees its places at once.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Lookup)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class QueryModel(OpenDayService service) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public RegistrationView? Registration { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    /// <summary>The code for the cancel form of this answer only.</summary>
    public string? Normalized { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Read() is not { } code) return Page();
        Registration = await service.LookupAsync(code, ct);
        if (Registration is null) Error = "没有找到与该查询码对应的报名，请核对后重新输入";
        else Normalized = code;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (Read() is not { } code) return Page();
        var r = await service.CancelByCodeAsync(code, ct);
        if (r.Status == ResultStatus.NotFound) { Error = "没有找到与该查询码对应的报名，请核对后重新输入"; return Page(); }
        if (!r.Ok) Error = r.Message;
        else Message = "报名已取消，名额已释放。";
        Registration = await service.LookupAsync(code, ct);
        Normalized = code;
        return Page();
    }

    private string? Read()
    {
        var typed = Code?.Trim();
        Code = null;
        if (string.IsNullOrEmpty(typed)) { Error = "请输入查询码"; return null; }
        if (QueryCodes.Normalize(typed) is not { } normalized)
        {
            Error = "查询码格式不正确：查询码由12位字母和数字组成，如 ABCD-EFGH-JK23（可不输入短横线）";
            return null;
        }
        return normalized;
    }
}
