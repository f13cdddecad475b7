using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Portal;

/// <summary>Portal read models built on <see cref="DocumentQueries"/> (never on raw documents).</summary>
public sealed class PortalQueries(DocumentQueries documents)
{
    /// <summary>
    /// Number of public documents per column, counting each document once per subtree (a document filed under two
    /// sub-columns counts once for their parent). One aggregate over the list projection.
    /// </summary>
    public Task<IReadOnlyDictionary<int, int>> SubtreeCountsAsync(CancellationToken ct = default) => documents.PublicCountsByColumnAsync(ct);
}
