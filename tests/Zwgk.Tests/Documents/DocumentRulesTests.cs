using Zwgk.Domain.Documents;

namespace Zwgk.Tests.Documents;

public class DocumentRulesTests
{
    private static Document Valid() => new()
    {
        Title = "关于印发2024年政务公开工作要点的通知", DocumentNumber = "市中政办发〔2024〕3号", WrittenOn = new DateOnly(2024, 6, 30),
        Issuers = [new DocumentIssuer { UnitId = 1 }], TopicCategory = "综合政务\\政务公开", Genre = "通知",
    };

    [Fact]
    public void A_complete_document_is_valid() => Assert.Empty(DocumentRules.Validate(Valid()));

    [Theory]
    [InlineData("市中政办发2024年3号")]
    [InlineData("〔2024〕3号")]
    [InlineData("市中政办发〔2024〕号")]
    [InlineData("市中政办发〔2024〕0号")]
    public void Bad_document_numbers_are_rejected(string number)
    {
        var d = Valid();
        d.DocumentNumber = number;
        Assert.Contains(nameof(Document.DocumentNumber), DocumentRules.Validate(d).Keys);
    }

    [Fact]
    public void Document_number_year_must_match_written_date()
    {
        var d = Valid();
        d.DocumentNumber = "市中政办发〔2019〕3号";
        Assert.Contains("不一致", DocumentRules.Validate(d)[nameof(Document.DocumentNumber)]);
    }

    [Fact]
    public void Published_before_written_is_rejected()
    {
        var d = Valid();
        d.PublishedAt = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("发布日期不能早于成文日期", DocumentRules.Validate(d)[nameof(Document.PublishedAt)]);
    }

    [Fact]
    public void Expiry_must_follow_effective_date()
    {
        var d = Valid();
        d.EffectiveOn = new DateOnly(2024, 8, 1);
        d.ExpiresOn = new DateOnly(2024, 7, 1);
        Assert.Contains(nameof(Document.ExpiresOn), DocumentRules.Validate(d).Keys);
    }

    [Theory]
    [InlineData(DisclosureAttribute.Withheld)]
    [InlineData(DisclosureAttribute.OnRequest)]
    public void Not_proactive_requires_a_reason(DisclosureAttribute attribute)
    {
        var d = Valid();
        d.Disclosure = attribute;
        Assert.Contains(nameof(Document.DisclosureReason), DocumentRules.Validate(d).Keys);
        d.DisclosureReason = "依据《中华人民共和国政府信息公开条例》第十四条";
        Assert.Empty(DocumentRules.Validate(d));
    }

    [Fact]
    public void Normative_documents_need_registration_number_and_effective_date_on_submission_only()
    {
        var d = Valid();
        d.IsNormative = true;
        var errors = DocumentRules.Validate(d);
        Assert.Contains(nameof(Document.NormativeRegistrationNumber), errors.Keys);
        Assert.Contains(nameof(Document.EffectiveOn), errors.Keys);
        Assert.Empty(DocumentRules.Validate(d, complete: false));
    }

    [Fact]
    public void Topic_must_come_from_the_national_list()
    {
        var d = Valid();
        d.TopicCategory = "综合政务\\不存在的分类";
        Assert.Contains(nameof(Document.TopicCategory), DocumentRules.Validate(d).Keys);
        Assert.Equal(22, TopicCategories.Tree.Count);
        Assert.True(TopicCategories.IsValid("财政、金融、审计\\货币（含外汇）"));
    }

    [Fact]
    public void Abolished_requires_expiry_date()
    {
        var d = Valid();
        d.Validity = Validity.Abolished;
        Assert.Contains(nameof(Document.ExpiresOn), DocumentRules.Validate(d).Keys);
    }

    [Fact]
    public void Not_yet_effective_label()
    {
        var today = new DateOnly(2024, 1, 1);
        Assert.Equal("尚未生效", DocumentLabels.EffectiveLabel(Validity.InForce, new DateOnly(2024, 2, 1), today));
        Assert.Equal("现行有效", DocumentLabels.EffectiveLabel(Validity.InForce, new DateOnly(2023, 2, 1), today));
    }

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Dates_stay_between_1949_and_ten_years_ahead()
    {
        var d = Valid();
        Assert.Empty(DocumentRules.Validate(d, now: Now));
        d.ScheduledAt = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.StartsWith("定时发布时间不能晚于2036年3月2日", DocumentRules.Validate(d, now: Now)[nameof(Document.ScheduledAt)]);
        d.ScheduledAt = Now.AddYears(10).AddDays(-1);
        Assert.Empty(DocumentRules.Validate(d, now: Now));
        d.WrittenOn = new DateOnly(1948, 12, 31);
        d.DocumentNumber = null;
        Assert.Equal("成文日期不能早于1949年", DocumentRules.Validate(d, now: Now)[nameof(Document.WrittenOn)]);
        d.WrittenOn = new DateOnly(2024, 6, 30);
        d.ExpiresOn = new DateOnly(2070, 1, 1); // a long-term plan may run 50 years
        Assert.Empty(DocumentRules.Validate(d, now: Now));
        d.ExpiresOn = new DateOnly(9999, 12, 31);
        Assert.Contains(nameof(Document.ExpiresOn), DocumentRules.Validate(d, now: Now).Keys);
    }

    [Fact]
    public void Every_text_field_is_checked_against_its_column_size()
    {
        var d = Valid();
        d.Keywords = new string('词', Zwgk.Domain.Shared.FieldLengths.Keywords);
        Assert.Empty(DocumentRules.Validate(d));
        d.Keywords += "词";
        Assert.Equal($"主题词不能超过{Zwgk.Domain.Shared.FieldLengths.Keywords}个字（当前{Zwgk.Domain.Shared.FieldLengths.Keywords + 1}个字）",
            DocumentRules.Validate(d)[nameof(Document.Keywords)]);
        d.DocumentNumber = new string('号', 500); // refused for its length, not parsed
        Assert.Contains("发文字号不能超过", DocumentRules.Validate(d)[nameof(Document.DocumentNumber)]);
        Assert.Equal(12, DocumentRules.TextFields(d).Count());
    }

    [Fact]
    public void A_hand_entered_index_number_must_carry_the_units_own_code()
    {
        var rule = new IndexNumberRule();
        var unit = new Zwgk.Domain.Units.Unit { Code = "SZFGW", CreditCode = "11370402004205062T", OrganizationCode = "004205062" };
        Assert.Null(rule.CheckManual("11370402004205062T/2021-0000012", unit, 2021));
        Assert.Null(rule.CheckManual("004205062/2017-00110", unit, 2017)); // a migrated number on the organisation code
        Assert.Equal("索引号须以本单位代码“11370402004205062T/”开头（如 11370402004205062T/2026-0000001）；索引号在发布时由系统自动生成，只有迁移的旧文件才需手工填写",
            rule.CheckManual("11370402004299999X/2026-0000001", unit, 2026));
        Assert.NotNull(rule.CheckManual("11370402004205062T/", unit, 2026));
        Assert.NotNull(rule.CheckManual("11370402004205062T/2026 1", unit, 2026));
    }

    [Fact]
    public void Only_changing_relations_across_units_wait_for_confirmation()
    {
        Assert.Equal(RelationConfirmation.Pending, RelationRules.InitialConfirmation(RelationType.Abolishes, 1, 2));
        Assert.Equal(RelationConfirmation.Pending, RelationRules.InitialConfirmation(RelationType.Amends, 1, 2));
        Assert.Equal(RelationConfirmation.Pending, RelationRules.InitialConfirmation(RelationType.Replaces, 1, 2));
        Assert.Equal(RelationConfirmation.NotRequired, RelationRules.InitialConfirmation(RelationType.Interprets, 1, 2));
        Assert.Equal(RelationConfirmation.NotRequired, RelationRules.InitialConfirmation(RelationType.Abolishes, 2, 2));
    }
}
