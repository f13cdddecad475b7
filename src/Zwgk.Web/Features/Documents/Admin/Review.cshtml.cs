using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Admin;

public sealed record ReviewQueueItem(int Id, string Title, string? DocumentNumber, int Level, int Levels, string Unit, DateTimeOffset UpdatedAt);

/// <summary>Documents waiting for a review decision in the user's scope, oldest first.</summary>
public sealed class ReviewModel(ZwgkDbContext db, CurrentUser user, DocumentService documents) : AdminPageModel
{
    public List<ReviewQueueItem> Items { get; private set; } = [];
    /// <summary>Relations from other units waiting for this unit's confirmation.</summary>
    public List<PendingRelationItem> PendingRelations { get; private set; } = [];
    public bool CanReview => user.CanReview;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await user.Scope(db.Documents.AsNoTracking()).Where(d => d.Status == DocumentStatus.InReview)
            .OrderBy(d => d.UpdatedAt)
            .Select(d => new ReviewQueueItem(d.Id, d.Title, d.DocumentNumber, d.PendingReviewLevel, d.RequiredReviewLevels, d.OwnerUnit!.Name, d.UpdatedAt))
            .ToListAsync(ct);
        PendingRelations = await documents.PendingRelationsAsync(ct);
    }
}
