using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Decisions;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class DecisionCatalogConfiguration : IEntityTypeConfiguration<DecisionCatalog>
{
    public void Configure(EntityTypeBuilder<DecisionCatalog> b)
    {
        b.ToTable("DecisionCatalogs");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.PublishedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.SourceDocumentId).OnDelete(DeleteBehavior.SetNull);
        // One catalog per year.
        b.HasIndex(x => x.Year).IsUnique();
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.CatalogId).OnDelete(DeleteBehavior.Cascade);
    }
}
