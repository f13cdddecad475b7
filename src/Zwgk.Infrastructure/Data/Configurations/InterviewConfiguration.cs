using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.ToTable("Interviews");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Topic).HasMaxLength(FieldLengths.InterviewTopic);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.EventDescription);
        b.Property(x => x.RecordSummary).HasMaxLength(FieldLengths.InterviewSummary);
        b.Property(x => x.RecordTranscript).HasMaxLength(FieldLengths.InterviewTranscript);
        b.Property(x => x.RelatedDocumentIds).HasMaxLength(FieldLengths.RelatedDocumentIds);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.State).HasConversion<int>();
        // Two staff answering at once must not hand out the same feed position.
        b.Property(x => x.LastAnswerSeq).IsConcurrencyToken();
        b.Ignore(x => x.RelatedDocuments);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Guests).WithOne().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.StartsAt);
        b.HasIndex(x => x.UnitId);
    }
}
