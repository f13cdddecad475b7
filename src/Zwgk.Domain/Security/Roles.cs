namespace Zwgk.Domain.Security;

/// <summary>Role names stored in Identity; labels are what the UI shows.</summary>
public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string OpennessOffice = "OpennessOffice";
    public const string UnitAdmin = "UnitAdmin";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    /// <summary>依申请公开经办: registers and handles applications of their unit and sees the applicants' personal data.</summary>
    public const string RequestOfficer = "RequestOfficer";
    /// <summary>互动交流经办: handles the messages, comments and interviews routed to their unit and sees the writers' contact details.</summary>
    public const string InteractionOfficer = "InteractionOfficer";

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, OpennessOffice, UnitAdmin, Editor, Reviewer, RequestOfficer, InteractionOfficer];

    public static string Label(string role) => role switch
    {
        PlatformAdmin => "平台管理员",
        OpennessOffice => "公开办",
        UnitAdmin => "单位管理员",
        Editor => "编辑",
        Reviewer => "审核",
        RequestOfficer => "依申请公开经办",
        InteractionOfficer => "互动交流经办",
        _ => role,
    };

    /// <summary>Roles whose holders see and change every unit's content.</summary>
    public static bool SpansAllUnits(IEnumerable<string> roles) => roles.Any(r => r is PlatformAdmin or OpennessOffice);
}

/// <summary>Password policy: at least 8 characters from at least 3 of 4 classes.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MinClasses = 3;

    public static string? Check(string password)
    {
        if (password.Length < MinLength) return $"密码长度不能少于{MinLength}位";
        int classes = 0;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        return classes < MinClasses ? "密码须包含大写字母、小写字母、数字、特殊字符中的至少三类" : null;
    }

    /// <summary>A random password that satisfies the policy (used for the first admin).</summary>
    public static string Generate(int length = 16)
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!@#$%^&*-_+=";
        string all = lower + upper + digits + symbols;
        var chars = new char[length];
        chars[0] = lower[System.Security.Cryptography.RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[System.Security.Cryptography.RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[System.Security.Cryptography.RandomNumberGenerator.GetInt32(symbols.Length)];
        for (int i = 4; i < length; i++) chars[i] = all[System.Security.Cryptography.RandomNumberGenerator.GetInt32(all.Length)];
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
