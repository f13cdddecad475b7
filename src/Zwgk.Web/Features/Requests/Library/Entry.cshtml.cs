using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>One library entry; a draft shows what the anonymiser replaced and can be corrected, confirmed or discarded.</summary>
public sealed class EntryModel(CaseLibraryQueries queries, CaseLibraryService service) : AdminPageModel
{
    public CaseLibraryEntryView Entry { get; private set; } = null!;
    [BindProperty] public CaseLibraryEdit Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } e) return NotFound();
        Entry = e;
        Input = new CaseLibraryEdit(e.InformationTitle, e.Description, e.ReplyText, e.Topic, e.Notes, e.Tags);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => Act(id, service.EditAsync(id, Input, ct), "已保存修改（修改内容已再次匿名化）", ct);

    public Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct) => Act(id, service.ConfirmAsync(id, Input, ct), "已确认入库", ct);

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        var r = await service.DiscardAsync(id, ct);
        if (!r.Ok) return await Failed(id, r, ct);
        Flash = "已放弃该草稿";
        return Redirect("/admin/requests/library");
    }

    private async Task<IActionResult> Act(int id, Task<ServiceResult> action, string done, CancellationToken ct)
    {
        var r = await action;
        if (!r.Ok) return await Failed(id, r, ct);
        Flash = done;
        return Redirect($"/admin/requests/library/{id}");
    }

    private async Task<IActionResult> Failed(int id, ServiceResult r, CancellationToken ct)
    {
        if (r.Status is ResultStatus.NotFound or ResultStatus.Forbidden) return ResultPage(r);
        if (await queries.GetAsync(id, ct) is not { } e) return NotFound();
        Entry = e;
        AddErrors(r);
        return Page();
    }

    /// <summary>The text HTML-encoded, with the placeholders marked so the reader sees what was replaced.</summary>
    public static IHtmlContent Marked(string? text)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var encoded = HtmlEncoder.Default.Encode(text);
        var applicant = HtmlEncoder.Default.Encode(CaseAnonymizer.ApplicantPlaceholder);
        encoded = encoded.Replace(CaseAnonymizer.Mask, "<mark class=\"replaced\">***</mark>").Replace(applicant, $"<mark class=\"replaced\">{applicant}</mark>");
        return new HtmlString(encoded.Replace("\n", "<br />"));
    }
}
