using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events.Admin;

/// <summary>
/// Running one interview: start and end the broadcast, moderate questions (screen findings shown), type answers on behalf of
/// a guest, publish the record. Askers are masked here; the 公开办 or the unit's handlers may open one asker's contact
/// (audited). Another unit's interview answers 404.
/// </summary>
public sealed class InterviewModel(InterviewService service, CurrentUser me, AuditLog audit, ZwgkDbContext db) : AdminPageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public string? Tab { get; set; }
    public Interview Interview { get; private set; } = null!;
    public InterviewPhase Phase { get; private set; }
    public IReadOnlyList<InterviewQuestion> Questions { get; private set; } = [];
    public bool MaySeeContacts { get; private set; }
    public InterviewQuestion? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>One asker's name and phone in full, for a follow-up call; audited.</summary>
    public async Task<IActionResult> OnGetContactAsync(int questionId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!MaySeeContacts || Interview.Questions.FirstOrDefault(q => q.Id == questionId) is not { } q) return NotFound();
        Contact = q;
        audit.Add("interview.question.contact", nameof(InterviewQuestion), q.Id, $"查看在线访谈《{Interview.Title}》提问#{q.Id}的联系方式", unitId: Interview.UnitId);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct) => Done(await service.StartAsync(Id, ct), "访谈已开始直播");
    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct) => Done(await service.EndAsync(Id, ct), "访谈已结束，不再接受提问");
    public async Task<IActionResult> OnPostModerateAsync(int questionId, bool select, string? reason, CancellationToken ct) =>
        Done(await service.ModerateAsync(Id, questionId, select, reason, ct), select ? "已选用" : "已不予选用");
    public async Task<IActionResult> OnPostAnswerAsync(int questionId, string? answer, string? guest, CancellationToken ct) =>
        Done(await service.AnswerAsync(Id, questionId, answer, guest, ct), "答复已发布");
    public async Task<IActionResult> OnPostRecordAsync(string? summary, string? transcript, CancellationToken ct) =>
        Done(await service.PublishRecordAsync(Id, summary, transcript, ct), "访谈实录已发布");

    private IActionResult Done(ServiceResult r, string ok)
    {
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok) Flash = ok; else FlashError = r.Message;
        return Redirect($"/admin/interviews/{Id}{(Tab is { Length: > 0 } t ? "?tab=" + Uri.EscapeDataString(t) : "")}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var i = await service.FindAsync(Id, ct);
        if (i is null) return false;
        Interview = i;
        Phase = InterviewRules.PhaseAt(i, service.Now);
        MaySeeContacts = me.CanSeeRegistrants(i.UnitId);
        IEnumerable<InterviewQuestion> qs = i.Questions;
        qs = Tab switch
        {
            "selected" => qs.Where(q => q.Status == QuestionStatus.Selected),
            "rejected" => qs.Where(q => q.Status == QuestionStatus.Rejected),
            "all" => qs,
            _ => qs.Where(q => q.Status == QuestionStatus.Pending),
        };
        Questions = qs.OrderBy(q => q.AnswerSeq is null ? 0 : 1).ThenBy(q => q.AnswerSeq).ThenBy(q => q.Id).ToList();
        return true;
    }
}
