using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zwgk.Domain.Catalog;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Catalog;

public sealed record ColumnNode(int Id, int? ParentId, string Name, string Slug, ColumnType Type, bool IsDisclosureColumn, string? ExternalUrl,
    string? StatutoryBasis, int? UpdateIntervalDays, int? OwnerUnitId, string? Description, string? Keywords, string? EmptyNotice, bool IsVisible, int SortOrder)
{
    public List<ColumnNode> Children { get; } = [];

    public string TypeLabel => Type switch
    {
        ColumnType.DocumentList => "文件列表",
        ColumnType.SinglePage => "单页",
        ColumnType.ExternalLink => "外部链接",
        _ => Type.ToString(),
    };
}

/// <summary>The column tree, cached in memory (it changes rarely and every portal page needs it).</summary>
public sealed class CatalogTree
{
    public IReadOnlyList<ColumnNode> Roots { get; }
    public IReadOnlyDictionary<int, ColumnNode> ById { get; }

    public CatalogTree(IEnumerable<ColumnNode> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        foreach (var n in byId.Values.OrderBy(n => n.SortOrder))
            if (n.ParentId is int p && byId.TryGetValue(p, out var parent)) parent.Children.Add(n);
        Roots = byId.Values.Where(n => n.ParentId is null || !byId.ContainsKey(n.ParentId.Value)).OrderBy(n => n.SortOrder).ToList();
        ById = byId;
    }

    public ColumnNode? Find(int id) => ById.GetValueOrDefault(id);

    /// <summary>Root-to-node path, e.g. 政府信息公开 › 法定主动公开内容 › 规划信息.</summary>
    public IReadOnlyList<ColumnNode> PathOf(int id)
    {
        var path = new List<ColumnNode>();
        for (var n = Find(id); n is not null; n = n.ParentId is int p ? Find(p) : null) path.Insert(0, n);
        return path;
    }

    public string PathText(int id) => string.Join(" > ", PathOf(id).Select(n => n.Name));

    public IEnumerable<ColumnNode> SelfAndDescendants(int id)
    {
        if (Find(id) is not { } start) yield break;
        var stack = new Stack<ColumnNode>([start]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            foreach (var c in n.Children) stack.Push(c);
        }
    }

    public IEnumerable<(ColumnNode Node, int Depth)> Flatten()
    {
        IEnumerable<(ColumnNode, int)> Walk(ColumnNode n, int depth) => n.Children.SelectMany(c => Walk(c, depth + 1)).Prepend((n, depth));
        return Roots.SelectMany(r => Walk(r, 0));
    }
}

public sealed class CatalogService(ZwgkDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "catalog-tree";

    public async Task<CatalogTree> GetTreeAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out CatalogTree? tree) && tree is not null) return tree;
        var nodes = await db.Columns.AsNoTracking()
            .Select(c => new ColumnNode(c.Id, c.ParentId, c.Name, c.Slug, c.Type, c.IsDisclosureColumn, c.ExternalUrl, c.StatutoryBasis, c.UpdateIntervalDays,
                c.OwnerUnitId, c.Description, c.Keywords, c.EmptyNotice, c.IsVisible, c.SortOrder))
            .ToListAsync(ct);
        tree = new CatalogTree(nodes);
        cache.Set(CacheKey, tree, TimeSpan.FromMinutes(30));
        return tree;
    }

    /// <summary>Call after any column change.</summary>
    public void Invalidate() => cache.Remove(CacheKey);
}

public static class CatalogExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<CatalogService>();
        return services;
    }
}
