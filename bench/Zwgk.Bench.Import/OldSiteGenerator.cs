using System.Globalization;
using System.Net;
using System.Text;

namespace Zwgk.Bench.Import;

/// <summary>A document page the generator wrote, with the values an importer must find on it.</summary>
public sealed record GeneratedDocument(
    string Path, string Title, string? DocumentNumber, string Agency, DateOnly WrittenOn, DateOnly PublishedOn, string IndexNumber,
    string OldColumn, string SourceUrl, IReadOnlyList<string> Attachments);

/// <summary>What was generated: document pages (each to be imported once), copies of them, and navigation/list pages.</summary>
public sealed record OldSite(
    string Root, IReadOnlyList<GeneratedDocument> Documents, IReadOnlyDictionary<string, string> Duplicates, IReadOnlyList<string> NavigationPages)
{
    public int PageCount => Documents.Count + Duplicates.Count + NavigationPages.Count;
}

/// <summary>
/// Writes a folder of pages as saved from an old district site (TRS-style paths <c>col/202403/t20240305_123.html</c>):
/// a home page and paged column lists (navigation), document pages with a 信息索引表 in one of three layouts, a
/// breadcrumb, a canonical URL and attached files, plus copies of some documents saved under a second address.
/// Deterministic for a given seed.
/// </summary>
public static class OldSiteGenerator
{
    public const string BaseUrl = "http://www.szq.example.gov.cn/";

    public static readonly (string Slug, string Crumb)[] Columns =
    [
        ("qzfwj", "政务公开 > 政策文件 > 区政府文件"),
        ("qzfbwj", "政务公开 > 政策文件 > 区政府办公室文件"),
        ("sjwj", "政务公开 > 政策文件 > 上级文件"),
        ("tzgg", "政务公开 > 通知公告"),
    ];

    private static readonly string[] Subjects =
    [
        "政务公开工作要点", "优化营商环境若干措施", "城乡居民基本医疗保险实施办法", "老旧小区改造工作方案", "安全生产专项整治行动方案",
        "义务教育招生入学工作意见", "困难群众临时救助办法", "促进就业创业十条措施", "防汛抗旱应急预案", "政府信息公开年度报告编制工作",
        "公共文化服务体系建设", "农村人居环境整治提升行动", "城市管理综合执法实施细则", "数字政府建设实施方案", "养老服务体系建设规划",
    ];

    private static readonly string[] Sentences =
    [
        "各单位要高度重视，加强组织领导，明确责任分工，确保各项工作任务落到实处。",
        "要坚持以人民为中心的发展思想，聚焦群众关切，及时回应社会关注热点。",
        "进一步完善工作机制，强化部门协同，形成工作合力，推动工作取得实效。",
        "加大政策宣传解读力度，通过政府网站、政务新媒体等渠道主动发布政策信息。",
        "建立健全监督检查制度，定期通报工作进展情况，对工作不力的单位予以督促整改。",
        "严格落实保密审查制度，坚持先审查、后公开，一事一审、全面审查。",
        "各街道办事处要结合实际制定具体实施方案，并于每季度末将落实情况报送区政府办公室。",
        "本办法自印发之日起施行，有效期五年。此前有关规定与本办法不一致的，以本办法为准。",
    ];

    public static OldSite Generate(string root, int documents, int duplicateEvery = 10, int attachmentEvery = 5, int seed = 2024)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(root);
        var docs = new List<GeneratedDocument>();
        var duplicates = new Dictionary<string, string>(StringComparer.Ordinal);
        var navigation = new List<string>();

        for (var i = 0; i < documents; i++)
        {
            var (slug, crumb) = Columns[i % Columns.Length];
            var written = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 5 * 365));
            var published = written.AddDays(random.Next(1, 8));
            var id = 1000 + i;
            var folder = $"{slug}/{published:yyyyMM}";
            var path = $"{folder}/t{published:yyyyMMdd}_{id}.html";
            var subject = Subjects[i % Subjects.Length];
            var year = written.Year;
            var serial = i + 1;
            var (agency, number, title) = slug switch
            {
                "qzfwj" => ("济南市市中区人民政府", $"市中政发〔{year}〕{serial}号", $"济南市市中区人民政府关于印发{year}年{subject}的通知（第{serial}号）"),
                "qzfbwj" => ("济南市市中区人民政府办公室", $"市中政办字〔{year}〕{serial}号", $"济南市市中区人民政府办公室关于{year}年{subject}的通知（第{serial}号）"),
                "sjwj" => ("山东省人民政府办公厅", $"鲁政办字〔{year}〕{serial}号", $"山东省人民政府办公厅关于做好{subject}的通知（第{serial}号）"),
                _ => ("济南市市中区人民政府办公室", (string?)null, $"关于{year}年{subject}有关事项的公告（第{serial}号）"),
            };
            var indexNumber = $"11370103MB2856371X/{published.Year}-{serial:D5}";
            var attachments = new List<string>();
            if (i % attachmentEvery == 0)
            {
                attachments.Add($"{folder}/P0{id}.pdf");
                WriteFile(root, attachments[^1], Encoding.ASCII.GetBytes($"%PDF-1.4\n% attachment {id}\n%%EOF\n"));
            }
            if (i % (attachmentEvery * 2) == 0)
            {
                attachments.Add($"{folder}/P1{id}.xlsx");
                WriteFile(root, attachments[^1], [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes($"sheet {id}")]);
            }

            var doc = new GeneratedDocument(path, title, number, agency, written, published, indexNumber, crumb, BaseUrl + path, attachments);
            docs.Add(doc);
            var paragraphs = Enumerable.Range(0, 3 + (i % 4))
                .Select(_ => string.Concat(Enumerable.Range(0, 3).Select(_ => Sentences[random.Next(Sentences.Length)]))).ToList();
            WriteFile(root, path, Encoding.UTF8.GetBytes(DocumentPage(doc, i, paragraphs, views: random.Next(10, 9999))));

            // The same document reached through a second address ("art" links of the old CMS), with other page chrome.
            if (duplicateEvery > 0 && i % duplicateEvery == duplicateEvery - 1)
            {
                var copy = $"art/{published:yyyy}/art_{id}.html";
                duplicates[copy] = path;
                WriteFile(root, copy, Encoding.UTF8.GetBytes(DocumentPage(doc, i, paragraphs, views: random.Next(10, 9999))));
            }
        }

        // Home page and paged column lists.
        navigation.Add("index.html");
        WriteFile(root, "index.html", Encoding.UTF8.GetBytes(ListPage("首页", docs.Take(30).ToList(), "")));
        foreach (var (slug, crumb) in Columns)
        {
            var inColumn = docs.Where(d => d.OldColumn == crumb).ToList();
            for (var page = 0; page * 20 < Math.Max(inColumn.Count, 1); page++)
            {
                var name = page == 0 ? $"{slug}/index.html" : $"{slug}/index_{page}.html";
                navigation.Add(name);
                WriteFile(root, name, Encoding.UTF8.GetBytes(ListPage(crumb, inColumn.Skip(page * 20).Take(20).ToList(), "../")));
            }
        }

        return new OldSite(root, docs, duplicates, navigation);
    }

    private static string Header(string crumb, string prefix) => $"""
        <div class="header"><div class="logo">济南市市中区人民政府</div>
        <ul class="nav"><li><a href="{prefix}index.html">首页</a></li><li><a href="{prefix}qzfwj/index.html">区政府文件</a></li><li><a href="{prefix}qzfbwj/index.html">区政府办公室文件</a></li><li><a href="{prefix}sjwj/index.html">上级文件</a></li><li><a href="{prefix}tzgg/index.html">通知公告</a></li><li><a href="{prefix}hdjl/index.html">互动交流</a></li></ul></div>
        <div class="position">当前位置：<a href="{prefix}index.html">首页</a> &gt; {string.Join(" &gt; ", crumb.Split(" > ").Select(c => $"<a href=\"#\">{c}</a>"))}</div>
        """;

    private const string Footer = """
        <div class="footer"><p>主办：济南市市中区人民政府办公室　承办：区大数据中心</p><p>网站标识码：3701030001　鲁ICP备00000000号</p><p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">我为政府网站找错</a></p></div>
        """;

    private static string DocumentPage(GeneratedDocument d, int i, List<string> paragraphs, int views)
    {
        var prefix = string.Concat(Enumerable.Repeat("../", d.Path.Count(c => c == '/')));
        var number = d.DocumentNumber ?? "";
        // Three 信息索引表 layouts seen on real portals.
        var index = (i % 3) switch
        {
            0 => $"""
                <table class="xxgk_table">
                <tr><td>索 引 号：</td><td>{d.IndexNumber}</td><td>主题分类：</td><td>综合政务\政务公开</td></tr>
                <tr><td>发布机构：</td><td>{d.Agency}</td><td>成文日期：</td><td>{d.WrittenOn:yyyy年MM月dd日}</td></tr>
                <tr><td>文　　号：</td><td>{number}</td><td>发布日期：</td><td>{d.PublishedOn:yyyy年MM月dd日}</td></tr>
                </table>
                """,
            1 => $"""
                <div class="xxgk"><p><span>索引号：{d.IndexNumber}</span><span>组配分类：政务公开</span></p>
                <p><span>发文机关：{d.Agency}</span><span>成文日期：{d.WrittenOn:yyyy-MM-dd}</span></p>
                <p><span>文号：{number}</span><span>发布日期：{d.PublishedOn:yyyy-MM-dd}</span></p></div>
                """,
            _ => $"""
                <ul class="meta"><li>索引号</li><li>{d.IndexNumber}</li><li>信息分类</li><li>综合政务\政务公开</li>
                <li>发文单位</li><li>{d.Agency}</li><li>发文字号</li><li>{(number.Length > 0 ? number : "无")}</li>
                <li>发布日期</li><li>{d.PublishedOn:yyyy/MM/dd}</li></ul>
                """,
        };
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>各街道办事处，区政府各部门，区属各单位：</p>\n");
        foreach (var paragraph in paragraphs) body.Append(CultureInfo.InvariantCulture, $"<p>{paragraph}</p>\n");
        foreach (var a in d.Attachments)
        {
            var name = System.IO.Path.GetFileName(a);
            body.Append(CultureInfo.InvariantCulture, $"<p>附件：<a href=\"{name}\">{WebUtility.HtmlEncode(d.Title)}（{name}）</a></p>\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"<p style=\"text-align:right\">{d.Agency}</p>\n<p style=\"text-align:right\">{d.WrittenOn.Year}年{d.WrittenOn.Month}月{d.WrittenOn.Day}日</p>\n");
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(d.Title)}_济南市市中区人民政府</title>
            <link rel="canonical" href="{d.SourceUrl}"><script>var pageId = {i};</script></head>
            <body>
            {Header(d.OldColumn, prefix)}
            <div class="main">
            {index}
            <div class="article"><h1>{WebUtility.HtmlEncode(d.Title)}</h1>
            <div class="info">浏览次数：{views}　【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
            <div id="zoom" class="TRS_Editor">
            {body}</div></div>
            <div class="related"><h3>相关链接</h3><ul><li><a href="#">中国政府网</a></li><li><a href="#">山东省人民政府</a></li><li><a href="#">济南市人民政府</a></li></ul></div>
            </div>
            {Footer}
            </body></html>
            """;
    }

    private static string ListPage(string crumb, List<GeneratedDocument> docs, string prefix)
    {
        var items = string.Concat(docs.Select(d =>
            $"<li><a href=\"{prefix}{d.Path}\">{WebUtility.HtmlEncode(d.Title)}</a><span>{d.PublishedOn:yyyy-MM-dd}</span></li>\n"));
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{crumb}_济南市市中区人民政府</title></head>
            <body>
            {Header(crumb, prefix)}
            <div class="main"><ul class="list">
            {items}</ul>
            <div class="page">共{docs.Count}条 <a href="#">首页</a> <a href="#">上一页</a> <a href="#">下一页</a> <a href="#">尾页</a></div></div>
            {Footer}
            </body></html>
            """;
    }

    private static void WriteFile(string root, string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(root, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }
}
