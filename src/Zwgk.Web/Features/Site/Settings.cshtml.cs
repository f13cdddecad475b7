using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Site;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Portal;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Site;

[Authorize(Policy = Policies.ManageSettings)]
public sealed class SettingsModel(ZwgkDbContext db, AuditLog audit, SiteSettingsService settings, IOutputCacheStore cache) : AdminPageModel
{
    public sealed class SettingsInput
    {
        [Display(Name = "网站名称")]
        [Required(ErrorMessage = "请输入网站名称")]
        [StringLength(100, ErrorMessage = "网站名称不能超过100个字")]
        public string SiteName { get; set; } = "";

        [Display(Name = "网站域名")]
        [Required(ErrorMessage = "请输入网站域名")]
        [StringLength(200, ErrorMessage = "网站域名不能超过200个字符")]
        public string SiteDomain { get; set; } = "";

        [Display(Name = "网站标识码")]
        [Required(ErrorMessage = "请输入网站标识码")]
        public string SiteIdCode { get; set; } = "";

        [Display(Name = "主办单位")]
        [Required(ErrorMessage = "请输入主办单位")]
        [StringLength(100, ErrorMessage = "主办单位不能超过100个字")]
        public string Sponsor { get; set; } = "";

        [Display(Name = "联系方式")]
        [StringLength(200, ErrorMessage = "联系方式不能超过200个字")]
        public string? Contact { get; set; }

        [Display(Name = "ICP备案号")]
        [StringLength(100, ErrorMessage = "ICP备案号不能超过100个字")]
        public string? IcpNumber { get; set; }

        [Display(Name = "公安机关备案号")]
        [StringLength(100, ErrorMessage = "公安机关备案号不能超过100个字")]
        public string? PublicSecurityNumber { get; set; }

        [Display(Name = "地址")]
        [StringLength(200, ErrorMessage = "地址不能超过200个字")]
        public string? Address { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings();
        Input = new SettingsInput
        {
            SiteName = s.SiteName, SiteDomain = s.SiteDomain, SiteIdCode = s.SiteIdCode, Sponsor = s.Sponsor, Contact = s.Contact,
            IcpNumber = s.IcpNumber, PublicSecurityNumber = s.PublicSecurityNumber, Address = s.Address,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.SiteIdCode = (Input.SiteIdCode ?? "").Trim();
        Input.SiteDomain = NormalizeDomain(Input.SiteDomain);
        ModelState.Remove("Input.SiteDomain");
        if (Input.SiteDomain.Length == 0) ModelState.AddModelError("Input.SiteDomain", "请输入网站域名");
        else if (Uri.CheckHostName(Input.SiteDomain.Split(':')[0]) == UriHostNameType.Unknown)
            ModelState.AddModelError("Input.SiteDomain", "请输入域名，如 www.example.gov.cn（不含 http:// 和路径）");
        if (Input.SiteIdCode.Length > 0 && SiteSettings.ValidateSiteIdCode(Input.SiteIdCode) is { } idError)
            ModelState.AddModelError("Input.SiteIdCode", idError);
        if (!ModelState.IsValid) return Page();

        var s = await db.SiteSettings.FirstOrDefaultAsync(ct);
        var creating = s is null;
        s ??= new SiteSettings();
        var before = Snapshot(s);
        s.SiteName = Input.SiteName.Trim();
        s.SiteDomain = Input.SiteDomain;
        s.SiteIdCode = Input.SiteIdCode;
        s.Sponsor = Input.Sponsor.Trim();
        s.Contact = Blank(Input.Contact);
        s.IcpNumber = Blank(Input.IcpNumber);
        s.PublicSecurityNumber = Blank(Input.PublicSecurityNumber);
        s.Address = Blank(Input.Address);
        if (creating) db.SiteSettings.Add(s);
        var changes = AuditLog.Diff(before, Snapshot(s));
        if (changes.Count == 0)
        {
            Flash = "没有需要保存的修改";
            return RedirectToPage();
        }
        audit.Add("settings.update", "SiteSettings", s.Id, "修改站点设置", changes);
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
        await cache.InvalidatePortalAsync(ct);
        Flash = "站点设置已保存";
        return RedirectToPage();
    }

    /// <summary>Accepts a pasted address (https://www.example.gov.cn/) and keeps the host part.</summary>
    public static string NormalizeDomain(string? value)
    {
        var v = (value ?? "").Trim();
        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return v.TrimEnd('/').ToLowerInvariant();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Dictionary<string, object?> Snapshot(SiteSettings s) => new()
    {
        ["网站名称"] = s.SiteName, ["网站域名"] = s.SiteDomain, ["网站标识码"] = s.SiteIdCode, ["主办单位"] = s.Sponsor,
        ["联系方式"] = s.Contact, ["ICP备案号"] = s.IcpNumber, ["公安机关备案号"] = s.PublicSecurityNumber, ["地址"] = s.Address,
    };
}
