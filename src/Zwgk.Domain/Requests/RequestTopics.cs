using Zwgk.Domain.Documents;

namespace Zwgk.Domain.Requests;

/// <summary>
/// The 主题分类 (top level of the gov.cn list, <see cref="TopicCategories"/>) an application is counted under in the analysis:
/// the topic staff set on the case, or, when none is set, one inferred from words in what was asked for. The inference is
/// deliberately plain: a keyword table per category; the category with most keywords found in 名称 + 描述 wins, ties go to
/// the earlier row; no keyword = 未分类. Staff can always correct it by setting the case's topic.
/// </summary>
public static class RequestTopics
{
    public const string Unclassified = "未分类";

    /// <summary>Keywords per top-level category. Order matters for ties: more specific subjects come first.</summary>
    public static readonly IReadOnlyList<(string Topic, string[] Words)> Keywords =
    [
        ("国土资源、能源", ["征地", "征收土地", "土地", "宅基地", "不动产", "耕地", "用地", "矿", "林地", "集体土地", "电力"]),
        ("城乡建设、环境保护", ["拆迁", "房屋征收", "棚户区", "规划", "建设工程", "住房", "保障房", "物业", "环评", "环境影响", "污染", "排污", "垃圾", "噪声", "违法建设", "违建"]),
        ("民政、扶贫、救灾", ["低保", "最低生活保障", "救助", "养老", "殡葬", "社会组织", "地名", "扶贫", "优抚", "救灾", "婚姻登记"]),
        ("劳动、人事、监察", ["社保", "社会保险", "养老保险", "工伤", "工资", "劳动", "就业", "招聘", "编制", "人事", "职称"]),
        ("财政、金融、审计", ["财政", "预算", "决算", "三公经费", "审计", "税", "专项资金", "补贴资金", "政府采购"]),
        ("科技、教育", ["学校", "教育", "招生", "入学", "学区", "科技", "专利"]),
        ("卫生、体育", ["医院", "卫生", "医疗", "医保", "疫苗", "体育"]),
        ("农业、林业、水利", ["农业", "农村", "农民", "林业", "水利", "河道", "灌溉", "养殖"]),
        ("工业、交通", ["道路", "公路", "交通", "公交", "铁路", "工业", "企业技改"]),
        ("市场监管、安全生产监管", ["市场监管", "食品", "药品", "安全生产", "营业执照", "特种设备", "质量"]),
        ("公安、安全、司法", ["公安", "派出所", "交警", "户籍", "户口", "司法", "法律援助", "消防"]),
        ("文化、广电、新闻出版", ["文化", "文物", "广播", "电视", "出版"]),
        ("国民经济管理、国有资产监管", ["统计", "物价", "价格", "国有资产", "国有企业", "重大项目", "发展规划"]),
        ("综合政务", ["政务公开", "信访", "应急", "会议纪要", "政府工作报告"]),
    ];

    /// <summary>The category to count the application under; <paramref name="inferred"/> is true when it was guessed from words.</summary>
    public static string Of(string? topic, string? title, string? description, out bool inferred)
    {
        inferred = false;
        if (!string.IsNullOrWhiteSpace(topic))
        {
            var t = topic.Trim();
            return TopicCategories.IsValid(t) ? TopicCategories.TopLevel(t) : t;
        }
        inferred = true;
        return Infer($"{title}\n{description}");
    }

    public static string Infer(string text)
    {
        string? best = null;
        var bestHits = 0;
        foreach (var (topic, words) in Keywords)
        {
            var hits = words.Count(w => text.Contains(w, StringComparison.Ordinal));
            if (hits > bestHits) { best = topic; bestHits = hits; }
        }
        return best ?? Unclassified;
    }
}
