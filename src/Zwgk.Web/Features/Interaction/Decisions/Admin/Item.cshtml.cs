using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Decisions.Admin;

/// <summary>One decision: its facts (edited by the 公开办) and its seven stages with evidence (recorded by the lead unit or the 公开办).</summary>
public sealed class DecisionItemModel(DecisionQueries queries, DecisionService service, CurrentUser user) : AdminPageModel
{
    public DecisionView View { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Title)> Consultations { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanManage => user.CanManageCatalog();
    public bool CanRecord => user.CanRecordStages(View.Item.LeadUnitId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.ItemAsync(id, ct) is not { } v) return NotFound();
        View = v;
        Consultations = await queries.ConsultationOptionsAsync(v.Item.LeadUnitId, ct);
        if (CanManage) Units = await queries.UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStageAsync(int id, DecisionStageKind kind, bool applicable, string? notApplicableReason, DateOnly? doneOn,
        int? consultationId, int? documentId, string? meetingRecord, string? evidenceUrl, CancellationToken ct)
    {
        var r = await service.UpdateStageAsync(id, kind, new StageInput(applicable, notApplicableReason, doneOn, consultationId, documentId, meetingRecord, evidenceUrl), ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = $"已保存：{DecisionProgress.Label(kind)}"; else FlashError = r.Message;
        return Redirect($"/admin/decisions/items/{id}#stage-{(int)kind}");
    }

    public async Task<IActionResult> OnPostItemAsync(int id, string? name, int leadUnitId, string? legalBasis, DateOnly? plannedCompletion, DecisionStatus status, string? note, CancellationToken ct)
    {
        var r = await service.UpdateItemAsync(id, new DecisionInput(name, leadUnitId, legalBasis, plannedCompletion, status, note), ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = "已保存"; else FlashError = r.Message;
        return Redirect($"/admin/decisions/items/{id}");
    }
}
