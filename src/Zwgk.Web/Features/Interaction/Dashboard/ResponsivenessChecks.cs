using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Dashboard;

/// <summary>One message against the 3-month rule (no personal data: the dashboard lists titles and units only).</summary>
public sealed record VetoFinding(int Id, string Title, string Type, string? Unit, DateOnly ReceivedOn, DateOnly LastDay, VetoState State, int DaysOver, DateOnly? AnsweredOn);

/// <summary>
/// The inspection's 「互动回应差」 veto, measured on the data: valid messages written on the website's 政务咨询 channels
/// (every type but 找错, which has its own 3-working-day rule; not rejected, not duplicates) that are unanswered after
/// 3 months (veto now), close to it (at risk), or were answered after it within the lookback (an inspector sampling that
/// period finds them). Scoped like the inbox: the 公开办 sees every unit, a unit its own.
/// </summary>
public sealed class ResponsivenessChecks(ZwgkDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Inspections sample about a year of messages.</summary>
    public const int LookbackMonths = 12;

    public DateOnly Today => Formats.Today(clock);

    public async Task<IReadOnlyList<VetoFinding>> FindingsAsync(CancellationToken ct = default)
    {
        var today = Today;
        var since = today.AddMonths(-LookbackMonths - ResponseVeto.Months);
        var atRiskFrom = today.AddDays(ResponseVeto.WarningDays).AddMonths(-ResponseVeto.Months);
        var lateAnswerFrom = today.AddMonths(-LookbackMonths);
        var rows = await user.Scope(db.Messages.AsNoTracking())
            .Where(m => m.Channel == MessageChannel.Website && m.Type != MessageType.SiteError
                && m.State != MessageState.Rejected && m.State != MessageState.Duplicate)
            // Unanswered and old enough to be at risk, however old (the oldest are the worst), or answered in the lookback
            // (late answers are filtered below).
            .Where(m => (m.RepliedOn == null && m.ReceivedOn <= atRiskFrom) || (m.RepliedOn != null && m.RepliedOn >= lateAnswerFrom && m.ReceivedOn >= since))
            .Select(m => new { m.Id, m.Title, m.Type, m.UnitId, m.ReceivedOn, m.RepliedOn })
            .ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows
            .Select(m => new VetoFinding(m.Id, m.Title, m.Type.Label(), m.UnitId is int u ? names.GetValueOrDefault(u) : null, m.ReceivedOn,
                ResponseVeto.LastDay(m.ReceivedOn), ResponseVeto.Evaluate(m.ReceivedOn, m.RepliedOn, today),
                ResponseVeto.DaysOver(m.ReceivedOn, m.RepliedOn, today), m.RepliedOn))
            .Where(f => f.State != VetoState.Clear)
            .OrderByDescending(f => f.State == VetoState.Vetoed).ThenByDescending(f => f.State == VetoState.AtRisk)
            .ThenBy(f => f.LastDay).ThenBy(f => f.Id).ToList();
    }
}

/// <summary>Totals for a period, summed over the per-unit statistics.</summary>
public sealed record MessageTotals(int Received, int Answered, int AnsweredOnTime, int Overdue, int Open, double? AverageWorkingDays, int Rated, int SatisfiedOrFair)
{
    public static MessageTotals Of(IReadOnlyList<MessageUnitStats> rows)
    {
        var answered = rows.Sum(r => r.Answered);
        var weighted = rows.Where(r => r.AverageWorkingDays is not null).Sum(r => r.AverageWorkingDays!.Value * r.Answered);
        var rated = rows.Sum(r => r.Satisfied + r.FairlySatisfied + r.Unsatisfied);
        return new(rows.Sum(r => r.Received), answered, rows.Sum(r => r.AnsweredOnTime), rows.Sum(r => r.Overdue), rows.Sum(r => r.Open),
            answered == 0 ? null : Math.Round(weighted / answered, 1), rated, rows.Sum(r => r.Satisfied + r.FairlySatisfied));
    }

    /// <summary>Whole percent, or null when there is nothing to divide.</summary>
    public static int? Percent(int part, int whole) => whole == 0 ? null : (int)Math.Round(part * 100.0 / whole);
}

/// <summary>The 「我为政府网站找错」 channel against its 3-working-day target.</summary>
public sealed record SiteErrorTotals(int Received, int Answered, int AnsweredOnTime, int OpenOverdue);
