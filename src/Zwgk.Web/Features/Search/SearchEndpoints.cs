using Zwgk.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Infrastructure.Search;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Search;

/// <summary>The hot word that was pinned or hidden.</summary>
public sealed record HotWordResponse(string Word);
/// <summary>Number of documents in the rebuilt index.</summary>
public sealed record ReindexResponse(int Documents);

public static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/search").WithTags("全站检索");
        pub.MapGet("/", Search).WithSummary("检索（中文、拼音、首字母、通俗语言），返回高亮结果、分面统计、同义扩展与纠错建议");
        pub.MapGet("/suggest", Suggest).WithSummary("输入提示：关键词（支持拼音与首字母）与匹配的文件标题");
        pub.MapGet("/hot", Hot).WithSummary("热门搜索词");

        var admin = app.MapGroup("/api/v1/admin/search").WithTags("全站检索（后台）").RequireAuthorization(Policies.ManageSearch);
        admin.MapGet("/terms", (SearchAdminService s, string? category, string? q, CancellationToken ct) => s.ListTermsAsync(category, q, ct))
            .WithSummary("通俗语言词库");
        admin.MapPost("/terms", async (PlainLanguageInput input, SearchAdminService s, CancellationToken ct) =>
        {
            var r = await s.SaveTermAsync(null, input, ct);
            return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
        }).WithSummary("新增词条");
        admin.MapPut("/terms/{id:int}", async (int id, PlainLanguageInput input, SearchAdminService s, CancellationToken ct) =>
            (await s.SaveTermAsync(id, input, ct)).ToHttp(() => TypedResults.Ok(new IdResponse(id)))).WithSummary("修改词条");
        admin.MapDelete("/terms/{id:int}", async (int id, SearchAdminService s, CancellationToken ct) =>
            (await s.DeleteTermAsync(id, ct)).ToHttp(() => TypedResults.Ok(new IdResponse(id)))).WithSummary("删除词条");
        admin.MapGet("/hotwords", (SearchAdminService s, CancellationToken ct) => s.ListHotWordsAsync(ct)).WithSummary("热词置顶与屏蔽");
        admin.MapPost("/hotwords", async (HotWordInput input, SearchAdminService s, CancellationToken ct) =>
            (await s.SaveHotWordAsync(input, ct)).ToHttp(() => TypedResults.Ok(new HotWordResponse(input.Word ?? "")))).WithSummary("置顶或屏蔽热词");
        admin.MapGet("/status", async (SearchAdminService s, CancellationToken ct) => TypedResults.Ok(await s.StatusAsync(ct))).WithSummary("索引状态");
        admin.MapPost("/reindex", async (SearchAdminService s, CancellationToken ct) =>
        {
            var r = await s.ReindexAsync(ct);
            return r.ToHttp(() => TypedResults.Ok(new ReindexResponse(r.Id ?? 0)));
        }).WithSummary("重建索引（在旁构建后切换，检索不中断）");
    }

    public static async Task<Results<Ok<PortalSearchResult>, ValidationProblem>> Search(SearchService search, SearcherHash searchers, HttpContext http, string? q, string? type, string? topic,
        string? agency, int? year, string? genre, string? validity, int? column, string? sort, int page = 1, bool asis = false, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > 100 }) errors["q"] = ["检索词不能超过100个字"];
        if (page < 1) errors["page"] = ["页码须为正整数"];
        if (sort is not null and not ("relevance" or "date" or "date_asc")) errors["sort"] = ["排序方式须为 relevance、date 或 date_asc"];
        if (year is < 1949 or > 2100) errors["year"] = ["年份不正确"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "检索参数有误");
        var result = await search.SearchAsync(new PortalSearchQuery(q, type, topic, agency, year, genre, validity, column, sort, page, asis), searchers.Of(http), ct);
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<SuggestResult>> Suggest(SearchService search, string? q, CancellationToken ct) =>
        TypedResults.Ok(await search.SuggestAsync(q, ct));

    public static async Task<Ok<IReadOnlyList<string>>> Hot(SearchService search, CancellationToken ct) =>
        TypedResults.Ok(await search.HotWordsAsync(10, ct));
}
