using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations.Admin;

/// <summary>
/// One consultation for staff: publish it, moderate the comments (names and contacts masked here; the full ones are on the
/// audited contact page), merge comments into opinion groups, decide adoption with reasons, publish the 采纳情况反馈 and link
/// the final document. Every action goes through <see cref="ConsultationService"/>, which checks permissions and audits.
/// </summary>
public sealed class ConsultationAdminModel(ConsultationService service, ConsultationQueries queries) : AdminPageModel
{
    public StaffConsultationView View { get; private set; } = null!;
    public static readonly Adoption[] Decisions = [Adoption.Adopted, Adoption.PartlyAdopted, Adoption.NotAdopted, Adoption.OutOfScope];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.StaffDetailAsync(id, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }

    private IActionResult Done(int id, ServiceResult r, string ok)
    {
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = ok; else FlashError = r.Message;
        return Redirect($"/admin/consultations/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        Done(id, await service.PublishAsync(id, ct), "已发布，公众可在网站查看并提交意见");

    public async Task<IActionResult> OnPostModerateAsync(int id, int commentId, bool makePublic, string? reason, CancellationToken ct) =>
        Done(id, await service.ModerateAsync(commentId, makePublic, reason, ct), makePublic ? "已审核：公开" : "已审核：不予公开");

    public async Task<IActionResult> OnPostDecideAsync(int id, int commentId, Adoption adoption, string? reason, CancellationToken ct) =>
        Done(id, await service.DecideAsync(commentId, adoption, reason, ct), "已记录采纳情况");

    public async Task<IActionResult> OnPostGroupAsync(int id, string? summary, List<int>? commentIds, CancellationToken ct) =>
        Done(id, await service.GroupAsync(id, summary, commentIds ?? [], ct), "已归并为意见组");

    public async Task<IActionResult> OnPostDecideGroupAsync(int id, int groupId, Adoption adoption, string? reason, CancellationToken ct) =>
        Done(id, await service.DecideGroupAsync(groupId, adoption, reason, ct), "已记录意见组的采纳情况");

    public async Task<IActionResult> OnPostUngroupAsync(int id, int groupId, CancellationToken ct) =>
        Done(id, await service.UngroupAsync(groupId, ct), "已撤销意见组");

    public async Task<IActionResult> OnPostFeedbackAsync(int id, string? feedbackText, CancellationToken ct) =>
        Done(id, await service.PublishFeedbackAsync(id, feedbackText, ct), "已发布采纳情况反馈");

    public async Task<IActionResult> OnPostFinalDocumentAsync(int id, int? documentId, CancellationToken ct) =>
        Done(id, await service.LinkFinalDocumentAsync(id, documentId, ct), documentId is null ? "已取消关联正式文件" : "已关联正式文件");
}
