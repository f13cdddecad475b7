using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Zwgk.Web.Features.Shared.Portal;

public sealed record Crumb(string Text, string? Href = null);

public sealed record AlternateLink(string Href, string Type, string Title);

/// <summary>
/// Per-page data the portal layout renders: the monitoring &lt;meta&gt; tags (column pages: ColumnName …; content pages:
/// ArticleTitle …), the breadcrumb, feed links and the active main-nav item. Pages fill it through <c>ViewData.Meta()</c>.
/// </summary>
public sealed class PageMeta
{
    public string? ColumnName { get; set; }
    public string? ColumnDescription { get; set; }
    public string? ColumnKeywords { get; set; }
    public string? ColumnType { get; set; }

    public string? ArticleTitle { get; set; }
    /// <summary>YYYY-MM-DD HH:MM (China Standard Time).</summary>
    public string? PubDate { get; set; }
    public string? ContentSource { get; set; }
    public string? Keywords { get; set; }
    public string? Author { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }

    /// <summary>Trail after 首页; the last item is the current page.</summary>
    public List<Crumb> Breadcrumb { get; } = [];
    public List<AlternateLink> Alternates { get; } = [];
    /// <summary>Main-nav key of the current section: "home", "xxgk" or a root column id.</summary>
    public string? ActiveNav { get; set; }
    /// <summary>Extra class on &lt;main&gt; (layout variants).</summary>
    public string? MainClass { get; set; }

}

public static class PageMetaExtensions
{
    private const string Key = "Zwgk.PageMeta";

    public static PageMeta Meta(this ViewDataDictionary viewData)
    {
        if (viewData[Key] is PageMeta m) return m;
        m = new PageMeta();
        viewData[Key] = m;
        return m;
    }
}

/// <summary>Public URLs of portal objects, in one place.</summary>
public static class PortalUrls
{
    public const string DisclosureSlug = "xxgk";
    public const string StatutorySlug = "fdzdgknr";
    public const string NoticeSlug = "tzgg";

    /// <summary>Scheme, host and path base of the current request (feeds and canonical links need absolute URLs).</summary>
    public static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    public static string Doc(int id) => $"/doc/{id}";
    public static string Print(int id) => $"/doc/{id}/print";

    /// <summary>Only same-site relative paths are accepted as redirect targets ("/x", not "//x" or "/\x").</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? AsciiOnly(url) : "/";

    /// <summary>Percent-encodes non-ASCII characters (a Location header carries ASCII only: /search?q=政务公开 would fail).</summary>
    private static string AsciiOnly(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var sb = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) { sb.Append((char)rune.Value); continue; }
            int n = rune.EncodeToUtf8(bytes);
            for (int i = 0; i < n; i++) sb.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
