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
}
