using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class OpinionGroupConfiguration : IEntityTypeConfiguration<OpinionGroup>
{
    public void Configure(EntityTypeBuilder<OpinionGroup> b)
    {
        b.ToTable("ConsultationOpinionGroups");
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.OpinionSummary);
        b.Property(x => x.Reason).HasMaxLength(FieldLengths.AdoptionReason);
        b.Property(x => x.DecidedBy).HasMaxLength(FieldLengths.PersonName);
        b.HasIndex(x => new { x.ConsultationId, x.Order });
    }
}
