namespace Zwgk.Bench.Corpus;

/// <summary>
/// The judged queries. Relevance is what a person would say about the planted documents (best first), not what any engine
/// returns. Colloquial queries rely on src/Zwgk.Search/Text/Data/plain-language.json: their answers use only the official
/// wording (checked at load). Typos are homophones or near-homophones, answerable through pinyin.
/// </summary>
internal static class QueryList
{
    // Groups of documents several queries share.
    private static readonly string[] Openness = ["P002", "P001", "P003", "P006", "P005"];           // 政务公开 (工作要点, 解读, 专区)
    private static readonly string[] Subsistence = ["P031", "P034", "P033", "P032"];                // 最低生活保障
    private static readonly string[] PensionAdjustment = ["P015", "P013", "P016", "P014"];          // 养老金
    private static readonly string[] RetireePension = ["P015", "P016", "P013", "P014"];             // 退休人员基本养老金 first
    private static readonly string[] PublicRental = ["P045", "P047", "P046"];                       // 公共租赁住房
    private static readonly string[] MaternityAllowance = ["P023", "P024"];                          // 生育津贴
    private static readonly string[] Homestead = ["P115", "P116"];                                   // 农村宅基地
    private static readonly string[] CompanySetup = ["P090", "P091"];                                // 企业开办
    private static readonly string[] MedicalInsurance = ["P021", "P076", "P020", "P022"];           // 基本医疗保险

    public static JudgedQuery[] Build() =>
    [
        // Short queries (a word or two).
        Q("低保", "short", Subsistence),
        Q("医保", "short", [.. MedicalInsurance, "P075"]),
        Q("公积金", "short", "P049", "P050"),
        Q("征兵", "short", "P111", "P127"),
        Q("托育", "short", "P109"),
        Q("宅基地", "short", Homestead),
        Q("公租房", "short", PublicRental),
        Q("高龄津贴", "short", "P037", "P126"),
        Q("婚姻登记", "short", "P042"),
        Q("预付卡", "short", "P121"),

        // Long natural-language queries.
        Q("如何申请最低生活保障", "long", "P034", "P031", "P032"),
        Q("城乡居民基础养老金最低标准是多少", "long", "P013", "P014"),
        Q("高校毕业生就业创业有哪些补贴", "long", "P081", "P079", "P080"),
        Q("义务教育新生入学需要哪些材料", "long", "P062", "P059", "P060"),
        Q("生育津贴怎么申领", "long", "P024", "P023"),
        Q("企业开办需要几个环节多长时间", "long", "P091", "P090"),
        Q("公共租赁住房申请条件", "long", "P047", "P045", "P046"),
        Q("残疾人两项补贴申请流程", "long", "P040", "P039"),
        Q("跨省异地就医直接结算怎么备案", "long", "P022", "P076"),
        Q("创业担保贷款申请条件和额度", "long", "P082"),
        Q("居民身份证丢了怎么补领", "long", "P100"),
        Q("农村宅基地审批需要什么程序", "long", "P115", "P116"),
        Q("2024年退休人员基本养老金调整多少", "long", "P015", "P016"),
        Q("住房公积金贷款首付比例和利率", "long", "P049"),

        // Full pinyin, with and without spaces; several are polyphone tests (银行 yinhang, 行政 xingzheng, 长清 changqing, 重庆 chongqing, 会计 kuaiji).
        Q("zhengwugongkai", "pinyin", Openness),
        Q("zheng wu gong kai", "pinyin", Openness),
        Q("yanglaojin", "pinyin", PensionAdjustment),
        Q("gongjijin", "pinyin", "P049", "P050"),
        Q("shengyujintie", "pinyin", MaternityAllowance),
        Q("dibao", "pinyin", Subsistence),
        Q("zhengbing", "pinyin", "P111", "P127"),
        Q("chongqing", "pinyin", "P011"),
        Q("changqingqu", "pinyin", "P010"),
        Q("yinhang", "pinyin", "P009"),
        Q("kuaiji kaoshi", "pinyin", "P012"),
        Q("xingzheng fuyi", "pinyin", "P008"),

        // Pinyin initials.
        Q("zwgk", "initials", Openness),
        Q("dbbz", "initials", "P033"),
        Q("gjjdk", "initials", "P049"),
        Q("qykb", "initials", CompanySetup),
        Q("jmsfz", "initials", "P100"),

        // Mixed Chinese and pinyin.
        Q("政务gongkai", "mixed", Openness),
        Q("zhengwu公开", "mixed", Openness),
        Q("养老jin", "mixed", PensionAdjustment),
        Q("公积金daikuan", "mixed", "P049"),
        Q("企业kaiban", "mixed", CompanySetup),
        Q("shengyu津贴", "mixed", MaternityAllowance),

        // Colloquial (通俗说法): answered only through the plain-language dictionary.
        Q("退休金", "colloquial", RetireePension),
        Q("生娃补贴", "colloquial", "P023", "P024", "P025"),
        Q("开公司", "colloquial", "P090", "P091", "P092"),
        Q("看病报销", "colloquial", "P076", "P022", "P020"),
        Q("失业金", "colloquial", "P018"),
        Q("上户口", "colloquial", "P101", "P102"),
        Q("办身份证", "colloquial", "P100"),
        Q("廉租房", "colloquial", PublicRental),
        Q("学区房", "colloquial", "P061", "P059", "P062"),
        Q("老人补贴", "colloquial", "P037", "P038", "P126"),
        Q("残疾补贴", "colloquial", "P039", "P040"),
        Q("拆迁", "colloquial", "P053", "P054"),
        Q("农村盖房", "colloquial", Homestead),
        Q("办准生证", "colloquial", "P108"),
        Q("开饭店", "colloquial", "P093"),
        Q("医保卡", "colloquial", "P026"),
        Q("五保户", "colloquial", "P035"),
        Q("暂住证", "colloquial", "P103"),
        Q("驾照", "colloquial", "P105"),
        Q("房产证", "colloquial", "P055"),
        Q("当兵", "colloquial", "P111", "P127"),
        Q("讨薪", "colloquial", "P086"),
        Q("托儿所", "colloquial", "P109"),
        Q("打疫苗", "colloquial", "P072"),
        Q("私人医生", "colloquial", "P070"),

        // 文号 and 索引号, as typed (ASCII brackets are a common variant of 〔〕). Documents citing the number come second.
        Q("市中政办发〔2024〕3号", "number", "P002", "P006"),
        Q("市中政办字[2021]11号", "number", "P001"),
        Q("市中民发〔2022〕6号", "number", "P031", "P034"),
        Q("市中人社发〔2024〕6号", "number", "P079", "P081"),
        Q("市中政发〔2021〕5号", "number", "P053"),
        Q("113701030041800939/2024-0000205", "number", "P015"),

        // Traditional characters.
        Q("政務公開", "traditional", Openness),
        Q("養老金", "traditional", PensionAdjustment),
        Q("醫療保險", "traditional", MedicalInsurance),
        Q("戶口登記", "traditional", "P101", "P102"),
        Q("營業執照", "traditional", "P092", "P090"),
        Q("殘疾人兩項補貼", "traditional", "P039", "P040"),
        Q("義務教育招生", "traditional", "P059", "P062", "P060", "P061"),
        Q("住房公積金貸款", "traditional", "P049"),

        // Filtered searches: topic (一级\二级), genre or year restrict the results.
        F("政务公开工作要点", ["P001", "P003"], year: 2021),
        F("政务公开工作要点", ["P002", "P006"], year: 2024),
        F("基本养老金", ["P016"], year: 2023),
        F("最低生活保障", ["P034"], genre: "解读"),
        F("义务教育招生入学", ["P060"], year: 2023),
        F("高校毕业生就业创业", ["P079", "P081"], topic: @"劳动、人事、监察\劳动就业", year: 2024),
        F("公共租赁住房", ["P045"], genre: "细则"),
        F("城乡居民基本养老保险", ["P013", "P017", "P014"], topic: @"劳动、人事、监察\社会保障"),
        F("征兵", ["P127"], year: 2023),
        F("高龄津贴", ["P126"], year: 2018),

        // Typos and near misses (homophones: 工/公, 底/低, 正/整, 组/租, 帖/贴, 分/份, 第/地).
        Q("政务工开", "typo", Openness),
        Q("最底生活保障", "typo", Subsistence),
        Q("养老金调正", "typo", "P015", "P016", "P013"),
        Q("公共组赁住房", "typo", PublicRental),
        Q("生育津帖", "typo", MaternityAllowance),
        Q("身分证补领", "typo", "P100"),
        Q("宅基第审批", "typo", Homestead),
    ];

    private static JudgedQuery Q(string query, string @class, params string[] relevant) => new(query, @class, relevant);

    private static JudgedQuery F(string query, string[] relevant, string? topic = null, string? genre = null, int? year = null) =>
        new(query, "filtered", relevant, topic, genre, year);
}
