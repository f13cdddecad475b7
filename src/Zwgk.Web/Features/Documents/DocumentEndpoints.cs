using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents;

public sealed record ReviewRequest(string? Comment);
/// <summary>The id of the document (or attachment) a call created or changed.</summary>
public sealed record IdResponse(int Id)
{
    public static IdResponse Of(ServiceResult r) => new(r.Id ?? throw new InvalidOperationException("A successful operation reports the id it changed"));
}
public sealed record RelationRequest(int TargetId, RelationType Type, string? Note);
public sealed record DocumentLookupItem(int Id, string Title, string? DocumentNumber, string? IndexNumber, string Unit, string Status);

public static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/v1/documents").WithTags("政府文件（公开）");
        pub.MapGet("/", ListPublic).WithSummary("已公开文件列表（分页、按栏目/年份/主题/有效性/发文机关筛选）");
        pub.MapGet("/{id:int}", GetPublic).WithSummary("已公开文件详情（含信息索引表要素）");

        var admin = app.MapGroup("/api/v1/admin/documents").WithTags("政府文件（后台）").RequireAuthorization(Policies.BackOffice);
        admin.MapGet("/", ListAdmin).WithSummary("本人可管理的文件");
        admin.MapPost("/", Create).WithSummary("新建文件（草稿）");
        admin.MapPut("/{id:int}", Update).WithSummary("修改文件");
        admin.MapPost("/{id:int}/submit", (int id, DocumentService s, CancellationToken ct) => Run(s.SubmitAsync(id, ct))).WithSummary("提交审核");
        admin.MapPost("/{id:int}/approve", (int id, ReviewRequest r, DocumentService s, CancellationToken ct) => Run(s.ApproveAsync(id, r.Comment, ct))).WithSummary("审核通过当前级别");
        admin.MapPost("/{id:int}/reject", (int id, ReviewRequest r, DocumentService s, CancellationToken ct) => Run(s.RejectAsync(id, r.Comment, ct))).WithSummary("退回（须填写意见）");
        admin.MapPost("/{id:int}/withdraw", (int id, ReviewRequest r, DocumentService s, CancellationToken ct) => Run(s.WithdrawAsync(id, r.Comment, ct))).WithSummary("撤稿（须填写原因）");

        admin.MapGet("/lookup", Lookup).WithSummary("按标题、发文字号或索引号查找文件（本人可见范围内，供立改废关联选择）");
        admin.MapPost("/{id:int}/relations", (int id, RelationRequest r, DocumentService s, CancellationToken ct) => Run(s.AddRelationAsync(id, r.TargetId, r.Type, r.Note, ct)))
            .WithSummary("添加立改废关联（修改、废止、替代其他单位的文件须经对方单位确认）");
        var relations = app.MapGroup("/api/v1/admin/relations").WithTags("政府文件（后台）").RequireAuthorization(Policies.BackOffice);
        relations.MapGet("/pending", async (DocumentService s, CancellationToken ct) => TypedResults.Ok(await s.PendingRelationsAsync(ct)))
            .WithSummary("待本单位确认的立改废关联");
        relations.MapPost("/{relationId:int}/confirm", (int relationId, ReviewRequest r, DocumentService s, CancellationToken ct) => Run(s.DecideRelationAsync(relationId, true, r.Comment, ct)))
            .WithSummary("确认关联（对方文件发布后生效）");
        relations.MapPost("/{relationId:int}/refuse", (int relationId, ReviewRequest r, DocumentService s, CancellationToken ct) => Run(s.DecideRelationAsync(relationId, false, r.Comment, ct)))
            .WithSummary("拒绝关联（须填写理由）");

        admin.MapPost("/{id:int}/attachments", UploadAttachment).WithSummary("上传附件（请求体为文件内容，fileName 为文件名）")
            .Accepts<Stream>("application/octet-stream").WithMetadata(new AttachmentUploadAttribute());

        app.MapGet("/files/{id:int}/{name}", Download).WithTags("附件").WithSummary("下载附件");
    }

    public static async Task<Ok<PagedResult<DocumentListItem>>> ListPublic(DocumentQueries q, int? column, int? year, string? topic, Validity? validity, int? unit,
        int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        TypedResults.Ok(await q.ListPublicAsync(new PublicListFilter(column, year, topic, validity, unit, page, pageSize), ct));

    public static async Task<Results<Ok<PublicDocumentView>, NotFound>> GetPublic(int id, DocumentQueries q, CancellationToken ct) =>
        await q.GetPublicAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<Ok<PagedResult<DocumentListItem>>> ListAdmin(ZwgkDbContext db, CurrentUser user, DocumentStatus? status, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var q = user.Scope(db.Documents.AsNoTracking());
        if (status is DocumentStatus s) q = q.Where(d => d.Status == s);
        return TypedResults.Ok(await DocumentQueries.PageAsync(q.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id), page, pageSize, ct));
    }

    /// <summary>Picker for relation targets: matches title, 发文字号 (typed or canonical form), 索引号 or id among visible documents.</summary>
    public static async Task<Ok<List<DocumentLookupItem>>> Lookup(ZwgkDbContext db, CurrentUser user, string? q, int? exclude, CancellationToken ct)
    {
        var text = (q ?? "").Trim();
        if (text.Length == 0) return TypedResults.Ok(new List<DocumentLookupItem>());
        if (text.Length > FieldLengths.Title) text = text[..FieldLengths.Title];
        var number = text.Length <= FieldLengths.DocumentNumber && DocumentNumber.Normalize(text) is { IsValid: true, Value: { } v } ? v : text;
        int? id = int.TryParse(text, out var n) ? n : null;
        var rows = await db.Documents.AsNoTracking().VisibleTo(user)
            .Where(d => d.Id != exclude)
            .Where(d => d.Id == id || d.Title.Contains(text) || (d.DocumentNumber != null && (d.DocumentNumber.Contains(text) || d.DocumentNumber.Contains(number)))
                || (d.IndexNumber != null && d.IndexNumber.Contains(text)))
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(20)
            .Select(d => new { d.Id, d.Title, d.DocumentNumber, d.IndexNumber, Unit = d.OwnerUnit!.Name, d.Status })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => new DocumentLookupItem(d.Id, d.Title, d.DocumentNumber, d.IndexNumber, d.Unit, d.Status.Label())).ToList());
    }

    public static async Task<Results<Created<IdResponse>, ProblemHttpResult, ValidationProblem>> Create(DocumentInput input, DocumentService s, CancellationToken ct)
    {
        var r = await s.SaveAsync(null, input, ct);
        return r.ToHttp(() => TypedResults.Created($"/api/v1/admin/documents/{r.Id}", IdResponse.Of(r)));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Update(int id, DocumentInput input, DocumentService s, CancellationToken ct)
    {
        var r = await s.SaveAsync(id, input, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Run(Task<ServiceResult> op)
    {
        var r = await op;
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }


    /// <summary>
    /// Raw-body upload (no form binding), so API clients can send a file without a multipart form; the back-office page
    /// uses an antiforgery-protected form instead.
    /// </summary>
    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> UploadAttachment(int id, string? fileName, HttpRequest request, DocumentService s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fileName"] = ["请提供文件名"] }, title: "提交的内容有误");
        var r = await s.AddAttachmentAsync(id, request.Body, fileName, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    /// <summary>Attachments of public documents are public; others only for staff of the owning unit.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> Download(int id, string name, ZwgkDbContext db, CurrentUser user, ContentStore store, CancellationToken ct)
    {
        var a = await db.Attachments.AsNoTracking().Where(x => x.Id == id)
            .Join(db.Documents, x => x.DocumentId, d => d.Id, (x, d) => new { x.FileName, x.ContentType, x.Sha256, d.OwnerUnitId, IsPublic = db.Documents.Where(DocumentVisibility.IsPublic).Any(p => p.Id == d.Id) })
            .FirstOrDefaultAsync(ct);
        if (a is null) return TypedResults.NotFound();
        if (!a.IsPublic && !(user.IsAuthenticated && user.CanAccessUnit(a.OwnerUnitId))) return TypedResults.NotFound();
        var stream = store.Open(a.Sha256);
        if (stream is null) return TypedResults.NotFound();
        return TypedResults.File(stream, a.ContentType, a.FileName, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{a.Sha256}\""));
    }
}
