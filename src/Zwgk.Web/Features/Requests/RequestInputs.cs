using Zwgk.Domain.Requests;

namespace Zwgk.Web.Features.Requests;

/// <summary>The applicant and the information asked for: the fields of the public form and of staff registration.</summary>
public sealed record ApplicationInput
{
    /// <summary>The agency asked (unit id); the 公开办's own unit when omitted on the portal.</summary>
    public int? UnitId { get; init; }
    public ApplicantType ApplicantType { get; init; } = ApplicantType.NaturalPerson;
    public string? ApplicantName { get; init; }
    public string? IdType { get; init; }
    public string? IdNumber { get; init; }
    public string? LegalRepresentative { get; init; }
    public string? ContactPerson { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? InformationTitle { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Description { get; init; }
    public RequestedMedium Medium { get; init; } = RequestedMedium.Electronic;
    public DeliveryMethod Delivery { get; init; } = DeliveryMethod.Online;
}

/// <summary>A file the applicant sends with an online application (kept as a file of kind Application).</summary>
public sealed record ApplicationAttachment(string FileName, Stream Content);

/// <summary>Staff registration of an application received in person, by post or by fax (or online elsewhere), with the
/// facts its receipt date follows from (条例第三十一条).</summary>
public sealed record RegistrationInput
{
    public required ApplicationInput Application { get; init; }
    public RequestChannel Channel { get; init; } = RequestChannel.InPerson;
    public DateOnly? HandedInOn { get; init; }
    public DateOnly? SignedForOn { get; init; }
    public DateOnly? LetterConfirmedOn { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
}

/// <summary>The integration API's registration (`POST /api/v1/admin/requests`): channel and receipt date as the other platform recorded them.</summary>
public sealed record ApiRegistration(string? Channel, string? ReceivedOn, string? ApplicantType, string? ApplicantName, string? Contact, string? Description,
    string? Unit = null, string? InformationTitle = null, string? DocumentNumber = null, string? IdType = null, string? IdNumber = null,
    string? Email = null, string? Address = null, string? Medium = null, string? Delivery = null);

/// <summary>What registration answers: the case number, the query code (shown once) and the reply deadline.</summary>
public sealed record RegistrationResponse(int Id, string CaseNumber, string QueryCode, string? DueOn);

public sealed record DateRequest(DateOnly? On, string? Note);
public sealed record AcceptRequest(string? HandlerUserId);
public sealed record TransferRequest(int UnitId, string? Note);
public sealed record CorrectionRequest(DateOnly? On, string? Content, DateOnly? DueOn);
public sealed record CorrectionReceipt(DateOnly? On, string? LateReason);
public sealed record ConsultationRequest(ConsultationKind Kind, string? Party, string? Matter, DateOnly? SentOn);
public sealed record ConsultationReply(ConsultationAnswer Answer, DateOnly? On, string? Text);
public sealed record ExtensionRequest(int Days, string? Reason);
public sealed record ReasonAssessment(ReasonFinding Finding, DateOnly? LongerDueOn);
public sealed record FeeRequest(FeeMethod Method, int Quantity, DateOnly? IssuedOn, DateOnly? NoticeReceivedOn);
public sealed record FeeReduction(decimal To, string? Reason);
public sealed record ReplyDraft(Outcome Outcome, string? Text, string? ReferredAgency);
public sealed record ReplyApproval(DateOnly? RepliedOn);
public sealed record ArchiveRequest(string? ArchiveNumber);
public sealed record ChallengeRequest(ChallengeKind Kind, ChallengeResult Result, DateOnly? FiledOn, DateOnly? DecidedOn, string? Body, string? Note);
public sealed record TopicRequest(string? Topic);
