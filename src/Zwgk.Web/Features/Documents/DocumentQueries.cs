using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Catalog;

namespace Zwgk.Web.Features.Documents;

public sealed record DocumentListItem(int Id, string Title, string? DocumentNumber, string? IndexNumber, DateOnly? WrittenOn, DateTimeOffset? PublishedAt,
    Validity Validity, DateOnly? EffectiveOn, string? TopicCategory, DocumentStatus Status, int OwnerUnitId);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size, string Sha256);
public sealed record RelatedView(int Id, string Title, string? DocumentNumber, RelationType Type, bool Inverse)
{
    public string Label => Inverse ? Type.InverseLabel() : Type.Label();
}

/// <summary>Everything the public document page shows (信息索引表, body, attachments, relations, catalog paths).</summary>
public sealed record PublicDocumentView(int Id, string? IndexNumber, string Title, string? DocumentNumber, IReadOnlyList<string> Issuers, string OwnerUnit,
    DateOnly? WrittenOn, DateTimeOffset? PublishedAt, string? TopicCategory, string? Genre, string? DisclosureMethod, Validity Validity,
    DateOnly? EffectiveOn, DateOnly? ExpiresOn, bool IsNormative, string? NormativeRegistrationNumber, string? Keywords, string? Summary,
    string BodyHtml, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<RelatedView> Related, IReadOnlyList<IReadOnlyList<ColumnNode>> CatalogPaths,
    DateTimeOffset UpdatedAt);

/// <summary>Filters of a public list page; all optional.</summary>
public sealed record PublicListFilter(int? ColumnId = null, int? Year = null, string? Topic = null, Validity? Validity = null, int? UnitId = null,
    int Page = 1, int PageSize = 20);

/// <summary>Read side for the portal: only published, proactively disclosed documents ever leave here.</summary>
public sealed class DocumentQueries(ZwgkDbContext db, CatalogService catalog)
{
    public IQueryable<Document> Public => db.Documents.AsNoTracking().Where(DocumentVisibility.IsPublic);

    // The document page is the hottest uncached path: its queries are compiled once (the bench showed EF's per-query
    // translation was ~60% of the page's cost) and split so no query multiplies rows. A compiled query is bound to one
    // model, so there is one set per model (one per provider; tests run both in one process).
    private sealed record DocHead(int Id, string? IndexNumber, string Title, string? DocumentNumber, DateOnly? WrittenOn, DateTimeOffset? PublishedAt,
        string? TopicCategory, string? Genre, string? DisclosureMethod, Validity Validity, DateOnly? EffectiveOn, DateOnly? ExpiresOn, bool IsNormative,
        string? NormativeRegistrationNumber, string? Keywords, string? Summary, string BodyHtml, DateTimeOffset UpdatedAt, string Owner, string? ExternalIssuer);

    private sealed class PageQueries
    {
        public readonly Func<ZwgkDbContext, int, CancellationToken, Task<DocHead?>> Head = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id, CancellationToken ct) => db.Documents.AsNoTracking()
                .Where(x => x.Id == id).Where(DocumentVisibility.IsPublic)
                .Select(x => new DocHead(x.Id, x.IndexNumber, x.Title, x.DocumentNumber, x.WrittenOn, x.PublishedAt, x.TopicCategory, x.Genre, x.DisclosureMethod,
                    x.Validity, x.EffectiveOn, x.ExpiresOn, x.IsNormative, x.NormativeRegistrationNumber, x.Keywords, x.Summary, x.BodyHtml, x.UpdatedAt, x.OwnerUnit!.Name, x.ExternalIssuer))
                .FirstOrDefault());

        public readonly Func<ZwgkDbContext, int, IAsyncEnumerable<string>> Issuers = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id) => db.DocumentIssuers.AsNoTracking().Where(i => i.DocumentId == id).OrderBy(i => i.Order).Select(i => i.Unit!.Name));

        public readonly Func<ZwgkDbContext, int, IAsyncEnumerable<AttachmentView>> Attachments = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id) => db.Attachments.AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.Order)
                .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)));

        public readonly Func<ZwgkDbContext, int, IAsyncEnumerable<int>> Columns = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id) => db.DocumentColumns.AsNoTracking().Where(c => c.DocumentId == id).Select(c => c.ColumnId));

        public readonly Func<ZwgkDbContext, int, IAsyncEnumerable<RelatedView>> Outgoing = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id) => db.DocumentRelations.AsNoTracking().Where(DocumentRelation.InEffect)
                .Where(r => r.FromDocumentId == id)
                .Join(db.Documents.Where(DocumentVisibility.IsPublic), r => r.ToDocumentId, d => d.Id, (r, d) => new RelatedView(d.Id, d.Title, d.DocumentNumber, r.Type, false)));

        public readonly Func<ZwgkDbContext, int, IAsyncEnumerable<RelatedView>> Incoming = EF.CompileAsyncQuery(
            (ZwgkDbContext db, int id) => db.DocumentRelations.AsNoTracking().Where(DocumentRelation.InEffect)
                .Where(r => r.ToDocumentId == id)
                .Join(db.Documents.Where(DocumentVisibility.IsPublic), r => r.FromDocumentId, d => d.Id, (r, d) => new RelatedView(d.Id, d.Title, d.DocumentNumber, r.Type, true)));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, PageQueries> CompiledByModel = new();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(ct)) list.Add(item);
        return list;
    }

    public async Task<PublicDocumentView?> GetPublicAsync(int id, CancellationToken ct = default)
    {
        var q = CompiledByModel.GetValue(db.Model, _ => new PageQueries());
        var d = await q.Head(db, id, ct);
        if (d is null) return null;
        var issuers = await ToListAsync(q.Issuers(db, id), ct);
        if (issuers.Count == 0 && d.ExternalIssuer is { } external) issuers.Add(external);
        var attachments = await ToListAsync(q.Attachments(db, id), ct);
        var columns = await ToListAsync(q.Columns(db, id), ct);
        var related = await ToListAsync(q.Outgoing(db, id), ct);
        related.AddRange(await ToListAsync(q.Incoming(db, id), ct));
        var tree = await catalog.GetTreeAsync(ct);
        var paths = columns.Select(c => tree.PathOf(c)).Where(p => p.Count > 0).ToList();
        return new PublicDocumentView(d.Id, d.IndexNumber, d.Title, d.DocumentNumber, issuers, d.Owner, d.WrittenOn, d.PublishedAt, d.TopicCategory, d.Genre,
            d.DisclosureMethod, d.Validity, d.EffectiveOn, d.ExpiresOn, d.IsNormative, d.NormativeRegistrationNumber, d.Keywords, d.Summary, d.BodyHtml,
            attachments, related, paths, d.UpdatedAt);
    }

    public async Task<PagedResult<DocumentListItem>> ListPublicAsync(PublicListFilter f, CancellationToken ct = default)
    {
        DateTimeOffset? from = null, to = null;
        if (f.Year is int y)
        {
            from = new DateTimeOffset(y, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(-8); // years are China Standard Time
            to = from.Value.AddYears(1);
        }
        var documentFilters = !string.IsNullOrEmpty(f.Topic) || f.Validity is not null || f.UnitId is not null;

        if (f.ColumnId is int columnId && !documentFilters)
        {
            // Fast path: the column's list (subtree included) is one range of the ColumnListings index.
            var rows = db.ColumnListings.AsNoTracking().Where(l => l.ColumnId == columnId);
            if (from is not null) rows = rows.Where(l => l.PublishedAt >= from && l.PublishedAt < to);
            var pageSize = Math.Clamp(f.PageSize, 1, 100);
            var total = await rows.CountAsync(ct);
            var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            var ids = await rows.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.DocumentId)
                .Skip((page - 1) * pageSize).Take(pageSize).Select(l => l.DocumentId).ToListAsync(ct);
            // Documents are read through Public, so a stale projection row can never expose a non-public document.
            var found = await Public.Where(d => ids.Contains(d.Id)).Select(ListItem).ToDictionaryAsync(d => d.Id, ct);
            return new PagedResult<DocumentListItem>(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), total, page, pageSize);
        }

        var q = Public;
        if (f.ColumnId is int cid)
        {
            var inColumn = db.ColumnListings.Where(l => l.ColumnId == cid).Select(l => l.DocumentId);
            q = q.Where(d => inColumn.Contains(d.Id));
        }
        if (from is not null) q = q.Where(d => d.PublishedAt >= from && d.PublishedAt < to);
        if (!string.IsNullOrEmpty(f.Topic)) q = q.Where(d => d.TopicCategory == f.Topic || d.TopicCategory!.StartsWith(f.Topic + TopicCategories.Separator));
        if (f.Validity is Validity v) q = q.Where(d => d.Validity == v);
        if (f.UnitId is int u) q = q.Where(d => d.Issuers.Any(i => i.UnitId == u));
        return await PageAsync(q.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id), f.Page, f.PageSize, ct);
    }

    /// <summary>Public documents per column, subtree included (each document once per column).</summary>
    public async Task<IReadOnlyDictionary<int, int>> PublicCountsByColumnAsync(CancellationToken ct = default) =>
        await db.ColumnListings.AsNoTracking().GroupBy(l => l.ColumnId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    private static readonly System.Linq.Expressions.Expression<Func<Document, DocumentListItem>> ListItem =
        d => new DocumentListItem(d.Id, d.Title, d.DocumentNumber, d.IndexNumber, d.WrittenOn, d.PublishedAt, d.Validity, d.EffectiveOn, d.TopicCategory, d.Status, d.OwnerUnitId);

    public static async Task<PagedResult<DocumentListItem>> PageAsync(IQueryable<Document> ordered, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        var total = await ordered.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(ListItem).ToListAsync(ct);
        return new PagedResult<DocumentListItem>(items, total, page, pageSize);
    }

    /// <summary>Years that have published documents, newest first (for the year filter).</summary>
    public async Task<IReadOnlyList<int>> PublicYearsAsync(CancellationToken ct = default)
    {
        var oldest = await Public.OrderBy(d => d.PublishedAt).Select(d => d.PublishedAt).FirstOrDefaultAsync(ct);
        var newest = await Public.OrderByDescending(d => d.PublishedAt).Select(d => d.PublishedAt).FirstOrDefaultAsync(ct);
        if (oldest is null || newest is null) return [];
        var cst = TimeSpan.FromHours(8);
        return Enumerable.Range(oldest.Value.ToOffset(cst).Year, newest.Value.ToOffset(cst).Year - oldest.Value.ToOffset(cst).Year + 1).Reverse().ToList();
    }

    /// <summary>Units that issued published documents (for the issuing-unit filter).</summary>
    public Task<List<(int Id, string Name)>> PublicIssuersAsync(CancellationToken ct = default) =>
        db.Units.AsNoTracking().Where(u => db.DocumentIssuers.Any(i => i.UnitId == u.Id)).OrderBy(u => u.SortOrder)
            .Select(u => new ValueTuple<int, string>(u.Id, u.Name)).ToListAsync(ct);
}
