using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Zwgk.Import;

/// <summary>One saved page of an old site, read for migration.</summary>
public sealed record SitePage
{
    /// <summary>Path relative to the site folder, with '/' separators.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Null for a document page; else why it is skipped (navigation or list page, no title …).</summary>
    public string? SkipReason { get; init; }

    /// <summary>Old column, from the breadcrumb (<c>政务公开 > 政策文件</c>) or else the folder.</summary>
    public string OldColumn { get; init; } = "";

    /// <summary>Original address: canonical link, Url meta, the browser's "saved from" mark, or the base URL + path.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Text for <see cref="DocumentExtractor"/>: the 信息索引表, the title and the content area.</summary>
    public string Text { get; init; } = "";

    /// <summary>Attached files found in the folder (absolute paths inside the site folder).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    public bool IsDocument => SkipReason is null;
}

/// <summary>
/// Reads a page saved from an old government site: finds its content area (the block holding most of the non-link
/// text), its 信息索引表, title, breadcrumb column, original URL and attachments; tells navigation and list pages apart.
/// </summary>
public static partial class SitePageReader
{
    /// <summary>Extensions of saved pages.</summary>
    public static readonly IReadOnlyList<string> PageExtensions = [".html", ".htm", ".shtml"];

    private static readonly HashSet<string> AttachmentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".ofd", ".txt", ".zip", ".rar", ".7z",
        ".jpg", ".jpeg", ".png", ".gif", ".csv",
    };

    private const int MinContentCharacters = 80;
    private const double MaxLinkTextShare = 0.5;

    public static bool IsPage(string path) => PageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static SitePage Read(string path, string siteRoot, string? baseUrl, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var relative = Path.GetRelativePath(siteRoot, path).Replace('\\', '/');
        var info = new FileInfo(path);
        if (info.Length == 0) return new SitePage { RelativePath = relative, SkipReason = "文件为空" };
        if (info.Length > limits.MaxFileBytes) return new SitePage { RelativePath = relative, SkipReason = $"文件超过{limits.MaxFileMegabytes}MB的导入上限" };

        var html = DocumentTextReader.DecodeHtml(File.ReadAllBytes(path));
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body;
        if (body is null) return new SitePage { RelativePath = relative, SkipReason = "没有页面内容" };
        foreach (var noise in body.QuerySelectorAll("script, style, noscript, iframe, form, select").ToList()) noise.Remove();

        var sourceUrl = SourceUrl(html, document, relative, baseUrl);
        var column = OldColumn(document, relative);

        var total = Cjk(body.TextContent);
        var linkText = body.QuerySelectorAll("a").Sum(a => Cjk(a.TextContent));
        var links = body.QuerySelectorAll("a[href]").Length;
        var ownText = total - linkText;
        if (ownText < MinContentCharacters || (total > 0 && linkText > total * MaxLinkTextShare))
        {
            return new SitePage
            {
                RelativePath = relative, OldColumn = column, SourceUrl = sourceUrl,
                SkipReason = $"导航或列表页（{links} 个链接，链接以外的文字 {ownText} 字）",
            };
        }

        var index = FindIndexBlock(body);
        var content = FindContent(body, index);
        var title = Title(document, content);
        if (title is null) return new SitePage { RelativePath = relative, OldColumn = column, SourceUrl = sourceUrl, SkipReason = "没有标题" };

        var contentText = DocumentTextReader.HtmlToText(content);
        var text = (index is null ? "" : DocumentTextReader.HtmlToText(index))
            + (StartsWithTitle(contentText, title) ? "" : "# " + title + "\u2029\n")
            + contentText;
        return new SitePage
        {
            RelativePath = relative, OldColumn = column, SourceUrl = sourceUrl, Text = text,
            Attachments = FindAttachments(content, path, siteRoot, baseUrl),
        };
    }

    /// <summary>The element holding the 信息索引表: the smallest table or block naming at least three index labels.</summary>
    private static IElement? FindIndexBlock(IElement body)
    {
        IElement? best = null;
        foreach (var e in body.QuerySelectorAll("table, div, ul, dl"))
        {
            var text = e.TextContent;
            if (text.Length > 1500) continue;
            var labels = IndexLabelRegex().Matches(text).Select(m => WhitespaceRegex().Replace(m.Value, "")).Distinct().Count();
            if (labels >= 3 && (best is null || best.Contains(e))) best = e;
        }
        return best;
    }

    /// <summary>Walks down from the body into the child holding most of the non-link text, while it holds most of it.</summary>
    private static IElement FindContent(IElement body, IElement? index)
    {
        var current = body;
        while (true)
        {
            var own = OwnText(current, index);
            IElement? next = null;
            var nextText = 0;
            foreach (var child in current.Children)
            {
                var t = OwnText(child, index);
                if (t > nextText) (next, nextText) = (child, t);
            }
            if (next is null || nextText < own * 0.7 || next.LocalName is "p" or "table" or "tbody" or "tr" or "span" or "font" or "strong" or "b") return current;
            current = next;
        }
    }

    private static int OwnText(IElement e, IElement? index)
    {
        if (index is not null && (e == index || index.Contains(e))) return 0;
        var inIndex = index is not null && e.Contains(index) ? Cjk(index.TextContent) : 0;
        return Cjk(e.TextContent) - e.QuerySelectorAll("a").Sum(a => Cjk(a.TextContent)) - inIndex;
    }

    private static string? Title(IDocument document, IElement content)
    {
        var meta = document.QuerySelector("meta[name='ArticleTitle' i]")?.GetAttribute("content")?.Trim();
        if (!string.IsNullOrEmpty(meta)) return meta;
        var heading = content.QuerySelector("h1, h2") ?? document.QuerySelector("h1");
        var text = heading?.TextContent.Trim();
        if (!string.IsNullOrEmpty(text)) return WhitespaceRegex().Replace(text, " ");
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return null;
        // "标题 - 某区人民政府" / "标题_某区人民政府门户网站": the site name follows the last separator.
        var cut = TitleSiteSuffixRegex().Match(title);
        return cut.Success ? title[..cut.Index].Trim() : title;
    }

    private static string OldColumn(IDocument document, string relative)
    {
        var crumb = document.QuerySelectorAll("[class*='crumb' i], [class*='position' i], [class*='location' i], [id*='crumb' i], [id*='position' i], [class*='dqwz' i]")
            .Select(e => e.TextContent).FirstOrDefault(t => t.Trim().Length > 0)
            ?? document.Body?.QuerySelectorAll("div, p, span, td").Select(e => e.TextContent).FirstOrDefault(t => t.Contains("当前位置") && t.Length < 200);
        if (crumb is not null)
        {
            var parts = CrumbSeparatorRegex().Split(CrumbPrefixRegex().Replace(crumb.Trim(), ""))
                .Select(p => WhitespaceRegex().Replace(p, "").Trim()).Where(p => p.Length > 0 && p is not ("首页" or "网站首页" or "正文" or "详情" or "正文内容")).ToList();
            if (parts.Count > 0) return string.Join(" > ", parts);
        }
        var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/');
        return string.IsNullOrEmpty(folder) ? "（根目录）" : DateFolderRegex().Replace(folder, "");
    }

    private static string? SourceUrl(string html, IDocument document, string relative, string? baseUrl)
    {
        var candidates = new[]
        {
            document.QuerySelector("link[rel='canonical' i]")?.GetAttribute("href"),
            document.QuerySelector("meta[name='Url' i]")?.GetAttribute("content"),
            document.QuerySelector("meta[property='og:url' i]")?.GetAttribute("content"),
            SavedFromRegex().Match(html[..Math.Min(html.Length, 2048)]) is { Success: true } m ? m.Groups["url"].Value : null,
        };
        foreach (var c in candidates)
        {
            if (Uri.TryCreate(c?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri.ToString();
        }
        return baseUrl is not null && Uri.TryCreate(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), relative, out var built) ? built.ToString() : null;
    }

    private static List<string> FindAttachments(IElement content, string pagePath, string siteRoot, string? baseUrl)
    {
        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar);
        var found = new List<string>();
        foreach (var a in content.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!.Trim();
            if (baseUrl is not null && href.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase)) href = "/" + href[baseUrl.Length..].TrimStart('/');
            if (href.Length == 0 || href.StartsWith('#') || href.Contains("://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
            href = Uri.UnescapeDataString(href.Split('?', '#')[0]);
            if (!AttachmentExtensions.Contains(Path.GetExtension(href))) continue;
            var full = Path.GetFullPath(href.StartsWith('/') ? Path.Combine(root, href.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(pagePath)!, href));
            // Never read outside the site folder, whatever a page links to.
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full) || found.Contains(full)) continue;
            found.Add(full);
        }
        return found;
    }

    // The content area may hold the title as its heading; a title quoted further down (an attachment link) does not count.
    private static bool StartsWithTitle(string content, string title)
    {
        var squashed = Squash(content);
        return squashed.IndexOf(Squash(title), StringComparison.Ordinal) is >= 0 and < 200;
    }

    private static int Cjk(string text) => text.Count(c => DocumentExtractor.IsHan(c) || char.IsLetterOrDigit(c));

    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u2029' && c != '#').ToArray());

    [GeneratedRegex(@"索\s*引\s*号|发\s*文\s*字\s*号|文\s*号|成\s*文\s*日\s*期|发\s*布\s*日\s*期|主\s*题\s*分\s*类|发\s*文\s*机\s*关|发\s*布\s*机\s*构|组\s*配\s*分\s*类|生\s*成\s*日\s*期|发\s*文\s*日\s*期")]
    private static partial Regex IndexLabelRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\s*[-_|—]\s*[^-_|—]+$")]
    private static partial Regex TitleSiteSuffixRegex();

    [GeneratedRegex(@"[>＞»›]")]
    private static partial Regex CrumbSeparatorRegex();

    [GeneratedRegex(@"^.*?(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]?")]
    private static partial Regex CrumbPrefixRegex();

    [GeneratedRegex(@"(?:/\d{6,8}|/\d{4}/\d{1,2}(?:/\d{1,2})?)+$")]
    private static partial Regex DateFolderRegex();

    [GeneratedRegex(@"<!--\s*saved from url=\(\d+\)(?<url>\S+?)\s*-->", RegexOptions.IgnoreCase)]
    private static partial Regex SavedFromRegex();
}
