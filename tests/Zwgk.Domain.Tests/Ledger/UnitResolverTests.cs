using Zwgk.Domain.Ledger;
using Zwgk.Domain.Units;

namespace Zwgk.Domain.Tests.Ledger;

public sealed class UnitResolverTests
{
    // The demo directory, with the names, short names and kinds of DemoUnits (Zwgk.Web/Features/Hosting/DatabaseInitializer.cs).
    private static List<DirectoryUnit> JinanDirectory() =>
    [
        U(1, "SZQZF", "济南市市中区人民政府", "区政府", UnitKind.DistrictGovernment),
        U(2, "SZQZFB", "济南市市中区人民政府办公室", "区政府办公室", UnitKind.GovernmentOffice),
        U(10, "SZFGJ", "济南市市中区发展和改革局", "区发展改革局", UnitKind.Department),
        U(11, "SZJTJ", "济南市市中区教育和体育局", "区教体局", UnitKind.Department),
        U(12, "SZCZJ", "济南市市中区财政局", "区财政局", UnitKind.Department),
        U(13, "SZRSJ", "济南市市中区人力资源和社会保障局", "区人力资源社会保障局", UnitKind.Department),
        U(14, "SZZJJ", "济南市市中区住房和城乡建设局", "区住房城乡建设局", UnitKind.Department),
        U(15, "SZWJJ", "济南市市中区卫生健康局", "区卫生健康局", UnitKind.Department),
        U(16, "SZSJJ", "济南市市中区市场监督管理局", "区市场监管局", UnitKind.Department),
        U(17, "SZMZJ", "济南市市中区民政局", "区民政局", UnitKind.Department),
        U(18, "SZDGY", "济南市市中区大观园街道办事处", "大观园街道", UnitKind.Subdistrict),
        U(19, "SZGSQ", "济南市市中区杆石桥街道办事处", "杆石桥街道", UnitKind.Subdistrict),
        U(20, "SZSMQ", "济南市市中区四里村街道办事处", "四里村街道", UnitKind.Subdistrict),
        U(95, "SZRMYY", "济南市市中区人民医院", "区人民医院", UnitKind.PublicInstitution),
    ];

    // A second 市中区 (枣庄) with towns, full names only, and a development zone: nothing about 济南 is built in.
    private static List<DirectoryUnit> ZaozhuangDirectory() =>
    [
        U(101, "ZZGOV", "枣庄市市中区人民政府", null, UnitKind.DistrictGovernment),
        U(102, "ZZOFF", "枣庄市市中区人民政府办公室", null, UnitKind.GovernmentOffice),
        U(110, "ZZFGJ", "枣庄市市中区发展和改革局", null, UnitKind.Department),
        U(111, "ZZJTJ", "枣庄市市中区教育和体育局", null, UnitKind.Department),
        U(112, "ZZRSJ", "枣庄市市中区人力资源和社会保障局", null, UnitKind.Department),
        U(113, "ZZGXJ", "枣庄市市中区工业和信息化局", null, UnitKind.Department),
        U(114, "ZZSWJ", "枣庄市市中区商务和投资促进局", null, UnitKind.Department),
        U(115, "ZZSLJ", "枣庄市市中区城乡水务局", null, UnitKind.Department),
        U(120, "ZZMZZ", "枣庄市市中区孟庄镇人民政府", null, UnitKind.Town),
        U(121, "ZZQCZ", "枣庄市市中区齐村镇人民政府", null, UnitKind.Town),
        U(122, "ZZSGZ", "枣庄市市中区税郭镇人民政府", null, UnitKind.Town),
        U(123, "ZZXWZ", "枣庄市市中区西王庄镇人民政府", null, UnitKind.Town),
        U(130, "ZZGML", "枣庄市市中区光明路街道办事处", null, UnitKind.Subdistrict),
        U(131, "ZZZXJ", "枣庄市市中区中心街街道办事处", null, UnitKind.Subdistrict),
        U(140, "ZZKFQ", "枣庄经济开发区管理委员会", null, UnitKind.Other),
    ];

    private static DirectoryUnit U(int id, string code, string name, string? shortName, UnitKind kind, params string[] aliases) =>
        new(id, code, name, shortName, kind, aliases);

    private static readonly UnitResolver Jinan = new(JinanDirectory());
    private static readonly UnitResolver Zaozhuang = new(ZaozhuangDirectory());

    private static string[] Codes(IEnumerable<DirectoryUnit> units) => units.Select(u => u.Code).Order(StringComparer.Ordinal).ToArray();

    private static void AssertResolvedTo(UnitResolution r, ResolutionKind kind, string code)
    {
        Assert.True(r.Kind == kind, $"{r.Name}: expected {kind}, got {r.Kind} ({r.Explanation})");
        Assert.Equal(code, Assert.Single(r.Units).Code);
        Assert.True(r.IsResolved);
    }

    // ----- district prefix -----

    [Fact]
    public void District_prefix_is_taken_from_the_district_government_unit()
    {
        Assert.Equal("济南市市中区", Jinan.DistrictPrefix);
        Assert.Equal("枣庄市市中区", Zaozhuang.DistrictPrefix);
    }

    [Theory]
    [InlineData("区财政局")]
    [InlineData("市中区财政局")]
    [InlineData("济南市市中区财政局")]
    [InlineData(" 济南市 市中区　财政局 ")]   // spaces and an ideographic space, folded
    public void Every_form_of_the_district_prefix_names_the_same_unit(string name) =>
        AssertResolvedTo(Jinan.Resolve(name), ResolutionKind.Exact, "SZCZJ");

    [Theory]
    [InlineData("县财政局")]
    [InlineData("平阴县财政局")]
    [InlineData("济南市平阴县财政局")]
    public void A_county_directory_uses_县_as_its_head(string name)
    {
        var county = new UnitResolver([
            U(1, "PYGOV", "济南市平阴县人民政府", "县政府", UnitKind.DistrictGovernment),
            U(2, "PYCZJ", "济南市平阴县财政局", null, UnitKind.Department),
        ]);
        AssertResolvedTo(county.Resolve(name), ResolutionKind.Exact, "PYCZJ");
    }

    [Fact]
    public void Another_district_s_name_does_not_match_by_its_prefix()
    {
        // 济南 is not this directory's city: its 市中区 bureau is not 枣庄's.
        var r = Zaozhuang.Resolve("济南市市中区发展和改革局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Empty(r.Units);
        Assert.Equal(ResolutionKind.Unresolved, Jinan.Resolve("历下区财政局").Kind);
    }

    // ----- exact and alias -----

    [Fact]
    public void Full_name_matches_exactly()
    {
        var r = Jinan.Resolve("济南市市中区教育和体育局");
        AssertResolvedTo(r, ResolutionKind.Exact, "SZJTJ");
        Assert.Equal("全称一致：济南市市中区教育和体育局 → 济南市市中区教育和体育局", r.Explanation);
    }

    [Fact]
    public void Short_name_matches_exactly_and_says_so()
    {
        var r = Jinan.Resolve("区教体局");
        AssertResolvedTo(r, ResolutionKind.Exact, "SZJTJ");
        Assert.Equal("简称一致：区教体局 → 济南市市中区教育和体育局", r.Explanation);
    }

    [Theory]
    [InlineData("区政府", "SZQZF")]
    [InlineData("市中区人民政府", "SZQZF")]
    [InlineData("区政府办公室", "SZQZFB")]
    [InlineData("区人民医院", "SZRMYY")]
    [InlineData("区住房城乡建设局", "SZZJJ")]
    [InlineData("区市场监督管理局", "SZSJJ")]      // full name with the bare head
    [InlineData("市中区教体局", "SZJTJ")]          // short name with the 市中区 head
    public void Government_office_and_institution_short_names(string name, string code) =>
        AssertResolvedTo(Jinan.Resolve(name), ResolutionKind.Exact, code);

    [Fact]
    public void A_saved_alias_resolves_as_alias_and_without_it_the_name_stays_unresolved()
    {
        Assert.Equal(ResolutionKind.Unresolved, Jinan.Resolve("区教委").Kind);

        var units = JinanDirectory();
        units[3] = units[3] with { Aliases = ["区教委"] };
        var r = new UnitResolver(units).Resolve("区教委");
        AssertResolvedTo(r, ResolutionKind.Alias, "SZJTJ");
        Assert.StartsWith("别名匹配（已确认）", r.Explanation);
    }

    [Fact]
    public void Inactive_units_never_match_nor_expand()
    {
        var units = JinanDirectory();
        var i = units.FindIndex(u => u.Code == "SZMZJ");
        units[i] = units[i] with { IsActive = false };
        var i2 = units.FindIndex(u => u.Code == "SZSMQ");
        units[i2] = units[i2] with { IsActive = false };
        var resolver = new UnitResolver(units);

        Assert.Equal(ResolutionKind.Unresolved, resolver.Resolve("区民政局").Kind);
        Assert.Equal(ResolutionKind.Unresolved, resolver.Resolve("济南市市中区民政局").Kind);
        Assert.Equal(["SZDGY", "SZGSQ"], Codes(resolver.Resolve("各街道办事处").Units));
        Assert.DoesNotContain(resolver.Resolve("区政府各部门（单位）").Units, u => u.Code == "SZMZJ");
    }

    // ----- abbreviations -----

    [Theory]
    [InlineData("区教育体育局", "SZJTJ")]          // 和 left out (seed 000)
    [InlineData("区教育局", "SZJTJ")]              // the only 教育 bureau (seed 001 row 43)
    [InlineData("区人社局", "SZRSJ")]
    [InlineData("区发改局", "SZFGJ")]
    [InlineData("区卫健局", "SZWJJ")]
    [InlineData("区住建局", "SZZJJ")]
    [InlineData("市场监管局", "SZSJJ")]            // 市场 is not the city head
    [InlineData("区政府办", "SZQZFB")]
    [InlineData("市中区教育体育局", "SZJTJ")]
    [InlineData("区医院", "SZRMYY")]               // 人民 is optional
    [InlineData("财政局", "SZCZJ")]                // no head: this district's own unit
    public void Abbreviations_resolve_to_the_unique_best_unit(string name, string code) =>
        AssertResolvedTo(Jinan.Resolve(name), ResolutionKind.Abbreviation, code);

    [Fact]
    public void Abbreviation_explanation_names_the_unit()
    {
        var r = Jinan.Resolve("区人社局");
        Assert.StartsWith("简称匹配：区人社局 → 济南市市中区人力资源和社会保障局", r.Explanation);
    }

    [Theory]
    [InlineData("区工信局", "ZZGXJ")]
    [InlineData("区工业和信息化局", "ZZGXJ")]
    [InlineData("市中区发改局", "ZZFGJ")]
    [InlineData("区发展改革局", "ZZFGJ")]
    [InlineData("区人力资源社会保障局", "ZZRSJ")]
    [InlineData("区教体局", "ZZJTJ")]
    [InlineData("区商务局", "ZZSWJ")]
    [InlineData("孟庄镇", "ZZMZZ")]
    [InlineData("孟庄镇政府", "ZZMZZ")]
    [InlineData("光明路街道", "ZZGML")]
    [InlineData("中心街街道办事处", "ZZZXJ")]
    [InlineData("枣庄经济开发区管委会", "ZZKFQ")]
    public void Abbreviations_work_in_a_directory_with_full_names_only(string name, string code)
    {
        var r = Zaozhuang.Resolve(name);
        Assert.True(r.Kind is ResolutionKind.Exact or ResolutionKind.Abbreviation, $"{name}: {r.Kind} {r.Explanation}");
        Assert.Equal(code, Assert.Single(r.Units).Code);
    }

    [Fact]
    public void Street_written_with_or_without_办事处_is_the_same_unit()
    {
        AssertResolvedTo(Jinan.Resolve("大观园街道"), ResolutionKind.Exact, "SZDGY");
        AssertResolvedTo(Jinan.Resolve("大观园街道办事处"), ResolutionKind.Abbreviation, "SZDGY");
        AssertResolvedTo(Jinan.Resolve("市中区大观园街道办事处"), ResolutionKind.Exact, "SZDGY");
    }

    [Fact]
    public void A_street_missing_from_the_directory_stays_unresolved()
    {
        var r = Jinan.Resolve("光明路街道办事处");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Empty(r.Units);
        Assert.Empty(r.Candidates);
        Assert.Contains("不在单位目录中", r.Explanation);
    }

    [Fact]
    public void 区财政局_never_becomes_区民政局()
    {
        var resolver = new UnitResolver(JinanDirectory().Where(u => u.Code != "SZCZJ"));
        var r = resolver.Resolve("区财政局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.DoesNotContain(r.Candidates, u => u.Code == "SZMZJ");
    }

    [Fact]
    public void 区城管局_is_not_the_housing_and_construction_bureau()
    {
        var r = Jinan.Resolve("区城管局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.DoesNotContain(r.Candidates, u => u.Code == "SZZJJ");

        var withCityManagement = new UnitResolver([.. JinanDirectory(), U(30, "SZCGJ", "济南市市中区城市管理局", null, UnitKind.Department)]);
        AssertResolvedTo(withCityManagement.Resolve("区城管局"), ResolutionKind.Abbreviation, "SZCGJ");
        AssertResolvedTo(withCityManagement.Resolve("区住建局"), ResolutionKind.Abbreviation, "SZZJJ");
    }

    [Fact]
    public void Two_equally_good_candidates_are_ambiguous()
    {
        var resolver = new UnitResolver([.. JinanDirectory(), U(31, "SZDDJ", "济南市市中区教育督导局", null, UnitKind.Department)]);
        var r = resolver.Resolve("区教育局");
        Assert.Equal(ResolutionKind.Ambiguous, r.Kind);
        Assert.False(r.IsResolved);
        Assert.Empty(r.Units);
        Assert.Equal(["SZDDJ", "SZJTJ"], Codes(r.Candidates));
        Assert.StartsWith("无法唯一确定", r.Explanation);
    }

    [Fact]
    public void Two_units_sharing_a_short_name_are_ambiguous()
    {
        var resolver = new UnitResolver([.. JinanDirectory(), U(32, "SZCZ2", "济南市市中区财政事务中心", "区财政局", UnitKind.PublicInstitution)]);
        var r = resolver.Resolve("区财政局");
        Assert.Equal(ResolutionKind.Ambiguous, r.Kind);
        Assert.Equal(["SZCZ2", "SZCZJ"], Codes(r.Candidates));
    }

    [Fact]
    public void The_type_word_must_agree()
    {
        // 委 is a 委员会, not a 局; 分局 is not a 局: these are offered as candidates, never resolved.
        var r = Jinan.Resolve("区卫健委");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Equal("SZWJJ", r.Candidates[0].Code);
        Assert.Equal(ResolutionKind.Unresolved, Jinan.Resolve("区生态环境分局").Kind);
    }

    [Fact]
    public void Close_units_are_offered_when_the_first_character_differs()
    {
        var r = Zaozhuang.Resolve("区水务局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Equal("ZZSLJ", r.Candidates[0].Code);
        Assert.True(r.Candidates.Count <= 3);
        Assert.Contains("相近单位：枣庄市市中区城乡水务局", r.Explanation);
    }

    // ----- outside the directory -----

    [Fact]
    public void A_city_bureau_s_branch_is_unresolved_and_called_city_level()
    {
        var r = Jinan.Resolve("市生态环境局市中分局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Empty(r.Units);
        Assert.Contains("市级", r.Explanation);
    }

    [Theory]
    [InlineData("市生态环境局市中分局", "JNSTJ")]
    [InlineData("市生态环境局市中区分局", "JNSTJ")]
    [InlineData("区生态环境分局", "JNSTJ")]        // seed 003's way of writing the same branch
    [InlineData("区公安分局", "JNGAJ")]
    public void A_city_bureau_s_branch_in_the_directory_matches_either_way_of_writing_it(string name, string code)
    {
        var resolver = new UnitResolver([.. JinanDirectory(),
            U(40, "JNSTJ", "济南市生态环境局市中分局", null, UnitKind.Other), U(41, "JNGAJ", "济南市公安局市中区分局", null, UnitKind.Other)]);
        var r = resolver.Resolve(name);
        Assert.True(r.IsResolved, $"{name}: {r.Kind} {r.Explanation}");
        Assert.Equal(code, Assert.Single(r.Units).Code);
        Assert.Equal(ResolutionKind.Unresolved, Zaozhuang.Resolve("市生态环境局市中分局").Kind);
    }

    [Fact]
    public void A_city_bureau_is_not_the_district_bureau_but_is_offered()
    {
        var r = Jinan.Resolve("市财政局");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Equal("SZCZJ", Assert.Single(r.Candidates).Code);
    }

    [Fact]
    public void A_party_organ_is_unresolved()
    {
        var r = Jinan.Resolve("区委编办");
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Empty(r.Candidates);
        Assert.Contains("党委", r.Explanation);
        Assert.Equal(ResolutionKind.Unresolved, Jinan.Resolve("区委各部门").Kind);
    }

    [Fact]
    public void A_development_zone_outside_the_directory_is_unresolved()
    {
        Assert.Equal(ResolutionKind.Unresolved, Jinan.Resolve("枣庄经济开发区管委会").Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("（）")]
    public void Empty_names_are_unresolved(string name)
    {
        var r = Jinan.Resolve(name);
        Assert.Equal(ResolutionKind.Unresolved, r.Kind);
        Assert.Equal(name, r.Name);
    }

    // ----- collective names -----

    [Theory]
    [InlineData("各街道办事处")]
    [InlineData("各街道")]
    [InlineData("各街道办")]
    [InlineData("全区各街道办事处")]
    public void All_subdistricts(string name)
    {
        var r = Jinan.Resolve(name);
        Assert.Equal(ResolutionKind.Collective, r.Kind);
        Assert.Equal(["SZDGY", "SZGSQ", "SZSMQ"], Codes(r.Units));
        Assert.Equal(name, r.Name);
        Assert.Contains("3个", r.Explanation);
    }

    [Theory]
    [InlineData("区政府各部门（单位）")]
    [InlineData("区政府各部门(单位)")]
    [InlineData("区政府各部门单位")]
    [InlineData("区政府各部门")]
    [InlineData("区直各部门")]
    [InlineData("各部门（单位）")]
    [InlineData("市中区政府各部门")]
    [InlineData("区政府部门单位")]
    public void All_departments_and_the_government_office(string name)
    {
        var r = Jinan.Resolve(name);
        Assert.Equal(ResolutionKind.Collective, r.Kind);
        Assert.Equal(["SZCZJ", "SZFGJ", "SZJTJ", "SZMZJ", "SZQZFB", "SZRSJ", "SZSJJ", "SZWJJ", "SZZJJ"], Codes(r.Units));
    }

    [Fact]
    public void Towns_in_a_directory_without_towns_expand_to_nothing_and_say_so()
    {
        var r = Jinan.Resolve("各镇人民政府");
        Assert.Equal(ResolutionKind.Collective, r.Kind);
        Assert.Empty(r.Units);
        Assert.Contains("没有镇人民政府", r.Explanation);
    }

    [Theory]
    [InlineData("各镇人民政府", new[] { "ZZMZZ", "ZZQCZ", "ZZSGZ", "ZZXWZ" })]
    [InlineData("各镇", new[] { "ZZMZZ", "ZZQCZ", "ZZSGZ", "ZZXWZ" })]
    [InlineData("各镇（街道）", new[] { "ZZGML", "ZZMZZ", "ZZQCZ", "ZZSGZ", "ZZXWZ", "ZZZXJ" })]
    [InlineData("各镇（街）", new[] { "ZZGML", "ZZMZZ", "ZZQCZ", "ZZSGZ", "ZZXWZ", "ZZZXJ" })]
    [InlineData("各镇街", new[] { "ZZGML", "ZZMZZ", "ZZQCZ", "ZZSGZ", "ZZXWZ", "ZZZXJ" })]
    [InlineData("各街道办事处", new[] { "ZZGML", "ZZZXJ" })]
    public void Towns_and_subdistricts_expand_in_a_directory_with_towns(string name, string[] codes)
    {
        var r = Zaozhuang.Resolve(name);
        Assert.Equal(ResolutionKind.Collective, r.Kind);
        Assert.Equal(codes, Codes(r.Units));
    }

    [Fact]
    public void Public_institutions_expand()
    {
        var r = Jinan.Resolve("区公共企事业单位");
        Assert.Equal(ResolutionKind.Collective, r.Kind);
        Assert.Equal(["SZRMYY"], Codes(r.Units));
    }

    // ----- descriptive names -----

    [Theory]
    [InlineData("区政府有关部门（单位）")]
    [InlineData("有关部门")]
    [InlineData("相关部门")]
    [InlineData("编制规划的区政府部门单位")]
    [InlineData("年度决策事项目录涉及的区政府部门单位")]
    [InlineData("各行业主管部门")]
    public void Descriptive_department_names_are_unspecified_with_the_departments_to_choose_from(string name)
    {
        var r = Jinan.Resolve(name);
        Assert.Equal(ResolutionKind.Unspecified, r.Kind);
        Assert.False(r.IsResolved);
        Assert.Empty(r.Units);
        Assert.Equal(["SZCZJ", "SZFGJ", "SZJTJ", "SZMZJ", "SZQZFB", "SZRSJ", "SZSJJ", "SZWJJ", "SZZJJ"], Codes(r.Candidates));
        Assert.StartsWith("泛指名称", r.Explanation);
    }

    [Fact]
    public void Some_subdistricts_are_unspecified_with_the_subdistricts_to_choose_from()
    {
        var r = Jinan.Resolve("各有关街道办事处");
        Assert.Equal(ResolutionKind.Unspecified, r.Kind);
        Assert.Equal(["SZDGY", "SZGSQ", "SZSMQ"], Codes(r.Candidates));
    }

    [Fact]
    public void City_departments_described_vaguely_offer_nothing_from_this_directory()
    {
        var r = Jinan.Resolve("市有关部门");
        Assert.Equal(ResolutionKind.Unspecified, r.Kind);
        Assert.Empty(r.Candidates);
    }

    // ----- qualifiers -----

    [Fact]
    public void A_trailing_等有关部门_is_set_aside_and_the_named_unit_resolved()
    {
        var r = Jinan.Resolve("区财政局等有关部门（单位）");
        AssertResolvedTo(r, ResolutionKind.Exact, "SZCZJ");
        Assert.Equal("区财政局等有关部门（单位）", r.Name);
        Assert.Equal("等有关部门单位", r.Qualifier);
        Assert.Contains("限定语", r.Explanation);

        var r2 = Jinan.Resolve("区发改局等政府相关部门");
        AssertResolvedTo(r2, ResolutionKind.Abbreviation, "SZFGJ");
        Assert.Equal("等政府相关部门", r2.Qualifier);

        var r3 = Jinan.Resolve("市生态环境局市中分局等有关部门（单位）");
        Assert.Equal(ResolutionKind.Unresolved, r3.Kind);
        Assert.Equal("等有关部门单位", r3.Qualifier);
    }

    [Fact]
    public void Fold_removes_brackets_spaces_and_full_width_forms()
    {
        Assert.Equal("区政府各部门单位", UnitResolver.Fold("区政府各部门（单位）"));
        Assert.Equal("区政府各部门单位", UnitResolver.Fold(" 区政府各部门 (单位) "));
        Assert.Equal("ABC区局", UnitResolver.Fold("ＡＢＣ　区局"));
    }
}
