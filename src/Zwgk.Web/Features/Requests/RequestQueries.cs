using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests;

/// <summary>Which cases a work list shows; deadline views (due soon, overdue) are derived, never stored.</summary>
public enum RequestListView
{
    Open, Unconfirmed, ToReview, Correction, Processing, Approval, DueSoon, Overdue, LongOverdue, Closed, All,
}

public sealed record RequestListFilter(RequestListView View = RequestListView.Open, int? Unit = null, string? Q = null, int? Year = null, int Page = 1, int PageSize = 20);

public sealed class RequestQueries(ZwgkDbContext db, CurrentUser user, TimeProvider clock, CalendarService calendars, IOptions<ZwgkOptions> options)
{
    private RequestOptions Options => options.Value.Requests;
    private DateOnly Today => Formats.Today(clock);

    public async Task<PagedResult<RequestListItem>> ListAsync(RequestListFilter f, CancellationToken ct = default)
    {
        var q = user.Scope(db.InformationRequests.AsNoTracking());
        if (f.Unit is int unit) q = q.Where(r => r.UnitId == unit);
        if (f.Year is int year) q = q.Where(r => r.ReceivedOn >= new DateOnly(year, 1, 1) && r.ReceivedOn <= new DateOnly(year, 12, 31));
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            // Staff search by case number or the information asked for, never by the applicant's personal data.
            var text = f.Q.Trim();
            if (text.Length > 100) text = text[..100];
            q = q.Where(r => r.CaseNumber.Contains(text) || r.InformationTitle.Contains(text) || (r.DocumentNumber != null && r.DocumentNumber.Contains(text)));
        }
        q = f.View switch
        {
            RequestListView.Unconfirmed => q.Where(r => r.State == RequestState.Submitted),
            RequestListView.ToReview => q.Where(r => r.State == RequestState.Registered),
            RequestListView.Correction => q.Where(r => r.State == RequestState.AwaitingCorrection),
            RequestListView.Processing => q.Where(r => r.State == RequestState.Processing),
            RequestListView.Approval => q.Where(r => r.State == RequestState.ReplyPendingApproval),
            RequestListView.Closed => q.Where(r => r.State == RequestState.Replied || r.State == RequestState.Archived),
            RequestListView.All => q,
            _ => q.Where(r => r.State != RequestState.Replied && r.State != RequestState.Archived),
        };
        var calendar = await calendars.GetAsync(ct);
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        if (f.View is RequestListView.DueSoon or RequestListView.Overdue or RequestListView.LongOverdue)
        {
            // Deadlines are derived from the calendar, so these views filter open cases in memory: open cases are few
            // (hundreds), and a stored "overdue" flag would go stale the moment a holiday arrangement changes.
            var open = await WithChildren(q).ToListAsync(ct);
            var rows = open.Select(r => (r, d: RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock)))
                .Where(x => f.View switch
                {
                    RequestListView.DueSoon => DeadlineView.Of(x.d, x.r, Options.DueSoonWorkingDays, Today).DueSoon,
                    RequestListView.Overdue => x.d.Overdue,
                    _ => x.d.LongOverdue,
                })
                .OrderBy(x => x.d.Due ?? DateOnly.MaxValue).ThenBy(x => x.r.Id).ToList();
            var units = await UnitNamesAsync(ct);
            return new PagedResult<RequestListItem>(rows.Skip((page - 1) * size).Take(size).Select(x => Item(x.r, x.d, units)).ToList(), rows.Count, page, size);
        }
        var total = await q.CountAsync(ct);
        var list = await WithChildren(q).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await UnitNamesAsync(ct);
        return new PagedResult<RequestListItem>(list.Select(r => Item(r, RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock), names)).ToList(), total, page, size);
    }

    private static IQueryable<InformationRequest> WithChildren(IQueryable<InformationRequest> q) =>
        q.Include(r => r.Consultations).Include(r => r.Fees).AsSplitQuery();

    private RequestListItem Item(InformationRequest r, RequestDeadline d, IReadOnlyDictionary<int, string> units) => new(
        r.Id, r.CaseNumber, r.State.Label(), r.Channel.Label(), r.ApplicantType.Label(),
        // Lists are always masked, whoever reads them: the full data is one audited click away on the case page.
        ApplicantView.MaskedName(r.ApplicantType, r.ApplicantName), r.InformationTitle,
        units.GetValueOrDefault(r.UnitId, ""), r.HandlerName, Formats.IsoDate(r.ReceivedOn) is { Length: > 0 } s ? s : null,
        DeadlineView.Of(d, r, Options.DueSoonWorkingDays, Today), r.Outcome?.Info().Label, Formats.IsoDate(r.RepliedOn) is { Length: > 0 } rs ? rs : null);

    private async Task<IReadOnlyDictionary<int, string>> UnitNamesAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    public async Task<RequestDetails?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var r = await user.Scope(db.InformationRequests.AsNoTracking())
            .Include(x => x.Consultations).Include(x => x.Fees).Include(x => x.Files).Include(x => x.Challenges).Include(x => x.Events)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var calendar = await calendars.GetAsync(ct);
        var d = RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock);
        var unit = await db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).FirstAsync(ct);
        return new RequestDetails
        {
            Id = r.Id, CaseNumber = r.CaseNumber, State = r.State.Label(), StateValue = r.State, Channel = r.Channel.Label(),
            ReceivedOn = Iso(r.ReceivedOn), ReceiptNote = r.ReceiptNote, SubmittedAt = Formats.DateTime(r.SubmittedAt), RegisteredBy = r.RegisteredBy,
            UnitId = r.UnitId, Unit = unit, Handler = r.HandlerName, HandlerUserId = r.HandlerUserId,
            Applicant = ApplicantView.MaskedOf(r), MayRevealApplicant = user.CanSeePersonalData(r),
            InformationTitle = r.InformationTitle, DocumentNumber = r.DocumentNumber, Description = r.Description,
            Medium = r.Medium.Label(), Delivery = r.Delivery.Label(), Topic = r.Topic,
            Deadline = DeadlineView.Of(d, r, Options.DueSoonWorkingDays, Today), Clock = ClockExplanation.Of(d, r),
            CorrectionRequestedOn = Iso(r.CorrectionRequestedOn), CorrectionContent = r.CorrectionContent, CorrectionDueOn = Iso(r.CorrectionDueOn),
            CorrectionNoticeDeadline = r.ReceivedOn is { } rec && r.CorrectionRequestedOn is null && !r.IsClosed ? Iso(RequestClock.CorrectionNoticeDeadline(calendar, rec)) : null,
            CorrectionReceivedOn = Iso(r.CorrectionReceivedOn),
            ExtensionDays = r.ExtensionDays, ExtensionApprovedBy = r.ExtensionApprovedBy, ExtensionReason = r.ExtensionReason,
            ReasonsRequestedOn = Iso(r.ReasonsRequestedOn), ReasonFinding = r.ReasonFinding?.Label(),
            Outcome = r.Outcome?.Info().Label, OutcomeValue = r.Outcome, OutcomeBasis = r.Outcome?.Info().Basis, ReplyText = r.ReplyText, ReferredAgency = r.ReferredAgency,
            ReplyDraftedBy = r.ReplyDraftedBy, ReplyApprovedBy = r.ReplyApprovedBy, RepliedOn = Iso(r.RepliedOn), ArchiveNumber = r.ArchiveNumber,
            Consultations = r.Consultations.OrderBy(c => c.SentOn).Select(c => new ConsultationView(c.Id, c.Kind.Label(), c.Party, c.Matter, Formats.IsoDate(c.SentOn),
                Formats.IsoDate(c.DueOn), Iso(c.AnsweredOn), c.Answer?.Label(), c.AnswerText, c.AnsweredOn is null)).ToList(),
            Fees = r.Fees.OrderBy(x => x.IssuedOn).Select(FeeViewOf).ToList(),
            Files = r.Files.OrderBy(x => x.Id).Select(x => FileViewOf(r.Id, x, admin: true)).ToList(),
            Challenges = r.Challenges.OrderBy(c => c.FiledOn).Select(c => new ChallengeView(c.Kind.Label(), c.Result.Label(), Formats.IsoDate(c.FiledOn), Iso(c.DecidedOn), c.Body)).ToList(),
            Events = r.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new RequestEventView(Formats.DateTime(e.At), e.Kind.Label(), e.ActorName, e.Note)).ToList(),
            CanAct = user.CanAct(r), CanApprove = user.CanApprove(r),
        };
    }

    public static FeeView FeeViewOf(RequestFee x) => new(x.Id, x.Method.Label(), x.Quantity, x.EarlierPiecesThisMonth, x.Amount, x.ReducedTo, x.ReductionReason,
        Formats.IsoDate(x.IssuedOn), Formats.IsoDate(x.NoticeReceivedOn), Formats.IsoDate(x.PayBy), Iso(x.PaidOn), Iso(x.LapsedOn), x.IsOpen);

    /// <param name="queryCode">For the applicant's view: released files are reached with the 查询码, never by id alone.</param>
    public static FileView FileViewOf(int requestId, RequestFile f, bool admin, string? queryCode = null) => new(f.Id, f.Kind switch
    {
        RequestFileKind.Application => "申请材料",
        RequestFileKind.Released => "提供的政府信息",
        _ => "办理材料",
    }, f.FileName, f.Size, admin ? $"/admin/requests/{requestId}/files/{f.Id}" : $"/api/v1/requests/{QueryCodes.Normalize(queryCode)}/files/{f.Id}");

    /// <summary>The applicant's view by 查询码. Null for an unknown code (the caller answers 404 and counts the attempt).</summary>
    public async Task<PublicRequestStatus?> ByQueryCodeAsync(string code, CancellationToken ct = default)
    {
        if (QueryCodes.Normalize(code) is null) return null;
        var hash = QueryCodes.Hash(code);
        var r = await db.InformationRequests.AsNoTracking()
            .Include(x => x.Consultations).Include(x => x.Fees).Include(x => x.Files).Include(x => x.Events)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.QueryCodeHash == hash, ct);
        if (r is null) return null;
        var calendar = await calendars.GetAsync(ct);
        var d = RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock);
        var unit = await db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).FirstAsync(ct);
        var closed = r.IsClosed;
        return new PublicRequestStatus(r.CaseNumber, unit, r.State == RequestState.ReplyPendingApproval ? RequestState.Processing.Label() : r.State.Label(),
            Formats.IsoDate(r.SubmittedAt), Iso(r.ReceivedOn), Iso(d.Due), DeadlineView.Of(d, r, Options.DueSoonWorkingDays, Today).Text,
            r.Events.Where(e => e.Public).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new RequestEventView(Formats.DateTime(e.At), e.Kind.Label(), "", e.Note)).ToList(),
            closed ? r.Outcome?.Info().Group.ShortLabel() : null, closed ? r.Outcome?.Info().Basis : null, closed ? r.ReplyText : null, closed ? Iso(r.RepliedOn) : null,
            closed ? r.Files.Where(f => f.Kind == RequestFileKind.Released).Select(f => FileViewOf(r.Id, f, admin: false, code)).ToList() : [],
            r.State == RequestState.AwaitingCorrection ? r.CorrectionContent : null, r.State == RequestState.AwaitingCorrection ? Iso(r.CorrectionDueOn) : null);
    }

    /// <summary>
    /// The agencies an applicant may address on the portal: active units, the district government first (the one the
    /// service picks when none is chosen), then its office, then the rest in their configured order.
    /// </summary>
    public async Task<IReadOnlyList<PublicUnitOption>> PublicUnitsAsync(CancellationToken ct = default) =>
        await db.Units.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.Kind == Domain.Units.UnitKind.DistrictGovernment ? 0 : u.Kind == Domain.Units.UnitKind.GovernmentOffice ? 1 : 2)
            .ThenBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new PublicUnitOption(u.Id, u.Name)).ToListAsync(ct);

    /// <summary>Open cases per unit by deadline status, for the 公开办 (all units) or a unit (its own row).</summary>
    public async Task<IReadOnlyList<UnitDeadlineRow>> ByUnitAsync(CancellationToken ct = default)
    {
        var open = await WithChildren(user.Scope(db.InformationRequests.AsNoTracking())
            .Where(r => r.State != RequestState.Replied && r.State != RequestState.Archived)).ToListAsync(ct);
        var calendar = await calendars.GetAsync(ct);
        var units = await UnitNamesAsync(ct);
        return open.Select(r => (r, d: RequestClock.Compute(r, calendar, Today, Options.FeeWaitPausesClock)))
            .GroupBy(x => x.r.UnitId)
            .Select(g => new UnitDeadlineRow(g.Key, units.GetValueOrDefault(g.Key, ""), g.Count(),
                g.Count(x => !x.d.Started), g.Count(x => x.d.Started && x.d.PausedFor is not null),
                g.Count(x => DeadlineView.Of(x.d, x.r, Options.DueSoonWorkingDays, Today).DueSoon), g.Count(x => x.d.Overdue), g.Count(x => x.d.LongOverdue)))
            .OrderByDescending(x => x.LongOverdue).ThenByDescending(x => x.Overdue).ThenBy(x => x.Unit, StringComparer.Ordinal).ToList();
    }

    /// <summary>A released file of the case the 查询码 opens (only once the reply is issued).</summary>
    public async Task<RequestFile?> ReleasedFileAsync(string code, int fileId, CancellationToken ct = default)
    {
        if (QueryCodes.Normalize(code) is null) return null;
        var hash = QueryCodes.Hash(code);
        return await db.InformationRequests.AsNoTracking()
            .Where(r => r.QueryCodeHash == hash && (r.State == RequestState.Replied || r.State == RequestState.Archived))
            .SelectMany(r => r.Files.Where(f => f.Id == fileId && f.Kind == RequestFileKind.Released)).FirstOrDefaultAsync(ct);
    }

    private static string? Iso(DateOnly? d) => d is { } v ? Formats.IsoDate(v) : null;
}
