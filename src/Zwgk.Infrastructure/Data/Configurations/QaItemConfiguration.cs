using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class QaItemConfiguration : IEntityTypeConfiguration<QaItem>
{
    public void Configure(EntityTypeBuilder<QaItem> b)
    {
        b.ToTable("QaItems");
        b.Property(x => x.Question).HasMaxLength(FieldLengths.QaQuestion);
        b.Property(x => x.Alternatives).HasMaxLength(FieldLengths.QaAlternatives);
        b.Property(x => x.Answer).HasMaxLength(FieldLengths.QaAnswer);
        b.Property(x => x.UnitNameAsWritten).HasMaxLength(FieldLengths.UnitName);
        b.Property(x => x.Basis).HasMaxLength(FieldLengths.QaBasis);
        b.Property(x => x.BasisClause).HasMaxLength(FieldLengths.QaClause);
        b.Property(x => x.Topic).HasMaxLength(FieldLengths.QaTopic);
        b.Property(x => x.ReviewComment).HasMaxLength(FieldLengths.ReviewComment);
        b.Property(x => x.ReviewedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.SourceFileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.BasisDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Message>().WithMany().HasForeignKey(x => x.SourceMessageId).OnDelete(DeleteBehavior.SetNull);
        // Staff lists filter by unit and status; the document page lists a policy's entries; the matcher loads the published ones.
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => x.BasisDocumentId);
        b.HasIndex(x => x.Status);
        // One entry per message: a double click or two staff converting at once get a conflict, not two drafts.
        b.HasIndex(x => x.SourceMessageId).IsUnique();
    }
}
