using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(x => x.Code).HasMaxLength(FieldLengths.UnitCode);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.UnitName);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.ShortName).HasMaxLength(FieldLengths.UnitShortName);
        b.Property(x => x.Aliases).HasMaxLength(FieldLengths.UnitAliases);
        b.Property(x => x.CreditCode).HasMaxLength(FieldLengths.CreditCode);
        b.Property(x => x.OrganizationCode).HasMaxLength(FieldLengths.OrganizationCode);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
