using Zwgk.Domain.Requests;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>Cases with explicit states, written straight to the database (the workflow itself is tested elsewhere).</summary>
public static class LibraryTestSupport
{
    public static async Task<int> AddCaseAsync(this ZwgkFactory f, int unitId, string title, string description, RequestState state = RequestState.Replied,
        Outcome? outcome = Outcome.Disclosed, string? reply = "经查，该信息属于主动公开范围，现予以提供。", string applicant = "王建国", string? phone = "13812345678",
        string? email = null, string? idNumber = null, string? address = null, string? postalCode = null, string? documentNumber = null,
        DateOnly? receivedOn = null, ApplicantType type = ApplicantType.NaturalPerson, string? legalRepresentative = null, string? topic = null)
    {
        var r = new InformationRequest
        {
            CaseNumber = "YSQ-T-" + Guid.NewGuid().ToString("N")[..10], QueryCodeHash = Guid.NewGuid().ToString("N"), UnitId = unitId, State = state,
            Channel = RequestChannel.InPerson, SubmittedAt = new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero), ReceivedOn = receivedOn ?? new DateOnly(2026, 2, 2),
            ClockStartsOn = receivedOn ?? new DateOnly(2026, 2, 2), RegisteredBy = "测试", ApplicantType = type, ApplicantName = applicant, Phone = phone, Email = email,
            IdNumber = idNumber, IdType = idNumber is null ? null : "居民身份证", Address = address, PostalCode = postalCode, LegalRepresentative = legalRepresentative,
            InformationTitle = title, Description = description, DocumentNumber = documentNumber, Topic = topic,
            Outcome = state is RequestState.Replied or RequestState.Archived ? outcome : null, ReplyText = state is RequestState.Replied or RequestState.Archived ? reply : null,
            RepliedOn = state is RequestState.Replied or RequestState.Archived ? new DateOnly(2026, 2, 20) : null, UpdatedAt = DateTimeOffset.UtcNow,
        };
        r.ApplicantKey = Zwgk.Web.Features.Requests.RequestService.ApplicantKey(r);
        await f.WithDbAsync(async db => { db.InformationRequests.Add(r); await db.SaveChangesAsync(); });
        return r.Id;
    }
}
