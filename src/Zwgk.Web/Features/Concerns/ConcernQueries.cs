using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Concerns;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns;

public sealed record ConcernListFilter(int? Unit = null, ConcernLevel? Level = null, ConcernStatus? Status = null, ConcernSource? Source = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 20);
public sealed record MilestoneView(string Kind, DateTimeOffset Due, DateTimeOffset? MetAt, string Status, bool Overdue, bool DueSoon);
public sealed record ConcernListItem(int Id, string Topic, string Source, string Level, bool Major, string? Field, int UnitId, string Unit, DateTimeOffset DiscoveredAt,
    DateTimeOffset? NextDue, string Status, ConcernStatus StatusCode, bool Closed, bool IsPublic, int Responses);
public sealed record ResponseView(int Id, DateTimeOffset RespondedAt, string Method, string Summary, string? Publisher, int? DocumentId, string? DocumentTitle,
    bool DocumentPublic, string? Url, string RecordedBy);
public sealed record ConcernDetails(int Id, ConcernSource Source, string SourceLabel, ConcernLevel Level, string LevelLabel, string Topic, string Summary, string? Field,
    int UnitId, string Unit, DateTimeOffset DiscoveredAt, DateTimeOffset RegisteredAt, string RegisteredBy, string? SourceUrl, int? SourceMessageId, bool IsPublic,
    DateTimeOffset? ClosedAt, string? ClosedBy, string? ClosingNote, string Status, ConcernStatus StatusCode, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ResponseView> Responses, bool CanAct, bool CanPublish, bool CanAssign);
public sealed record ConcernReminder(int Id, string Topic, string Unit, string Milestone, DateTimeOffset Due, bool Overdue);
public sealed record ConcernUnitStats(int UnitId, string Unit, int Count, int Responded, int OnTime, int Late, int Overdue, int Open, double? AverageHours);
public sealed record PublicResponseItem(DateTimeOffset RespondedAt, string Method, string Summary, string? Publisher, string? Link, string? LinkText);
public sealed record PublicConcernItem(int Id, string Topic, string Summary, string? Field, string Unit, DateTimeOffset DiscoveredAt, IReadOnlyList<PublicResponseItem> Responses);

/// <summary>
/// Read side of the 回应关切 register: the staff list (scoped, overdue first), a concern's detail with its milestones,
/// reminders, per-unit statistics, and the portal's list and page (public concerns only; links only to public documents).
/// Statuses come from the clock and the configured hours, never from stored flags.
/// </summary>
public sealed class ConcernQueries(ZwgkDbContext db, CurrentUser user, TimeProvider clock, IOptions<ConcernOptions> options)
{
    private ConcernTimeLimits Limits => options.Value.ToLimits();
    public DateOnly Today => Formats.Today(clock);
    public DateTimeOffset Now => clock.GetUtcNow();

    private Task<Dictionary<int, string>> UnitNamesAsync(CancellationToken ct) => db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    public Task<List<PublicUnitOption>> UnitsAsync(CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new PublicUnitOption(u.Id, u.Name)).ToListAsync(ct);

    private static DateTimeOffset StartOf(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), Formats.ChinaOffset).ToUniversalTime();

    private static int Urgency(ConcernStatus s) => s switch
    {
        ConcernStatus.Overdue => 0, ConcernStatus.DueSoon => 1, ConcernStatus.Pending => 2, _ => 3,
    };

    private static MilestoneView View(Milestone m) =>
        new(m.Kind.Label(), m.Due, m.MetAt, m.Status.Label(), m.Status == ConcernStatus.Overdue, m.Status == ConcernStatus.DueSoon);

    // ---------- staff ----------

    public async Task<PagedResult<ConcernListItem>> ListAsync(ConcernListFilter f, CancellationToken ct = default)
    {
        var q = user.Scope(db.PublicConcerns.AsNoTracking());
        if (f.Unit is { } u) q = q.Where(c => c.UnitId == u);
        if (f.Level is { } l) q = q.Where(c => c.Level == l);
        if (f.Source is { } s) q = q.Where(c => c.Source == s);
        if (f.From is { } from) { var start = StartOf(from); q = q.Where(c => c.DiscoveredAt >= start); }
        if (f.To is { } to) { var end = StartOf(to.AddDays(1)); q = q.Where(c => c.DiscoveredAt < end); }
        // The status is derived, so filtering and "overdue first" happen in memory; the register is small (a few hundred a year).
        var rows = await q.Include(c => c.Responses).OrderByDescending(c => c.DiscoveredAt).Take(5000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // The list uses short names (区民政局) so the table stays readable on a phone.
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
        var items = rows.Select(c =>
        {
            var ms = ConcernRules.Milestones(c, now, Limits);
            var status = ConcernRules.Status(ms);
            var next = ms.Where(m => m.MetAt is null && c.ClosedAt is null).Select(m => (DateTimeOffset?)m.Due).Min();
            return new ConcernListItem(c.Id, c.Topic, c.Source.Label(), c.Level.Label(), c.Level == ConcernLevel.Major, c.Field, c.UnitId, names.GetValueOrDefault(c.UnitId) ?? "",
                c.DiscoveredAt, next, c.IsClosed ? $"{status.Label()}·已办结" : status.Label(), status, c.IsClosed, c.IsPublic, c.Responses.Count);
        });
        if (f.Status is { } st) items = items.Where(i => i.StatusCode == st);
        var ordered = items.OrderBy(i => Urgency(i.StatusCode)).ThenBy(i => i.StatusCode.IsOpen() ? i.NextDue : null).ThenByDescending(i => i.DiscoveredAt).ToList();
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        return new PagedResult<ConcernListItem>(ordered.Skip((page - 1) * size).Take(size).ToList(), ordered.Count, page, size);
    }

    public async Task<ConcernDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var c = await db.PublicConcerns.AsNoTracking().Include(x => x.Responses).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !user.CanSee(c)) return null;
        var names = await UnitNamesAsync(ct);
        var docIds = c.Responses.Where(r => r.DocumentId is not null).Select(r => r.DocumentId!.Value).Distinct().ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var publicDocs = (await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id)).Where(DocumentVisibility.IsPublic).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var ms = ConcernRules.Milestones(c, clock.GetUtcNow(), Limits);
        var status = ConcernRules.Status(ms);
        return new ConcernDetails(c.Id, c.Source, c.Source.Label(), c.Level, c.Level.Label(), c.Topic, c.Summary, c.Field, c.UnitId, names.GetValueOrDefault(c.UnitId) ?? "",
            c.DiscoveredAt, c.RegisteredAt, c.RegisteredBy, c.SourceUrl, c.SourceMessageId, c.IsPublic, c.ClosedAt, c.ClosedBy, c.ClosingNote, status.Label(), status,
            ms.Select(View).ToList(),
            c.Responses.OrderBy(r => r.RespondedAt).ThenBy(r => r.Id).Select(r => new ResponseView(r.Id, r.RespondedAt, r.Method.Label(), r.Summary, r.Publisher, r.DocumentId,
                r.DocumentId is int d ? docs.GetValueOrDefault(d) : null, r.DocumentId is int p && publicDocs.Contains(p), r.Url, r.RecordedBy)).ToList(),
            user.CanAct(c), user.CanPublish(c), user.CanAssign());
    }

    /// <summary>Open concerns in the user's scope with a milestone overdue or due soon (admin home, reminders API).</summary>
    public async Task<IReadOnlyList<ConcernReminder>> RemindersAsync(CancellationToken ct = default)
    {
        if (!user.CanWorkConcerns()) return [];
        var rows = await user.Scope(db.PublicConcerns.AsNoTracking()).Where(c => c.ClosedAt == null).Include(c => c.Responses).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var names = await UnitNamesAsync(ct);
        return rows.SelectMany(c => ConcernRules.Milestones(c, now, Limits)
                .Where(m => m.Status is ConcernStatus.Overdue or ConcernStatus.DueSoon)
                .Select(m => new ConcernReminder(c.Id, c.Topic, names.GetValueOrDefault(c.UnitId) ?? "", m.Kind.Label(), m.Due, m.Status == ConcernStatus.Overdue)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Due).ToList();
    }

    /// <summary>Per unit for concerns found in [from, to] (China dates): count, responded, on time, late, overdue, average hours to the first response.</summary>
    public async Task<IReadOnlyList<ConcernUnitStats>> StatsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = StartOf(from);
        var end = StartOf(to.AddDays(1));
        var rows = await user.Scope(db.PublicConcerns.AsNoTracking()).Where(c => c.DiscoveredAt >= start && c.DiscoveredAt < end).Include(c => c.Responses).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        var now = clock.GetUtcNow();
        return rows.GroupBy(c => c.UnitId).Select(g =>
        {
            var statuses = g.Select(c => (c, s: ConcernRules.Status(c, now, Limits))).ToList();
            var hours = g.Select(ConcernRules.FirstResponseHours).Where(h => h is not null).Select(h => h!.Value).ToList();
            return new ConcernUnitStats(g.Key, names.GetValueOrDefault(g.Key) ?? "", g.Count(), g.Count(c => c.Responses.Count > 0),
                statuses.Count(x => x.s == ConcernStatus.OnTime), statuses.Count(x => x.s == ConcernStatus.Late), statuses.Count(x => x.s == ConcernStatus.Overdue),
                statuses.Count(x => x.s.IsOpen()), hours.Count == 0 ? null : Math.Round(hours.Average(), 1));
        }).OrderByDescending(s => s.Count).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList();
    }

    // ---------- portal ----------

    public async Task<PagedResult<PublicConcernItem>> PublicListAsync(int page, int pageSize = 10, CancellationToken ct = default)
    {
        var q = db.PublicConcerns.AsNoTracking().Where(c => c.IsPublic);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 50);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.DiscoveredAt).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(c => c.Responses).ToListAsync(ct);
        return new PagedResult<PublicConcernItem>(await ToPublicAsync(rows, ct), total, page, pageSize);
    }

    public async Task<PublicConcernItem?> PublicDetailAsync(int id, CancellationToken ct = default)
    {
        var c = await db.PublicConcerns.AsNoTracking().Include(x => x.Responses).FirstOrDefaultAsync(x => x.Id == id && x.IsPublic, ct);
        return c is null ? null : (await ToPublicAsync([c], ct))[0];
    }

    /// <summary>Responses with their links: a document only while it is published and 主动公开 (a withdrawn one loses its link).</summary>
    private async Task<List<PublicConcernItem>> ToPublicAsync(List<PublicConcern> rows, CancellationToken ct)
    {
        var names = await UnitNamesAsync(ct);
        var docIds = rows.SelectMany(c => c.Responses).Where(r => r.DocumentId is not null).Select(r => r.DocumentId!.Value).Distinct().ToList();
        var docs = await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id)).Where(DocumentVisibility.IsPublic)
            .Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        return rows.Select(c => new PublicConcernItem(c.Id, c.Topic, c.Summary, c.Field, names.GetValueOrDefault(c.UnitId) ?? "", c.DiscoveredAt,
            c.Responses.OrderBy(r => r.RespondedAt).ThenBy(r => r.Id).Select(r =>
            {
                if (r.DocumentId is int d) return docs.TryGetValue(d, out var title)
                    ? new PublicResponseItem(r.RespondedAt, r.Method.Label(), r.Summary, r.Publisher, $"/doc/{d}", title)
                    : new PublicResponseItem(r.RespondedAt, r.Method.Label(), r.Summary, r.Publisher, null, null);
                return new PublicResponseItem(r.RespondedAt, r.Method.Label(), r.Summary, r.Publisher, r.Url, r.Url is null ? null : "查看回应原文");
            }).ToList())).ToList();
    }
}
