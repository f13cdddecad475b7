using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Qa;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa;

public sealed record QaListFilter(int? Unit = null, QaStatus? Status = null, string? Topic = null, QaStaleness? Stale = null, bool StaleOnly = false,
    bool UnconfirmedUnit = false, string? Text = null, int Page = 1, int PageSize = 20);

public sealed record QaListItem(int Id, string Question, string Unit, bool UnitUnconfirmed, string? Topic, string Status, QaStatus StatusValue,
    string? ReviewOn, QaStaleness Staleness, string StalenessLabel, int Version, string UpdatedAt);

public sealed record QaBasisDocument(int Id, string Title, string? DocumentNumber, string Validity, bool Public);

public sealed record QaDetails(int Id, string Question, string? Alternatives, string Answer, int? UnitId, string Unit, string? UnitNameAsWritten,
    string? Topic, string? Basis, QaBasisDocument? BasisDocument, string? BasisClause, string? ReviewOn, string? ConfirmedAt, QaStatus StatusValue,
    string Status, string? PublishedAt, string? ReviewComment, string? ReviewedBy, string? CreatedBy, string? CreatedByUserId, string? SourceFileName,
    int? SourceMessageId, QaStaleness Staleness, string StalenessLabel, bool Offerable, int Version, bool CanWrite, bool CanApprove, bool IsOffice);

public sealed record UnconfirmedUnitName(string Name, int Count);

public sealed record PublicQaItem(int Id, string Question, string? Topic, string Unit, string AnswerExcerpt, string? PublishedAt, bool Abolished);

public sealed record PublicQaEntry(int Id, string Question, string Answer, string? Topic, string Unit, string? Basis, QaBasisDocument? BasisDocument,
    string? BasisClause, string? PublishedAt, string? ReviewOn, string? ConfirmedAt, QaStaleness Staleness, bool Abolished);

public sealed record QaLink(int Id, string Question);

/// <summary>Reads for the admin pages (scoped to the user), the portal (published only) and the document page.</summary>
public sealed class QaQueries(ZwgkDbContext db, CurrentUser user, TimeProvider clock)
{
    public DateOnly Today => Formats.Today(clock);

    private sealed record Row(int Id, string Question, int? UnitId, string? UnitName, string? UnitNameAsWritten, string? Topic, QaStatus Status,
        DateOnly? ReviewOn, DateTimeOffset? ConfirmedAt, int? BasisDocumentId, Validity? BasisValidity, DateTimeOffset? BasisUpdatedAt, DateOnly? BasisExpiresOn,
        int Version, DateTimeOffset UpdatedAt);

    private IQueryable<Row> Rows(IQueryable<QaItem> q) =>
        from x in q
        join d in db.Documents on x.BasisDocumentId equals (int?)d.Id into ds
        from d in ds.DefaultIfEmpty()
        select new Row(x.Id, x.Question, x.UnitId, x.Unit != null ? x.Unit.Name : null, x.UnitNameAsWritten, x.Topic, x.Status, x.ReviewOn, x.ConfirmedAt,
            x.BasisDocumentId, d != null ? d.Validity : null, d != null ? d.UpdatedAt : null, d != null ? d.ExpiresOn : null, x.Version, x.UpdatedAt);

    public static QaBasisState? Basis(Validity? validity, DateTimeOffset? updatedAt, DateOnly? expiresOn) =>
        validity is { } v ? new QaBasisState(v, updatedAt ?? DateTimeOffset.MinValue, expiresOn) : null;

    private QaStaleness StalenessOf(Row r) =>
        r.Status == QaStatus.Published ? QaRules.Staleness(r.ReviewOn, r.ConfirmedAt, Basis(r.BasisValidity, r.BasisUpdatedAt, r.BasisExpiresOn), Today) : QaStaleness.Current;

    public async Task<PagedResult<QaListItem>> ListAsync(QaListFilter f, CancellationToken ct = default)
    {
        var q = user.Scope(db.QaItems.AsNoTracking());
        if (f.Unit is int unit) q = q.Where(x => x.UnitId == unit);
        if (f.UnconfirmedUnit) q = q.Where(x => x.UnitId == null);
        if (f.Status is { } s) q = q.Where(x => x.Status == s);
        if (!string.IsNullOrWhiteSpace(f.Topic)) { var t = f.Topic.Trim(); q = q.Where(x => x.Topic == t); }
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var t = f.Text.Trim();
            q = q.Where(x => x.Question.Contains(t) || x.Answer.Contains(t) || (x.Alternatives != null && x.Alternatives.Contains(t)) || (x.Basis != null && x.Basis.Contains(t)));
        }
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        List<Row> rows;
        int total;
        if (f.StaleOnly || f.Stale is not null)
        {
            // Staleness is derived from dates and the basis document, never stored: the published entries are judged here.
            var all = (await Rows(q.Where(x => x.Status == QaStatus.Published)).ToListAsync(ct))
                .Where(r => StalenessOf(r) is var st && st != QaStaleness.Current && (f.Stale is null || st == f.Stale)).OrderBy(r => r.Id).ToList();
            total = all.Count;
            rows = all.Skip((page - 1) * size).Take(size).ToList();
        }
        else
        {
            total = await q.CountAsync(ct);
            rows = await Rows(q.OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
            rows = rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id).ToList();
        }
        var items = rows.Select(r =>
        {
            var st = StalenessOf(r);
            return new QaListItem(r.Id, r.Question, r.UnitName ?? r.UnitNameAsWritten ?? "—", r.UnitId is null, r.Topic, r.Status.Label(), r.Status,
                Formats.IsoDate(r.ReviewOn), st, st.Label(), r.Version, Formats.PubDate(r.UpdatedAt));
        }).ToList();
        return new PagedResult<QaListItem>(items, total, page, size);
    }

    /// <summary>Stale published entries in the user's scope, by reason (admin home, reminders).</summary>
    public async Task<Dictionary<QaStaleness, int>> StaleCountsAsync(CancellationToken ct = default)
    {
        if (!user.CanWorkQa()) return [];
        var rows = await Rows(user.Scope(db.QaItems.AsNoTracking()).Where(x => x.Status == QaStatus.Published)).ToListAsync(ct);
        return rows.Select(StalenessOf).Where(s => s != QaStaleness.Current).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<IReadOnlyList<UnconfirmedUnitName>> UnconfirmedUnitsAsync(CancellationToken ct = default)
    {
        if (!user.SpansAllUnits) return [];
        return (await db.QaItems.AsNoTracking().Where(x => x.UnitId == null && x.UnitNameAsWritten != null)
            .GroupBy(x => x.UnitNameAsWritten!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => new UnconfirmedUnitName(x.Key, x.Count)).ToList();
    }

    public async Task<IReadOnlyList<string>> TopicsAsync(bool publishedOnly, CancellationToken ct = default)
    {
        var q = publishedOnly ? db.QaItems.AsNoTracking().Where(x => x.Status == QaStatus.Published) : user.Scope(db.QaItems.AsNoTracking());
        return (await q.Where(x => x.Topic != null).Select(x => x.Topic!).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> UnitsAsync(CancellationToken ct = default)
    {
        var q = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (!user.SpansAllUnits) { var unit = user.UnitId; q = q.Where(u => u.Id == unit); }
        return (await q.OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
    }

    private async Task<QaBasisDocument?> BasisDocumentAsync(int? id, CancellationToken ct)
    {
        if (id is not int docId) return null;
        var d = await db.Documents.AsNoTracking().Where(x => x.Id == docId)
            .Select(x => new { x.Id, x.Title, x.DocumentNumber, x.Validity, x.Status, x.Disclosure }).FirstOrDefaultAsync(ct);
        return d is null ? null : new QaBasisDocument(d.Id, d.Title, d.DocumentNumber, d.Validity.Label(),
            d.Status == DocumentStatus.Published && d.Disclosure == DisclosureAttribute.Proactive);
    }

    public async Task<QaDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var x = await db.QaItems.AsNoTracking().Include(q => q.Unit).FirstOrDefaultAsync(q => q.Id == id, ct);
        if (x is null || !user.CanSee(x)) return null;
        var basis = await db.Documents.AsNoTracking().Where(d => d.Id == x.BasisDocumentId).Select(d => new { d.Validity, d.UpdatedAt, d.ExpiresOn }).FirstOrDefaultAsync(ct);
        var st = x.Status == QaStatus.Published ? QaRules.Staleness(x.ReviewOn, x.ConfirmedAt, basis is null ? null : new QaBasisState(basis.Validity, basis.UpdatedAt, basis.ExpiresOn), Today) : QaStaleness.Current;
        return new QaDetails(x.Id, x.Question, x.Alternatives, x.Answer, x.UnitId, x.Unit?.Name ?? x.UnitNameAsWritten ?? "—", x.UnitNameAsWritten, x.Topic, x.Basis,
            await BasisDocumentAsync(x.BasisDocumentId, ct), x.BasisClause, Formats.IsoDate(x.ReviewOn), Formats.PubDate(x.ConfirmedAt), x.Status, x.Status.Label(),
            Formats.PubDate(x.PublishedAt), x.ReviewComment, x.ReviewedBy, x.CreatedBy, x.CreatedByUserId, x.SourceFileName, x.SourceMessageId, st, st.Label(),
            QaRules.Offerable(x.Status, st), x.Version, user.CanWrite(x), user.CanApprove(x), user.SpansAllUnits);
    }

    // ---------- portal ----------

    /// <summary>Published entries by topic and words (the search index filters when the page has a query; see the page).</summary>
    public async Task<PagedResult<PublicQaItem>> PublicListAsync(string? topic, IReadOnlyCollection<int>? ids, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.QaItems.AsNoTracking().Where(x => x.Status == QaStatus.Published);
        if (!string.IsNullOrWhiteSpace(topic)) { var t = topic.Trim(); q = q.Where(x => x.Topic == t); }
        if (ids is not null) q = q.Where(x => ids.Contains(x.Id));
        var total = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await (from x in q.OrderBy(x => x.Topic).ThenByDescending(x => x.PublishedAt).ThenBy(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize)
                          join d in db.Documents on x.BasisDocumentId equals (int?)d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          select new { x.Id, x.Question, x.Topic, Unit = x.Unit != null ? x.Unit.Name : x.UnitNameAsWritten, x.Answer, x.PublishedAt, x.ReviewOn, x.ConfirmedAt,
                              Validity = d != null ? (Validity?)d.Validity : null, UpdatedAt = d != null ? (DateTimeOffset?)d.UpdatedAt : null, ExpiresOn = d != null ? d.ExpiresOn : null })
            .ToListAsync(ct);
        var items = rows.Select(r => new PublicQaItem(r.Id, r.Question, r.Topic, r.Unit ?? "", Formats.Cut(r.Answer.Replace('\n', ' '), 90), Formats.IsoDate(r.PublishedAt),
            QaRules.Staleness(r.ReviewOn, r.ConfirmedAt, Basis(r.Validity, r.UpdatedAt, r.ExpiresOn), Today) == QaStaleness.PolicyAbolished)).ToList();
        return new PagedResult<PublicQaItem>(items, total, page, pageSize);
    }

    public async Task<PublicQaEntry?> PublicEntryAsync(int id, CancellationToken ct = default)
    {
        var x = await db.QaItems.AsNoTracking().Include(q => q.Unit).FirstOrDefaultAsync(q => q.Id == id && q.Status == QaStatus.Published, ct);
        if (x is null) return null;
        var doc = await BasisDocumentAsync(x.BasisDocumentId, ct);
        var basis = await db.Documents.AsNoTracking().Where(d => d.Id == x.BasisDocumentId).Select(d => new { d.Validity, d.UpdatedAt, d.ExpiresOn }).FirstOrDefaultAsync(ct);
        var st = QaRules.Staleness(x.ReviewOn, x.ConfirmedAt, basis is null ? null : new QaBasisState(basis.Validity, basis.UpdatedAt, basis.ExpiresOn), Today);
        return new PublicQaEntry(x.Id, x.Question, x.Answer, x.Topic, x.Unit?.Name ?? x.UnitNameAsWritten ?? "", x.Basis, doc is { Public: true } ? doc : null, x.BasisClause,
            Formats.IsoDate(x.PublishedAt), Formats.IsoDate(x.ReviewOn), Formats.IsoDate(x.ConfirmedAt), st, st == QaStaleness.PolicyAbolished);
    }

    /// <summary>The 问答 block of a policy's page: published entries resting on it.</summary>
    public async Task<IReadOnlyList<QaLink>> ForDocumentAsync(int documentId, CancellationToken ct = default) =>
        (await db.QaItems.AsNoTracking().Where(x => x.BasisDocumentId == documentId && x.Status == QaStatus.Published).OrderBy(x => x.Id).Take(30)
            .Select(x => new { x.Id, x.Question }).ToListAsync(ct)).Select(x => new QaLink(x.Id, x.Question)).ToList();

    /// <summary>Published library documents for the basis picker, by title or 文号.</summary>
    public async Task<IReadOnlyList<QaBasisDocument>> LookupDocumentsAsync(string? text, CancellationToken ct = default)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return [];
        if (t.Length > 50) t = t[..50];
        return (await db.Documents.AsNoTracking().Where(DocumentVisibility.IsPublic).Where(d => d.Title.Contains(t) || (d.DocumentNumber != null && d.DocumentNumber.Contains(t)))
            .OrderByDescending(d => d.PublishedAt).Take(20).Select(d => new { d.Id, d.Title, d.DocumentNumber, d.Validity }).ToListAsync(ct))
            .Select(d => new QaBasisDocument(d.Id, d.Title, d.DocumentNumber, d.Validity.Label(), true)).ToList();
    }
}
