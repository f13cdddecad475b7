using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Audit;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Zwgk.Web.Features.Audit.Pages;

/// <summary>Audit log, newest first. Supervisors see every unit; everyone else sees their own unit's entries.</summary>
public sealed class IndexModel(ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "op")] public string? Op { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];
    public List<string> Entities { get; private set; } = [];
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool SpansAllUnits => me.SpansAllUnits;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scoped = db.AuditEntries.AsNoTracking();
        if (!me.SpansAllUnits)
        {
            var unit = me.UnitId;
            scoped = scoped.Where(a => a.UnitId == unit);
        }
        var q = scoped;
        if (!string.IsNullOrEmpty(Op)) q = q.Where(a => a.Action == Op);
        if (!string.IsNullOrEmpty(Entity)) q = q.Where(a => a.EntityType == Entity);
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim();
            q = q.Where(a => a.UserName != null && a.UserName.Contains(name));
        }
        if (From is { } from && To is { } to && from > to) (From, To) = (to, from);
        // Dates are China Standard Time days.
        if (From is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), Formats.ChinaOffset);
            q = q.Where(a => a.At >= start);
        }
        if (To is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), Formats.ChinaOffset);
            q = q.Where(a => a.At < end);
        }

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Actions = await scoped.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        Entities = await scoped.Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
        var unitIds = Entries.Where(e => e.UnitId != null).Select(e => e.UnitId!.Value).Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
    }

    public string PageLink(int page) =>
        Url.Page(null, new { op = Op, entity = Entity, userName = UserName, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), p = page }) ?? "";
}
