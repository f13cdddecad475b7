using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Interaction.Decisions;

public sealed record CatalogRow(int Id, int Year, string Title, bool IsPublished, DateTimeOffset? PublishedAt, int Items, int Flagged);

/// <summary>A piece of evidence as a link (or plain text for a meeting record).</summary>
public sealed record EvidenceLink(string Kind, string Text, string? Url);

public sealed record StageView(DecisionStageKind Kind, string Label, StageState State, DateOnly? DoneOn, string? NotApplicableReason, IReadOnlyList<EvidenceLink> Evidence, DecisionStage? Stage);

public sealed record DecisionView(MajorDecision Item, string LeadUnit, IReadOnlyList<StageView> Stages, DecisionAnalysis Analysis);

public sealed record CatalogView(DecisionCatalog Catalog, IReadOnlyList<DecisionView> Items, EvidenceLink? SourceDocument);

/// <summary>Reads of the catalog: staff (scoped: unit staff see the items their unit leads) and the portal (published years only).</summary>
public sealed class DecisionQueries(ZwgkDbContext db, CurrentUser user)
{
    public async Task<IReadOnlyList<CatalogRow>> CatalogsAsync(CancellationToken ct = default)
    {
        if (!user.CanSeeDecisions()) return [];
        var catalogs = await db.DecisionCatalogs.AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        var items = await Scoped(db.MajorDecisions.AsNoTracking().Include(d => d.Stages)).ToListAsync(ct);
        return catalogs.Select(c =>
        {
            var mine = items.Where(i => i.CatalogId == c.Id).ToList();
            return new CatalogRow(c.Id, c.Year, c.Title, c.IsPublished, c.PublishedAt, mine.Count, mine.Count(i => DecisionProgress.Analyse(i.Stages).Flags.Count > 0));
        }).ToList();
    }

    private IQueryable<MajorDecision> Scoped(IQueryable<MajorDecision> q) => user.SpansAllUnits ? q : q.Where(d => d.LeadUnitId == user.UnitId);

    public async Task<CatalogView?> CatalogAsync(int id, CancellationToken ct = default)
    {
        if (!user.CanSeeDecisions()) return null;
        var catalog = await db.DecisionCatalogs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (catalog is null) return null;
        var items = await Scoped(db.MajorDecisions.AsNoTracking().Include(d => d.Stages).Where(d => d.CatalogId == id)).OrderBy(d => d.Order).ToListAsync(ct);
        return new CatalogView(catalog, await ViewsAsync(items, publicOnly: false, ct), await SourceAsync(catalog, false, ct));
    }

    public async Task<DecisionView?> ItemAsync(int id, CancellationToken ct = default)
    {
        if (!user.CanSeeDecisions()) return null;
        var item = await Scoped(db.MajorDecisions.AsNoTracking().Include(d => d.Stages).Where(d => d.Id == id)).FirstOrDefaultAsync(ct);
        return item is null ? null : (await ViewsAsync([item], publicOnly: false, ct))[0];
    }

    public async Task<IReadOnlyList<int>> PublishedYearsAsync(CancellationToken ct = default) =>
        await db.DecisionCatalogs.AsNoTracking().Where(c => c.IsPublished).OrderByDescending(c => c.Year).Select(c => c.Year).ToListAsync(ct);

    /// <summary>A published year's catalog as the public sees it (evidence limited to published consultations and public documents).</summary>
    public async Task<CatalogView?> PublicCatalogAsync(int year, CancellationToken ct = default)
    {
        var catalog = await db.DecisionCatalogs.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year && c.IsPublished, ct);
        if (catalog is null) return null;
        var items = await db.MajorDecisions.AsNoTracking().Include(d => d.Stages).Where(d => d.CatalogId == catalog.Id).OrderBy(d => d.Order).ToListAsync(ct);
        return new CatalogView(catalog, await ViewsAsync(items, publicOnly: true, ct), await SourceAsync(catalog, true, ct));
    }

    private async Task<EvidenceLink?> SourceAsync(DecisionCatalog c, bool publicOnly, CancellationToken ct)
    {
        if (c.SourceDocumentId is not int d) return null;
        var q = db.Documents.AsNoTracking().Where(x => x.Id == d);
        if (publicOnly) q = q.Where(DocumentVisibility.IsPublic);
        var title = await q.Select(x => x.Title).FirstOrDefaultAsync(ct);
        return title is null ? null : new EvidenceLink("文件", title, PortalUrls.Doc(d));
    }

    private async Task<IReadOnlyList<DecisionView>> ViewsAsync(IReadOnlyList<MajorDecision> items, bool publicOnly, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var stages = items.SelectMany(i => i.Stages).ToList();
        var cids = stages.Where(s => s.ConsultationId is not null).Select(s => s.ConsultationId!.Value).Distinct().ToList();
        var dids = stages.Where(s => s.DocumentId is not null).Select(s => s.DocumentId!.Value).Distinct().ToList();
        var consultations = await db.Consultations.AsNoTracking().Where(c => cids.Contains(c.Id) && c.State != ConsultationState.Draft)
            .ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var docQuery = db.Documents.AsNoTracking().Where(d => dids.Contains(d.Id));
        if (publicOnly) docQuery = docQuery.Where(DocumentVisibility.IsPublic);
        var documents = await docQuery.ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        var result = new List<DecisionView>();
        foreach (var item in items)
        {
            var analysis = DecisionProgress.Analyse(item.Stages);
            var views = analysis.Stages.Select(p =>
            {
                var s = item.Stages.FirstOrDefault(x => x.Kind == p.Kind);
                var evidence = new List<EvidenceLink>();
                if (s?.ConsultationId is int c && consultations.TryGetValue(c, out var ct2)) evidence.Add(new EvidenceLink("意见征集", ct2, $"/hdjl/yjzj/{c}"));
                if (s?.DocumentId is int d && documents.TryGetValue(d, out var dt)) evidence.Add(new EvidenceLink("文件", dt, PortalUrls.Doc(d)));
                if (!string.IsNullOrWhiteSpace(s?.MeetingRecord)) evidence.Add(new EvidenceLink("会议记录", s.MeetingRecord!, null));
                if (!string.IsNullOrWhiteSpace(s?.EvidenceUrl)) evidence.Add(new EvidenceLink("链接", s.EvidenceUrl!, s.EvidenceUrl));
                return new StageView(p.Kind, p.Label, p.State, p.DoneOn, s?.NotApplicableReason, evidence, s);
            }).ToList();
            result.Add(new DecisionView(item, units.GetValueOrDefault(item.LeadUnitId, ""), views, analysis));
        }
        return result;
    }

    /// <summary>Published consultations a stage may cite: the lead unit's (all for the 公开办).</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> ConsultationOptionsAsync(int leadUnitId, CancellationToken ct = default)
    {
        var q = db.Consultations.AsNoTracking().Where(c => c.State != ConsultationState.Draft);
        if (!user.SpansAllUnits) q = q.Where(c => c.UnitId == leadUnitId);
        return (await q.OrderByDescending(c => c.Id).Take(200).Select(c => new { c.Id, c.Title }).ToListAsync(ct)).Select(c => (c.Id, c.Title)).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> UnitsAsync(CancellationToken ct = default) =>
        (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
}
