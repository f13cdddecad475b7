using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Search;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data;

/// <summary>Finds, in a pending save, the content whose search entry may change.</summary>
internal sealed class SearchChangeTracker
{
    private readonly List<Document> documents = [];
    private readonly HashSet<int> documentIds = [];
    private readonly HashSet<int> unitIds = [];
    private readonly List<Zwgk.Domain.Qa.QaItem> qaItems = [];

    public bool IsEmpty => documents.Count == 0 && documentIds.Count == 0 && unitIds.Count == 0 && qaItems.Count == 0;

    /// <summary>Documents changed in this save (existing ones): the Q&amp;A entries resting on them are re-indexed too (staleness).</summary>
    public IReadOnlyCollection<int> ChangedDocumentIds => documentIds;

    public static SearchChangeTracker Collect(ChangeTracker tracker)
    {
        var result = new SearchChangeTracker();
        foreach (var e in tracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (e.Entity)
            {
                case Document d:
                    // Added rows have no id yet: keep the entity and read the id after the save.
                    if (e.State == EntityState.Added) result.documents.Add(d); else result.documentIds.Add(d.Id);
                    break;
                // Children of a new document have no document id yet; the document itself is in the save then.
                case DocumentIssuer i when i.DocumentId > 0: result.documentIds.Add(i.DocumentId); break;
                case DocumentColumn c when c.DocumentId > 0: result.documentIds.Add(c.DocumentId); break;
                case DocumentRelation r when r.Type == RelationType.Interprets && r.FromDocumentId > 0: result.documentIds.Add(r.FromDocumentId); break;
                // A profile makes its document an interpretation (the 政策解读 facet), also when added to one already published.
                case Zwgk.Domain.Interpretations.InterpretationProfile p when p.DocumentId > 0: result.documentIds.Add(p.DocumentId); break;
                // Q&A entries: added ones get their id from the save.
                case Zwgk.Domain.Qa.QaItem q: result.qaItems.Add(q); break;
                // Agency names are in the index: a rename re-indexes that unit's documents.
                case Unit u when e.State == EntityState.Modified && e.Property(nameof(Unit.Name)).IsModified: result.unitIds.Add(u.Id); break;
            }
        }
        return result;
    }

    public IEnumerable<(string Type, int Id)> Resolve()
    {
        var ids = new HashSet<int>(documentIds);
        foreach (var d in documents) if (d.Id > 0) ids.Add(d.Id);
        foreach (var id in ids) yield return (SearchContentTypes.Document, id);
        foreach (var id in unitIds) yield return (SearchContentTypes.Unit, id);
        foreach (var id in qaItems.Select(q => q.Id).Where(id => id > 0).Distinct()) yield return (SearchContentTypes.Qa, id);
    }
}

/// <summary>Wakes the search indexer when a transaction that queued search tasks commits.</summary>
internal sealed class SearchNotifyInterceptor : DbTransactionInterceptor
{
    public static readonly SearchNotifyInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ZwgkDbContext)?.OnTransactionCommitted();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ZwgkDbContext)?.OnTransactionCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ZwgkDbContext)?.OnTransactionRolledBack();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ZwgkDbContext)?.OnTransactionRolledBack();
        return Task.CompletedTask;
    }
}
