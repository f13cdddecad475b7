using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Tests.Requests;

public sealed class CaseAnonymizerTests
{
    private static readonly AnonymizerSubject Person = new(
        ApplicantName: "王建国", Phone: "138-1234-5678", Email: "wangjg@example.com", IdNumber: "370102198507153215",
        Address: "山东省济南市市中区七里山路15号3单元201室", PostalCode: "250001");

    private static readonly AnonymizerSubject Company = new(
        ApplicantName: "济南华信律师事务所", LegalRepresentative: "李明华", ContactPerson: "赵小红", Phone: "0531-8888 6666",
        IdNumber: "91370100MA3C5XQ12K", Address: "济南市历下区泉城路200号");

    private static int Count(AnonymizedText a, PersonalDataKind kind) => a.Replacements.FirstOrDefault(r => r.Kind == kind)?.Count ?? 0;

    [Fact]
    public void Applicant_name_becomes_申请人_wherever_it_occurs()
    {
        var a = CaseAnonymizer.Anonymize("本人王建国系柳树屯村村民，王建国于2024年3月提出申请。", Person);
        Assert.Equal("本人申请人系柳树屯村村民，申请人于2024年3月提出申请。", a.Text);
        Assert.Equal(2, Count(a, PersonalDataKind.ApplicantName));
    }

    [Fact]
    public void Organisation_name_representative_and_contact_are_replaced()
    {
        var a = CaseAnonymizer.Anonymize("济南华信律师事务所（负责人李明华，联系人赵小红）申请公开。", Company);
        Assert.Equal("申请人（负责人***，联系人***）申请公开。", a.Text);
        Assert.Equal(1, Count(a, PersonalDataKind.ApplicantName));
        Assert.Equal(2, Count(a, PersonalDataKind.RepresentativeName));
    }

    [Theory]
    [InlineData("联系电话13812345678。", "联系电话***。")]          // the applicant's, written without dashes
    [InlineData("电话：139 0531 7788", "电话：***")]                 // someone else's mobile, spaced
    [InlineData("请致电+86 13700001111", "请致电***")]
    [InlineData("办公室电话0531-86061234", "办公室电话***")]          // a landline with area code
    [InlineData("座机(0531)86061234", "座机***")]
    public void Phone_numbers_are_replaced(string text, string expected)
    {
        var a = CaseAnonymizer.Anonymize(text, Person);
        Assert.Equal(expected, a.Text);
        Assert.Equal(1, Count(a, PersonalDataKind.Phone));
    }

    [Fact]
    public void The_applicants_landline_is_found_however_it_is_spaced()
    {
        var a = CaseAnonymizer.Anonymize("请回电053188886666或0531-8888-6666", Company);
        Assert.Equal("请回电***或***", a.Text);
        Assert.Equal(2, Count(a, PersonalDataKind.Phone));
    }

    [Fact]
    public void Email_addresses_are_replaced()
    {
        var a = CaseAnonymizer.Anonymize("答复请发送至wangjg@example.com，抄送li.ming+foi@mail.gov.cn。", Person);
        Assert.Equal("答复请发送至***，抄送***。", a.Text);
        Assert.Equal(2, Count(a, PersonalDataKind.Email));
    }

    [Fact]
    public void Identity_card_numbers_are_replaced_including_others_and_old_ones()
    {
        var a = CaseAnonymizer.Anonymize("身份证号370102198507153215，其父身份证37010219560101123X，旧证370102560101123。", Person);
        Assert.Equal("身份证号***，其父身份证***，旧证***。", a.Text);
        Assert.Equal(3, Count(a, PersonalDataKind.IdNumber));
    }

    [Fact]
    public void Credit_codes_are_replaced_and_told_apart_from_identity_numbers()
    {
        var a = CaseAnonymizer.Anonymize("统一社会信用代码91370100MA3C5XQ12K；另一企业913701027060712345。", Company);
        Assert.Equal("统一社会信用代码***；另一企业***。", a.Text);
        Assert.Equal(2, Count(a, PersonalDataKind.CreditCode));
        Assert.Equal(0, Count(a, PersonalDataKind.IdNumber));
        Assert.True(CaseAnonymizer.LooksLikeIdNumber("370102198507153215"));
        Assert.False(CaseAnonymizer.LooksLikeIdNumber("913701027060712345"));
    }

    [Fact]
    public void The_address_is_replaced_whole_and_by_its_street_part()
    {
        var a = CaseAnonymizer.Anonymize("邮寄至山东省济南市市中区七里山路15号3单元201室。本人住七里山路15号3单元201室，房屋漏水。", Person);
        Assert.Equal("邮寄至***。本人住***，房屋漏水。", a.Text.Replace("申请人", "本人"));
        Assert.Equal(2, Count(a, PersonalDataKind.Address));
        Assert.Equal("七里山路15号3单元201室", CaseAnonymizer.AddressDetail(Person.Address));
    }

    [Fact]
    public void Postal_codes_are_replaced_as_the_applicants_value_and_after_their_label()
    {
        var a = CaseAnonymizer.Anonymize("邮编250001；另一地址邮政编码：250100。", Person);
        Assert.Equal("邮编***；另一地址邮政编码：***。", a.Text);
        Assert.Equal(2, Count(a, PersonalDataKind.PostalCode));
    }

    [Fact]
    public void Government_information_is_left_alone()
    {
        // 文号, years, amounts, areas and dates identify the information, not the applicant.
        const string text = "申请公开市中政发〔2023〕5号文件及2024年征地补偿款12500000元的发放明细，涉及土地面积325.6亩，批复日期2024年3月15日。";
        var a = CaseAnonymizer.Anonymize(text, Person);
        Assert.Equal(text, a.Text);
        Assert.Empty(a.Replacements);
        Assert.Equal("未发现个人信息", CaseAnonymizer.Describe(a.Replacements));
    }

    [Fact]
    public void One_character_names_are_not_used_as_search_values()
    {
        var a = CaseAnonymizer.Anonymize("王府井街道的规划", new AnonymizerSubject(ApplicantName: "王"));
        Assert.Equal("王府井街道的规划", a.Text);
    }

    [Fact]
    public void Replacements_combine_and_round_trip_through_the_entry()
    {
        var one = CaseAnonymizer.Anonymize("王建国 13812345678", Person);
        var two = CaseAnonymizer.Anonymize("王建国 wangjg@example.com", Person);
        var all = CaseAnonymizer.Combine([one, two]);
        Assert.Equal([new Replacement(PersonalDataKind.ApplicantName, 2), new Replacement(PersonalDataKind.Phone, 1), new Replacement(PersonalDataKind.Email, 1)], all);
        Assert.Equal(all, CaseLibraryEntry.ParseReplacements(CaseLibraryEntry.FormatReplacements(all)));
        Assert.Equal("申请人姓名或名称2处、电话号码1处、电子邮箱1处", CaseAnonymizer.Describe(all));
    }

    [Fact]
    public void Only_closed_cases_with_an_outcome_can_be_added()
    {
        var r = new InformationRequest { State = RequestState.Processing };
        Assert.NotNull(CaseLibraryRules.CanAdd(r));
        r.State = RequestState.Replied;
        Assert.NotNull(CaseLibraryRules.CanAdd(r)); // no outcome
        r.Outcome = Outcome.Disclosed;
        Assert.Null(CaseLibraryRules.CanAdd(r));
        r.State = RequestState.Archived;
        Assert.Null(CaseLibraryRules.CanAdd(r));
        r.InCaseLibrary = true;
        Assert.NotNull(CaseLibraryRules.CanAdd(r));
    }
}

public sealed class RequestTopicsTests
{
    [Theory]
    [InlineData("柳树屯村2024年征地补偿安置方案", "国土资源、能源")]
    [InlineData("区教育局2023年部门预算和三公经费", "财政、金融、审计")]
    [InlineData("幸福路小学招生划片范围", "科技、教育")]
    [InlineData("本人低保申请的审批材料", "民政、扶贫、救灾")]
    [InlineData("会议室装修情况", RequestTopics.Unclassified)]
    public void Topics_are_inferred_from_words_when_none_is_set(string title, string expected)
    {
        Assert.Equal(expected, RequestTopics.Of(null, title, "", out var inferred));
        Assert.True(inferred);
    }

    [Fact]
    public void A_set_topic_wins_and_counts_under_its_top_level()
    {
        Assert.Equal("城乡建设、环境保护", RequestTopics.Of("城乡建设、环境保护\\城市规划", "征地补偿方案", "", out var inferred));
        Assert.False(inferred);
        Assert.Equal("自定主题", RequestTopics.Of("自定主题", "", "", out _));
    }
}
