using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages.Admin;

/// <summary>
/// One message: its text, the writer (full only to the 公开办 and the handling unit, each view audited), deadlines, history,
/// and a form for each step the state and the user's role allow. A message outside the user's scope is 404.
/// </summary>
public sealed class DetailsModel(MessageQueries queries, MessageService service, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public MessageDetails Message { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public string? MyUserId => user.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages() || await queries.DetailsAsync(Id, ct) is not { } d) return NotFound();
        Message = d;
        if (d.IsOffice)
            Units = (await db.Units.AsNoTracking().Where(u => u.IsActive && u.Id != d.UnitId).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostRouteAsync(int unitId, string? note, CancellationToken ct) => Run(service.RouteAsync(Id, unitId, note, ct), "已分办");
    public Task<IActionResult> OnPostReturnAsync(string? reason, CancellationToken ct) => Run(service.ReturnToOfficeAsync(Id, reason, ct), "已退回公开办", toList: true);
    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) => Run(service.AcknowledgeAsync(Id, ct), "已签收");
    public Task<IActionResult> OnPostDraftAsync(string? text, CancellationToken ct) => Run(service.DraftReplyAsync(Id, text, ct), "答复已提交审核");
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Run(service.ApproveReplyAsync(Id, ct), "答复已审核通过");
    public Task<IActionResult> OnPostReturnReplyAsync(string? comment, CancellationToken ct) => Run(service.ReturnReplyAsync(Id, comment, ct), "已退回修改");
    public Task<IActionResult> OnPostPublishAsync(bool publish, CancellationToken ct) => Run(service.SetPublishAsync(Id, publish, ct), publish ? "已同意公开" : "已设为不公开");
    public Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct) => Run(service.RejectAsync(Id, reason, ct), "已不予受理");
    public Task<IActionResult> OnPostDuplicateAsync(bool confirm, CancellationToken ct) =>
        Run(confirm ? service.ConfirmDuplicateAsync(Id, ct) : service.ClearDuplicateAsync(Id, ct), confirm ? "已确认为重复留言" : "已取消重复标记");
    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) => Run(service.ReleaseHoldAsync(Id, ct), "已解除暂缓公开");

    private async Task<IActionResult> Run(Task<ServiceResult> step, string done, bool toList = false)
    {
        if (!user.CanWorkMessages()) return NotFound();
        var r = await step;
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = done;
        else FlashError = r.Message;
        return Redirect(toList && r.Ok ? "/admin/messages" : $"/admin/messages/{Id}");
    }
}
