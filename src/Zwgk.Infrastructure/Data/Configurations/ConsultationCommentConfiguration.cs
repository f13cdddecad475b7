using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.ToTable("ConsultationComments");
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Content).HasMaxLength(FieldLengths.CommentContent);
        b.Property(x => x.HeldReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ModerationReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ModeratedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.AdoptionReason).HasMaxLength(FieldLengths.AdoptionReason);
        b.Property(x => x.DecidedBy).HasMaxLength(FieldLengths.PersonName);
        b.Ignore(x => x.IsPublic);
        // Merging into a group is undone by deleting the group: its comments fall back to their own decision.
        b.HasOne<OpinionGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ConsultationId, x.Number }).IsUnique();
    }
}
