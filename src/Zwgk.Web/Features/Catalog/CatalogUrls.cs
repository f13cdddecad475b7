using Zwgk.Domain.Catalog;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Catalog;

/// <summary>Portal addresses and labels of columns (the shared portal place knows no catalog types).</summary>
public static class CatalogUrls
{
    private const string DisclosureSlug = PortalUrls.DisclosureSlug;

    /// <summary>The 政府信息公开 root opens the /xxgk catalog page; other columns their list page.</summary>
    public static string Column(ColumnNode c) => IsDisclosureRoot(c) ? "/xxgk" : $"/column/{c.Id}";

    public static bool IsDisclosureRoot(ColumnNode c) => c.ParentId is null && c.Slug == DisclosureSlug;

    public static ColumnNode? DisclosureRoot(CatalogTree tree) =>
        tree.Roots.FirstOrDefault(IsDisclosureRoot) ?? tree.Roots.FirstOrDefault(r => r.IsDisclosureColumn);

    public static ColumnNode? FindBySlug(CatalogTree tree, string slug) =>
        tree.Flatten().Select(x => x.Node).FirstOrDefault(n => n.Slug == slug);

    /// <summary>Columns that can be shown publicly: the column and all its ancestors are visible.</summary>
    public static bool IsPubliclyVisible(CatalogTree tree, int id)
    {
        var path = tree.PathOf(id);
        return path.Count > 0 && path.All(n => n.IsVisible);
    }

    public static string ColumnTypeLabel(ColumnType t) => t switch
    {
        ColumnType.DocumentList => "信息列表",
        ColumnType.SinglePage => "单页",
        ColumnType.ExternalLink => "外部链接",
        _ => t.ToString(),
    };

    /// <summary>Fills the column monitoring tags of a column page.</summary>
    public static void SetColumn(this PageMeta meta, ColumnNode column)
    {
        meta.ColumnName = column.Name;
        meta.ColumnDescription = string.IsNullOrWhiteSpace(column.Description) ? column.Name : column.Description;
        meta.ColumnKeywords = string.IsNullOrWhiteSpace(column.Keywords) ? column.Name : column.Keywords;
        meta.ColumnType = ColumnTypeLabel(column.Type);
    }
}
