namespace Zwgk.Bench.Corpus;

internal enum AgencyKind { Government, Office, Department, Branch, Street, Other }

/// <summary>
/// An issuing body of the demo district (济南市市中区, as in the application's demo data) with its 机关代字 series.
/// Credit codes are demo values in the 统一社会信用代码 format (with a valid check character), not real codes.
/// </summary>
internal sealed record Agency(string Name, string ShortName, string CreditCode, string[] Prefixes, AgencyKind Kind);

internal static class Agencies
{
    private const string Region = "370103"; // 济南市市中区

    // Declared before the agencies: static fields initialise in textual order.
    private const string CodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static readonly Agency Government = New(1, "济南市市中区人民政府", "区政府", AgencyKind.Government, "市中政发", "市中政字");
    public static readonly Agency Office = New(2, "济南市市中区人民政府办公室", "区政府办公室", AgencyKind.Office, "市中政办发", "市中政办字");
    public static readonly Agency Development = New(3, "济南市市中区发展和改革局", "区发展改革局", AgencyKind.Department, "市中发改发", "市中发改字");
    public static readonly Agency Education = New(4, "济南市市中区教育和体育局", "区教育体育局", AgencyKind.Department, "市中教体发", "市中教体字");
    public static readonly Agency Industry = New(5, "济南市市中区工业和信息化局", "区工业和信息化局", AgencyKind.Department, "市中工信发");
    public static readonly Agency CivilAffairs = New(6, "济南市市中区民政局", "区民政局", AgencyKind.Department, "市中民发", "市中民字");
    public static readonly Agency Justice = New(7, "济南市市中区司法局", "区司法局", AgencyKind.Department, "市中司发");
    public static readonly Agency Finance = New(8, "济南市市中区财政局", "区财政局", AgencyKind.Department, "市中财发", "市中财字");
    public static readonly Agency HumanResources = New(9, "济南市市中区人力资源和社会保障局", "区人力资源社会保障局", AgencyKind.Department, "市中人社发", "市中人社字");
    public static readonly Agency Housing = New(10, "济南市市中区住房和城乡建设局", "区住房城乡建设局", AgencyKind.Department, "市中建发", "市中建字");
    public static readonly Agency UrbanManagement = New(11, "济南市市中区城市管理局", "区城市管理局", AgencyKind.Department, "市中城管发");
    public static readonly Agency Agriculture = New(12, "济南市市中区农业农村局", "区农业农村局", AgencyKind.Department, "市中农发", "市中农字");
    public static readonly Agency Water = New(13, "济南市市中区水务局", "区水务局", AgencyKind.Department, "市中水发");
    public static readonly Agency Commerce = New(14, "济南市市中区商务局", "区商务局", AgencyKind.Department, "市中商发");
    public static readonly Agency CultureTourism = New(15, "济南市市中区文化和旅游局", "区文化和旅游局", AgencyKind.Department, "市中文旅发");
    public static readonly Agency Health = New(16, "济南市市中区卫生健康局", "区卫生健康局", AgencyKind.Department, "市中卫健发", "市中卫健字");
    public static readonly Agency Veterans = New(17, "济南市市中区退役军人事务局", "区退役军人事务局", AgencyKind.Department, "市中退役军人发");
    public static readonly Agency Emergency = New(18, "济南市市中区应急管理局", "区应急管理局", AgencyKind.Department, "市中应急发", "市中应急字");
    public static readonly Agency Audit = New(19, "济南市市中区审计局", "区审计局", AgencyKind.Department, "市中审发");
    public static readonly Agency MarketRegulation = New(20, "济南市市中区市场监督管理局", "区市场监管局", AgencyKind.Department, "市中市监发", "市中市监字");
    public static readonly Agency Statistics = New(21, "济南市市中区统计局", "区统计局", AgencyKind.Department, "市中统发");
    public static readonly Agency MedicalSecurity = New(22, "济南市市中区医疗保障局", "区医保局", AgencyKind.Department, "市中医保发", "市中医保字");
    public static readonly Agency Approval = New(23, "济南市市中区行政审批服务局", "区行政审批服务局", AgencyKind.Department, "市中审批发", "市中审批字");
    public static readonly Agency Investment = New(24, "济南市市中区投资促进局", "区投资促进局", AgencyKind.Department, "市中投促发");
    public static readonly Agency Disabled = New(25, "济南市市中区残疾人联合会", "区残联", AgencyKind.Other, "市中残联发");
    public static readonly Agency Police = New(26, "济南市公安局市中区分局", "市中公安分局", AgencyKind.Branch, "市中公发");
    public static readonly Agency NaturalResources = New(27, "济南市自然资源和规划局市中分局", "市自然资源和规划局市中分局", AgencyKind.Branch, "市中自规发");
    public static readonly Agency Environment = New(28, "济南市生态环境局市中分局", "市生态环境局市中分局", AgencyKind.Branch, "市中环发");
    public static readonly Agency Tax = New(29, "国家税务总局济南市市中区税务局", "区税务局", AgencyKind.Branch, "济市中税发");
    public static readonly Agency HousingFund = New(30, "济南住房公积金中心", "市住房公积金中心", AgencyKind.Branch, "济公积金发");

    /// <summary>The 2021 要点 of 枣庄市市中区 (seed 003) is on the demo site too; its issuer is curated, as in the app's demo manifest.</summary>
    public static readonly Agency Zaozhuang = new("枣庄市市中区人民政府", "枣庄市市中区政府", CreditCode("370402", "004189001"), [], AgencyKind.Other);

    public static readonly Agency[] Streets =
    [
        Street(41, "大观园"), Street(42, "杆石桥"), Street(43, "四里村"), Street(44, "魏家庄"), Street(45, "二七新村"), Street(46, "七里山"),
        Street(47, "六里山"), Street(48, "舜玉路"), Street(49, "泺源"), Street(50, "王官庄"), Street(51, "舜耕"), Street(52, "白马山"),
        Street(53, "七贤"), Street(54, "十六里河"), Street(55, "兴隆"), Street(56, "党家"), Street(57, "陡沟"),
    ];

    /// <summary>Every district body that issues documents (the Zaozhuang government is not one of them).</summary>
    public static readonly Agency[] All =
    [
        Government, Office, Development, Education, Industry, CivilAffairs, Justice, Finance, HumanResources, Housing, UrbanManagement,
        Agriculture, Water, Commerce, CultureTourism, Health, Veterans, Emergency, Audit, MarketRegulation, Statistics, MedicalSecurity,
        Approval, Investment, Disabled, Police, NaturalResources, Environment, Tax, HousingFund, .. Streets,
    ];

    private static Agency New(int n, string name, string shortName, AgencyKind kind, params string[] prefixes) =>
        new(name, shortName, CreditCode(Region, OrgCode(n)), prefixes, kind);

    private static Agency Street(int n, string name) =>
        New(n, $"济南市市中区{name}街道办事处", name + "街道", AgencyKind.Street, name + "办发", name + "办字");

    private static string OrgCode(int n) => $"00418{n:D3}{n * 7 % 10}";

    /// <summary>"11" (机关) + region + organisation code + GB 32100 check character.</summary>
    private static string CreditCode(string region, string orgCode)
    {
        var body = "11" + region + orgCode;
        var sum = 0;
        for (var i = 0; i < body.Length; i++) sum += CodeChars.IndexOf(body[i]) * Weights[i];
        return body + CodeChars[(31 - sum % 31) % 31];
    }
}
