namespace Zwgk.Domain.Site;

/// <summary>Site identity shown in the footer and the monitoring meta tags (single row).</summary>
public class SiteSettings
{
    public int Id { get; set; } = 1;
    public string SiteName { get; set; } = "";
    public string SiteDomain { get; set; } = "";
    /// <summary>网站标识码: 6-digit region code + 4 digits, or bm + 8 digits.</summary>
    public string SiteIdCode { get; set; } = "";
    /// <summary>主办单位.</summary>
    public string Sponsor { get; set; } = "";
    public string? Contact { get; set; }
    public string? IcpNumber { get; set; }
    public string? PublicSecurityNumber { get; set; }
    public string? Address { get; set; }

    public static string? ValidateSiteIdCode(string code) =>
        System.Text.RegularExpressions.Regex.IsMatch(code, @"^(\d{10}|bm\d{8})$") ? null : "网站标识码应为10位：6位行政区划代码加4位数字，或bm加8位数字";
}
