using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Catalog;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ColumnConfiguration : IEntityTypeConfiguration<Column>
{
    public void Configure(EntityTypeBuilder<Column> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Slug).HasMaxLength(40);
        b.HasIndex(x => new { x.ParentId, x.Slug }).IsUnique();
        b.Property(x => x.StatutoryBasis).HasMaxLength(100);
        b.Property(x => x.ExternalUrl).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Keywords).HasMaxLength(200);
        b.Property(x => x.EmptyNotice).HasMaxLength(500);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(x => x.TypeLabel);
    }
}
