using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Notices;

/// <summary>Edits one template: save (unknown placeholders refused), preview with a made-up case, 恢复默认.</summary>
public sealed class TemplateEditModel(NoticeService notices) : AdminPageModel
{
    public sealed class TemplateForm
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public TemplateForm Input { get; set; } = new();
    public NoticeTemplateView? Current { get; private set; }
    public (string Title, string Html)? Preview { get; private set; }
    public NoticeKind Kind { get; private set; }
    public OutcomeGroup? Group { get; private set; }

    private bool Resolve(string kind, string? group)
    {
        if (NoticeKinds.FromSlug(kind) is not { } k) return false;
        Kind = k;
        if (k == NoticeKind.Reply)
        {
            if (!Enum.TryParse<OutcomeGroup>(group, true, out var g) || !Enum.IsDefined(g) || int.TryParse(group, out _)) return false;
            Group = g;
        }
        else if (group is not null) return false;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string kind, string? group, CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        if (!Resolve(kind, group)) return NotFound();
        Current = await notices.TemplateAsync(Kind, Group, ct);
        Input = new TemplateForm { Title = Current.Title, Body = Current.Body, Version = Current.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string kind, string? group, CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        if (!Resolve(kind, group)) return NotFound();
        var r = await notices.SaveTemplateAsync(Kind, Group, Input.Title, Input.Body, Input.Version, ct);
        if (!r.Ok)
        {
            AddErrors(r);
            Current = await notices.TemplateAsync(Kind, Group, ct);
            return ResultPage(r);
        }
        Flash = "模板已保存";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string kind, string? group, CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        if (!Resolve(kind, group)) return NotFound();
        Current = await notices.TemplateAsync(Kind, Group, ct);
        var errors = NoticeRendering.Validate(Kind, Input.Title, Input.Body);
        foreach (var (key, message) in errors) ModelState.AddModelError("Input." + key, message);
        if (errors.Count == 0) Preview = await notices.PreviewAsync(Kind, Group, Input.Title!, Input.Body!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string kind, string? group, CancellationToken ct)
    {
        if (!notices.CanManageTemplates) return Forbid();
        if (!Resolve(kind, group)) return NotFound();
        var r = await notices.ResetTemplateAsync(Kind, Group, ct);
        if (!r.Ok) return ResultPage(r);
        Flash = "已恢复默认模板";
        return RedirectToPage();
    }
}
