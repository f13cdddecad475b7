using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security.Pages.Users;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Security.ApiTokens;

/// <summary>
/// /admin/tokens: 平台管理员 and 公开办 (the supervisors who manage units) issue and revoke integration tokens.
/// Only the Identity cookie reaches this page: the bearer scheme is never selected outside /api.
/// </summary>
[Authorize(Policy = Policies.ManageUnits)]
public sealed class IndexModel(ApiTokenService tokens, ZwgkDbContext db, CurrentUser me, TimeProvider clock) : AdminPageModel
{
    public const string Route = "/admin/tokens";

    public sealed class IssueInput
    {
        [Display(Name = "名称")]
        [Required(ErrorMessage = "请输入令牌名称")]
        [StringLength(FieldLengths.ApiTokenName, ErrorMessage = "令牌名称不能超过{1}个字")]
        public string Name { get; set; } = "";

        [Display(Name = "角色")]
        [Required(ErrorMessage = "请选择角色")]
        public string Role { get; set; } = Roles.Editor;

        [Display(Name = "所属单位")]
        public int? UnitId { get; set; }

        [Display(Name = "有效期至")]
        public DateOnly? ExpiresOn { get; set; }
    }

    [BindProperty] public IssueInput Input { get; set; } = new();
    public List<ApiTokenRow> Rows { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public IssuedApiToken? Issued { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var r = await tokens.IssueAsync(new ApiTokenRequest(Input.Name, Input.Role, Input.UnitId is > 0 ? Input.UnitId : null, Input.ExpiresOn), ct);
            if (r.Value is { } issued)
            {
                // Shown in this response only; never cached, never stored.
                Response.Headers.CacheControl = "no-store";
                Issued = issued;
                Input = new IssueInput();
                ModelState.Clear();
            }
            else ModelState.AddModelError(r.Field.Length == 0 ? "" : "Input." + r.Field, r.Error!);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var r = await tokens.RevokeAsync(id.ToString(), ct);
        if (r.Value is { } t) Flash = $"已吊销接口令牌“{t.Name}”，使用该令牌的系统将立即无法调用接口。";
        else FlashError = r.Error;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Rows = await tokens.ListAsync(ct);
        Units = await UserQueries.UnitOptionsAsync(db, me, null, ct);
    }
}
