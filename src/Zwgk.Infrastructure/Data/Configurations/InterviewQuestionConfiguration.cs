using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class InterviewQuestionConfiguration : IEntityTypeConfiguration<InterviewQuestion>
{
    public void Configure(EntityTypeBuilder<InterviewQuestion> b)
    {
        b.ToTable("InterviewQuestions");
        b.Property(x => x.AskerName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.AskerPhone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Content).HasMaxLength(FieldLengths.InterviewQuestion);
        b.Property(x => x.ScreenNote).HasMaxLength(FieldLengths.ModerationNote);
        b.Property(x => x.RejectReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ModeratedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Answer).HasMaxLength(FieldLengths.InterviewAnswer);
        b.Property(x => x.AnsweredByGuest).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.AnsweredByStaff).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Status).HasConversion<int>();
        b.Ignore(x => x.IsPublic);
        b.HasIndex(x => new { x.InterviewId, x.Status });
        b.HasIndex(x => new { x.InterviewId, x.AnswerSeq }).IsUnique();
    }
}
