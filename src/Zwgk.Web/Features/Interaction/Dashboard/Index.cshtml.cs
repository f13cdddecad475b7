using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Dashboard;

/// <summary>
/// 互动交流总览 for the 公开办 (a unit sees its own figures): the 3-month veto findings, timeliness and satisfaction by unit
/// for a period, overdue and due-soon messages, and the 找错 channel's 3-working-day target.
/// </summary>
public sealed class IndexModel(ZwgkDbContext db, CurrentUser user, MessageQueries messages, ResponsivenessChecks checks) : AdminPageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }

    public IReadOnlyList<VetoFinding> Findings { get; private set; } = [];
    public IReadOnlyList<MessageUnitStats> Units { get; private set; } = [];
    public MessageTotals Totals { get; private set; } = MessageTotals.Of([]);
    public IReadOnlyList<MessageReminder> Reminders { get; private set; } = [];
    public SiteErrorTotals SiteErrors { get; private set; } = new(0, 0, 0, 0);
    public bool AllUnits => user.SpansAllMessages();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return NotFound();
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
}
