using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Notices;

/// <summary>文书模板 and the remedy bodies: the 公开办 and platform administrators edit; every change is audited.</summary>
public sealed class TemplatesModel(NoticeService notices, ZwgkDbContext db) : AdminPageModel
{
    public sealed class SettingsForm
    {
        public string? ReviewBody { get; set; }
        public string? Court { get; set; }
        public string? GovernmentReviewBody { get; set; }
        public string? GovernmentCourt { get; set; }
        public string? QueryAddress { get; set; }
        public string? PaymentMethod { get; set; }
        public string? ContactInfo { get; set; }
    }

    public sealed class UnitRow
    {
        public int UnitId { get; set; }
        public string Name { get; set; } = "";
        public bool IsGovernment { get; set; }
        public string? ReviewBody { get; set; }
        public string? Court { get; set; }
    }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    [BindProperty] public List<UnitRow> Units { get; set; } = [];
    public IReadOnlyList<NoticeTemplateView> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        await LoadAsync(fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        var r = await notices.SaveSettingsAsync(new NoticeSettingsInput
        {
            ReviewBody = Input.ReviewBody, Court = Input.Court, GovernmentReviewBody = Input.GovernmentReviewBody, GovernmentCourt = Input.GovernmentCourt,
            QueryAddress = Input.QueryAddress, PaymentMethod = Input.PaymentMethod, ContactInfo = Input.ContactInfo,
            Units = Units.Select(u => new UnitRemedyInput(u.UnitId, u.ReviewBody, u.Court)).ToList(),
        }, ct);
        if (!r.Ok)
        {
            AddErrors(r);
            await LoadAsync(fillForm: false, ct);
            return ResultPage(r);
        }
        Flash = "文书设置已保存";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool fillForm, CancellationToken ct)
    {
        Templates = await notices.TemplatesAsync(ct);
        var (site, overrides) = await notices.SettingsAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        if (!fillForm)
        {
            var names = units.ToDictionary(u => u.Id);
            foreach (var row in Units.Where(row => names.ContainsKey(row.UnitId)))
            {
                row.Name = names[row.UnitId].Name;
                row.IsGovernment = names[row.UnitId].Kind == Domain.Units.UnitKind.DistrictGovernment;
            }
            return;
        }
        Input = new SettingsForm
        {
            ReviewBody = site.ReviewBody, Court = site.Court, GovernmentReviewBody = site.GovernmentReviewBody, GovernmentCourt = site.GovernmentCourt,
            QueryAddress = site.QueryAddress, PaymentMethod = site.PaymentMethod, ContactInfo = site.ContactInfo,
        };
        Units = units.Select(u =>
        {
            var o = overrides.FirstOrDefault(x => x.UnitId == u.Id);
            return new UnitRow { UnitId = u.Id, Name = u.Name, IsGovernment = u.Kind == Domain.Units.UnitKind.DistrictGovernment, ReviewBody = o?.ReviewBody, Court = o?.Court };
        }).ToList();
    }

    public static string EditUrl(NoticeTemplateView t) =>
        $"/admin/requests/templates/{t.Kind.Info().Slug}" + (t.Group is { } g ? "/" + g : "");
}
