namespace Zwgk.Bench.Corpus;

/// <summary>
/// A filler subject with its 主题分类, 主题词, the department that usually owns it and, for 民生 subjects, the 民生事业 column.
/// Subjects deliberately avoid the specific subjects of the planted documents (and the colloquial terms of the judged
/// queries), so that filler is never more relevant to a judged query than its planted answers; they may mention
/// general terms (就业, 教育, 养老服务, 社会保险 …) so that ranking stays non-trivial.
/// </summary>
internal sealed record Subject(string Name, string Topic, string Keywords, Agency Owner, string? Column = null);

/// <summary>Phrase banks for generated documents: invented text in the usual style of district documents.</summary>
internal static class GeneratorTexts
{
    public const string District = "市中区";

    public static readonly Subject[] Subjects =
    [
        new("学习贯彻国务院《政府工作报告》", @"国务院组织机构\国务院", "政府工作报告 学习贯彻", Agencies.Office),
        new("政务服务标准化建设", @"综合政务\电子政务", "政务服务 标准化", Agencies.Approval),
        new("数字政府建设", @"综合政务\电子政务", "数字政府 数据共享", Agencies.Office),
        new("突发事件应急预案管理", @"综合政务\应急管理", "应急预案 突发事件", Agencies.Emergency),
        new("基层应急能力建设", @"综合政务\应急管理", "应急管理 基层", Agencies.Emergency),
        new("信访工作", @"综合政务\信访", "信访 矛盾化解", Agencies.Office),
        new("督查检查考核", @"综合政务\政务督查", "督查 考核", Agencies.Office),
        new("保密工作", @"综合政务\保密工作", "保密 安全", Agencies.Office),
        new("公文处理规范化", @"综合政务\文秘工作", "公文处理 文秘", Agencies.Office),
        new("地方志编纂", @"综合政务\参事、文史", "地方志 史志", Agencies.Office),
        new("重点项目建设", @"国民经济管理、国有资产监管\重大建设项目", "重点项目 投资", Agencies.Development),
        new("区属国有企业监督管理", @"国民经济管理、国有资产监管\国有资产监管", "国有企业 国资监管", Agencies.Finance),
        new("经济普查", @"国民经济管理、国有资产监管\统计", "经济普查 统计", Agencies.Statistics),
        new("统计数据质量管理", @"国民经济管理、国有资产监管\统计", "统计 数据质量", Agencies.Statistics),
        new("重要民生商品价格监测", @"国民经济管理、国有资产监管\物价", "价格监测 民生商品", Agencies.Development),
        new("楼宇经济发展", @"国民经济管理、国有资产监管\宏观经济", "楼宇经济 总部经济", Agencies.Investment),
        new("预算绩效管理", @"财政、金融、审计\财政", "预算 绩效管理", Agencies.Finance),
        new("政府采购内部控制", @"财政、金融、审计\财政", "政府采购 内部控制", Agencies.Finance),
        new("政府性债务风险防控", @"财政、金融、审计\财政", "政府债务 风险防控", Agencies.Finance),
        new("财政资金直达机制", @"财政、金融、审计\财政", "财政资金 直达", Agencies.Finance),
        new("社会信用体系建设", @"财政、金融、审计\社会信用体系建设", "社会信用 信用监管", Agencies.Development),
        new("内部审计", @"财政、金融、审计\审计", "审计 监督", Agencies.Audit),
        new("防范和处置非法集资", @"财政、金融、审计\其他", "非法集资 风险防范", Agencies.Finance),
        new("城市节约用水", @"国土资源、能源\水资源", "节约用水 水资源", Agencies.Water),
        new("地质灾害防治", @"国土资源、能源\其他", "地质灾害 防治", Agencies.NaturalResources),
        new("电力设施保护", @"国土资源、能源\电力", "电力设施 保护", Agencies.Development),
        new("国土空间生态修复", @"国土资源、能源\土地", "生态修复 国土空间", Agencies.NaturalResources),
        new("河长制湖长制", @"农业、林业、水利\水利", "河长制 水环境", Agencies.Water),
        new("森林防灭火", @"农业、林业、水利\林业", "森林防火 林业", Agencies.Agriculture),
        new("古树名木保护", @"农业、林业、水利\林业", "古树名木 绿化", Agencies.UrbanManagement),
        new("农村人居环境整治", @"农业、林业、水利\农业、畜牧业、渔业", "乡村振兴 人居环境", Agencies.Agriculture),
        new("高标准农田建设", @"农业、林业、水利\农业、畜牧业、渔业", "高标准农田 粮食安全", Agencies.Agriculture),
        new("动物疫病防控", @"农业、林业、水利\农业、畜牧业、渔业", "动物防疫 畜牧", Agencies.Agriculture),
        new("停车设施建设", @"工业、交通\公路", "停车设施 交通", Agencies.UrbanManagement),
        new("城市道路交通秩序整治", @"工业、交通\公路", "交通秩序 道路", Agencies.Police),
        new("5G基站建设", @"工业、交通\信息产业（含电信）", "5G 信息基础设施", Agencies.Industry),
        new("数字经济发展", @"工业、交通\信息产业（含电信）", "数字经济 产业数字化", Agencies.Industry),
        new("工业企业技术改造", @"工业、交通\机械制造与重工业", "技术改造 工业", Agencies.Industry),
        new("快递物流体系建设", @"工业、交通\邮政", "快递 物流", Agencies.Commerce),
        new("夜间经济发展", @"商贸、海关、旅游\国内贸易（含供销）", "夜间经济 消费", Agencies.Commerce),
        new("促进消费扩容提质", @"商贸、海关、旅游\国内贸易（含供销）", "促消费 商贸", Agencies.Commerce),
        new("老字号保护传承", @"商贸、海关、旅游\国内贸易（含供销）", "老字号 商贸", Agencies.Commerce),
        new("外贸稳规模优结构", @"商贸、海关、旅游\对外经贸合作", "外贸 进出口", Agencies.Commerce),
        new("文化旅游融合发展", @"商贸、海关、旅游\旅游", "文旅融合 旅游", Agencies.CultureTourism),
        new("安全生产专项整治", @"市场监管、安全生产监管\安全生产监管", "安全生产 专项整治", Agencies.Emergency),
        new("城镇燃气安全隐患排查整治", @"市场监管、安全生产监管\安全生产监管", "燃气安全 隐患排查", Agencies.Housing),
        new("特种设备安全监管", @"市场监管、安全生产监管\质量监督", "特种设备 安全监管", Agencies.MarketRegulation),
        new("产品质量监督抽查", @"市场监管、安全生产监管\质量监督", "产品质量 监督抽查", Agencies.MarketRegulation),
        new("标准化战略实施", @"市场监管、安全生产监管\标准", "标准化 质量强区", Agencies.MarketRegulation),
        new("药品安全专项整治", @"市场监管、安全生产监管\食品药品监管", "药品安全 专项整治", Agencies.MarketRegulation),
        new("建筑工地扬尘污染防治", @"城乡建设、环境保护\环境监测、保护与治理", "扬尘 污染防治 建筑工地", Agencies.Housing),
        new("大气污染防治", @"城乡建设、环境保护\环境监测、保护与治理", "大气污染 环境保护", Agencies.Environment),
        new("生活垃圾分类", @"城乡建设、环境保护\环境监测、保护与治理", "垃圾分类 城市管理", Agencies.UrbanManagement),
        new("噪声污染防治", @"城乡建设、环境保护\环境监测、保护与治理", "噪声 污染防治", Agencies.Environment),
        new("公共机构节能", @"城乡建设、环境保护\节能与资源综合利用", "节能 公共机构", Agencies.Office),
        new("海绵城市建设", @"城乡建设、环境保护\城市规划", "海绵城市 城市建设", Agencies.Housing),
        new("城市精细化管理", @"城乡建设、环境保护\城乡建设（含住房）", "城市管理 精细化", Agencies.UrbanManagement),
        new("建筑施工安全", @"城乡建设、环境保护\城乡建设（含住房）", "建筑施工 安全", Agencies.Housing),
        new("气象灾害防御", @"城乡建设、环境保护\气象、水文、测绘、地震", "气象灾害 防御", Agencies.Emergency),
        new("科技型中小企业培育", @"科技、教育\科技", "科技型企业 创新", Agencies.Industry),
        new("全民科学素质提升", @"科技、教育\科技", "科学素质 科普", Agencies.Industry),
        new("知识产权保护", @"科技、教育\知识产权", "知识产权 保护", Agencies.MarketRegulation),
        new("职业教育产教融合", @"科技、教育\教育", "职业教育 产教融合", Agencies.Education, "教育"),
        new("中小学校园安全", @"科技、教育\教育", "校园安全 中小学", Agencies.Education, "教育"),
        new("教师队伍建设", @"科技、教育\教育", "教师 队伍建设", Agencies.Education, "教育"),
        new("文物保护利用", @"文化、广电、新闻出版\文物", "文物保护", Agencies.CultureTourism),
        new("公共文化服务体系建设", @"文化、广电、新闻出版\文化", "公共文化 服务体系", Agencies.CultureTourism),
        new("全民阅读", @"文化、广电、新闻出版\新闻出版", "全民阅读 书香", Agencies.CultureTourism),
        new("应急广播体系建设", @"文化、广电、新闻出版\广播、电影、电视", "应急广播", Agencies.CultureTourism),
        new("基层医疗卫生服务能力提升", @"卫生、体育\卫生", "基层医疗 卫生健康", Agencies.Health, "医疗"),
        new("爱国卫生运动", @"卫生、体育\卫生", "爱国卫生 健康城市", Agencies.Health, "医疗"),
        new("中医药传承创新", @"卫生、体育\医药管理", "中医药 传承创新", Agencies.Health, "医疗"),
        new("全民健身", @"卫生、体育\体育", "全民健身 体育设施", Agencies.Education),
        new("妇女儿童发展规划实施", @"人口与计划生育、妇女儿童工作\妇女儿童", "妇女儿童 发展规划", Agencies.Office),
        new("未成年人保护", @"人口与计划生育、妇女儿童工作\妇女儿童", "未成年人保护", Agencies.CivilAffairs),
        new("人口发展监测", @"人口与计划生育、妇女儿童工作\人口与计划生育", "人口监测 人口发展", Agencies.Health),
        new("人力资源市场建设", @"劳动、人事、监察\劳动就业", "人力资源市场 就业服务", Agencies.HumanResources, "就业"),
        new("和谐劳动关系构建", @"劳动、人事、监察\劳动就业", "劳动关系 和谐", Agencies.HumanResources, "就业"),
        new("劳务品牌培育", @"劳动、人事、监察\劳动就业", "劳务品牌 就业", Agencies.HumanResources, "就业"),
        new("社会保险扩面征缴", @"劳动、人事、监察\社会保障", "社会保险 扩面", Agencies.HumanResources, "社会保障"),
        new("社会保险基金监督", @"劳动、人事、监察\社会保障", "社会保险基金 监督", Agencies.HumanResources, "社会保障"),
        new("干部教育培训", @"劳动、人事、监察\人事工作", "干部教育 培训", Agencies.Office),
        new("公务员平时考核", @"劳动、人事、监察\人事工作", "公务员 考核", Agencies.HumanResources),
        new("医药领域腐败问题集中整治", @"劳动、人事、监察\纠正行业不正之风", "医药领域 行风建设", Agencies.Health),
        new("廉政风险防控", @"劳动、人事、监察\监察", "廉政 风险防控", Agencies.Audit),
        new("法治政府建设", @"公安、安全、司法\司法", "法治政府 依法行政", Agencies.Justice),
        new("人民调解", @"公安、安全、司法\司法", "人民调解 矛盾纠纷", Agencies.Justice),
        new("普法依法治理", @"公安、安全、司法\司法", "普法 依法治理", Agencies.Justice),
        new("社会治安综合治理", @"公安、安全、司法\公安", "社会治安 综合治理", Agencies.Police),
        new("反电信网络诈骗", @"公安、安全、司法\公安", "反诈 电信网络诈骗", Agencies.Police),
        new("国家安全宣传教育", @"公安、安全、司法\国家安全", "国家安全 宣传教育", Agencies.Office),
        new("社区养老服务设施建设", @"民政、扶贫、救灾\社会福利", "养老服务 社区", Agencies.CivilAffairs, "社会保障"),
        new("慈善事业发展", @"民政、扶贫、救灾\社会福利", "慈善 社会力量", Agencies.CivilAffairs),
        new("防汛抗旱", @"民政、扶贫、救灾\减灾救灾", "防汛 抗旱", Agencies.Emergency),
        new("自然灾害救助", @"民政、扶贫、救灾\减灾救灾", "自然灾害 救助", Agencies.Emergency),
        new("地名管理", @"民政、扶贫、救灾\行政区划与地名", "地名 区划", Agencies.CivilAffairs),
        new("社会组织规范化建设", @"民政、扶贫、救灾\社团管理", "社会组织 规范化", Agencies.CivilAffairs),
        new("双拥共建", @"民政、扶贫、救灾\优抚安置", "双拥 军民融合", Agencies.Veterans),
        new("巩固拓展脱贫攻坚成果", @"民政、扶贫、救灾\扶贫", "乡村振兴 脱贫攻坚", Agencies.Agriculture, "扶贫"),
        new("社区治理", @"民政、扶贫、救灾\其他", "社区治理 基层治理", Agencies.CivilAffairs),
        new("民族团结进步创建", @"民族、宗教\民族事务", "民族团结", Agencies.Office),
        new("宗教活动场所安全管理", @"民族、宗教\宗教事务", "宗教场所 安全", Agencies.Office),
        new("外事工作管理", @"对外事务\外交、外事", "外事 管理", Agencies.Office),
        new("国际友好交流", @"对外事务\其他", "国际交流 友好城市", Agencies.Office),
        new("港澳青少年交流", @"港澳台侨工作\港澳工作", "港澳 青少年", Agencies.Office),
        new("对台交流合作", @"港澳台侨工作\对台工作", "对台 交流", Agencies.Office),
        new("侨务工作", @"港澳台侨工作\侨务工作", "侨务 侨胞", Agencies.Office),
        new("国防动员", @"国防\国防动员", "国防动员", Agencies.Government),
        new("民兵组织整顿", @"国防\国防建设", "民兵 国防", Agencies.Government),
        new("机关后勤服务保障", "其他", "机关事务 后勤", Agencies.Office),
    ];

    // Title templates by kind. {D} district, {S} subject, {U} unit short name, {Y} year, {Y2} year + 2.
    public static readonly (string Text, string Genre)[] PolicyTitles =
    [
        ("关于印发《{D}{S}实施方案》的通知", "通知"),
        ("关于印发《{D}{S}工作方案》的通知", "通知"),
        ("关于印发《{D}{S}三年行动计划（{Y}—{Y2}年）》的通知", "通知"),
        ("关于印发《{Y}年{D}{S}工作要点》的通知", "通知"),
        ("关于进一步加强{S}工作的通知", "通知"),
        ("关于做好{Y}年{S}工作的通知", "通知"),
        ("关于开展{S}专项行动的通知", "通知"),
        ("关于加快推进{S}的实施意见", "意见"),
        ("关于调整{D}{S}工作领导小组成员的通知", "通知"),
        ("关于{Y}年度{S}工作情况的通报", "通报"),
        ("关于{S}有关事项的批复", "批复"),
        ("{D}{S}实施方案", "方案"),
    ];

    public static readonly (string Text, string Genre)[] NormativeTitles =
    [
        ("关于印发《{D}{S}管理办法》的通知", "通知"),
        ("关于印发《{D}{S}若干措施》的通知", "通知"),
        ("{D}{S}管理办法", "办法"),
        ("{D}{S}实施细则", "细则"),
        ("{D}{S}管理规定", "规定"),
        ("关于加快推进{S}高质量发展的意见", "意见"),
    ];

    public static readonly (string Text, string Genre, string? Opening)[] NoticeTitles =
    [
        ("关于{Y}年{S}项目拟支持名单的公示", "公示", "根据{Y}年{S}工作安排，经单位申报、街道初审、部门复核和专家评审，拟确定{N}个项目为{Y}年{S}支持项目，现予以公示。"),
        ("关于开展{Y}年{S}申报工作的通知", "通知", null),
        ("关于{S}有关事项的通告", "通告", "为进一步加强{S}工作，维护公共利益和群众合法权益，根据有关法律法规规定，现就有关事项通告如下："),
        ("关于公布{Y}年{S}示范单位名单的公告", "公告", "根据{Y}年{S}示范创建工作安排，经申报、评审和公示，确定{N}个单位为{Y}年度{S}示范单位，现予以公布。"),
        ("关于公开征求《{D}{S}实施方案（征求意见稿）》意见的公告", "公告", "为提高政策制定的科学性和透明度，现将《{D}{S}实施方案（征求意见稿）》全文公布，公开征求社会各界意见。"),
    ];

    public static readonly (string Text, string Genre)[] PlanTitles =
    [
        ("{D}{S}发展规划（{Y}—{Y2}年）", "规划"),
        ("{D}{S}专项规划", "规划"),
    ];

    public static readonly (string Text, string Genre)[] InterpretationTitles =
    [
        ("《{D}{S}管理办法》政策解读", "解读"),
        ("《关于加快推进{S}的实施意见》解读", "解读"),
        ("《{D}{S}实施方案》解读", "解读"),
        ("图文解读：{D}{S}三年行动计划", "解读"),
    ];

    /// <summary>News titles with the opening sentence that matches them (after "M月D日，{agency}").</summary>
    public static readonly (string Text, string Genre, string? Opening)[] NewsTitles =
    [
        ("{U}召开{S}工作推进会", "其他", "召开{S}工作推进会，听取前期工作情况汇报，研究部署下一阶段重点任务。"),
        ("{U}扎实推进{S}工作", "其他", "结合辖区实际，对{S}工作进行再研究、再部署，推动各项任务落细落实。"),
        ("{U}开展{S}专项检查", "其他", "组织检查组对{S}工作开展专项检查，重点检查责任落实、制度执行和问题整改情况。"),
        ("{U}部署{Y}年{S}工作", "其他", "召开专题会议，总结上年度{S}工作，部署{Y}年重点任务。"),
        ("{U}召开{Y}年{S}工作会议", "其他", "召开{Y}年{S}工作会议，通报有关情况，安排部署全年工作。"),
        ("{U}多措并举做好{S}工作", "其他", "围绕{S}重点任务，从完善机制、强化宣传、加强督导等方面持续发力，推动工作取得实效。"),
        ("{U}举办{S}业务培训班", "其他", "举办{S}业务培训班，各有关单位业务骨干参加培训。"),
        ("{U}{S}工作取得阶段性成效", "其他", "对前一阶段{S}工作进行总结，各项重点任务按计划有序推进。"),
    ];

    public static readonly string[] Salutations =
    [
        "各街道办事处，区政府各部门，各有关单位：",
        "各街道办事处，区直各部门（单位）：",
        "各街道办事处，区直有关部门：",
        "各有关单位：",
        "各街道办事处，区政府各部门：",
    ];

    public static readonly string[] Openings =
    [
        "为深入贯彻落实{G}，进一步做好{S}工作，根据国家、省、市有关规定，结合我区实际，制定本{W}。",
        "为贯彻落实{G}，推动{S}工作提质增效，根据上级有关部署要求，结合我区工作实际，制定本{W}。",
        "为进一步规范{S}工作，切实提升工作质量和效率，根据有关法律法规和政策规定，结合本区实际，制定本{W}。",
        "{S}事关人民群众切身利益。为认真贯彻落实{G}，扎实推进{S}各项工作，制定本{W}。",
    ];

    public static readonly string[] TaskHeadings =
    [
        "加强组织领导", "完善工作机制", "强化统筹协调", "压实工作责任", "加大资金投入", "严格监督考核", "强化宣传引导", "推进信息化建设",
        "健全长效机制", "提升服务水平", "加强队伍建设", "深化改革创新", "开展专项整治", "加强风险防控", "做好信息公开", "规范工作程序",
        "强化要素保障", "突出重点任务", "推动示范引领", "加强督导检查",
    ];

    public static readonly string[] SectionHeadings = ["主要任务", "重点工作", "工作措施", "保障措施", "工作要求", "实施步骤", "职责分工", "工作安排"];

    public static readonly string[] Sentences =
    [
        "坚持以人民为中心的发展思想，把{S}作为保障和改善民生的重要抓手，统筹推进、分类施策，确保各项任务落到实处。",
        "各街道、各部门要切实提高思想认识，将{S}纳入重要议事日程，主要负责同志亲自抓、负总责，分管负责同志具体抓、抓落实。",
        "建立健全{S}工作协调机制，明确责任分工，强化部门协同，形成上下联动、齐抓共管的工作格局。",
        "严格落实属地管理责任和行业监管责任，对工作中发现的问题建立台账、限时整改、跟踪问效，确保整改到位。",
        "加大财政资金保障力度，区财政按照有关规定统筹安排专项资金，实行专款专用，严禁截留、挤占、挪用。",
        "充分利用政府网站、政务新媒体等渠道，加强政策宣传解读，及时回应社会关切，营造良好舆论氛围。",
        "区政府督查室将{S}工作纳入年度重点督查事项，定期调度工作进展，对推进不力的单位予以通报。",
        "到{Y2}年底，{S}工作机制更加健全，服务能力明显提升，群众满意度和获得感进一步增强。",
        "鼓励社会力量积极参与{S}，引导市场主体依法有序参与，推动形成政府主导、社会协同、公众参与的良好局面。",
        "依托一体化政务服务平台，推进相关事项网上办理，实现材料共享、数据互通，减少群众跑腿次数。",
        "各责任单位要于每季度末前将工作进展情况报送区牵头部门，年度工作总结于12月10日前报送。",
        "对在{S}工作中成绩突出的单位和个人，按照有关规定给予表扬；对工作不力、造成不良影响的，依规依纪追究责任。",
        "加强业务培训和队伍建设，提升基层工作人员政策水平和服务能力，确保政策执行不走样、不变形。",
        "建立健全信息报送制度，做好工作台账和档案资料管理，确保各项数据真实、准确、完整。",
        "坚持问题导向和目标导向，聚焦群众反映强烈的突出问题，集中力量攻坚突破，以点带面推动整体工作提升。",
        "严格执行《中华人民共和国政府信息公开条例》，依法依规做好{S}相关信息的主动公开工作。",
        "各街道办事处要结合辖区实际，细化工作措施，明确时间节点，于文件印发之日起15个工作日内制定具体实施方案。",
        "建立常态化监测评估机制，委托第三方机构对{S}工作开展评估，评估结果作为年度绩效考核的重要依据。",
        "强化数据共享和业务协同，推动跨部门、跨层级信息互联互通，提升精细化管理水平。",
        "畅通群众意见反馈渠道，通过12345政务服务便民热线、政府网站留言等方式广泛听取意见建议。",
        "{Y}年，全区计划完成{S}重点项目{N}个，各牵头单位要倒排工期、挂图作战，确保按期完成。",
        "{U}要发挥牵头作用，会同有关部门研究制定配套措施，及时协调解决工作推进中的困难和问题。",
        "坚持试点先行、稳步推进，选取基础较好的街道和社区开展试点，总结经验后在全区推广。",
        "加强与上级部门的沟通衔接，积极争取政策和资金支持，推动{S}工作走在全市前列。",
        "严格落实安全生产责任，在{S}实施过程中加强隐患排查，坚决防范各类安全事故发生。",
        "健全考核评价体系，将{S}工作完成情况纳入各单位年度综合考核，考核结果与评先树优挂钩。",
        "注重总结提炼基层经验做法，培树一批可复制、可推广的典型案例，发挥示范带动作用。",
        "各有关部门要依法履行监管职责，加强事中事后监管，对违法违规行为依法查处。",
        // General livelihood vocabulary, so that filler partly matches common queries and ranking is not trivial.
        "统筹做好就业、教育、医疗、养老、住房等民生保障工作，兜牢兜实基本民生底线。",
        "加强与人力资源社会保障、医疗保障、住房城乡建设等部门的协作配合，推动相关政策衔接配套。",
        "对困难群众、老年人、残疾人等特殊群体给予重点关注，落实好各项帮扶救助政策。",
        "引导企业依法为职工缴纳养老保险、医疗保险等社会保险费，切实保障劳动者合法权益。",
        "鼓励高校毕业生、退役军人等群体积极参与{S}相关岗位，拓宽就业创业渠道。",
        "推动{S}与义务教育、公共卫生、社区养老等基本公共服务统筹发展。",
    ];

    public static readonly string[] Leads =
    [
        "各街道办事处要", "区直各部门要", "各责任单位要", "牵头部门要", "各有关单位要", "各行业主管部门要", "区有关部门要", "各街道、各部门要",
        "{U}要", "各成员单位要",
    ];

    public static readonly string[] Verbs =
    [
        "进一步加强", "切实加强", "扎实做好", "认真抓好", "不断完善", "统筹做好", "全面加强", "持续强化", "进一步规范", "着力抓好",
    ];

    public static readonly string[] Objects =
    [
        "{S}工作的组织领导", "{S}领域的制度建设", "{S}相关政策的宣传解读", "{S}工作的监督检查", "{S}项目的全过程管理", "{S}工作的考核评价",
        "{S}信息的报送和统计", "{S}资金的使用管理", "{S}工作的队伍建设", "{S}领域的风险排查", "{S}重点任务的跟踪调度",
        "{S}服务事项的标准化建设", "{S}工作的协调联动机制", "{S}工作的统筹谋划",
    ];

    public static readonly string[] Goals =
    [
        "，确保各项任务落地见效。", "，切实提高工作质量和效率。", "，推动工作取得实效。", "，不断提升群众满意度。", "，形成工作合力。",
        "，为全区经济社会高质量发展提供有力保障。", "，坚决防止形式主义、官僚主义。", "，确保按期完成目标任务。", "，做到底数清、情况明。",
        "，切实把好事办好、实事办实。", "，不断增强人民群众的获得感、幸福感、安全感。",
    ];

    public static readonly string[] NewsSentences =
    [
        "今年以来，{U}聚焦{S}重点任务，建立“周调度、月通报”工作机制，各项工作取得阶段性成效。",
        "下一步，{U}将持续深化{S}工作，不断完善长效机制，推动各项工作提质增效。",
        "活动现场，工作人员通过发放宣传资料、现场答疑等方式，向群众宣传{S}相关政策，累计发放宣传资料{N}00余份。",
        "截至目前，已累计排查点位{N}0余处，发现并整改问题{N}个，整改完成率100%。",
        "据了解，{U}已将{S}工作纳入年度重点工作，成立工作专班，定期研究解决重点难点问题。",
        "{U}坚持把{S}作为一项重要民生工程，细化任务清单，明确责任分工，确保各项措施落地落实。",
    ];

    public static readonly string[] MeetingSentences =
    [
        "会议指出，{S}事关群众切身利益，各单位要进一步提高政治站位，增强责任感和紧迫感。",
        "会议强调，要坚持目标导向、问题导向、结果导向，对照任务清单逐项抓好落实，确保按期完成各项目标任务。",
        "会议要求，各相关单位要加强沟通协调，形成工作合力，及时研究解决工作推进中遇到的困难和问题。",
        "与会人员一致表示，将以此次会议为契机，进一步压实责任、细化措施，推动{S}工作再上新台阶。",
        "{U}主要负责同志出席会议并讲话，各科室、各有关单位负责同志参加会议。",
    ];

    public static readonly string[] TrainingSentences =
    [
        "培训邀请业务骨干围绕{S}相关政策、工作流程和常见问题进行了系统讲解，并现场答疑解惑。",
        "参训人员纷纷表示，通过培训进一步提升了业务能力，将把所学运用到实际工作中。",
        "此次培训采取集中授课、案例分析和交流研讨相结合的方式，内容丰富、针对性强。",
    ];

    public static readonly string[] InspectionSentences =
    [
        "检查组采取听取汇报、查阅资料、实地查看等方式，对{S}工作落实情况进行了全面检查，现场反馈发现的问题并提出整改要求。",
        "对检查中发现的问题，{U}建立问题清单和整改台账，明确整改责任和时限，实行销号管理。",
        "检查结束后，检查组召开反馈会，通报检查情况，对下一步工作提出具体要求。",
    ];

    /// <summary>Closing paragraphs of announcements, by 文种.</summary>
    public static readonly string[] PublicitySentences =
    [
        "公示期为5个工作日。公示期间，如对公示内容有异议，请以书面形式向{U}反映，并提供必要的证明材料。",
        "单位反映情况应当加盖公章，个人反映情况应当署真实姓名并提供联系方式，逾期或者匿名反映的不予受理。",
        "本次评审坚持公开、公平、公正原则，接受社会各界监督。",
    ];

    public static readonly string[] AnnouncementSentences =
    [
        "有关单位和个人可以通过信函、电子邮件等方式反馈意见建议，意见反馈截止时间为公告发布之日起30日。",
        "{U}将认真研究社会各界提出的意见建议，并在政策出台时对意见采纳情况予以说明。",
        "获评单位要发挥示范带动作用，持续巩固提升工作成效；{U}将对示范单位实行动态管理。",
    ];

    public static readonly string[] NoticeSentences =
    [
        "对违反本通告规定的，由有关部门依法予以处理；构成犯罪的，依法追究刑事责任。",
        "本通告自发布之日起施行。",
        "请广大市民群众积极支持配合，共同维护良好的社会秩序。",
    ];

    /// <summary>Question headings of an interpretation, numbered in order; a document uses a prefix of them.</summary>
    public static readonly string[] InterpretationQuestions =
    [
        "制定的背景是什么？", "主要目标是什么？", "适用范围是什么？", "主要内容有哪些？", "有哪些主要举措？", "有哪些保障措施？",
        "由哪些部门负责组织实施？", "何时开始施行？",
    ];

    public static string Guidance(int year) => year switch
    {
        >= 2023 => "习近平新时代中国特色社会主义思想和党的二十大精神",
        >= 2018 => "习近平新时代中国特色社会主义思想和党的十九大精神",
        _ => "党的十八大和十八届三中、四中、五中全会精神",
    };

    public static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];
}
