using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("Consultations");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.DraftText).HasMaxLength(FieldLengths.ConsultationDraft);
        b.Property(x => x.Explanation).HasMaxLength(FieldLengths.ConsultationExplanation);
        b.Property(x => x.ShortenedReason).HasMaxLength(FieldLengths.ShortenedReason);
        b.Property(x => x.ContactEmail).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.ContactAddress).HasMaxLength(FieldLengths.Address);
        b.Property(x => x.ContactPhone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.PublishedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.FeedbackText).HasMaxLength(FieldLengths.FeedbackText);
        b.Property(x => x.FeedbackPublishedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedById).HasMaxLength(FieldLengths.UserId);
        b.Ignore(x => x.PeriodDays);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MajorDecision>().WithMany().HasForeignKey(x => x.MajorDecisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.FinalDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.State, x.ClosesOn });
        b.HasIndex(x => x.UnitId);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Groups).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
