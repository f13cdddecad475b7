using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>Shown once after writing: the 查询码 and the reply deadline arrive in TempData (protected cookie) and are consumed here.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DoneModel : PageModel
{
    public const string CodeKey = "Msg.QueryCode";
    public const string DueKey = "Msg.DueOn";
    public string? QueryCode { get; private set; }
    public string? DueOn { get; private set; }

    public void OnGet()
    {
        QueryCode = TempData[CodeKey] as string;
        DueOn = TempData[DueKey] as string;
    }
}
