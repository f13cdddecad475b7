using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Public;

/// <summary>
/// One interview (/hdjl/ft/{id}): guests, the answered questions (selected by staff; askers masked), the record once published,
/// and the question form while it takes questions. The page works without JavaScript; while live, interview-live.js polls
/// the Q&amp;A feed. The question POST is rate-limited per address. Never cached (the Q&amp;A grows while live).
/// </summary>
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class InterviewModel(ZwgkDbContext db, InterviewService service, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Interview Interview { get; private set; } = null!;
    public string Unit { get; private set; } = "";
    public InterviewPhase Phase { get; private set; }
    public bool TakesQuestions { get; private set; }
    public IReadOnlyList<QaEntry> Qa { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Related { get; private set; } = [];
    [BindProperty] public AskForm Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await service.AskAsync(Id, Input.Name, Input.Phone, Input.Content, ct);
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok)
        {
            Flash = "提问已提交。工作人员审核选用后，嘉宾将在访谈中答复，答复会显示在本页的“网友提问”中。";
            return Redirect($"/hdjl/ft/{Id}#qa");
        }
        foreach (var (k, v) in r.Errors) Errors[k] = v;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var i = await db.Interviews.AsNoTracking().Include(x => x.Guests.OrderBy(g => g.Order)).FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (i is null) return false;
        Interview = i;
        Unit = await db.Units.Where(u => u.Id == i.UnitId).Select(u => u.Name).FirstAsync(ct);
        Phase = InterviewRules.PhaseAt(i, clock.GetUtcNow());
        TakesQuestions = InterviewRules.CanAsk(i, clock.GetUtcNow()) is null;
        Qa = (await service.FeedAsync(Id, 0, ct))?.Items ?? [];
        var ids = i.RelatedDocuments;
        if (ids.Count > 0)
            Related = (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Where(DocumentVisibility.IsPublic).Select(d => new { d.Id, d.Title }).ToListAsync(ct))
                .Select(d => (d.Id, d.Title)).ToList();
        return true;
    }

    public string? Error(string key) => Errors.GetValueOrDefault(key);
}

public sealed class AskForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Content { get; set; }
}
