using Zwgk.Domain.Calendar;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests;

/// <summary>The applicant as a given reader may see them: full for handlers (after an audited reveal), masked otherwise.</summary>
public sealed record ApplicantView(string Type, bool Organization, string Name, string? IdType, string? IdNumber, string? LegalRepresentative,
    string? ContactPerson, string? Phone, string? Email, string? Address, string? PostalCode, bool Masked)
{
    public static ApplicantView Full(InformationRequest r) => new(r.ApplicantType.Label(), r.ApplicantType.IsOrganization(), r.ApplicantName, r.IdType, r.IdNumber,
        r.LegalRepresentative, r.ContactPerson, r.Phone, r.Email, r.Address, r.PostalCode, false);

    /// <summary>An organisation's name is not personal data; its people and every contact detail are.</summary>
    public static ApplicantView MaskedOf(InformationRequest r) => new(r.ApplicantType.Label(), r.ApplicantType.IsOrganization(),
        MaskedName(r.ApplicantType, r.ApplicantName), r.IdType, Nullable(PersonalData.MaskIdNumber(r.IdNumber)),
        Nullable(PersonalData.MaskName(r.LegalRepresentative)), Nullable(PersonalData.MaskName(r.ContactPerson)),
        Nullable(PersonalData.MaskPhone(r.Phone)), Nullable(PersonalData.MaskEmail(r.Email)), Nullable(PersonalData.MaskAddress(r.Address)), null, true);

    public static string MaskedName(ApplicantType type, string name) => type.IsOrganization() ? name : PersonalData.MaskName(name);
    private static string? Nullable(string s) => s.Length == 0 ? null : s;
}

/// <summary>The deadline as every list and page shows it.</summary>
public sealed record DeadlineView(bool Started, string? Due, int? DaysLeft, string? PausedFor, bool Overdue, bool LongOverdue, bool DueSoon, string Text)
{
    /// <param name="today">When given, a correction or payment whose time limit has passed is named (the case can then be closed as 视为放弃).</param>
    public static DeadlineView Of(RequestDeadline d, InformationRequest r, int dueSoonDays, DateOnly? today = null)
    {
        var dueSoon = d.Started && !d.Overdue && d.PausedFor is null && !r.IsClosed && d.DaysLeft <= dueSoonDays;
        string text;
        if (r.IsClosed) text = d.RepliedOnTime == false ? "超期答复" : "按期答复";
        else if (r.State == RequestState.Submitted) text = "待确认收到，尚未计时";
        else if (r.State == RequestState.AwaitingCorrection)
            text = today > r.CorrectionDueOn ? $"补正期限已于 {r.CorrectionDueOn:yyyy-MM-dd} 届满，未收到补正" : "待补正，收到补正后重新计时";
        else if (today is { } t && r.Fees.FirstOrDefault(f => f.IsOpen && t > f.PayBy) is { } unpaid) text = $"缴费期限已于 {unpaid.PayBy:yyyy-MM-dd} 届满，未缴费";
        else if (d.PausedFor is { } p) text = $"计时暂停（{p}），剩余 {d.DaysLeft} 个工作日";
        else if (d.LongOverdue) text = $"严重超期（已用 {d.DaysUsed} 个工作日）";
        else if (d.Overdue) text = $"已超期 {-d.DaysLeft} 个工作日";
        else text = $"剩余 {d.DaysLeft} 个工作日";
        return new DeadlineView(d.Started, Formats.IsoDate(d.Due) is { Length: > 0 } s ? s : null, d.Started ? d.DaysLeft : null, d.PausedFor, d.Overdue, d.LongOverdue, dueSoon, text);
    }
}

public sealed record RequestListItem(int Id, string CaseNumber, string State, string Channel, string ApplicantType, string Applicant, string InformationTitle,
    string Unit, string? Handler, string? ReceivedOn, DeadlineView Deadline, string? Outcome, string? RepliedOn);

public sealed record RequestEventView(string At, string Kind, string Actor, string? Note);
public sealed record ConsultationView(int Id, string Kind, string Party, string? Matter, string SentOn, string DueOn, string? AnsweredOn, string? Answer, string? AnswerText, bool Open);
public sealed record FeeView(int Id, string Method, int Quantity, int EarlierPiecesThisMonth, decimal Amount, decimal? ReducedTo, string? ReductionReason,
    string IssuedOn, string NoticeReceivedOn, string PayBy, string? PaidOn, string? LapsedOn, bool Open);
public sealed record FileView(int Id, string Kind, string FileName, long Size, string Url);
public sealed record ChallengeView(string Kind, string Result, string FiledOn, string? DecidedOn, string? Body);
public sealed record ClockDayView(string Date, string Reason, string? Name, bool Counted);

/// <summary>How the due date was computed: which days were skipped, which 调休 days counted, what paused the clock.</summary>
public sealed record ClockExplanation(string? ClockStartsOn, int AllowedDays, int ExtensionDays, IReadOnlyList<ClockDayView> Days, IReadOnlyList<string> Pauses,
    bool LongerPeriod, bool CalendarIncomplete)
{
    public static ClockExplanation Of(RequestDeadline d, InformationRequest r) => new(
        Formats.IsoDate(d.ClockStartsOn) is { Length: > 0 } s ? s : null, d.AllowedDays, r.ExtensionDays,
        d.SpecialDays.Select(x => new ClockDayView(Formats.IsoDate(x.Date), x.Reason switch
        {
            ClockDayReason.Weekend => "周末",
            ClockDayReason.Holiday => "节假日",
            ClockDayReason.MakeUpWorkday => "调休上班",
            ClockDayReason.Consultation => "征求意见期间",
            ClockDayReason.FeePayment => "等待缴费期间",
            _ => "",
        }, x.Name, x.Counted)).ToList(),
        d.Pauses.Select(p => $"{p.Label}：{p.From:yyyy-MM-dd} 至 {(p.To is { } t ? t.ToString("yyyy-MM-dd") : "今")}，期间工作日不计入").ToList(),
        d.LongerPeriod, d.CalendarIncomplete);
}

public sealed record RequestDetails
{
    public required int Id { get; init; }
    public required string CaseNumber { get; init; }
    public required string State { get; init; }
    public required RequestState StateValue { get; init; }
    public required string Channel { get; init; }
    public required string? ReceivedOn { get; init; }
    public required string? ReceiptNote { get; init; }
    public required string SubmittedAt { get; init; }
    public required string RegisteredBy { get; init; }
    public required int UnitId { get; init; }
    public required string Unit { get; init; }
    public required string? Handler { get; init; }
    public required string? HandlerUserId { get; init; }
    public required ApplicantView Applicant { get; init; }
    public required bool MayRevealApplicant { get; init; }
    public required string InformationTitle { get; init; }
    public required string? DocumentNumber { get; init; }
    public required string Description { get; init; }
    public required string Medium { get; init; }
    public required string Delivery { get; init; }
    public required string? Topic { get; init; }
    public required DeadlineView Deadline { get; init; }
    public required ClockExplanation Clock { get; init; }
    public required string? CorrectionRequestedOn { get; init; }
    public required string? CorrectionContent { get; init; }
    public required string? CorrectionDueOn { get; init; }
    public required string? CorrectionNoticeDeadline { get; init; }
    public required string? CorrectionReceivedOn { get; init; }
    public required int ExtensionDays { get; init; }
    public required string? ExtensionApprovedBy { get; init; }
    public required string? ExtensionReason { get; init; }
    public required string? ReasonsRequestedOn { get; init; }
    public required string? ReasonFinding { get; init; }
    public required string? Outcome { get; init; }
    public required Outcome? OutcomeValue { get; init; }
    public required string? OutcomeBasis { get; init; }
    public required string? ReplyText { get; init; }
    public required string? ReferredAgency { get; init; }
    public required string? ReplyDraftedBy { get; init; }
    public required string? ReplyApprovedBy { get; init; }
    public required string? RepliedOn { get; init; }
    public required string? ArchiveNumber { get; init; }
    public required IReadOnlyList<ConsultationView> Consultations { get; init; }
    public required IReadOnlyList<FeeView> Fees { get; init; }
    public required IReadOnlyList<FileView> Files { get; init; }
    public required IReadOnlyList<ChallengeView> Challenges { get; init; }
    public required IReadOnlyList<RequestEventView> Events { get; init; }
    public required bool CanAct { get; init; }
    public required bool CanApprove { get; init; }
}

/// <summary>What the applicant sees with the 查询码: no personal data, only the public steps, the reply and released files.</summary>
public sealed record PublicRequestStatus(string CaseNumber, string Unit, string State, string SubmittedOn, string? ReceivedOn, string? DueOn, string Deadline,
    IReadOnlyList<RequestEventView> Events, string? Outcome, string? OutcomeBasis, string? ReplyText, string? RepliedOn, IReadOnlyList<FileView> ReleasedFiles,
    string? CorrectionContent, string? CorrectionDueOn);

/// <summary>Open cases of one unit by deadline status (the 公开办's supervision view).</summary>
public sealed record UnitDeadlineRow(int UnitId, string Unit, int Open, int Unstarted, int Paused, int DueSoon, int Overdue, int LongOverdue);

/// <summary>An agency the public form offers (受理机关).</summary>
public sealed record PublicUnitOption(int Id, string Name);
