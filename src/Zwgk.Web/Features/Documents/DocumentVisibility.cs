using Zwgk.Domain.Documents;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Documents;

public static class DocumentScope
{
    /// <summary>
    /// Documents a back-office user may see and refer to: everything in their scope, plus every publicly visible document
    /// of other units. Another unit's drafts and non-public records are out of sight (and answer like a missing id).
    /// </summary>
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, CurrentUser user)
    {
        if (user.SpansAllUnits) return documents;
        return documents.Where(Zwgk.Domain.Documents.DocumentVisibility.OwnedByOrPublic(user.UnitId));
    }
}
