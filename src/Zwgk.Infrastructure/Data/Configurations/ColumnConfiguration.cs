using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ColumnConfiguration : IEntityTypeConfiguration<Column>
{
    public void Configure(EntityTypeBuilder<Column> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLengths.ColumnName);
        b.Property(x => x.Slug).HasMaxLength(FieldLengths.ColumnSlug);
        b.HasIndex(x => new { x.ParentId, x.Slug }).IsUnique();
        b.Property(x => x.StatutoryBasis).HasMaxLength(FieldLengths.StatutoryBasis);
        b.Property(x => x.ExternalUrl).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.ColumnDescription);
        b.Property(x => x.Keywords).HasMaxLength(FieldLengths.ColumnKeywords);
        b.Property(x => x.EmptyNotice).HasMaxLength(FieldLengths.EmptyNotice);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(x => x.TypeLabel);
    }
}
