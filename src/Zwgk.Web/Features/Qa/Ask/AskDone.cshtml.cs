using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>Shown once after asking: the 查询码, the reply deadline and the unit arrive in TempData and are consumed here.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AskDoneModel : PageModel
{
    public const string CodeKey = "QaAsk.QueryCode";
    public const string DueKey = "QaAsk.DueOn";
    public const string RoutedKey = "QaAsk.Unit";
    public string? QueryCode { get; private set; }
    public string? DueOn { get; private set; }
    public string? Unit { get; private set; }

    public void OnGet()
    {
        QueryCode = TempData[CodeKey] as string;
        DueOn = TempData[DueKey] as string;
        Unit = TempData[RoutedKey] as string is { Length: > 0 } u ? u : null;
    }
}
