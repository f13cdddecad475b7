using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Interaction.Consultations;
using Zwgk.Web.Features.Interaction.Decisions;
using Zwgk.Web.Features.Interaction.Events;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Dashboard;

/// <summary>
/// 互动交流总览 for the 公开办 (a unit sees its own figures): the 3-month veto findings, timeliness and satisfaction by unit
/// for a period, overdue and due-soon messages, and the 找错 channel's 3-working-day target.
/// </summary>
public sealed record EventRow(int Id, string Title, DateTimeOffset StartsAt, string Note);

public sealed class IndexModel(ZwgkDbContext db, CurrentUser user, MessageQueries messages, ResponsivenessChecks checks,
    ConsultationQueries consultations, DecisionQueries decisions, TimeProvider clock) : AdminPageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }

    public IReadOnlyList<VetoFinding> Findings { get; private set; } = [];
    public IReadOnlyList<MessageUnitStats> Units { get; private set; } = [];
    public MessageTotals Totals { get; private set; } = MessageTotals.Of([]);
    public IReadOnlyList<MessageReminder> Reminders { get; private set; } = [];
    public SiteErrorTotals SiteErrors { get; private set; } = new(0, 0, 0, 0);
    public bool AllUnits => user.SpansAllUnits;
    public bool ShowsMessages => user.CanWorkMessages();
    public int Year => messages.Today.Year;

    /// <summary>Null when the user may not see consultations (the section is left out).</summary>
    public IReadOnlyList<ConsultationRow>? Consultations { get; private set; }
    public CatalogRow? Catalog { get; private set; }
    public bool ShowsCatalog { get; private set; }
    public IReadOnlyList<EventRow>? Interviews { get; private set; }
    public int InterviewsWithoutRecord { get; private set; }
    public IReadOnlyList<EventRow>? OpenDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages() && !user.CanSeeConsultations() && !user.CanManageEvents()) return NotFound();
        if (user.CanSeeConsultations()) Consultations = await consultations.StaffListAsync(ct);
        if (user.CanSeeDecisions())
        {
            ShowsCatalog = true;
            Catalog = (await decisions.CatalogsAsync(ct)).Where(c => c.Year == messages.Today.Year).FirstOrDefault();
        }
        if (user.CanManageEvents()) await LoadEventsAsync(ct);
        if (!user.CanWorkMessages()) return Page();
        To ??= messages.Today;
        From ??= new DateOnly(To.Value.Year, 1, 1);
        if (From > To) (From, To) = (To, From);
        Findings = await checks.FindingsAsync(ct);
        Units = await messages.StatsAsync(From.Value, To.Value, ct);
        Totals = MessageTotals.Of(Units);
        Reminders = await messages.RemindersAsync(ct);
        var today = messages.Today;
        var errors = await user.Scope(db.Messages.AsNoTracking())
            .Where(m => m.Type == MessageType.SiteError && m.ReceivedOn >= From && m.ReceivedOn <= To && m.State != MessageState.Rejected && m.State != MessageState.Duplicate)
            .Select(m => new { m.RepliedOn, m.ReplyDue }).ToListAsync(ct);
        SiteErrors = new SiteErrorTotals(errors.Count, errors.Count(e => e.RepliedOn != null), errors.Count(e => e.RepliedOn != null && e.RepliedOn <= e.ReplyDue),
            errors.Count(e => e.RepliedOn == null && e.ReplyDue < today));
        return Page();
    }

    /// <summary>Interviews and open days of the unit (all units for the 公开办): what is coming, and interviews held without a published record.</summary>
    private async Task LoadEventsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var interviews = db.Interviews.AsNoTracking();
        var days = db.OpenDays.AsNoTracking();
        if (!user.SpansAllUnits)
        {
            interviews = interviews.Where(i => i.UnitId == user.UnitId);
            days = days.Where(d => d.UnitId == user.UnitId);
        }
        // Timestamps are compared in memory: SQLite cannot order or compare DateTimeOffset columns in SQL.
        var recent = (await interviews.Select(i => new { i.Id, i.Title, i.StartsAt, i.EndsAt, i.State }).ToListAsync(ct))
            .Where(i => i.EndsAt >= now.AddYears(-1)).ToList();
        Interviews = recent.Where(i => i.State is InterviewState.Scheduled or InterviewState.Live && i.EndsAt >= now).OrderBy(i => i.StartsAt)
            .Select(i => new EventRow(i.Id, i.Title, i.StartsAt, i.State == InterviewState.Live ? "直播中" : "待开始")).ToList();
        InterviewsWithoutRecord = recent.Count(i => i.State != InterviewState.RecordPublished && i.EndsAt < now);
        OpenDays = (await days.Select(d => new { d.Id, d.Title, d.StartsAt, d.Taken, d.Capacity }).ToListAsync(ct))
            .Where(d => d.StartsAt >= now).OrderBy(d => d.StartsAt)
            .Select(d => new EventRow(d.Id, d.Title, d.StartsAt, $"已报名{d.Taken}/{d.Capacity}人")).ToList();
    }
}
