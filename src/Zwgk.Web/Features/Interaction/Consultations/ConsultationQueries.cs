using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations;

public sealed record ConsultationRow(int Id, string Title, int UnitId, string Unit, DateOnly OpensOn, DateOnly ClosesOn, ConsultationPhase Phase, int DaysLeft,
    bool IsMajorDecision, int Comments, int Pending, bool FeedbackOverdue);

/// <summary>A comment as the public sees it: the name masked, no contact.</summary>
public sealed record PublicComment(int Number, string Name, DateTimeOffset SubmittedAt, string Content);

/// <summary>One line of the 采纳情况反馈: a group of opinions (its summary) or one ungrouped comment.</summary>
public sealed record FeedbackOpinion(string Label, string Opinion, IReadOnlyList<int> CommentNumbers, Adoption Adoption, string? Reason);

public sealed record LinkedDocument(int Id, string Title, string Url);

public sealed record PublicConsultationView(Consultation Consultation, string Unit, ConsultationPhase Phase, int DaysLeft, bool Shortened, string? MajorDecision,
    IReadOnlyList<PublicComment> Comments, AdoptionCounts? Counts, IReadOnlyList<FeedbackOpinion> Feedback, LinkedDocument? FinalDocument);

/// <summary>A comment in the staff view: the name and contact masked (the full ones are behind the audited contact page).</summary>
public sealed record StaffComment(ConsultationComment Comment, string MaskedName, string MaskedContact, OpinionGroup? Group);

public sealed record StaffConsultationView(Consultation Consultation, string Unit, ConsultationPhase Phase, int DaysLeft, bool FeedbackOverdue, DateOnly FeedbackDue,
    IReadOnlyList<StaffComment> Comments, IReadOnlyList<OpinionGroup> Groups, AdoptionCounts Counts, IReadOnlyList<string> Blockers, LinkedDocument? FinalDocument,
    bool CanDraft, bool CanPublish, bool CanHandle);

/// <summary>Reads for the portal (published consultations only) and for staff (scoped by unit).</summary>
public sealed class ConsultationQueries(ZwgkDbContext db, CurrentUser user, TimeProvider clock, CalendarService calendar, IOptions<ConsultationOptions> options)
{
    public DateOnly Today => Formats.Today(clock);

    /// <summary>Published consultations (征集中, 已结束, 已反馈), newest first; <paramref name="phase"/> filters.</summary>
    public async Task<IReadOnlyList<ConsultationRow>> PublicListAsync(ConsultationPhase? phase, CancellationToken ct = default)
    {
        var rows = await RowsAsync(db.Consultations.AsNoTracking().Where(c => c.State != ConsultationState.Draft), ct);
        return phase is { } p ? rows.Where(r => r.Phase == p).ToList() : rows;
    }

    public async Task<IReadOnlyList<ConsultationRow>> StaffListAsync(CancellationToken ct = default)
    {
        if (!user.CanSeeConsultations()) return [];
        var q = db.Consultations.AsNoTracking();
        if (!user.SpansAllUnits) q = q.Where(c => c.UnitId == user.UnitId);
        return await RowsAsync(q, ct);
    }

    private async Task<IReadOnlyList<ConsultationRow>> RowsAsync(IQueryable<Consultation> q, CancellationToken ct)
    {
        var list = await q.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var counts = await db.ConsultationComments.AsNoTracking().Where(x => ids.Contains(x.ConsultationId))
            .GroupBy(x => x.ConsultationId).Select(g => new { g.Key, Total = g.Count(), Pending = g.Count(x => x.Moderation == CommentModeration.Pending) })
            .ToDictionaryAsync(x => x.Key, ct);
        var cal = await calendar.GetAsync(ct);
        var today = Today;
        return list.Select(c => new ConsultationRow(c.Id, c.Title, c.UnitId, units.GetValueOrDefault(c.UnitId, ""), c.OpensOn, c.ClosesOn, c.PhaseOn(today), c.DaysLeft(today),
            c.IsMajorDecision, counts.TryGetValue(c.Id, out var n) ? n.Total : 0, counts.TryGetValue(c.Id, out var m) ? m.Pending : 0,
            ConsultationRules.IsFeedbackOverdue(c, today, options.Value.FeedbackWorkingDays, cal.AddWorkingDays))).ToList();
    }

    public async Task<PublicConsultationView?> PublicDetailAsync(int id, CancellationToken ct = default)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.State != ConsultationState.Draft, ct);
        if (c is null) return null;
        var today = Today;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstAsync(ct);
        var comments = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Number).ToListAsync(ct);
        var groups = await db.OpinionGroups.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Order).ToListAsync(ct);
        var cal = await calendar.GetAsync(ct);
        var shortened = c.ShortenedReason is not null && ConsultationRules.IsShortened(c, options.Value.Policy, (f, t) => cal.WorkingDaysBetween(f.AddDays(-1), t));
        var major = c.MajorDecisionId is int md ? await db.MajorDecisions.AsNoTracking().Where(d => d.Id == md).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        // Only comments a person approved and the commenter wanted public (held ones are never public without a person).
        var visible = comments.Where(x => x.IsPublic).Select(x => new PublicComment(x.Number, PersonalData.MaskName(x.Name), x.SubmittedAt, x.Content)).ToList();
        AdoptionCounts? counts = null;
        var feedback = new List<FeedbackOpinion>();
        if (c.State == ConsultationState.FeedbackPublished)
        {
            counts = ConsultationRules.Count(comments, groups);
            feedback = Feedback(comments, groups);
        }
        return new PublicConsultationView(c, unit, c.PhaseOn(today), c.DaysLeft(today), shortened, major, visible, counts, feedback, await PublicDocumentAsync(c.FinalDocumentId, ct));
    }

    /// <summary>Groups first (by their order), then the ungrouped comments; a comment not public shows no text, only its decision.</summary>
    public static List<FeedbackOpinion> Feedback(IReadOnlyList<ConsultationComment> comments, IReadOnlyList<OpinionGroup> groups)
    {
        var list = new List<FeedbackOpinion>();
        foreach (var g in groups.OrderBy(g => g.Order))
            list.Add(new FeedbackOpinion($"意见组{g.Order}", g.Summary, comments.Where(x => x.GroupId == g.Id).Select(x => x.Number).Order().ToList(), g.Adoption, g.Reason));
        foreach (var x in comments.Where(x => x.GroupId is null).OrderBy(x => x.Number))
            list.Add(new FeedbackOpinion($"意见{x.Number}", x.IsPublic ? x.Content : "（提交人未选择公开或意见不予公开，内容从略）", [x.Number], x.Adoption, x.AdoptionReason));
        return list;
    }

    private async Task<LinkedDocument?> PublicDocumentAsync(int? id, CancellationToken ct) => id is int d
        ? await db.Documents.AsNoTracking().Where(x => x.Id == d).Where(DocumentVisibility.IsPublic)
            .Select(x => new LinkedDocument(x.Id, x.Title, "")).FirstOrDefaultAsync(ct) is { } doc ? doc with { Url = Zwgk.Web.Features.Shared.Portal.PortalUrls.Doc(doc.Id) } : null
        : null;

    public async Task<StaffConsultationView?> StaffDetailAsync(int id, CancellationToken ct = default)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !user.CanSeeConsultationOf(c.UnitId)) return null;
        var today = Today;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstAsync(ct);
        var comments = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Number).ToListAsync(ct);
        var groups = await db.OpinionGroups.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Order).ToListAsync(ct);
        var byId = groups.ToDictionary(g => g.Id);
        var cal = await calendar.GetAsync(ct);
        var due = cal.AddWorkingDays(c.ClosesOn, options.Value.FeedbackWorkingDays);
        var staff = comments.Select(x => new StaffComment(x, PersonalData.MaskName(x.Name),
            string.Join(" ", new[] { x.Phone is null ? null : PersonalData.MaskPhone(x.Phone), x.Email is null ? null : PersonalData.MaskEmail(x.Email) }.Where(s => s is not null)),
            x.GroupId is int g ? byId.GetValueOrDefault(g) : null)).ToList();
        var blockers = c.State == ConsultationState.Published ? ConsultationRules.FeedbackBlockers(c, comments, groups, today, "（说明）") : [];
        return new StaffConsultationView(c, unit, c.PhaseOn(today), c.DaysLeft(today),
            ConsultationRules.IsFeedbackOverdue(c, today, options.Value.FeedbackWorkingDays, cal.AddWorkingDays), due, staff, groups,
            ConsultationRules.Count(comments, groups), blockers, await PublicDocumentAsync(c.FinalDocumentId, ct),
            user.CanDraftConsultation(c.UnitId), user.CanPublishConsultation(c.UnitId), user.CanHandleComments(c.UnitId));
    }

    /// <summary>Units a 公开办 user may draft for (others draft for their own).</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DraftUnitsAsync(CancellationToken ct = default)
    {
        var q = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (!user.IsInRole(Domain.Security.Roles.OpennessOffice)) q = q.Where(u => u.Id == user.UnitId);
        return (await q.OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>Major decisions a consultation may be linked to (预公开 of a catalog item): the unit's own, or all for the 公开办.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DecisionOptionsAsync(CancellationToken ct = default)
    {
        var q = db.MajorDecisions.AsNoTracking();
        if (!user.SpansAllUnits) q = q.Where(d => d.LeadUnitId == user.UnitId);
        return (await q.OrderByDescending(d => d.Id).Take(200).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
    }
}
