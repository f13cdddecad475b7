namespace Zwgk.Domain.Catalog;

/// <summary>
/// Read-side projection for portal list pages: one row per public document and per column it appears under,
/// including every ancestor column, so a column's list (subtree included) is a single index range.
/// Rebuilt from Documents + DocumentColumns; never edited by hand.
/// </summary>
public class ColumnListing
{
    public int ColumnId { get; set; }
    public int DocumentId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}
