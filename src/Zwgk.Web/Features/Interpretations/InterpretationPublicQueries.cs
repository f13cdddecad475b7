using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Documents.Public;

namespace Zwgk.Web.Features.Interpretations;

public sealed record PublicMediaView(MediaKind Kind, int AttachmentId, string FileName, string ContentType, string? AltText, string? Transcript,
    int? CaptionsAttachmentId, string? CaptionsFileName);

public sealed record PublicPointView(string? Clause, string Text);

/// <summary>The interpretation block of a public document page.</summary>
public sealed record PublicInterpretationView(string FormLabel, string InterpretingUnit, string? InterpreterName, string? InterpreterTitle, bool Leader,
    string? ExternalMediaUrl, IReadOnlyList<PublicPointView> Points, IReadOnlyList<PublicMediaView> Media);

/// <summary>An interpretation listed under a policy (相关解读), with its form.</summary>
public sealed record PublicInterpretationLink(int Id, string Title, string? FormLabel);

public sealed record PublicInterpretationBlock(PublicInterpretationView? Profile, IReadOnlyList<PublicInterpretationLink> Interpretations, IReadOnlyList<RelatedView> Policies);

/// <summary>Reads what the public document page shows about interpretations; the relations come already filtered to public documents.</summary>
public sealed class InterpretationPublicQueries(ZwgkDbContext db)
{
    public async Task<PublicInterpretationBlock> ForAsync(PublicDocumentView d, CancellationToken ct = default)
    {
        var interpretations = DocumentPage.Interpretations(d);
        var ids = interpretations.Select(r => r.Id).ToList();
        var forms = ids.Count == 0 ? [] : await db.InterpretationProfiles.AsNoTracking().Where(p => ids.Contains(p.DocumentId))
            .ToDictionaryAsync(p => p.DocumentId, p => p.Form, ct);
        var links = interpretations.Select(r => new PublicInterpretationLink(r.Id, r.Title, forms.TryGetValue(r.Id, out var f) ? f.Label() : null)).ToList();

        var p = await db.InterpretationProfiles.AsNoTracking().Include(x => x.Points).Include(x => x.Media).ThenInclude(m => m.Attachment)
            .Include(x => x.Media).ThenInclude(m => m.CaptionsAttachment).Include(x => x.InterpretingUnit).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.DocumentId == d.Id, ct);
        PublicInterpretationView? view = p is null ? null : new PublicInterpretationView(p.Form.Label(), p.InterpretingUnit?.Name ?? d.OwnerUnit,
            p.InterpreterName, p.InterpreterTitle, p.IsLeaderInterpretation, p.ExternalMediaUrl,
            p.Points.OrderBy(x => x.Order).Select(x => new PublicPointView(x.Clause, x.Text)).ToList(),
            p.Media.OrderBy(x => x.Order).Where(m => m.Attachment is not null).Select(m => new PublicMediaView(m.Kind, m.AttachmentId, m.Attachment!.FileName,
                m.Attachment.ContentType, m.AltText, m.Transcript, m.CaptionsAttachmentId, m.CaptionsAttachment?.FileName)).ToList());
        return new PublicInterpretationBlock(view, links, DocumentPage.Interpreted(d));
    }
}
