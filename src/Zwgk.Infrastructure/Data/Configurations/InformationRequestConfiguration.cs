using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.ToTable("InformationRequests");
        b.Property(x => x.CaseNumber).HasMaxLength(FieldLengths.CaseNumber);
        b.HasIndex(x => x.CaseNumber).IsUnique();
        b.Property(x => x.QueryCodeHash).HasMaxLength(FieldLengths.Sha256);
        b.HasIndex(x => x.QueryCodeHash).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.HandlerUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.HandlerName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ReceiptNote).HasMaxLength(FieldLengths.ReceiptNote);
        b.Property(x => x.RegisteredBy).HasMaxLength(FieldLengths.PersonName);
        // Every text field's limit comes from RequestRules.TextFields, the same list validation uses.
        foreach (var (field, _, _, max) in RequestRules.TextFields) b.Property(field).HasMaxLength(max);
        b.Property(x => x.ApplicantKey).HasMaxLength(FieldLengths.Sha256);
        b.Property(x => x.CorrectionContent).HasMaxLength(FieldLengths.CorrectionContent);
        b.Property(x => x.ExtensionApprovedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ExtensionReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ReplyText).HasMaxLength(FieldLengths.ReplyText);
        b.Property(x => x.ReferredAgency).HasMaxLength(FieldLengths.ExternalIssuer);
        b.Property(x => x.ReplyDraftedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ReplyDraftedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.ReplyApprovedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ArchiveNumber).HasMaxLength(FieldLengths.ArchiveNumber);
        b.Ignore(x => x.IsClosed);
        // Work lists filter by unit and state; the annual report by receipt and reply dates; fees count per applicant per month.
        b.HasIndex(x => new { x.UnitId, x.State });
        b.HasIndex(x => x.ReceivedOn);
        b.HasIndex(x => x.RepliedOn);
        b.HasIndex(x => new { x.ApplicantKey, x.ReceivedOn });
        b.HasMany(x => x.Consultations).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Fees).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Challenges).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RequestConsultationConfiguration : IEntityTypeConfiguration<RequestConsultation>
{
    public void Configure(EntityTypeBuilder<RequestConsultation> b)
    {
        b.Property(x => x.Party).HasMaxLength(FieldLengths.ConsultationParty);
        b.Property(x => x.Matter).HasMaxLength(FieldLengths.ConsultationText);
        b.Property(x => x.AnswerText).HasMaxLength(FieldLengths.ConsultationText);
    }
}

public sealed class RequestFeeConfiguration : IEntityTypeConfiguration<RequestFee>
{
    public void Configure(EntityTypeBuilder<RequestFee> b)
    {
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.ReducedTo).HasPrecision(12, 2);
        b.Property(x => x.ReductionReason).HasMaxLength(FieldLengths.Reason);
        b.Ignore(x => x.Payable);
        b.Ignore(x => x.IsOpen);
    }
}

public sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.Property(x => x.ActorName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ActorUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.ReviewComment);
        b.HasIndex(x => new { x.RequestId, x.At });
    }
}

public sealed class RequestFileConfiguration : IEntityTypeConfiguration<RequestFile>
{
    public void Configure(EntityTypeBuilder<RequestFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.ContentType).HasMaxLength(FieldLengths.ContentType);
        b.Property(x => x.Sha256).HasMaxLength(FieldLengths.Sha256);
    }
}

public sealed class RequestChallengeConfiguration : IEntityTypeConfiguration<RequestChallenge>
{
    public void Configure(EntityTypeBuilder<RequestChallenge> b)
    {
        b.Property(x => x.Body).HasMaxLength(FieldLengths.ChallengeBody);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => x.FiledOn);
    }
}
