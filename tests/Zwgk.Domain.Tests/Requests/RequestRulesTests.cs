using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Tests.Requests;

/// <summary>Receipt dates by channel (条例第三十一条), what an application must contain (第二十九条), id check digits, masks.</summary>
public sealed class RequestRulesTests
{
    private static readonly DateOnly Today = new(2024, 9, 10);
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void Each_channel_reads_its_own_fact()
    {
        Assert.Equal(D("2024-09-04"), ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.InPerson, HandedInOn: D("2024-09-04")), Today).ReceivedOn);
        // Registered post counts from the signature even when the letter was confirmed later.
        Assert.Equal(D("2024-09-05"), ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.Post, SignedForOn: D("2024-09-05"), LetterConfirmedOn: D("2024-09-06")), Today).ReceivedOn);
        Assert.Equal(D("2024-09-06"), ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.Post, LetterConfirmedOn: D("2024-09-06")), Today).ReceivedOn);
        Assert.Equal(D("2024-09-07"), ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.Fax, ConfirmedOn: D("2024-09-07")), Today).ReceivedOn);
        Assert.Equal("请填写双方确认的日期", ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.Online, HandedInOn: D("2024-09-04")), Today).Error);
        Assert.Equal("收到申请的日期不能晚于今天", ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.InPerson, HandedInOn: D("2024-09-11")), Today).Error);
        Assert.NotNull(ReceiptRules.Resolve(new ReceiptFacts(RequestChannel.InPerson, HandedInOn: D("2019-05-14")), Today).Error);
    }

    [Fact]
    public void An_application_needs_a_name_a_contact_and_something_that_identifies_the_information()
    {
        var errors = RequestRules.Validate(new InformationRequest());
        Assert.Contains(nameof(InformationRequest.ApplicantName), errors.Keys);
        Assert.Contains(nameof(InformationRequest.Phone), errors.Keys);
        Assert.Contains(nameof(InformationRequest.Description), errors.Keys);
        var byNumberOnly = new InformationRequest { ApplicantType = ApplicantType.NaturalPerson, ApplicantName = "李四", Phone = "13900001111", DocumentNumber = "市中政办发〔2024〕3号" };
        Assert.Empty(RequestRules.Validate(byNumberOnly));
        var post = new InformationRequest { ApplicantType = ApplicantType.NaturalPerson, ApplicantName = "李四", Phone = "13900001111", Description = "x", Delivery = DeliveryMethod.Post };
        Assert.Equal("选择邮寄的，请填写通信地址", RequestRules.Validate(post)[nameof(InformationRequest.Address)]);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)] // wrong check digit
    [InlineData("11010519491331002X", false)] // month 13
    public void Resident_id_numbers_are_checked_by_their_check_digit(string id, bool valid) => Assert.Equal(valid, RequestRules.IsResidentId(id));

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100M000100Y44", false)]
    public void Credit_codes_are_checked_by_their_check_character(string code, bool valid) => Assert.Equal(valid, RequestRules.IsCreditCode(code));

    [Fact]
    public void Masks_keep_only_what_identifies_nobody()
    {
        Assert.Equal("张*", PersonalData.MaskName("张三"));
        Assert.Equal("欧***", PersonalData.MaskName("欧阳娜娜"));
        Assert.Equal("138****5678", PersonalData.MaskPhone("13812345678"));
        Assert.Equal("0531-****6666", PersonalData.MaskPhone("0531-88886666"));
        Assert.Equal("110105********002X", PersonalData.MaskIdNumber("11010519491231002X"));
        Assert.Equal("w***@example.com", PersonalData.MaskEmail("wang@example.com"));
        Assert.Equal("济南市市中区****", PersonalData.MaskAddress("济南市市中区经七路1号"));
    }
}
