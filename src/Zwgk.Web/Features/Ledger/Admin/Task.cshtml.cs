using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger.Admin;

/// <summary>One task: requirement, units as written and as assigned, milestones, each unit's log, and the forms the user may use.</summary>
[AttachmentUpload]
public sealed class TaskModel(LedgerQueries queries, LedgerService service, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public TaskDetail Detail { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public DateOnly Today => service.Today;
    public bool MayReportFor(int unitId) => user.CanReportFor(unitId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var d = await queries.TaskAsync(Id, ct);
        if (d is null) return false;
        Detail = d;
        if (d.CanManage)
            Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
        return true;
    }

    public async Task<IActionResult> OnPostReportAsync(int assignmentId, string? text, bool markDone, string? links, string? documentIds, int[]? milestones,
        List<IFormFile>? files, CancellationToken ct)
    {
        if (!await PartOfThisTaskAsync(assignmentId, ct)) return NotFound();
        var ids = new List<int>();
        foreach (var part in (documentIds ?? "").Split([',', '，', ' ', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var id)) { FlashError = $"文件编号应为数字：{Formats.Cut(part, 20)}"; return Redirect($"/admin/ledger/tasks/{Id}"); }
            ids.Add(id);
        }
        var uploads = (files ?? []).Where(f => f.Length > 0).Select(f => new EvidenceUpload(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var input = new ProgressInput(text, markDone, ids, (links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), uploads, milestones);
            return Done(await service.ReportAsync(assignmentId, input, ct), markDone ? "已报送完成，等待政务公开办核查" : "已报送进展");
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int assignmentId, string? reason, CancellationToken ct) =>
        !await PartOfThisTaskAsync(assignmentId, ct) ? NotFound() : Done(await service.WithdrawDoneAsync(assignmentId, reason, ct), "已撤回完成报送");

    public async Task<IActionResult> OnPostVerifyAsync(int assignmentId, bool pass, string? comment, CancellationToken ct) =>
        !await PartOfThisTaskAsync(assignmentId, ct) ? NotFound() : Done(await service.VerifyAsync(assignmentId, pass, comment, ct), pass ? "核查通过" : "已退回整改");

    public async Task<IActionResult> OnPostAssignAsync(int unitId, bool isLead, CancellationToken ct) =>
        Done(await service.AssignAsync(Id, unitId, isLead, ct), "已调整责任单位");

    public async Task<IActionResult> OnPostUnassignAsync(int assignmentId, CancellationToken ct) =>
        !await PartOfThisTaskAsync(assignmentId, ct) ? NotFound() : Done(await service.UnassignAsync(assignmentId, ct), "已移除该单位");

    /// <summary>A part posted to another task's page is refused like a missing one, so the page never acts on, or lands on, the wrong task.</summary>
    private Task<bool> PartOfThisTaskAsync(int assignmentId, CancellationToken ct) =>
        db.LedgerAssignments.AnyAsync(a => a.Id == assignmentId && a.TaskId == Id, ct);

    public async Task<IActionResult> OnPostEditAsync(string? requirement, string? deadlineText, bool isPublic, CancellationToken ct) =>
        Done(await service.EditAsync(Id, requirement, deadlineText, isPublic, ct), "已保存");

    public async Task<IActionResult> OnPostCloseAsync(string? note, CancellationToken ct) => Done(await service.CloseAsync(Id, note, ct), "已销号");

    public async Task<IActionResult> OnPostReopenAsync(string? reason, CancellationToken ct) => Done(await service.ReopenAsync(Id, reason, ct), "已撤销销号");

    private IActionResult Done(ServiceResult r, string message)
    {
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = message; else FlashError = r.Message;
        return Redirect($"/admin/ledger/tasks/{Id}");
    }
}
