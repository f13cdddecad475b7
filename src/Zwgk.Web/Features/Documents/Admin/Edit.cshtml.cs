using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Admin;

/// <summary>Create (/admin/documents/new) and edit (/admin/documents/{id}/edit) a document's elements.</summary>
public sealed class EditModel(ZwgkDbContext db, DocumentService documents, CatalogService catalog, CurrentUser user) : AdminPageModel
{
    [BindProperty] public DocumentInput Input { get; set; } = new();
    /// <summary>Scheduled time as the editor sees it (China Standard Time).</summary>
    [BindProperty] public DateTime? ScheduledLocal { get; set; }

    public int? Id { get; private set; }
    public DocumentStatus Status { get; private set; } = DocumentStatus.Draft;
    public List<(int Id, string Name, bool Editable)> Units { get; private set; } = [];
    public List<(ColumnNode Node, int Depth)> Columns { get; private set; } = [];
    /// <summary>The document's own files, offered for insertion into the body.</summary>
    public List<Attachment> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!user.CanEdit) return Forbid();
        if (id is int docId)
        {
            var doc = await user.Scope(db.Documents.AsNoTracking()).Include(d => d.Issuers).Include(d => d.Columns).FirstOrDefaultAsync(d => d.Id == docId, ct);
            if (doc is null) return NotFound();
            Id = docId;
            Status = doc.Status;
            Input = DocumentInput.From(doc);
            ScheduledLocal = doc.ScheduledAt?.ToOffset(Formats.ChinaOffset).DateTime;
        }
        else
        {
            Input.OwnerUnitId = user.UnitId;
            Input.IssuerUnitIds = [user.UnitId];
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        // Year 1 minus eight hours cannot be represented: the lower bound is checked before the conversion.
        if (ScheduledLocal is DateTime early && DateOnly.FromDateTime(early) < DocumentRules.EarliestDate)
            ModelState.AddModelError("Input.ScheduledAt", $"定时发布时间不能早于{DocumentRules.EarliestDate.Year}年");
        else Input.ScheduledAt = ScheduledLocal is DateTime local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Formats.ChinaOffset) : null;
        if (ModelState.IsValid)
        {
            var result = await documents.SaveAsync(id, Input, ct);
            if (result.Ok)
            {
                Flash = id is null ? "文件已保存为草稿" : "文件已保存";
                return Redirect($"/admin/documents/{result.Id}");
            }
            if (result.Status is ResultStatus.NotFound) return NotFound();
            AddErrors(result);
        }
        // The form comes back with its errors, as a 400 like the API's problem details.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        if (id is int docId) Status = await db.Documents.Where(d => d.Id == docId).Select(d => d.Status).FirstOrDefaultAsync(ct);
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name, user.CanAccessUnit(u.Id))).ToList();
        Columns = (await catalog.GetTreeAsync(ct)).Flatten().ToList();
        // Id is only set for a document the user may see (GET checked the scope; POST re-checks through the service).
        if (Id is int docId)
            Attachments = await user.Scope(db.Documents.AsNoTracking()).Where(d => d.Id == docId).SelectMany(d => d.Attachments).OrderBy(a => a.Order).ToListAsync(ct);
    }
}
