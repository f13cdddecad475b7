using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class OpenDayRegistrationConfiguration : IEntityTypeConfiguration<OpenDayRegistration>
{
    public void Configure(EntityTypeBuilder<OpenDayRegistration> b)
    {
        b.ToTable("OpenDayRegistrations");
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.PhoneKey).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.CodeHash).HasMaxLength(FieldLengths.Sha256);
        b.Property(x => x.CancelledBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CancelReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Status).HasConversion<int>();
        b.HasIndex(x => x.CodeHash).IsUnique();
        b.HasIndex(x => new { x.OpenDayId, x.PhoneKey });
    }
}
