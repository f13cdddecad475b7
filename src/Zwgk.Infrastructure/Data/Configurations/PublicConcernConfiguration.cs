using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Concerns;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class PublicConcernConfiguration : IEntityTypeConfiguration<PublicConcern>
{
    public void Configure(EntityTypeBuilder<PublicConcern> b)
    {
        b.ToTable("PublicConcerns");
        b.Property(x => x.Topic).HasMaxLength(FieldLengths.ConcernTopic);
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.ConcernSummary);
        b.Property(x => x.Field).HasMaxLength(FieldLengths.ConcernField);
        b.Property(x => x.RegisteredBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.SourceUrl).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.ClosedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ClosingNote).HasMaxLength(FieldLengths.ConcernClosingNote);
        b.Property(x => x.Source).HasConversion<int>();
        b.Property(x => x.Level).HasConversion<int>();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsClosed);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The message stays if the concern goes, and a deleted message leaves the concern without its link.
        b.HasOne<Zwgk.Domain.Interaction.Messages.Message>().WithMany().HasForeignKey(x => x.SourceMessageId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Responses).WithOne().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DiscoveredAt);
        b.HasIndex(x => new { x.UnitId, x.ClosedAt });
        b.HasIndex(x => x.IsPublic);
    }
}
