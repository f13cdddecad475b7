namespace Zwgk.Domain.Catalog;

public enum ColumnType { DocumentList = 1, SinglePage = 2, ExternalLink = 3 }

/// <summary>A portal column (栏目) in the catalog tree (公开目录).</summary>
public class Column
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Column? Parent { get; set; }
    public string Name { get; set; } = "";
    /// <summary>URL segment, unique among siblings; the column's public path is /column/{id}.</summary>
    public string Slug { get; set; } = "";
    public ColumnType Type { get; set; } = ColumnType.DocumentList;
    public int? OwnerUnitId { get; set; }
    /// <summary>Required update interval in days (checked by the compliance self-check); null = no requirement.</summary>
    public int? UpdateIntervalDays { get; set; }
    /// <summary>Working days allowed between forming/changing information and disclosing it.</summary>
    public int DisclosureTimeLimitWorkingDays { get; set; } = 20;
    /// <summary>Article of the 条例 this column satisfies, e.g. 第二十条第（七）项.</summary>
    public string? StatutoryBasis { get; set; }
    public string? ExternalUrl { get; set; }
    public string? PageHtml { get; set; }
    public string? Description { get; set; }
    public string? Keywords { get; set; }
    /// <summary>「暂无信息说明」 shown when a column legitimately has nothing to publish.</summary>
    public string? EmptyNotice { get; set; }
    public bool IsDisclosureColumn { get; set; }
    public int SortOrder { get; set; }
    public bool IsVisible { get; set; } = true;

    public string TypeLabel => Type switch
    {
        ColumnType.DocumentList => "文件列表",
        ColumnType.SinglePage => "单页",
        ColumnType.ExternalLink => "外部链接",
        _ => Type.ToString(),
    };
}

/// <summary>Node of the default catalog the platform seeds on first start.</summary>
public sealed record CatalogNode(string Name, string Slug, ColumnType Type = ColumnType.DocumentList, string? Basis = null,
    int? UpdateIntervalDays = null, IReadOnlyList<CatalogNode>? Children = null, bool Disclosure = true);

public static class DefaultCatalog
{
    static CatalogNode N(string name, string slug, string? basis = null, int? interval = null, params CatalogNode[] children) =>
        new(name, slug, ColumnType.DocumentList, basis, interval, children);

    /// <summary>政府信息公开专栏 mapped to 条例 arts. 20–21 (see shared spec document-elements.md).</summary>
    public static readonly CatalogNode DisclosureRoot = new("政府信息公开", "xxgk", ColumnType.DocumentList, null, null,
    [
        new("政府信息公开指南", "gkzn", ColumnType.SinglePage, "第二十三条", 365),
        new("政府信息公开制度", "gkzd", ColumnType.DocumentList, null, 365),
        N("法定主动公开内容", "fdzdgknr", "第十九条、第二十条", null,
            N("机构职能", "jgzn", "第二十条第（二）项", 180),
            N("政策文件", "zcwj", "第二十条第（一）项", 90,
                N("行政规范性文件", "xzgfxwj", "第二十条第（一）项"),
                N("其他文件", "qtwj", "第二十条第（一）项"),
                N("废止失效文件", "fzsxwj", "第二十条第（一）项"),
                N("政策解读", "zcjd", "第二十条第（一）项")),
            N("规划信息", "ghxx", "第二十条第（三）项", 365),
            N("统计信息", "tjxx", "第二十条第（四）项", 90),
            N("行政许可和服务事项", "xzxk", "第二十条第（五）项", 180),
            N("行政执法", "xzzf", "第二十条第（六）项", 90,
                N("行政处罚", "xzcf", "第二十条第（六）项"),
                N("行政强制", "xzqz", "第二十条第（六）项")),
            N("财政信息", "czxx", "第二十条第（七）项", 365,
                N("预算", "ys", "第二十条第（七）项"),
                N("决算", "js", "第二十条第（七）项"),
                N("三公经费", "sgjf", "第二十条第（七）项")),
            N("行政事业性收费", "xzsyxsf", "第二十条第（八）项", 365),
            N("政府采购", "zfcg", "第二十条第（九）项", 90),
            N("重大建设项目", "zdjsxm", "第二十条第（十）项", 90),
            N("民生事业", "msxy", "第二十条第（十一）项", 90,
                N("扶贫", "fp", "第二十条第（十一）项"),
                N("教育", "jy", "第二十条第（十一）项"),
                N("医疗", "yl", "第二十条第（十一）项"),
                N("社会保障", "shbz", "第二十条第（十一）项"),
                N("就业", "jiuye", "第二十条第（十一）项")),
            N("应急管理", "yjgl", "第二十条第（十二）项", 90),
            N("监督检查", "jdjc", "第二十条第（十三）项", 90,
                N("环境保护", "hjbh", "第二十条第（十三）项"),
                N("公共卫生", "ggws", "第二十条第（十三）项"),
                N("安全生产", "aqsc", "第二十条第（十三）项"),
                N("食品药品", "spyp", "第二十条第（十三）项"),
                N("产品质量", "cpzl", "第二十条第（十三）项")),
            N("人事信息", "rsxx", "第二十条第（十四）项", 180,
                N("公务员招考", "gwyzk", "第二十条第（十四）项"),
                N("任免", "rm", "第二十条第（十四）项")),
            N("其他法定公开信息", "qtfdgkxx", "第二十条第（十五）项"),
            N("市政建设、公共服务、土地征收、房屋征收、治安管理、社会救助", "szjs", "第二十一条", 90)),
        N("政府信息公开年报", "gknb", "第四十九条", 365),
    ]);

    /// <summary>News and policy columns outside the statutory tree.</summary>
    public static readonly IReadOnlyList<CatalogNode> PortalRoots =
    [
        new("政务动态", "zwdt", ColumnType.DocumentList, null, 14, [
            new("工作动态", "gzdt", ColumnType.DocumentList, null, 14, null, false),
            new("通知公告", "tzgg", ColumnType.DocumentList, null, 30, null, false)], false),
        new("政策文件库", "zcwjk", ColumnType.DocumentList, null, null, null, false),
    ];
}
