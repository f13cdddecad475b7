using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Audit;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Admin;

[AttachmentUpload]
public sealed class DetailsModel(ZwgkDbContext db, DocumentService documents, CatalogService catalog, CurrentUser user) : AdminPageModel
{
    public Document Doc { get; private set; } = null!;
    public string OwnerName { get; private set; } = "";
    public List<string> IssuerNames { get; private set; } = [];
    public List<string> CatalogPaths { get; private set; } = [];
    public List<ReviewRecord> Reviews { get; private set; } = [];
    public List<DocumentVersion> Versions { get; private set; } = [];
    public List<AuditEntry> Audit { get; private set; } = [];
    public List<(DocumentRelation Relation, string Title, bool Inverse)> Relations { get; private set; } = [];
    public CurrentUser Me => user;

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public int? RelatedId { get; set; }
    [BindProperty] public RelationType RelationType { get; set; } = RelationType.Amends;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => Act(id, documents.SubmitAsync(id, ct), "已提交审核", ct);
    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => Act(id, documents.ApproveAsync(id, Comment, ct), "审核已通过", ct);
    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => Act(id, documents.RejectAsync(id, Comment, ct), "已退回", ct);
    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) => Act(id, documents.WithdrawAsync(id, Comment, ct), "已撤稿", ct);
    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) => Act(id, documents.ReopenAsync(id, ct), "已转为草稿，可重新编辑", ct);
    public Task<IActionResult> OnPostRelateAsync(int id, CancellationToken ct) =>
        Act(id, RelatedId is int to ? documents.AddRelationAsync(id, to, RelationType, Comment, ct) : Task.FromResult(ServiceResult.Invalid("请填写关联文件的编号")), "已添加关联", ct);
    public Task<IActionResult> OnPostConfirmRelationAsync(int id, int relationId, CancellationToken ct) =>
        Act(id, documents.DecideRelationAsync(relationId, true, Comment, ct), "已确认关联", ct);
    public Task<IActionResult> OnPostRefuseRelationAsync(int id, int relationId, CancellationToken ct) =>
        Act(id, documents.DecideRelationAsync(relationId, false, Comment, ct), "已拒绝关联", ct);
    public Task<IActionResult> OnPostUnrelateAsync(int id, int relationId, CancellationToken ct) => Act(id, documents.RemoveRelationAsync(id, relationId, ct), "已移除关联", ct);
    public Task<IActionResult> OnPostDetachAsync(int id, int attachmentId, CancellationToken ct) => Act(id, documents.RemoveAttachmentAsync(id, attachmentId, ct), "附件已删除", ct);

    public async Task<IActionResult> OnPostAttachAsync(int id, List<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return await Act(id, Task.FromResult(ServiceResult.Invalid("请选择要上传的文件")), "", ct);
        foreach (var f in files)
        {
            await using var s = f.OpenReadStream();
            var r = await documents.AddAttachmentAsync(id, s, f.FileName, ct);
            if (!r.Ok) return await Act(id, Task.FromResult(r), "", ct);
        }
        return await Act(id, Task.FromResult(ServiceResult.Success(id)), $"已上传{files.Count}个附件", ct);
    }

    private async Task<IActionResult> Act(int id, Task<ServiceResult> op, string success, CancellationToken ct)
    {
        var r = await op;
        if (r.Ok)
        {
            Flash = success;
            return Redirect($"/admin/documents/{id}");
        }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        Response.StatusCode = r.Status switch
        {
            ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
            ResultStatus.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        ModelState.AddModelError("", r.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var doc = await user.Scope(db.Documents.AsNoTracking()).Include(d => d.Issuers).Include(d => d.Columns).Include(d => d.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null) return false;
        Doc = doc;
        OwnerName = await db.Units.Where(u => u.Id == doc.OwnerUnitId).Select(u => u.Name).FirstAsync(ct);
        var issuerIds = doc.Issuers.OrderBy(i => i.Order).Select(i => i.UnitId).ToList();
        var names = await db.Units.Where(u => issuerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        IssuerNames = issuerIds.Select(i => names[i]).ToList();
        var tree = await catalog.GetTreeAsync(ct);
        CatalogPaths = doc.Columns.Select(c => tree.PathText(c.ColumnId)).ToList();
        Reviews = await db.ReviewRecords.AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToListAsync(ct);
        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Version).Take(20).ToListAsync(ct);
        var key = id.ToString();
        Audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Document" && a.EntityId == key).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);
        var outgoing = await db.DocumentRelations.AsNoTracking().Where(r => r.FromDocumentId == id).Select(r => new { r, r.ToDocument!.Title }).ToListAsync(ct);
        // Another unit's draft shows here only when it asks this unit to confirm a change; otherwise it stays out of sight.
        var visible = db.Documents.VisibleTo(user);
        var incoming = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.ToDocumentId == id && (r.Confirmation != RelationConfirmation.NotRequired || visible.Any(v => v.Id == r.FromDocumentId)))
            .Select(r => new { r, r.FromDocument!.Title }).ToListAsync(ct);
        Relations = outgoing.Select(x => (x.r, x.Title, false)).Concat(incoming.Select(x => (x.r, x.Title, true))).ToList();
        return true;
    }
}
