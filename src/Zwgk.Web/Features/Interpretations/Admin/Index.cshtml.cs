using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations.Admin;

public sealed record InterpretationListItem(int Id, string Title, InterpretationForm? Form, string Unit, DocumentStatus Status, DateTimeOffset? PublishedAt,
    IReadOnlyList<(int Id, string Title)> Policies);

/// <summary>Interpretations in the user's scope: documents with a profile or an 解读 relation, filtered by unit, form and status.</summary>
public sealed class IndexModel(ZwgkDbContext db, CurrentUser user) : AdminPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public InterpretationForm? Form { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public List<InterpretationListItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool SpansAll => user.SpansAllUnits;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = user.Scope(db.Documents.AsNoTracking())
            .Where(d => db.InterpretationProfiles.Any(p => p.DocumentId == d.Id) || d.Relations.Any(r => r.Type == RelationType.Interprets));
        if (Unit is int u) q = q.Where(d => d.OwnerUnitId == u);
        if (Form is { } f) q = q.Where(d => db.InterpretationProfiles.Any(p => p.DocumentId == d.Id && p.Form == f));
        if (Status is { } s) q = q.Where(d => d.Status == s);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim()[..Math.Min(Q.Trim().Length, 100)];
            q = q.Where(d => d.Title.Contains(text));
        }
        Total = await q.CountAsync(ct);
        P = Math.Max(1, P);
        var rows = await q.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Skip((P - 1) * PageSize).Take(PageSize)
            .Select(d => new
            {
                d.Id, d.Title, Unit = d.OwnerUnit!.Name, d.Status, d.PublishedAt,
                Form = db.InterpretationProfiles.Where(p => p.DocumentId == d.Id).Select(p => (InterpretationForm?)p.Form).FirstOrDefault(),
                Policies = d.Relations.Where(r => r.Type == RelationType.Interprets).Select(r => new { r.ToDocumentId, r.ToDocument!.Title }).ToList(),
            }).ToListAsync(ct);
        Items = rows.Select(r => new InterpretationListItem(r.Id, r.Title, r.Form, r.Unit, r.Status, r.PublishedAt,
            r.Policies.Select(p => (p.ToDocumentId, p.Title)).ToList())).ToList();
        if (SpansAll)
            Units = (await db.Units.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
                .Select(x => (x.Id, x.Name)).ToList();
    }
}
