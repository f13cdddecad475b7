using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Decisions.Admin;

/// <summary>重大行政决策事项目录 by year; the 公开办 creates a year's catalog.</summary>
public sealed class DecisionCatalogsModel(DecisionQueries queries, DecisionService service, CurrentUser user, TimeProvider clock) : AdminPageModel
{
    public IReadOnlyList<CatalogRow> Catalogs { get; private set; } = [];
    public bool CanManage => user.CanManageCatalog();
    public int ThisYear => Formats.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanSeeDecisions()) return Forbid();
        Catalogs = await queries.CatalogsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string? title, int? sourceDocumentId, CancellationToken ct)
    {
        var r = await service.CreateCatalogAsync(new CatalogInput(year, title, sourceDocumentId), ct);
        if (r.Ok) { Flash = "已新建目录"; return Redirect($"/admin/decisions/{r.Id}"); }
        FlashError = r.Message;
        return Redirect("/admin/decisions");
    }
}
