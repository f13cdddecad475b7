using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Admin;

public sealed class IndexModel(ZwgkDbContext db, CurrentUser user) : AdminPageModel
{
    public PagedResult<DocumentListItem> Result { get; private set; } = new([], 0, 1, 20);
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool SpansAllUnits => user.SpansAllUnits;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public DocumentStatus? Status { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = user.Scope(db.Documents.AsNoTracking());
        if (Status is DocumentStatus s) q = q.Where(d => d.Status == s);
        if (Unit is int u && user.CanAccessUnit(u)) q = q.Where(d => d.OwnerUnitId == u);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            q = q.Where(d => d.Title.Contains(term) || (d.DocumentNumber != null && d.DocumentNumber.Contains(term)) || (d.IndexNumber != null && d.IndexNumber.Contains(term)));
        }
        Result = await DocumentQueries.PageAsync(q.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id), PageNumber, 20, ct);
        Units = await db.Units.AsNoTracking().OrderBy(x => x.SortOrder).Select(x => new ValueTuple<int, string>(x.Id, x.Name)).ToListAsync(ct);
        UnitNames = Units.ToDictionary(x => x.Id, x => x.Name);
    }
}
