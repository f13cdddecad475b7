using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Shared;

/// <summary>Base for every back-office page: requires a back-office role; uses the admin layout.</summary>
[Authorize(Policy = Policies.BackOffice)]
public abstract class AdminPageModel : PageModel
{
    /// <summary>One-shot message shown after a redirect (操作成功 …).</summary>
    [TempData] public string? Flash { get; set; }

    /// <summary>One-shot refusal or warning shown after a redirect, styled as an error.</summary>
    [TempData] public string? FlashError { get; set; }

    /// <summary>Copies service errors into ModelState under the given prefix so the form shows them next to fields.</summary>
    protected void AddErrors(ServiceResult result, string prefix = "Input")
    {
        foreach (var (key, message) in result.Errors)
            ModelState.AddModelError(key.Length == 0 ? "" : $"{prefix}.{key}", message);
    }

    protected IActionResult ResultPage(ServiceResult r) => r.Status switch
    {
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Forbidden => Forbid(),
        _ => Page(),
    };
}
