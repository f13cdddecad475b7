using Microsoft.AspNetCore.Http.HttpResults;

namespace Zwgk.Web.Features.Requests.Notices;

/// <summary>The notices a case can print, for the case page: each links to /admin/requests/{id}/notices/{kind}[?item=].</summary>
public sealed record NoticeListResponse(IReadOnlyList<NoticeLink> Notices, bool CanOpen);

public static class NoticeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/admin/requests").WithTags("依申请公开（后台）").RequireAuthorization(Security.Policies.BackOffice)
            .MapGet("/{id:int}/notices", List).WithSummary("该申请当前可生成的文书（打印页面地址；canOpen 表示当前用户能否打开含申请人信息的文书）");
    }

    public static async Task<Results<Ok<NoticeListResponse>, NotFound>> List(int id, NoticeService notices, CancellationToken ct) =>
        await notices.AvailableAsync(id, ct) is { } a ? TypedResults.Ok(new NoticeListResponse(a.Links, a.CanOpen)) : TypedResults.NotFound();
}
