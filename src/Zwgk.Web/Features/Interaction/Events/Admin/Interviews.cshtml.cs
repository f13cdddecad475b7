using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

public sealed record InterviewAdminRow(int Id, string Title, string Unit, string When, InterviewState State, InterviewPhase Phase, int Pending, int Answered);

/// <summary>在线访谈 in the back office: the unit's interviews (all units for the 公开办) with questions waiting for moderation.</summary>
public sealed class InterviewsModel(InterviewService service, ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    public IReadOnlyList<InterviewAdminRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanManageEvents()) return NotFound();
        var now = service.Now;
        var list = await service.Scoped().AsNoTracking()
            .Join(db.Units, i => i.UnitId, u => u.Id, (i, u) => new
            {
                i, Unit = u.ShortName ?? u.Name,
                Pending = db.InterviewQuestions.Count(q => q.InterviewId == i.Id && q.Status == QuestionStatus.Pending),
                Answered = db.InterviewQuestions.Count(q => q.InterviewId == i.Id && q.AnswerSeq != null),
            })
            .OrderByDescending(x => x.i.StartsAt).Take(500).ToListAsync(ct);
        Rows = list.Select(x => new InterviewAdminRow(x.i.Id, x.i.Title, x.Unit, EventTimes.Span(x.i.StartsAt, x.i.EndsAt), x.i.State,
            InterviewRules.PhaseAt(x.i, now), x.Pending, x.Answered)).ToList();
        return Page();
    }
}
