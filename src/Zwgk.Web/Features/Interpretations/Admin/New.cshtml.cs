using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations.Admin;

/// <summary>"为本文件新建解读": creates the draft interpretation and opens its editor.</summary>
public sealed class NewModel(InterpretationService interpretations) : AdminPageModel
{
    public IActionResult OnGet() => Redirect("/admin/interpretations");

    public async Task<IActionResult> OnPostAsync(int policyId, CancellationToken ct)
    {
        var r = await interpretations.CreateForPolicyAsync(policyId, ct);
        if (r.Ok)
        {
            Flash = "已新建解读草稿：请填写正文和解读信息，然后提交审核";
            return Redirect($"/admin/interpretations/{r.Id}");
        }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Status == ResultStatus.Forbidden) return StatusCode(StatusCodes.Status403Forbidden, r.Message);
        FlashError = r.Message;
        return Redirect($"/admin/documents/{policyId}");
    }
}
