using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Tests.Privacy;

/// <summary>Finding personal data in free text before staff publish it: phones, id numbers, e-mail; not ordinary numbers.</summary>
public sealed class PersonalDataFindTests
{
    [Fact]
    public void Finds_phone_id_number_and_email()
    {
        Assert.Equal(["手机号码"], PersonalData.Find("网民张某（13812345678）反映菜价上涨"));
        Assert.Equal(["固定电话"], PersonalData.Find("请拨打0531-86661234咨询"));
        Assert.Equal(["身份证号码"], PersonalData.Find("身份证370102199001011234的居民"));
        Assert.Equal(["身份证号码"], PersonalData.Find("37010219900101123X"));
        Assert.Equal(["电子邮箱"], PersonalData.Find("来信请寄 zhang.san@example.com.cn"));
        Assert.Equal(["手机号码", "身份证号码", "电子邮箱"], PersonalData.Find("a@b.cn", null, "138 1234 5678；370102199001011234"));
    }

    [Fact]
    public void Ordinary_numbers_are_not_personal_data()
    {
        Assert.Empty(PersonalData.Find("补贴1500元，贷款最高400万元，2026年3月2日，文号济政发〔2026〕12号"));
        Assert.Empty(PersonalData.Find("统计编码 123456789012345678901234"));
        Assert.Empty(PersonalData.Find(null, ""));
    }
}
