using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class MajorDecisionConfiguration : IEntityTypeConfiguration<MajorDecision>
{
    public void Configure(EntityTypeBuilder<MajorDecision> b)
    {
        b.ToTable("MajorDecisions");
        b.Property(x => x.Name).HasMaxLength(FieldLengths.DecisionName);
        b.Property(x => x.LegalBasis).HasMaxLength(FieldLengths.LegalBasis);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.DecisionNote);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CatalogId, x.Order });
        b.HasIndex(x => x.LeadUnitId);
        b.HasMany(x => x.Stages).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
