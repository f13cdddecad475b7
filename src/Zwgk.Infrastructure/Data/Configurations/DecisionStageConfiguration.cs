using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class DecisionStageConfiguration : IEntityTypeConfiguration<DecisionStage>
{
    public void Configure(EntityTypeBuilder<DecisionStage> b)
    {
        b.ToTable("MajorDecisionStages");
        b.Property(x => x.NotApplicableReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.MeetingRecord).HasMaxLength(FieldLengths.MeetingRecord);
        b.Property(x => x.EvidenceUrl).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Ignore(x => x.HasEvidence);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.DecisionId, x.Kind }).IsUnique();
    }
}
