using Microsoft.AspNetCore.Identity;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Web.Features.Security;

/// <summary>Enforces the platform's password policy (≥ 8 characters from 3 of 4 classes) in Identity.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ZwgkUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ZwgkUser> manager, ZwgkUser user, string? password)
    {
        var error = PasswordPolicy.Check(password ?? "");
        if (error is null && password is not null && user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            error = "密码不能包含用户名";
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error }));
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
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
}
