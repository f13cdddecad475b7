using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search.Admin;

/// <summary>New (/admin/search/terms/new, optionally prefilled with ?term=) and edit (/admin/search/terms/{id}/edit) a
/// plain-language entry. The service validates; errors come back in Chinese next to each field with the input kept.</summary>
[Authorize(Policy = Policies.ManageSearch)]
public sealed class TermEditModel(SearchAdminService admin) : AdminPageModel
{
    public sealed class TermInput
    {
        [Display(Name = "分类")]
        public string? Category { get; set; }

        [Display(Name = "通俗说法")]
        public string? Term { get; set; }

        [Display(Name = "规范用语")]
        public string? Official { get; set; }

        [Display(Name = "启用")]
        public bool Enabled { get; set; } = true;
    }

    [BindProperty] public TermInput Input { get; set; } = new();
    public int? TermId { get; private set; }
    public bool IsNew => TermId is null;
    public List<string> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, string? term, string? category, CancellationToken ct)
    {
        if (id is int existing)
        {
            var t = await admin.GetTermAsync(existing, ct);
            if (t is null) return NotFound();
            TermId = t.Id;
            Input = new TermInput { Category = t.Category, Term = t.Term, Official = string.Join("\n", t.Official), Enabled = t.Enabled };
        }
        else
        {
            Input.Term = term?.Trim();
            Input.Category = category?.Trim();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        TermId = id;
        var r = await admin.SaveTermAsync(id, new PlainLanguageInput(Input.Category, Input.Term, Input.Official, Input.Enabled), ct);
        if (r.Status is ResultStatus.NotFound or ResultStatus.Forbidden) return ResultPage(r);
        if (!r.Ok)
        {
            AddErrors(r);
            await LoadAsync(ct);
            return Page();
        }
        Flash = $"已{(id is null ? "新增" : "保存")}词条“{Input.Term?.Trim()}”";
        return Redirect(TermsModel.Link(Input.Category?.Trim(), null));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Categories = (await admin.CategoriesAsync(ct)).Select(c => c.Category).ToList();
}
