using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages;

public sealed record MessageRegistered(int Id, string QueryCode, string DueOn);
public sealed record MessageSubmitted(string QueryCode, string DueOn);
/// <summary>POST /api/v1/messages body (the portal form's fields).</summary>
public sealed record PublicMessageBody(string? Type, string? Title, string? Content, string? Name, string? Contact, bool? Public, string? Unit, string? Email, string? PageUrl);
public sealed record UnitChoice(int UnitId, string? Note);
public sealed record TextBody(string? Text);

public static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/messages").WithTags("网友留言（公众）");
        pub.MapPost("/", Submit).RequireRateLimiting(PublicFormLimits.Submit).WithSummary("写留言（得到查询码和答复期限）");
        pub.MapGet("/{code}", Status).RequireRateLimiting(PublicFormLimits.Lookup).WithSummary("凭查询码查看留言、办理状态和答复（联系方式已遮盖）");

        var admin = app.MapGroup("/api/v1/admin/messages").WithTags("网友留言（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapPost("/", Register).WithSummary("登记12345热线等渠道转来的留言（channel, type, receivedOn YYYY-MM-DD, name, contact, title, content, unit 可选）");
        admin.MapGet("/", List).WithSummary("留言列表（本单位范围，姓名已遮盖）");
        admin.MapGet("/{id:int}", Details).WithSummary("留言详情（仅公开办和办理单位可见完整留言人信息，记入审计日志）");
        admin.MapPost("/{id:int}/route", (int id, UnitChoice r, MessageService s, CancellationToken ct) => Run(s.RouteAsync(id, r.UnitId, r.Note, ct))).WithSummary("分办或转办（公开办）");
        admin.MapPost("/{id:int}/return", (int id, TextBody r, MessageService s, CancellationToken ct) => Run(s.ReturnToOfficeAsync(id, r.Text, ct))).WithSummary("退回公开办（非本单位职责）");
        admin.MapPost("/{id:int}/acknowledge", (int id, MessageService s, CancellationToken ct) => Run(s.AcknowledgeAsync(id, ct))).WithSummary("签收");
        admin.MapPost("/{id:int}/reply", (int id, TextBody r, MessageService s, CancellationToken ct) => Run(s.DraftReplyAsync(id, r.Text, ct))).WithSummary("拟定答复");
        admin.MapPost("/{id:int}/reply/approve", (int id, MessageService s, CancellationToken ct) => Run(s.ApproveReplyAsync(id, ct))).WithSummary("审核通过答复（拟稿人以外）");
        admin.MapPost("/{id:int}/reply/return", (int id, TextBody r, MessageService s, CancellationToken ct) => Run(s.ReturnReplyAsync(id, r.Text, ct))).WithSummary("退回答复修改");
        admin.MapPost("/{id:int}/publish", (int id, MessageService s, CancellationToken ct) => Run(s.SetPublishAsync(id, true, ct))).WithSummary("同意公开");
        admin.MapPost("/{id:int}/unpublish", (int id, MessageService s, CancellationToken ct) => Run(s.SetPublishAsync(id, false, ct))).WithSummary("不公开");
        admin.MapPost("/{id:int}/reject", (int id, TextBody r, MessageService s, CancellationToken ct) => Run(s.RejectAsync(id, r.Text, ct))).WithSummary("不予受理");
        admin.MapGet("/reminders", async (MessageQueries q, CancellationToken ct) => TypedResults.Ok(await q.RemindersAsync(ct))).WithSummary("超期和即将到期的留言");
    }

    public static async Task<Results<Created<MessageSubmitted>, ProblemHttpResult, ValidationProblem>> Submit(PublicMessageBody body, MessageService s, CancellationToken ct)
    {
        var (result, created) = await s.SubmitAsync(new MessageInput
        {
            Type = body.Type, Title = body.Title, Content = body.Content, Name = body.Name, Contact = body.Contact, Public = body.Public, Unit = body.Unit,
            Email = body.Email, PageUrl = body.PageUrl,
        }, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/messages/{created!.QueryCode}", new MessageSubmitted(created.QueryCode, created.DueOn)));
    }

    public static async Task<Results<Ok<MessageStatusView>, ProblemHttpResult>> Status(string code, MessageQueries q, CancellationToken ct) =>
        await q.ByQueryCodeAsync(code, ct) is { } v ? TypedResults.Ok(v) : TypedResults.Problem("查询码不正确，请核对后重试", statusCode: 404, title: "未找到留言");

    public static async Task<Results<Created<MessageRegistered>, ProblemHttpResult, ValidationProblem>> Register(MessageInput input, MessageService s, CancellationToken ct)
    {
        var (result, created) = await s.RegisterAsync(input, ct);
        return result.ToHttp(() => TypedResults.Created($"/api/v1/admin/messages/{created!.Id}", new MessageRegistered(created.Id, created.QueryCode, created.DueOn)));
    }

    public static async Task<Results<Ok<PagedResult<MessageListItem>>, ForbidHttpResult>> List(MessageQueries q, CurrentUser user, MessageState? state, MessageType? type, int? unit,
        bool? overdue, bool? held, [FromQuery(Name = "q")] string? text, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (!user.CanWorkMessages()) return TypedResults.Forbid();
        return TypedResults.Ok(await q.ListAsync(new MessageListFilter(state, type, unit, overdue ?? false, held ?? false, false, text, page, pageSize), ct));
    }

    public static async Task<Results<Ok<MessageDetails>, ProblemHttpResult>> Details(int id, MessageQueries q, CancellationToken ct) =>
        await q.DetailsAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.Problem("留言不存在或无权访问", statusCode: 404, title: "记录不存在");

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> task)
    {
        var r = await task;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }
}

public static class MessagesExtensions
{
    public static IServiceCollection AddMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessageTimeLimitOptions>().Bind(configuration.GetSection(MessageTimeLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessageOptions>().Bind(configuration.GetSection(MessageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MessageService>();
        services.AddScoped<MessageQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        MessageEndpoints.Map(app);
        return app;
    }
}
