using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class InterviewGuestConfiguration : IEntityTypeConfiguration<InterviewGuest>
{
    public void Configure(EntityTypeBuilder<InterviewGuest> b)
    {
        b.ToTable("InterviewGuests");
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Position).HasMaxLength(FieldLengths.GuestPosition);
        b.HasIndex(x => new { x.InterviewId, x.Order });
    }
}
