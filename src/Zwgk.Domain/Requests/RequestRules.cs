using System.Text.RegularExpressions;
using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Requests;

/// <summary>What an application must contain (条例第二十九条) and the limits of every field. The one home of these rules.</summary>
public static partial class RequestRules
{
    /// <summary>Field → its length limit, for validation and the EF configuration alike.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, Func<InformationRequest, string?> Get, int Max)> TextFields =
    [
        (nameof(InformationRequest.ApplicantName), "申请人姓名或名称", r => r.ApplicantName, FieldLengths.ApplicantName),
        (nameof(InformationRequest.IdType), "证件类型", r => r.IdType, FieldLengths.IdType),
        (nameof(InformationRequest.IdNumber), "证件号码", r => r.IdNumber, FieldLengths.IdNumber),
        (nameof(InformationRequest.LegalRepresentative), "法定代表人或负责人", r => r.LegalRepresentative, FieldLengths.PersonName),
        (nameof(InformationRequest.ContactPerson), "联系人", r => r.ContactPerson, FieldLengths.PersonName),
        (nameof(InformationRequest.Phone), "联系电话", r => r.Phone, FieldLengths.Phone),
        (nameof(InformationRequest.Email), "电子邮箱", r => r.Email, FieldLengths.Email),
        (nameof(InformationRequest.Address), "通信地址", r => r.Address, FieldLengths.Address),
        (nameof(InformationRequest.PostalCode), "邮政编码", r => r.PostalCode, FieldLengths.PostalCode),
        (nameof(InformationRequest.InformationTitle), "所需信息的名称", r => r.InformationTitle, FieldLengths.Title),
        (nameof(InformationRequest.DocumentNumber), "文号", r => r.DocumentNumber, FieldLengths.DocumentNumber),
        (nameof(InformationRequest.Description), "所需信息的内容描述", r => r.Description, FieldLengths.RequestDescription),
        (nameof(InformationRequest.Topic), "主题", r => r.Topic, FieldLengths.TopicCategory),
    ];

    /// <summary>Errors by field name (Chinese messages); empty when the application can be registered.</summary>
    public static Dictionary<string, string> Validate(InformationRequest r)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, label, get, max) in TextFields)
            if (get(r) is { } v && v.Length > max) errors[field] = $"{label}不能超过{max}个字符";
        if (!Enum.IsDefined(r.ApplicantType)) errors[nameof(r.ApplicantType)] = "请选择申请人类型";
        if (string.IsNullOrWhiteSpace(r.ApplicantName)) errors.TryAdd(nameof(r.ApplicantName), "请填写申请人姓名或名称（条例第二十九条）");
        // 条例第二十九条第（一）项: a way to reach the applicant; the delivery chosen needs its own address.
        if (string.IsNullOrWhiteSpace(r.Phone) && string.IsNullOrWhiteSpace(r.Email) && string.IsNullOrWhiteSpace(r.Address))
            errors.TryAdd(nameof(r.Phone), "请至少填写一种联系方式（电话、电子邮箱或通信地址）");
        if (r.Delivery == DeliveryMethod.Post && string.IsNullOrWhiteSpace(r.Address)) errors.TryAdd(nameof(r.Address), "选择邮寄的，请填写通信地址");
        if (r.Delivery == DeliveryMethod.Email && string.IsNullOrWhiteSpace(r.Email)) errors.TryAdd(nameof(r.Email), "选择电子邮件的，请填写电子邮箱");
        if (!string.IsNullOrWhiteSpace(r.Phone) && !PhonePattern().IsMatch(r.Phone.Trim())) errors.TryAdd(nameof(r.Phone), "联系电话格式不正确");
        if (!string.IsNullOrWhiteSpace(r.Email) && !EmailPattern().IsMatch(r.Email.Trim())) errors.TryAdd(nameof(r.Email), "电子邮箱格式不正确");
        if (!string.IsNullOrWhiteSpace(r.PostalCode) && !PostalPattern().IsMatch(r.PostalCode.Trim())) errors.TryAdd(nameof(r.PostalCode), "邮政编码应为6位数字");
        if (!string.IsNullOrWhiteSpace(r.IdNumber) && IdNumberError(r.IdType, r.IdNumber.Trim(), r.ApplicantType) is { } idError) errors.TryAdd(nameof(r.IdNumber), idError);
        // 条例第二十九条第（二）项: name, document number or another description that identifies the information.
        if (string.IsNullOrWhiteSpace(r.InformationTitle) && string.IsNullOrWhiteSpace(r.DocumentNumber) && string.IsNullOrWhiteSpace(r.Description))
            errors.TryAdd(nameof(r.Description), "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）");
        if (!Enum.IsDefined(r.Medium)) errors[nameof(r.Medium)] = "请选择信息的提供形式";
        if (!Enum.IsDefined(r.Delivery)) errors[nameof(r.Delivery)] = "请选择获取信息的方式";
        return errors;
    }

    public const string ResidentIdCard = "居民身份证";
    public const string CreditCode = "统一社会信用代码";

    /// <summary>Checks the check digit of a 居民身份证号码 (GB 11643) or 统一社会信用代码 (GB 32100); other documents are only length-checked.</summary>
    public static string? IdNumberError(string? idType, string id, ApplicantType applicant)
    {
        var type = string.IsNullOrWhiteSpace(idType) ? (applicant == ApplicantType.NaturalPerson ? ResidentIdCard : CreditCode) : idType.Trim();
        if (type == ResidentIdCard) return IsResidentId(id) ? null : "居民身份证号码不正确（请核对18位号码及末位校验码）";
        if (type == CreditCode) return IsCreditCode(id) ? null : "统一社会信用代码不正确（请核对18位代码）";
        return id.Length is < 4 or > FieldLengths.IdNumber ? "证件号码长度不正确" : null;
    }

    public static bool IsResidentId(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit)) return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
        var check = "10X98765432"[sum % 11];
        if (char.ToUpperInvariant(id[17]) != check) return false;
        return DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _);
    }

    public static bool IsCreditCode(string code)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        code = code.ToUpperInvariant();
        if (code.Length != 18 || code.Any(c => !alphabet.Contains(c))) return false;
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += alphabet.IndexOf(code[i]) * weights[i];
        var check = (31 - sum % 31) % 31;
        return alphabet[check] == code[17];
    }

    [GeneratedRegex(@"^[0-9+\-() ]{7,20}$")]
    private static partial Regex PhonePattern();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex PostalPattern();
}
