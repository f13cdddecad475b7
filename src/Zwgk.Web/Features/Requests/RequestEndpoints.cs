using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Requests.Library;

namespace Zwgk.Web.Features.Requests;

/// <summary>The applicant's receipt of an online submission: case number and 查询码 (shown once).</summary>
public sealed record SubmissionResponse(string CaseNumber, string QueryCode);

public static class RequestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/requests").WithTags("依申请公开（公众）");
        pub.MapPost("/", Submit).RequireRateLimiting(PublicFormLimits.Submit).WithSummary("提交政府信息公开申请（网上申请，得到受理编号和查询码）");
        pub.MapGet("/{code}", Status).RequireRateLimiting(PublicFormLimits.Lookup).WithSummary("凭查询码查询办理进度和答复");
        pub.MapGet("/{code}/files/{fileId:int}", ReleasedFile).RequireRateLimiting(PublicFormLimits.Lookup).WithSummary("凭查询码下载答复提供的政府信息");

        var admin = app.MapGroup("/api/v1/admin/requests").WithTags("依申请公开（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapPost("/", Register).WithSummary("登记申请（其他渠道：channel 当面/邮寄/网络/传真，receivedOn 为收到申请之日）");
        admin.MapPost("/register", RegisterByStaff).WithSummary("登记当面、邮寄、传真等渠道收到的申请（按渠道填写收到日期依据）");
        admin.MapGet("/", List).WithSummary("申请列表（view: Open, Unconfirmed, ToReview, Correction, Processing, Approval, DueSoon, Overdue, LongOverdue, Closed, All）");
        admin.MapGet("/by-unit", async (RequestQueries q, CancellationToken ct) => TypedResults.Ok(await q.ByUnitAsync(ct))).WithSummary("各单位在办、即将到期、超期、严重超期件数");
        admin.MapGet("/{id:int}", Details).WithSummary("申请详情（申请人信息已遮盖）");
        admin.MapPost("/{id:int}/applicant", Reveal).WithSummary("查看申请人完整信息（仅承办人员，记入审计日志）");
        admin.MapPost("/{id:int}/confirm", (int id, DateRequest r, RequestService s, CancellationToken ct) => Run(s.ConfirmReceiptAsync(id, r.On, ct))).WithSummary("确认收到网上申请（开始计时）");
        admin.MapPost("/{id:int}/accept", (int id, AcceptRequest r, RequestService s, CancellationToken ct) => Run(s.AcceptAsync(id, r.HandlerUserId, ct))).WithSummary("审核通过并分办");
        admin.MapPost("/{id:int}/assign", (int id, AcceptRequest r, RequestService s, CancellationToken ct) => Run(s.AssignAsync(id, r.HandlerUserId, ct))).WithSummary("更换承办人");
        admin.MapPost("/{id:int}/transfer", (int id, TransferRequest r, RequestService s, CancellationToken ct) => Run(s.TransferAsync(id, r.UnitId, r.Note, ct))).WithSummary("转其他单位办理");
        admin.MapPost("/{id:int}/correction", (int id, CorrectionRequest r, RequestService s, CancellationToken ct) => Run(s.RequestCorrectionAsync(id, r, ct))).WithSummary("告知补正（收到申请7个工作日内，一次）");
        admin.MapPost("/{id:int}/correction/received", (int id, CorrectionReceipt r, RequestService s, CancellationToken ct) => Run(s.ReceiveCorrectionAsync(id, r, ct))).WithSummary("收到补正（重新计时）");
        admin.MapPost("/{id:int}/consultations", (int id, ConsultationRequest r, RequestService s, CancellationToken ct) => Run(s.StartConsultationAsync(id, r, ct))).WithSummary("征求第三方或其他机关意见（15个工作日，不计入答复期限）");
        admin.MapPost("/{id:int}/consultations/{consultationId:int}/answer", (int id, int consultationId, ConsultationReply r, RequestService s, CancellationToken ct) => Run(s.AnswerConsultationAsync(id, consultationId, r, ct))).WithSummary("登记征求意见的答复");
        admin.MapPost("/{id:int}/extension", (int id, ExtensionRequest r, RequestService s, CancellationToken ct) => Run(s.ExtendAsync(id, r, ct))).WithSummary("批准延期（最长20个工作日，负责人批准）");
        admin.MapPost("/{id:int}/reasons", (int id, DateRequest r, RequestService s, CancellationToken ct) => Run(s.RequestReasonsAsync(id, r, ct))).WithSummary("要求申请人说明理由（条例第三十五条）");
        admin.MapPost("/{id:int}/reasons/assessment", (int id, ReasonAssessment r, RequestService s, CancellationToken ct) => Run(s.AssessReasonsAsync(id, r, ct))).WithSummary("审查申请人说明的理由");
        admin.MapPost("/{id:int}/fees", (int id, FeeRequest r, RequestService s, CancellationToken ct) => Run(s.IssueFeeAsync(id, r, ct))).WithSummary("发出收费通知（按件或按量，金额按办法计算）");
        admin.MapPost("/{id:int}/fees/{feeId:int}/paid", (int id, int feeId, DateRequest r, RequestService s, CancellationToken ct) => Run(s.RecordPaymentAsync(id, feeId, r.On, ct))).WithSummary("登记缴费");
        admin.MapPost("/{id:int}/fees/{feeId:int}/reduce", (int id, int feeId, FeeReduction r, RequestService s, CancellationToken ct) => Run(s.ReduceFeeAsync(id, feeId, r, ct))).WithSummary("减免（须有地方规定，写明理由）");
        admin.MapPost("/{id:int}/reply", (int id, ReplyDraft r, RequestService s, CancellationToken ct) => Run(s.DraftReplyAsync(id, r, ct))).WithSummary("拟定答复（办理结果及答复内容）");
        admin.MapPost("/{id:int}/reply/approve", (int id, ReplyApproval r, RequestService s, CancellationToken ct) => Run(s.ApproveReplyAsync(id, r, ct))).WithSummary("审批答复（拟稿人以外的负责人）");
        admin.MapPost("/{id:int}/reply/return", (int id, ReviewRequest r, RequestService s, CancellationToken ct) => Run(s.ReturnReplyAsync(id, r.Comment, ct))).WithSummary("退回答复");
        admin.MapPost("/{id:int}/topic", (int id, TopicRequest r, RequestService s, CancellationToken ct) => Run(s.SetTopicAsync(id, r.Topic, ct))).WithSummary("设置主题（用于分析）");
        admin.MapPost("/{id:int}/archive", (int id, ArchiveRequest r, RequestService s, CancellationToken ct) => Run(s.ArchiveAsync(id, r.ArchiveNumber, ct))).WithSummary("归档");
        admin.MapPost("/{id:int}/challenges", (int id, ChallengeRequest r, RequestService s, CancellationToken ct) => Run(s.RecordChallengeAsync(id, r, ct))).WithSummary("登记行政复议、行政诉讼及结果");
        admin.MapPost("/{id:int}/files", UploadFile).WithSummary("上传材料（kind: Application 申请材料, Released 提供的信息, CasePaper 办理材料）")
            .Accepts<Stream>("application/octet-stream").WithMetadata(new AttachmentUploadAttribute());

        app.MapGet("/admin/requests/{id:int}/files/{fileId:int}", AdminFile).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
    }

    public static async Task<Results<Created<SubmissionResponse>, ProblemHttpResult, ValidationProblem>> Submit(ApplicationInput input, RequestService s, CancellationToken ct)
    {
        var (result, response) = await s.SubmitAsync(input, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/requests/{response!.QueryCode}", new SubmissionResponse(response.CaseNumber, response.QueryCode)));
    }

    public static async Task<Results<Ok<PublicRequestStatus>, ProblemHttpResult>> Status(string code, RequestQueries q, CancellationToken ct) =>
        await q.ByQueryCodeAsync(code, ct) is { } s ? TypedResults.Ok(s) : TypedResults.Problem("查询码不正确，请核对后重试", statusCode: 404, title: "未找到申请");

    public static async Task<Results<FileStreamHttpResult, NotFound>> ReleasedFile(string code, int fileId, RequestQueries q, ContentStore store, CancellationToken ct)
    {
        var f = await q.ReleasedFileAsync(code, fileId, ct);
        if (f is null || store.Open(f.Sha256) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, f.ContentType, f.FileName);
    }

    public static async Task<Results<Created<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> Register(ApiRegistration input, RequestService s, CancellationToken ct)
    {
        var (result, response) = await s.RegisterFromApiAsync(input, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/admin/requests/{response!.Id}", response));
    }

    public static async Task<Results<Created<RegistrationResponse>, ProblemHttpResult, ValidationProblem>> RegisterByStaff(RegistrationInput input, RequestService s, CancellationToken ct)
    {
        var (result, response) = await s.RegisterAsync(input, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/admin/requests/{response!.Id}", response));
    }

    public static async Task<Results<Ok<PagedResult<RequestListItem>>, ForbidHttpResult>> List(RequestQueries q, CurrentUser user, RequestListView? view, int? unit,
        [FromQuery(Name = "q")] string? text, int? year, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (!user.CanWork()) return TypedResults.Forbid();
        return TypedResults.Ok(await q.ListAsync(new RequestListFilter(view ?? RequestListView.Open, unit, text, year, page, pageSize), ct));
    }

    public static async Task<Results<Ok<RequestDetails>, NotFound>> Details(int id, RequestQueries q, CancellationToken ct) =>
        await q.DetailsAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public sealed record RevealRequest(string? Purpose);

    public static async Task<Results<Ok<ApplicantView>, ProblemHttpResult, ValidationProblem>> Reveal(int id, RevealRequest r, RequestService s, CancellationToken ct)
    {
        var (result, applicant) = await s.RevealApplicantAsync(id, string.IsNullOrWhiteSpace(r.Purpose) ? "办理需要" : r.Purpose.Trim()[..Math.Min(r.Purpose.Trim().Length, 100)], ct);
        return result.ToHttp(() => TypedResults.Ok(applicant!));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> UploadFile(int id, RequestFileKind? kind, string? fileName, HttpRequest request,
        RequestService s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return TypedResults.Problem("请提供文件名（fileName）", statusCode: 400, title: "请求有误");
        var r = await s.AddFileAsync(id, kind ?? RequestFileKind.CasePaper, request.Body, fileName, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    public static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> AdminFile(int id, int fileId, RequestService s, ContentStore store, CancellationToken ct)
    {
        var (result, file) = await s.OpenFileAsync(id, fileId, ct);
        if (result.Status == ResultStatus.Forbidden) return TypedResults.Problem(result.Message, statusCode: 403, title: "没有权限");
        if (file is null || store.Open(file.Sha256) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class RequestsExtensions
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestService>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<Notices.NoticeService>();
        services.AddCaseLibrary();
        return services;
    }

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        RequestEndpoints.Map(app);
        Notices.NoticeEndpoints.Map(app);
        Library.LibraryEndpoints.Map(app);
        return app;
    }
}
