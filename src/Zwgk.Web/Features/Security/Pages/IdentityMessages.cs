using Microsoft.AspNetCore.Identity;

namespace Zwgk.Web.Features.Security.Pages;

/// <summary>Chinese text for the Identity errors the shared error describer leaves in English.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "密码中不同字符的数量太少，请避免大量重复字符",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码须包含数字",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码须包含小写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码须包含大写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "密码须包含特殊字符",
        nameof(IdentityErrorDescriber.UserAlreadyInRole) => "用户已拥有该角色",
        nameof(IdentityErrorDescriber.UserNotInRole) => "用户不具有该角色",
        nameof(IdentityErrorDescriber.UserLockoutNotEnabled) => "该账号未启用锁定功能",
        nameof(IdentityErrorDescriber.InvalidToken) => "操作已失效，请重试",
        nameof(IdentityErrorDescriber.DefaultError) => "操作失败，请重试",
        _ => e.Description,
    };

    public static string Join(IdentityResult result) => string.Join("；", result.Errors.Select(Describe).Distinct());
}
