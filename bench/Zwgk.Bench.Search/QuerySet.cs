using Zwgk.Bench.Corpus;

namespace Zwgk.Bench.Search;

/// <summary>One measured query: what is typed, its class, and optional filters (as the search page sends them).</summary>
internal sealed record BenchQuery(string Text, string Class, string? Topic = null, int? Year = null, string? Genre = null);

/// <summary>The fixed mixed query set: short (one or two words), long (natural questions and full titles), pinyin
/// (full, initials, mixed) and filtered (a common word with a topic, year or genre filter). Fixed so runs compare.</summary>
internal static class QuerySet
{
    public static readonly string[] Short =
    [
        "低保", "医保", "就业", "养老", "教育", "招聘", "补贴", "公示", "疫情", "住房", "税务", "社保", "消防", "环保", "交通", "农业",
        "政务公开", "营商环境", "安全生产", "乡村振兴", "养老保险", "公积金", "最低生活保障", "行政审批", "食品安全", "义务教育", "城市更新",
        "通知", "工作", "管理", "实施方案", "财政预算", "残疾人", "退役军人", "生育", "房屋征收", "创业担保贷款", "老旧小区改造", "河长制", "垃圾分类",
    ];

    public static readonly string[] Long =
    [
        "如何申请最低生活保障", "城乡居民基本养老保险缴费标准是多少", "关于进一步做好高校毕业生就业创业工作的通知", "老旧小区改造的补贴政策",
        "企业开办需要哪些材料", "义务教育阶段学校招生入学工作方案", "关于做好安全生产工作的通知", "政府信息公开工作年度报告",
        "关于印发政务公开工作要点的通知", "农村宅基地审批管理办法", "公共租赁住房保障实施细则", "残疾人两项补贴发放标准",
        "灵活就业人员参加职工养老保险", "关于加强食品安全监管工作的实施意见", "创业担保贷款贴息申请条件", "医疗保险异地就医备案办理",
        "区人民政府关于调整征地补偿标准的通知", "优化营商环境若干措施", "新冠疫苗接种工作安排", "农业农村局关于春耕生产的通知",
    ];

    public static readonly string[] Pinyin =
    [
        "zhengwugongkai", "zwgk", "yanglaobaoxian", "ylbx", "dibao", "zuidishenghuobaozhang", "jiuye", "jiuyechuangye", "yibao", "gongjijin",
        "gjj", "yingshanghuanjing", "yshj", "anquanshengchan", "aqsc", "xiangcunzhenxing", "xczx", "zhengwu公开", "养老baoxian", "shebao",
    ];

    public static readonly (string Text, string? Topic, int? Year, string? Genre)[] Filtered =
    [
        ("通知", null, 2024, null), ("工作", null, 2023, null), ("管理", null, null, "办法"), ("实施方案", null, 2022, null),
        ("养老", "劳动、人事、监察\\社会保障", null, null), ("就业", "劳动、人事、监察\\劳动就业", null, null), ("补贴", null, 2025, null),
        ("安全", null, null, "通知"), ("教育", "科技、教育\\教育", null, null), ("公示", null, 2021, null), ("政务公开", "综合政务\\政务公开", null, null),
        ("环境", null, 2020, null), ("住房", "城乡建设、环境保护\\城乡建设（含住房）", null, null), ("财政", null, null, "报告"), ("农业", null, 2019, null),
        ("卫生", "卫生、体育\\卫生", 2024, null), ("交通", null, null, "通告"), ("招聘", null, 2025, "公告"), ("审批", null, 2024, null), ("服务", null, 2026, null),
    ];

    public static IReadOnlyList<BenchQuery> All() =>
    [
        .. Short.Select(q => new BenchQuery(q, "short")),
        .. Long.Select(q => new BenchQuery(q, "long")),
        .. Pinyin.Select(q => new BenchQuery(q, "pinyin")),
        .. Filtered.Select(f => new BenchQuery(f.Text, "filtered", f.Topic, f.Year, f.Genre)),
    ];

    public static IReadOnlyList<BenchQuery> Judged() =>
        JudgedQueries.All.Select(j => new BenchQuery(j.Query, "judged:" + j.Class, j.TopicFilter, j.YearFilter, j.GenreFilter)).ToList();
}
