using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations.Admin;

/// <summary>The profile of one interpretation: form, interpreter, 解读要点 and media with their text alternatives.</summary>
public sealed class EditModel(InterpretationService interpretations, ZwgkDbContext db) : AdminPageModel
{
    public const int BlankPoints = 3;

    public Document Doc { get; private set; } = null!;
    public bool HasProfile { get; private set; }
    public List<(int Id, string Name)> Units { get; private set; } = [];
    /// <summary>Attachments that can be shown as media (image, video, audio).</summary>
    public List<Attachment> MediaFiles { get; private set; } = [];
    /// <summary>WebVTT attachments that can serve as captions.</summary>
    public List<Attachment> CaptionFiles { get; private set; } = [];

    [BindProperty] public InterpretationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await interpretations.GetAsync(id, ct) is not { } found) return NotFound();
        Input = found.Profile is null ? new InterpretationInput { InterpretingUnitId = found.Doc.OwnerUnitId } : InterpretationInput.From(found.Profile);
        await LoadAsync(found.Doc, found.Profile is not null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var r = await interpretations.SaveAsync(id, Input, ct);
        if (r.Ok)
        {
            Flash = "解读信息已保存";
            return Redirect($"/admin/documents/{id}");
        }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        AddErrors(r);
        Response.StatusCode = r.Status switch
        {
            ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
            ResultStatus.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        if (await interpretations.GetAsync(id, ct) is not { } found) return NotFound();
        await LoadAsync(found.Doc, found.Profile is not null, ct);
        return Page();
    }

    private async Task LoadAsync(Document doc, bool hasProfile, CancellationToken ct)
    {
        Doc = doc;
        HasProfile = hasProfile;
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive || u.Id == Input.InterpretingUnitId).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        var attachments = doc.Attachments.OrderBy(a => a.Order).ToList();
        MediaFiles = attachments.Where(a => IsMedia(a) || Input.Media.Any(m => m.AttachmentId == a.Id)).ToList();
        CaptionFiles = attachments.Where(a => a.FileName.EndsWith(".vtt", StringComparison.OrdinalIgnoreCase) || a.ContentType.StartsWith("text/vtt", StringComparison.Ordinal)).ToList();
        while (Input.Points.Count(p => string.IsNullOrWhiteSpace(p.Text)) < BlankPoints) Input.Points.Add(new InterpretationPointInput());
    }

    private static bool IsMedia(Attachment a) =>
        a.ContentType.StartsWith("image/", StringComparison.Ordinal) || a.ContentType.StartsWith("video/", StringComparison.Ordinal)
        || a.ContentType.StartsWith("audio/", StringComparison.Ordinal);

    /// <summary>The media kind a file most likely is, for the initial choice.</summary>
    public static Zwgk.Domain.Interpretations.MediaKind GuessKind(Attachment a) =>
        a.ContentType.StartsWith("video/", StringComparison.Ordinal) ? Zwgk.Domain.Interpretations.MediaKind.Video
        : a.ContentType.StartsWith("audio/", StringComparison.Ordinal) ? Zwgk.Domain.Interpretations.MediaKind.Audio
        : Zwgk.Domain.Interpretations.MediaKind.Image;
}
