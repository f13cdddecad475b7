using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Infrastructure;

/// <summary>Typed settings under the "Zwgk" section; validated at start, nested sections included (<see cref="ZwgkOptionsValidator"/>).</summary>
public sealed class ZwgkOptions
{
    public const string Section = "Zwgk";

    [Required] public string DataDirectory { get; set; } = "./data";
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Number of review levels before publication (三审 = 3).</summary>
    [Range(1, 3)] public int ReviewLevels { get; set; } = 3;
    /// <summary>Separation of duties in 三审: Never (default) or WhenShortStaffed (audited single-person approvals).</summary>
    [EnumDataType(typeof(SinglePersonReview))] public SinglePersonReview SinglePersonReview { get; set; } = SinglePersonReview.Never;
    /// <summary>The one upload limit: the file store's check, the multipart form limit and Kestrel's request limit on upload endpoints follow it.</summary>
    [Range(1, 1024)] public int MaxAttachmentMegabytes { get; set; } = 50;
    [Range(5, 720)] public int IdleTimeoutMinutes { get; set; } = 30;
    public bool LoadDemoContent { get; set; } = true;
    [ValidateObjectMembers] public IndexNumberOptions IndexNumber { get; set; } = new();
    [ValidateObjectMembers] public ProxyOptions Proxy { get; set; } = new();
    [ValidateObjectMembers] public RequestOptions Requests { get; set; } = new();

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;
}

/// <summary>
/// Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (the forwarded scheme decides HSTS and secure
/// cookies). Both empty: only a proxy on the same machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Proxy addresses, e.g. 10.0.0.5.</summary>
    [IpAddressList(Key = "Zwgk:Proxy:KnownProxies")] public string[] KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR notation, e.g. 10.0.0.0/24.</summary>
    [IpAddressList(Key = "Zwgk:Proxy:KnownNetworks", Networks = true)] public string[] KnownNetworks { get; set; } = [];
}

/// <summary>Every entry parses as an IP address (or, with <see cref="Networks"/>, as a CIDR network).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressListAttribute : ValidationAttribute
{
    public bool Networks { get; set; }
    /// <summary>The configuration key named in the message.</summary>
    public string Key { get; set; } = "";

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var bad = (value as IEnumerable<string> ?? []).Where(v => Networks ? !System.Net.IPNetwork.TryParse(v, out _) : !System.Net.IPAddress.TryParse(v, out _)).ToList();
        return bad.Count == 0 ? ValidationResult.Success
            : new ValidationResult($"{Key} 中的“{string.Join("”、“", bad)}”不是有效的{(Networks ? "网段（如 10.0.0.0/24）" : "IP 地址")}", [context.MemberName ?? ""]);
    }
}

/// <summary>Source-generated validation of <see cref="ZwgkOptions"/> that also descends into the nested sections.</summary>
[OptionsValidator]
public sealed partial class ZwgkOptionsValidator : IValidateOptions<ZwgkOptions>;

/// <summary>依申请公开 settings (Zwgk:Requests:*).</summary>
public sealed class RequestOptions
{
    /// <summary>Whether the wait for an information-processing fee stops the reply clock. The 办法 does not settle it
    /// nationally; both dates are recorded either way, so the report can be recomputed under the other reading.</summary>
    public bool FeeWaitPausesClock { get; set; } = true;
    /// <summary>The "reasonable time limit" for a correction (条例第三十条), proposed on the notice in working days.</summary>
    [Range(5, 60)] public int CorrectionWorkingDays { get; set; } = 15;
    /// <summary>Case numbers read PREFIX-YYYY-NNNNN.</summary>
    [RegularExpression("^[A-Z]{2,6}$", ErrorMessage = "Zwgk:Requests:CaseNumberPrefix（受理编号前缀）应为2至6个大写字母")]
    public string CaseNumberPrefix { get; set; } = "YSQ";
    /// <summary>Working days before the due date from which a case is listed as 即将到期 and reminded.</summary>
    [Range(1, 10)] public int DueSoonWorkingDays { get; set; } = 3;
}

public sealed class IndexNumberOptions
{
    public IndexUnitCodeSource UnitCodeSource { get; set; } = IndexUnitCodeSource.CreditCode;
    public IndexYearSource YearSource { get; set; } = IndexYearSource.WrittenOn;
    [AllowedValues(5, 7, ErrorMessage = "Zwgk:IndexNumber:SerialWidth（索引号序号位数）只能为5或7")] public int SerialWidth { get; set; } = 7;

    public IndexNumberRule ToRule() => new(UnitCodeSource, YearSource, SerialWidth);
}
