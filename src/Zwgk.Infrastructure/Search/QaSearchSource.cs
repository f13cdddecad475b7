using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Data;
using Zwgk.Search;

namespace Zwgk.Infrastructure.Search;

/// <summary>
/// 政策问答 entries for site search (content type "qa", own facet). Only what the public matcher may offer is indexed:
/// published, and not resting on an abolished or expired policy; anything else comes back absent and leaves the index.
/// A change to a basis document re-queues its entries (see ZwgkDbContext), so an abolished policy takes them out.
/// </summary>
public sealed class QaSearchSource(TimeProvider clock) : ISearchSource
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public string ContentType => SearchContentTypes.Qa;

    public string KeyOf(int id) => "qa:" + id.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(int Id, string Question, string? Alternatives, string Answer, string? Unit, string? UnitAsWritten, string? Topic, string? Basis,
        DateTimeOffset? PublishedAt, DateOnly? ReviewOn, DateTimeOffset? ConfirmedAt, QaStatus Status, Validity? Validity, DateTimeOffset? DocUpdatedAt,
        DateOnly? ExpiresOn, string? DocumentNumber);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(ZwgkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        await LoadRowsAsync(db, db.QaItems.AsNoTracking().Where(q => ids.Contains(q.Id)), ct);

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(ZwgkDbContext db, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var maxId = await db.QaItems.MaxAsync(q => (int?)q.Id, ct) ?? 0;
        for (int lo = 0; lo < maxId; lo += batchSize)
        {
            int from = lo, to = lo + batchSize;
            var batch = await LoadRowsAsync(db, db.QaItems.AsNoTracking().Where(q => q.Id > from && q.Id <= to), ct);
            if (batch.Count > 0) yield return batch;
        }
    }

    private async Task<List<SearchDocument>> LoadRowsAsync(ZwgkDbContext db, IQueryable<QaItem> query, CancellationToken ct)
    {
        var rows = await (from q in query.Where(q => q.Status == QaStatus.Published)
                          join d in db.Documents on q.BasisDocumentId equals (int?)d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          select new Row(q.Id, q.Question, q.Alternatives, q.Answer, q.Unit != null ? q.Unit.Name : null, q.UnitNameAsWritten, q.Topic, q.Basis,
                              q.PublishedAt, q.ReviewOn, q.ConfirmedAt, q.Status, d != null ? d.Validity : null, d != null ? d.UpdatedAt : null, d != null ? d.ExpiresOn : null,
                              d != null ? d.DocumentNumber : null)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);
        return rows.Where(r => QaRules.Offerable(r.Status, QaRules.Staleness(r.ReviewOn, r.ConfirmedAt,
                r.Validity is { } v ? new QaBasisState(v, r.DocUpdatedAt ?? DateTimeOffset.MinValue, r.ExpiresOn) : null, today)))
            .Select(r => new SearchDocument
            {
                Key = KeyOf(r.Id),
                ContentType = SearchContentTypes.Qa,
                Title = r.Question,
                Url = "/zcwd/" + r.Id.ToString(CultureInfo.InvariantCulture),
                // Other phrasings are searchable but never shown as the title.
                Keywords = r.Alternatives?.Replace('\n', ' '),
                Summary = r.Answer.Length > 200 ? r.Answer[..200] : r.Answer,
                Body = r.Answer + (r.Basis is null ? "" : "\n政策依据：" + r.Basis),
                DocumentNumber = r.DocumentNumber,
                Agencies = (r.Unit ?? r.UnitAsWritten) is { } a ? [a] : [],
                Topic = r.Topic,
                Genre = "政策问答",
                PublishedAt = r.PublishedAt,
            }).ToList();
    }
}
