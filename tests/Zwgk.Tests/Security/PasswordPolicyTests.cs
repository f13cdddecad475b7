using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Domain.Site;
using Zwgk.Infrastructure.Identity;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Security;

namespace Zwgk.Tests.Security;

public sealed class PasswordBlocklistTests
{
    private static readonly PasswordBlocklist Blocklist = new();

    [Theory]
    [InlineData("Password1")]
    [InlineData("Aa123456")]
    [InlineData("Admin@123")]
    [InlineData("P@ssw0rd")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("PASSWORD@2024")]
    [InlineData("Qwer1234!")]
    [InlineData("1qaz@WSX")]
    [InlineData("1QAZ2wsx#")]
    [InlineData("Woaini1314")]
    [InlineData("Adm1n#888")]
    [InlineData("Zhengfu@123")]
    [InlineData("Ｐａｓｓｗｏｒｄ１２３")] // full-width, as a Chinese input method types it
    [InlineData("123@Welcome")]
    public void Common_passwords_are_refused(string password)
    {
        Assert.Null(PasswordPolicy.Check(password.Normalize(System.Text.NormalizationForm.FormKC))); // each passes the character-class rule alone
        Assert.True(Blocklist.IsCommon(password), password);
    }

    [Theory]
    [InlineData("Zwgk-test-2026")]
    [InlineData("Hq7#vLm2!zr")]
    [InlineData("Password-is-long-Tuesday")]
    [InlineData("Aa93847261x")]
    [InlineData("Aa!938472615")] // a word plus many random digits is not a common password
    public void Uncommon_passwords_pass(string password) => Assert.False(Blocklist.IsCommon(password), password);

    [Fact]
    public void Generated_passwords_are_never_common()
    {
        for (int i = 0; i < 500; i++)
        {
            var p = PasswordPolicy.Generate();
            Assert.False(Blocklist.IsCommon(p), p);
        }
    }

    [Fact]
    public void The_embedded_list_has_a_few_hundred_entries() => Assert.InRange(Blocklist.Count, 300, 5000);

    [Fact]
    public void Site_words_are_the_pinyin_of_the_site_district_and_unit_names()
    {
        var words = PasswordBlocklist.SiteWords(["济南市市中区人民政府", "市中区教育局"], "www.jnsz.gov.cn");
        Assert.Contains("shizhong", words);
        Assert.Contains("shizhongqu", words);
        Assert.Contains("jinan", words);
        Assert.Contains("shizhongqujiaoyuju", words);
        Assert.Contains("szqjyj", words);
        Assert.Contains("jnsz", words);
        Assert.DoesNotContain("gov", words);
        Assert.True(PasswordBlocklist.MatchesAny("Shizhong2024", words));
        Assert.True(PasswordBlocklist.MatchesAny("SHIZHONGQU@1", words));
        Assert.True(PasswordBlocklist.MatchesAny("Jinan#2024", words));
        Assert.False(PasswordBlocklist.MatchesAny("Hq7#vLm2!zr", words));
    }
}

/// <summary>The policy applies wherever Identity sets a password (creation, reset, change).</summary>
public sealed class PasswordPolicyIntegrationTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new();
    public ValueTask InitializeAsync() { _ = _factory.Server; return ValueTask.CompletedTask; }
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<IdentityResult> CreateAsync(int unitId, string password, string displayName = "测试用户") =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<UserManager<ZwgkUser>>()
            .CreateAsync(new ZwgkUser { UserName = "p" + Guid.NewGuid().ToString("N")[..8], DisplayName = displayName, UnitId = unitId }, password));

    [Fact]
    public async Task Passwords_from_the_site_name_units_and_the_users_own_name_are_refused()
    {
        await _factory.WithDbAsync(async db =>
        {
            var site = await db.SiteSettings.FirstOrDefaultAsync();
            if (site is null) db.SiteSettings.Add(site = new SiteSettings());
            site.SiteName = "济南市市中区人民政府";
            site.Sponsor = "济南市市中区人民政府办公室";
            await db.SaveChangesAsync();
        });
        var unit = await _factory.CreateUnitAsync("槐荫区教育局"); // the factory appends a suffix: the place part is what counts
        foreach (var password in new[] { "Shizhong2024", "Shizhong@2024", "Jinan#2024", "Huaiyinqu2024!", "Zhangsanfeng1!" })
        {
            var r = await CreateAsync(unit.Id, password, displayName: "张三丰");
            Assert.False(r.Succeeded, password);
            Assert.Contains(r.Errors, e => e.Description == PasswordPolicyValidator.SiteMessage);
        }
        var common = await CreateAsync(unit.Id, "Aa123456");
        Assert.Equal(PasswordPolicyValidator.CommonMessage, Assert.Single(common.Errors).Description);
        Assert.True((await CreateAsync(unit.Id, "Hq7#vLm2!zr")).Succeeded);
    }
}
