using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class OpenDayConfiguration : IEntityTypeConfiguration<OpenDay>
{
    public void Configure(EntityTypeBuilder<OpenDay> b)
    {
        b.ToTable("OpenDays");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.EventDescription);
        b.Property(x => x.Place).HasMaxLength(FieldLengths.EventPlace);
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.EventSummary);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        // Every booking and cancellation changes Taken: a concurrent booking of the last place fails its UPDATE and retries.
        b.Property(x => x.Taken).IsConcurrencyToken();
        b.Ignore(x => x.PlacesLeft);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<OpenDayRegistration>().WithOne().HasForeignKey(x => x.OpenDayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.StartsAt);
        b.HasIndex(x => x.UnitId);
    }
}
