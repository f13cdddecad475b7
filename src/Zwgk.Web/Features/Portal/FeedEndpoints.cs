using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>Machine-readable portal outputs: column feeds (RSS 2.0, Atom), XML sitemaps and robots.txt.</summary>
public static class FeedEndpoints
{
    public const int FeedSize = 20;
    /// <summary>The sitemap protocol allows at most 50,000 URLs per file; larger sites get a sitemap index.</summary>
    public const int SitemapMaxUrls = 50_000;

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Map(IEndpointRouteBuilder app)
    {
        RouteHandlerBuilder[] endpoints =
        [
            app.MapGet("/column/{id:int}/rss.xml", Rss).WithSummary("栏目 RSS 2.0 订阅（最新20条）"),
            app.MapGet("/column/{id:int}/atom.xml", Atom).WithSummary("栏目 Atom 订阅（最新20条）"),
            app.MapGet("/sitemap.xml", Sitemap).WithSummary("XML 站点地图（超过5万条时为站点地图索引）"),
            app.MapGet("/sitemaps/columns.xml", SitemapColumns).WithSummary("栏目页站点地图"),
            app.MapGet("/sitemaps/documents-{part:int}.xml", SitemapDocuments).WithSummary("文件页站点地图分卷"),
            app.MapGet("/robots.txt", Robots).WithSummary("robots.txt"),
        ];
        foreach (var e in endpoints) e.WithTags("门户订阅与站点地图").CacheOutput(PortalCache.Policy);
    }

    private sealed record FeedData(ColumnNode Column, string SiteName, string Author, IReadOnlyList<DocumentListItem> Items);

    private static async Task<FeedData?> LoadFeedAsync(int id, CatalogService catalog, DocumentQueries queries, SiteSettingsService settings, CancellationToken ct)
    {
        var tree = await catalog.GetTreeAsync(ct);
        if (tree.Find(id) is not { } column || !CatalogUrls.IsPubliclyVisible(tree, id)) return null;
        var site = await settings.GetAsync(ct);
        var page = await queries.ListPublicAsync(new PublicListFilter(ColumnId: id, PageSize: FeedSize), ct);
        return new FeedData(column, site.SiteName, string.IsNullOrWhiteSpace(site.Sponsor) ? site.SiteName : site.Sponsor, page.Items);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Rss(int id, HttpRequest req, CatalogService catalog, DocumentQueries queries,
        SiteSettingsService settings, CancellationToken ct)
    {
        if (await LoadFeedAsync(id, catalog, queries, settings, ct) is not { } f) return TypedResults.NotFound();
        var baseUrl = PortalUrls.BaseUrl(req);
        var buffer = new MemoryStream();
        await using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = Utf8, Indent = true }))
        {
            await w.WriteStartDocumentAsync();
            await w.WriteStartElementAsync(null, "rss", null);
            await w.WriteAttributeStringAsync(null, "version", null, "2.0");
            await w.WriteAttributeStringAsync("xmlns", "atom", null, AtomNs);
            await w.WriteStartElementAsync(null, "channel", null);
            await w.WriteElementStringAsync(null, "title", null, $"{f.Column.Name} - {f.SiteName}");
            await w.WriteElementStringAsync(null, "link", null, baseUrl + CatalogUrls.Column(f.Column));
            await w.WriteElementStringAsync(null, "description", null, string.IsNullOrWhiteSpace(f.Column.Description) ? f.Column.Name : f.Column.Description);
            await w.WriteElementStringAsync(null, "language", null, "zh-cn");
            if (f.Items.FirstOrDefault()?.PublishedAt is { } latest) await w.WriteElementStringAsync(null, "lastBuildDate", null, Rfc822(latest));
            await w.WriteStartElementAsync("atom", "link", AtomNs);
            await w.WriteAttributeStringAsync(null, "href", null, $"{baseUrl}/column/{f.Column.Id}/rss.xml");
            await w.WriteAttributeStringAsync(null, "rel", null, "self");
            await w.WriteAttributeStringAsync(null, "type", null, "application/rss+xml");
            await w.WriteEndElementAsync();
            foreach (var d in f.Items)
            {
                var url = baseUrl + PortalUrls.Doc(d.Id);
                await w.WriteStartElementAsync(null, "item", null);
                await w.WriteElementStringAsync(null, "title", null, d.Title);
                await w.WriteElementStringAsync(null, "link", null, url);
                await w.WriteStartElementAsync(null, "guid", null);
                await w.WriteAttributeStringAsync(null, "isPermaLink", null, "true");
                await w.WriteStringAsync(url);
                await w.WriteEndElementAsync();
                if (d.PublishedAt is { } p) await w.WriteElementStringAsync(null, "pubDate", null, Rfc822(p));
                await w.WriteElementStringAsync(null, "description", null, Describe(d));
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Atom(int id, HttpRequest req, CatalogService catalog, DocumentQueries queries,
        SiteSettingsService settings, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadFeedAsync(id, catalog, queries, settings, ct) is not { } f) return TypedResults.NotFound();
        var baseUrl = PortalUrls.BaseUrl(req);
        var buffer = new MemoryStream();
        await using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = Utf8, Indent = true }))
        {
            await w.WriteStartDocumentAsync();
            await w.WriteStartElementAsync(null, "feed", AtomNs);
            await w.WriteAttributeStringAsync("xml", "lang", null, "zh-CN");
            await w.WriteElementStringAsync(null, "id", AtomNs, baseUrl + CatalogUrls.Column(f.Column));
            await w.WriteElementStringAsync(null, "title", AtomNs, $"{f.Column.Name} - {f.SiteName}");
            await w.WriteElementStringAsync(null, "updated", AtomNs, Rfc3339(f.Items.FirstOrDefault()?.PublishedAt ?? clock.GetUtcNow()));
            await WriteLinkAsync(w, "self", $"{baseUrl}/column/{f.Column.Id}/atom.xml", "application/atom+xml");
            await WriteLinkAsync(w, "alternate", baseUrl + CatalogUrls.Column(f.Column), "text/html");
            await w.WriteStartElementAsync(null, "author", AtomNs);
            await w.WriteElementStringAsync(null, "name", AtomNs, f.Author);
            await w.WriteEndElementAsync();
            foreach (var d in f.Items)
            {
                var url = baseUrl + PortalUrls.Doc(d.Id);
                await w.WriteStartElementAsync(null, "entry", AtomNs);
                await w.WriteElementStringAsync(null, "id", AtomNs, url);
                await w.WriteElementStringAsync(null, "title", AtomNs, d.Title);
                await WriteLinkAsync(w, "alternate", url, "text/html");
                var published = d.PublishedAt ?? clock.GetUtcNow();
                await w.WriteElementStringAsync(null, "published", AtomNs, Rfc3339(published));
                await w.WriteElementStringAsync(null, "updated", AtomNs, Rfc3339(published));
                await w.WriteElementStringAsync(null, "summary", AtomNs, Describe(d));
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static async Task WriteLinkAsync(XmlWriter w, string rel, string href, string type)
    {
        await w.WriteStartElementAsync(null, "link", AtomNs);
        await w.WriteAttributeStringAsync(null, "rel", null, rel);
        await w.WriteAttributeStringAsync(null, "type", null, type);
        await w.WriteAttributeStringAsync(null, "href", null, href);
        await w.WriteEndElementAsync();
    }

    private static string Describe(DocumentListItem d)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(d.DocumentNumber)) parts.Add($"发文字号：{d.DocumentNumber}");
        if (d.PublishedAt is { } p) parts.Add($"发布日期：{Formats.CnDate(p)}");
        return parts.Count > 0 ? string.Join("；", parts) : d.Title;
    }

    private static string Rfc822(DateTimeOffset d) => d.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
    private static string Rfc3339(DateTimeOffset d) => d.ToOffset(Formats.ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// /sitemap.xml: one urlset (home, visible columns, every public document with lastmod) streamed row by row; when that
    /// would exceed 50,000 URLs it becomes a sitemap index of /sitemaps/columns.xml and /sitemaps/documents-N.xml parts.
    /// </summary>
    public static async Task<IResult> Sitemap(HttpRequest req, CatalogService catalog, DocumentQueries queries, CancellationToken ct)
    {
        var baseUrl = PortalUrls.BaseUrl(req);
        var tree = await catalog.GetTreeAsync(ct);
        var columns = VisibleColumnUrls(tree);
        var documents = await queries.Public.CountAsync(ct);
        if (1 + columns.Count + documents <= SitemapMaxUrls)
            return TypedResults.Stream(async body =>
            {
                await using var w = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = Utf8 });
                await StartUrlSetAsync(w);
                await WriteUrlAsync(w, baseUrl + "/", null);
                foreach (var c in columns) await WriteUrlAsync(w, baseUrl + c, null);
                await WriteDocumentUrlsAsync(w, baseUrl, queries.Public.OrderBy(d => d.Id), req.HttpContext.RequestAborted);
                await w.WriteEndElementAsync();
                await w.WriteEndDocumentAsync();
            }, "application/xml; charset=utf-8");

        var parts = (documents + SitemapMaxUrls - 1) / SitemapMaxUrls;
        return TypedResults.Stream(async body =>
        {
            await using var w = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = Utf8 });
            await w.WriteStartDocumentAsync();
            await w.WriteStartElementAsync(null, "sitemapindex", SitemapNs);
            await WriteSitemapRefAsync(w, baseUrl + "/sitemaps/columns.xml");
            for (var i = 1; i <= parts; i++) await WriteSitemapRefAsync(w, $"{baseUrl}/sitemaps/documents-{i}.xml");
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
        }, "application/xml; charset=utf-8");
    }

    public static async Task<IResult> SitemapColumns(HttpRequest req, CatalogService catalog, CancellationToken ct)
    {
        var baseUrl = PortalUrls.BaseUrl(req);
        var columns = VisibleColumnUrls(await catalog.GetTreeAsync(ct));
        return TypedResults.Stream(async body =>
        {
            await using var w = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = Utf8 });
            await StartUrlSetAsync(w);
            await WriteUrlAsync(w, baseUrl + "/", null);
            foreach (var c in columns) await WriteUrlAsync(w, baseUrl + c, null);
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
        }, "application/xml; charset=utf-8");
    }

    public static async Task<IResult> SitemapDocuments(int part, HttpRequest req, DocumentQueries queries, CancellationToken ct)
    {
        var documents = await queries.Public.CountAsync(ct);
        if (part < 1 || (part - 1L) * SitemapMaxUrls >= Math.Max(documents, 1)) return TypedResults.NotFound();
        var baseUrl = PortalUrls.BaseUrl(req);
        var slice = queries.Public.OrderBy(d => d.Id).Skip((part - 1) * SitemapMaxUrls).Take(SitemapMaxUrls);
        return TypedResults.Stream(async body =>
        {
            await using var w = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = Utf8 });
            await StartUrlSetAsync(w);
            await WriteDocumentUrlsAsync(w, baseUrl, slice, req.HttpContext.RequestAborted);
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
        }, "application/xml; charset=utf-8");
    }

    private static List<string> VisibleColumnUrls(CatalogTree tree) =>
        tree.Flatten().Select(x => x.Node).Where(n => n.Type != Domain.Catalog.ColumnType.ExternalLink && CatalogUrls.IsPubliclyVisible(tree, n.Id))
            .Select(CatalogUrls.Column).Distinct().ToList();

    private static async Task StartUrlSetAsync(XmlWriter w)
    {
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "urlset", SitemapNs);
    }

    private static async Task WriteDocumentUrlsAsync(XmlWriter w, string baseUrl, IQueryable<Domain.Documents.Document> ordered, CancellationToken ct)
    {
        var n = 0;
        await foreach (var d in ordered.Select(d => new { d.Id, d.UpdatedAt, d.PublishedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var modified = d.PublishedAt is { } p && p > d.UpdatedAt ? p : d.UpdatedAt;
            await WriteUrlAsync(w, baseUrl + PortalUrls.Doc(d.Id), modified);
            if (++n % 1000 == 0) await w.FlushAsync();
        }
    }

    private static async Task WriteUrlAsync(XmlWriter w, string loc, DateTimeOffset? lastmod)
    {
        await w.WriteStartElementAsync(null, "url", SitemapNs);
        await w.WriteElementStringAsync(null, "loc", SitemapNs, loc);
        if (lastmod is { } m) await w.WriteElementStringAsync(null, "lastmod", SitemapNs, Rfc3339(m));
        await w.WriteEndElementAsync();
    }

    private static async Task WriteSitemapRefAsync(XmlWriter w, string loc)
    {
        await w.WriteStartElementAsync(null, "sitemap", SitemapNs);
        await w.WriteElementStringAsync(null, "loc", SitemapNs, loc);
        await w.WriteEndElementAsync();
    }

    public static ContentHttpResult Robots(HttpRequest req)
    {
        var text = $"""
            User-agent: *
            Allow: /
            Disallow: /admin
            Disallow: /api/v1/admin

            Sitemap: {PortalUrls.BaseUrl(req)}/sitemap.xml

            """;
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
