using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search.Admin;

/// <summary>Asks before deleting a dictionary entry (works without JavaScript: the confirmation is a page, the delete a POST).</summary>
[Authorize(Policy = Policies.ManageSearch)]
public sealed class TermDeleteModel(SearchAdminService admin) : AdminPageModel
{
    public PlainLanguageView Term { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await admin.GetTermAsync(id, ct) is not { } t) return NotFound();
        Term = t;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await admin.GetTermAsync(id, ct) is not { } t) return NotFound();
        Term = t;
        var r = await admin.DeleteTermAsync(id, ct);
        if (!r.Ok)
        {
            AddErrors(r);
            return ResultPage(r);
        }
        Flash = $"已删除词条“{t.Term}”";
        return Redirect(TermsModel.Link(t.Category, null));
    }
}
