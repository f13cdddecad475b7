using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Decisions.Admin;

/// <summary>A year's catalog: its items with progress and flags; the 公开办 adds items and publishes the catalog.</summary>
public sealed class DecisionCatalogModel(DecisionQueries queries, DecisionService service, CurrentUser user) : AdminPageModel
{
    public CatalogView View { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanManage => user.CanManageCatalog();
    public bool CanPublish => user.CanPublishCatalog();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.CatalogAsync(id, ct) is not { } v) return NotFound();
        View = v;
        if (CanManage) Units = await queries.UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, string? name, int leadUnitId, string? legalBasis, DateOnly? plannedCompletion, CancellationToken ct)
    {
        var r = await service.AddItemAsync(id, new DecisionInput(name, leadUnitId, legalBasis, plannedCompletion, DecisionStatus.Planned, null), ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = "已列入目录"; else FlashError = r.Message;
        return Redirect($"/admin/decisions/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken ct)
    {
        var r = await service.PublishCatalogAsync(id, publish, ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = publish ? "目录已在网站公开" : "已撤回公开"; else FlashError = r.Message;
        return Redirect($"/admin/decisions/{id}");
    }
}
