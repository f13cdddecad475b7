using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ColumnListingConfiguration : IEntityTypeConfiguration<ColumnListing>
{
    public void Configure(EntityTypeBuilder<ColumnListing> b)
    {
        b.ToTable("ColumnListings");
        b.HasKey(x => new { x.ColumnId, x.DocumentId });
        b.HasIndex(x => new { x.ColumnId, x.PublishedAt, x.DocumentId });
        b.HasIndex(x => x.DocumentId);
        b.HasOne<Column>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
