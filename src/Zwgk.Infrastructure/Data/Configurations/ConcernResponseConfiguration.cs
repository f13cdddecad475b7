using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Concerns;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ConcernResponseConfiguration : IEntityTypeConfiguration<ConcernResponse>
{
    public void Configure(EntityTypeBuilder<ConcernResponse> b)
    {
        b.ToTable("ConcernResponses");
        b.Property(x => x.Method).HasConversion<int>();
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.ConcernResponseSummary);
        b.Property(x => x.Url).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.Publisher).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.RecordedBy).HasMaxLength(FieldLengths.PersonName);
        // Deleting a document (drafts only; published ones are withdrawn) just drops the link.
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ConcernId);
        b.HasIndex(x => x.DocumentId);
    }
}
