using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Requests.Notices;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Admin;

/// <summary>
/// One case: its data (applicant masked until an audited reveal), the deadline and how it was computed, the history, and
/// a form for every step the case's state allows. Each step posts to a handler that runs the service and comes back here.
/// </summary>
[AttachmentUpload]
public sealed class DetailsModel(RequestQueries queries, RequestService service, NoticeService notices, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    public RequestDetails Case { get; private set; } = null!;
    public ApplicantView? RevealedApplicant { get; private set; }
    public IReadOnlyList<NoticeLink> Notices { get; private set; } = [];
    public bool MayOpenNotices { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public string Today => Formats.IsoDate(service.Today);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!user.CanWork()) return false;
        var d = await queries.DetailsAsync(Id, ct);
        if (d is null) return false;
        Case = d;
        if (await notices.AvailableAsync(Id, ct) is { } n) (Notices, MayOpenNotices) = n;
        if (d.CanAct)
        {
            var handlerRoles = new[] { Roles.RequestOfficer, Roles.UnitAdmin };
            Handlers = (await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where u.IsActive && u.UnitId == d.UnitId && handlerRoles.Contains(r.Name!)
                               select new { u.Id, u.DisplayName }).Distinct().ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).OrderBy(u => u.DisplayName).ToList();
            Units = (await db.Units.AsNoTracking().Where(u => u.IsActive && u.Id != d.UnitId).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
        }
        return true;
    }

    /// <summary>Shows the applicant's full data on this page load only; the view is audited by the service.</summary>
    public async Task<IActionResult> OnPostRevealAsync(string? purpose, CancellationToken ct)
    {
        var (result, applicant) = await service.RevealApplicantAsync(Id, string.IsNullOrWhiteSpace(purpose) ? "办理需要" : purpose.Trim()[..Math.Min(purpose.Trim().Length, 100)], ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (!result.Ok) { FlashError = result.Message; return Redirect($"/admin/requests/{Id}"); }
        if (!await LoadAsync(ct)) return NotFound();
        RevealedApplicant = applicant;
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(DateOnly? on, CancellationToken ct) => Run(service.ConfirmReceiptAsync(Id, on, ct), "已确认收到申请，开始计时");
    public Task<IActionResult> OnPostAcceptAsync(string? handlerUserId, CancellationToken ct) => Run(service.AcceptAsync(Id, handlerUserId, ct), "已审核受理");
    public Task<IActionResult> OnPostAssignAsync(string? handlerUserId, CancellationToken ct) => Run(service.AssignAsync(Id, handlerUserId, ct), "已更换承办人");
    public Task<IActionResult> OnPostTransferAsync(int unitId, string? note, CancellationToken ct) => Run(service.TransferAsync(Id, unitId, note, ct), "已转办", toList: true);
    public Task<IActionResult> OnPostCorrectionAsync(DateOnly? on, string? content, DateOnly? dueOn, CancellationToken ct) =>
        Run(service.RequestCorrectionAsync(Id, new CorrectionRequest(on, content, dueOn), ct), "已告知补正");
    public Task<IActionResult> OnPostCorrectionReceivedAsync(DateOnly? on, string? lateReason, CancellationToken ct) =>
        Run(service.ReceiveCorrectionAsync(Id, new CorrectionReceipt(on, lateReason), ct), "已登记收到补正，答复期限重新计算");
    public Task<IActionResult> OnPostConsultAsync(ConsultationKind kind, string? party, string? matter, DateOnly? sentOn, CancellationToken ct) =>
        Run(service.StartConsultationAsync(Id, new ConsultationRequest(kind, party, matter, sentOn), ct), "已登记征求意见");
    public Task<IActionResult> OnPostConsultAnswerAsync(int consultationId, ConsultationAnswer answer, DateOnly? on, string? text, CancellationToken ct) =>
        Run(service.AnswerConsultationAsync(Id, consultationId, new ConsultationReply(answer, on, text), ct), "已登记征求意见的答复");
    public Task<IActionResult> OnPostExtendAsync(int days, string? reason, CancellationToken ct) => Run(service.ExtendAsync(Id, new ExtensionRequest(days, reason), ct), "已批准延期");
    public Task<IActionResult> OnPostReasonsAsync(DateOnly? on, CancellationToken ct) => Run(service.RequestReasonsAsync(Id, new DateRequest(on, null), ct), "已要求申请人说明理由");
    public Task<IActionResult> OnPostAssessAsync(ReasonFinding finding, DateOnly? longerDueOn, CancellationToken ct) =>
        Run(service.AssessReasonsAsync(Id, new ReasonAssessment(finding, longerDueOn), ct), "已记录理由审查结论");
    public Task<IActionResult> OnPostFeeAsync(FeeMethod method, int quantity, DateOnly? issuedOn, DateOnly? noticeReceivedOn, CancellationToken ct) =>
        Run(service.IssueFeeAsync(Id, new FeeRequest(method, quantity, issuedOn, noticeReceivedOn), ct), "已发出收费通知");
    public Task<IActionResult> OnPostPaidAsync(int feeId, DateOnly? on, CancellationToken ct) => Run(service.RecordPaymentAsync(Id, feeId, on, ct), "已登记缴费");
    public Task<IActionResult> OnPostReduceAsync(int feeId, decimal to, string? reason, CancellationToken ct) => Run(service.ReduceFeeAsync(Id, feeId, new FeeReduction(to, reason), ct), "已记录减免");
    public Task<IActionResult> OnPostReplyAsync(Outcome outcome, string? text, string? referredAgency, CancellationToken ct) =>
        Run(service.DraftReplyAsync(Id, new ReplyDraft(outcome, text, referredAgency), ct), "答复已提交审批");
    public Task<IActionResult> OnPostApproveAsync(DateOnly? repliedOn, CancellationToken ct) => Run(service.ApproveReplyAsync(Id, new ReplyApproval(repliedOn), ct), "答复已审批，已答复");
    public Task<IActionResult> OnPostReturnAsync(string? reason, CancellationToken ct) => Run(service.ReturnReplyAsync(Id, reason, ct), "答复已退回");
    public Task<IActionResult> OnPostArchiveAsync(string? archiveNumber, CancellationToken ct) => Run(service.ArchiveAsync(Id, archiveNumber, ct), "已归档");
    public Task<IActionResult> OnPostChallengeAsync(ChallengeKind kind, Domain.Requests.ChallengeResult result, DateOnly? filedOn, DateOnly? decidedOn, string? body, CancellationToken ct) =>
        Run(service.RecordChallengeAsync(Id, new ChallengeRequest(kind, result, filedOn, decidedOn, body, null), ct), "已登记复议、诉讼情况");
    public Task<IActionResult> OnPostTopicAsync(string? topic, CancellationToken ct) => Run(service.SetTopicAsync(Id, topic, ct), "已设置主题");

    public async Task<IActionResult> OnPostFileAsync(RequestFileKind kind, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) { FlashError = "请选择要上传的文件"; return Redirect($"/admin/requests/{Id}"); }
        await using var stream = file.OpenReadStream();
        return await Run(service.AddFileAsync(Id, kind, stream, file.FileName, ct), "已上传材料");
    }

    private async Task<IActionResult> Run(Task<ServiceResult> step, string done, bool toList = false)
    {
        var r = await step;
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = done;
        else FlashError = r.Message;
        return Redirect(toList && r.Ok ? "/admin/requests" : $"/admin/requests/{Id}");
    }
}
