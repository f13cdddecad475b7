using Microsoft.AspNetCore.Identity;
using Zwgk.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Web.Features.Security;

/// <summary>
/// Enforces the platform's password policy in Identity (so creation, reset and change all apply it): ≥ 8 characters
/// from 3 of 4 classes, not containing the user name, not a common password, not guessable from the site, the district,
/// the units or the user's own name (see <see cref="PasswordBlocklist"/>).
/// </summary>
public sealed class PasswordPolicyValidator(PasswordBlocklist blocklist, ZwgkDbContext db) : IPasswordValidator<ZwgkUser>
{
    public const string CommonMessage = "该密码过于常见，容易被猜中，请换一个";
    public const string SiteMessage = "密码不能使用本站、本地区、单位名称或本人姓名的拼音等容易猜到的内容";

    public async Task<IdentityResult> ValidateAsync(UserManager<ZwgkUser> manager, ZwgkUser user, string? password)
    {
        var error = PasswordPolicy.Check(password ?? "");
        if (error is null && password is not null && user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            error = "密码不能包含用户名";
        if (error is null && password is not null)
        {
            if (blocklist.IsCommon(password)) error = CommonMessage;
            else if (PasswordBlocklist.MatchesAny(password, await GuessableWordsAsync(user))) error = SiteMessage;
        }
        return error is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error });
    }

    private async Task<HashSet<string>> GuessableWordsAsync(ZwgkUser user)
    {
        var site = await db.SiteSettings.AsNoTracking().Select(s => new { s.SiteName, s.Sponsor, s.SiteDomain }).FirstOrDefaultAsync();
        var names = await db.Units.AsNoTracking().Select(u => u.Name).ToListAsync();
        if (site is not null) names.AddRange([site.SiteName, site.Sponsor]);
        names.Add(user.DisplayName);
        var words = PasswordBlocklist.SiteWords(names, site?.SiteDomain);
        if (user.UserName is { } userName) words.Add(userName.ToLowerInvariant());
        return words;
    }
}

/// <summary>Chinese messages for Identity's built-in errors.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 - . _ @" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码长度不能少于{length}位" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色“{role}”已存在" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = "密码中不同字符的数量太少，请避免大量重复字符" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含特殊字符" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = "用户已拥有该角色" };
    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = "用户不具有该角色" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该账号未启用锁定功能" };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "操作已失效，请重试" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败，请重试" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
}
