using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("Messages");
        b.Property(x => x.QueryCodeHash).HasMaxLength(FieldLengths.Sha256);
        b.HasIndex(x => x.QueryCodeHash).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.MessageTitle);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Content).HasMaxLength(FieldLengths.MessageContent);
        b.Property(x => x.PageUrl).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.WriterName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Address).HasMaxLength(FieldLengths.Address);
        b.Property(x => x.ContactKey).HasMaxLength(FieldLengths.Sha256);
        b.Property(x => x.RegisteredBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.RejectReason).HasMaxLength(FieldLengths.MessageNote);
        b.Property(x => x.ReplyText).HasMaxLength(FieldLengths.MessageReply);
        b.Property(x => x.ReplyDraftedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ReplyDraftedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.ReplyApprovedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ReviewComment).HasMaxLength(FieldLengths.MessageNote);
        b.Property(x => x.HoldReasons).HasMaxLength(FieldLengths.HoldReasons);
        b.Property(x => x.SatisfactionComment).HasMaxLength(FieldLengths.SatisfactionComment);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.TargetUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ReplyUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Message>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.IsPublic);
        // Inboxes filter by unit and state; the duplicate check by contact and date; the public list by reply time.
        b.HasIndex(x => new { x.UnitId, x.State });
        b.HasIndex(x => new { x.ContactKey, x.ReceivedOn });
        b.HasIndex(x => x.RepliedAt);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MessageEventConfiguration : IEntityTypeConfiguration<MessageEvent>
{
    public void Configure(EntityTypeBuilder<MessageEvent> b)
    {
        b.ToTable("MessageEvents");
        b.Property(x => x.ActorName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ActorUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.MessageNote);
    }
}
