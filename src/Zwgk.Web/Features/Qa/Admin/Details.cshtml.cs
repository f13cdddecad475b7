using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Audit;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Admin;

/// <summary>One entry with the steps its state and the user's role allow, and its audit history. Outside the user's scope: 404.</summary>
public sealed class DetailsModel(QaQueries queries, QaService service, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public QaDetails Item { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public string? MyUserId => user.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkQa() || await queries.DetailsAsync(Id, ct) is not { } d) return NotFound();
        Item = d;
        var key = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == QaService.EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int? version, CancellationToken ct) => Run(service.SubmitAsync(Id, version, ct), "已提交审核");
    public Task<IActionResult> OnPostApproveAsync(int? version, CancellationToken ct) => Run(service.ApproveAsync(Id, version, ct), "已审核通过并发布");
    public Task<IActionResult> OnPostReturnAsync(int? version, string? comment, CancellationToken ct) => Run(service.ReturnAsync(Id, comment, version, ct), "已退回修改");
    public Task<IActionResult> OnPostPublishAsync(int? version, CancellationToken ct) => Run(service.PublishAsync(Id, version, ct), "已重新发布");
    public Task<IActionResult> OnPostWithdrawAsync(int? version, CancellationToken ct) => Run(service.WithdrawAsync(Id, version, ct), "已撤下");
    public Task<IActionResult> OnPostReconfirmAsync(int? version, CancellationToken ct) => Run(service.ReconfirmAsync(Id, version, ct), "已复核确认，复核日期已顺延");

    private async Task<IActionResult> Run(Task<ServiceResult> step, string done)
    {
        if (!user.CanWorkQa()) return NotFound();
        var r = await step;
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = done;
        else FlashError = r.Message;
        return Redirect($"/admin/qa/{Id}");
    }
}
