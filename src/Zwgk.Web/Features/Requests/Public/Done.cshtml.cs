using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Requests.Public;

/// <summary>
/// Shown once after a successful submission: the case number and the 查询码 arrive in TempData (the default cookie
/// provider, protected by ASP.NET Core data protection, so encrypted and signed) and are consumed by this request;
/// a reload or a later visit shows only how to follow the case. Never cached.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DoneModel : PageModel
{
    public const string CaseKey = "Ysq.CaseNumber";
    public const string CodeKey = "Ysq.QueryCode";
    public const string UnitKey = "Ysq.Unit";

    public string? CaseNumber { get; private set; }
    public string? QueryCode { get; private set; }
    public string? Unit { get; private set; }

    public void OnGet()
    {
        CaseNumber = TempData[CaseKey] as string;
        QueryCode = TempData[CodeKey] as string;
        Unit = TempData[UnitKey] as string;
    }
}
