using Microsoft.EntityFrameworkCore;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Portal;

/// <summary>Portal read models built on <see cref="DocumentQueries.Public"/> (never on raw documents).</summary>
public sealed class PortalQueries(DocumentQueries documents, CatalogService catalog)
{
    /// <summary>
    /// Number of public documents per column, counting each document once per subtree (a document filed under two
    /// sub-columns counts once for their parent). One query for the whole tree.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> SubtreeCountsAsync(CancellationToken ct = default)
    {
        var tree = await catalog.GetTreeAsync(ct);
        var pairs = await documents.Public.SelectMany(d => d.Columns).Select(c => new { Id = c.DocumentId, c.ColumnId }).ToListAsync(ct);
        var byColumn = pairs.GroupBy(p => p.ColumnId).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToHashSet());

        var result = new Dictionary<int, int>();
        HashSet<int> Walk(ColumnNode n)
        {
            var set = byColumn.TryGetValue(n.Id, out var own) ? new HashSet<int>(own) : [];
            foreach (var child in n.Children) set.UnionWith(Walk(child));
            result[n.Id] = set.Count;
            return set;
        }
        foreach (var root in tree.Roots) Walk(root);
        return result;
    }
}
