using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(x => x.IndexNumber).HasMaxLength(FieldLengths.IndexNumber);
        b.HasIndex(x => x.IndexNumber).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.DocumentNumber).HasMaxLength(FieldLengths.DocumentNumber);
        b.HasIndex(x => x.DocumentNumber);
        b.Property(x => x.TopicCategory).HasMaxLength(FieldLengths.TopicCategory);
        b.Property(x => x.Genre).HasMaxLength(FieldLengths.Genre);
        b.Property(x => x.DisclosureReason).HasMaxLength(FieldLengths.DisclosureReason);
        b.Property(x => x.DisclosureMethod).HasMaxLength(FieldLengths.DisclosureMethod);
        b.Property(x => x.NormativeRegistrationNumber).HasMaxLength(FieldLengths.NormativeRegistrationNumber);
        b.Property(x => x.Keywords).HasMaxLength(FieldLengths.Keywords);
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.Summary);
        b.Property(x => x.WithdrawalReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.SourceHash).HasMaxLength(FieldLengths.SourceHash);
        b.HasIndex(x => x.SourceHash).IsUnique();
        b.Property(x => x.SourceFileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.SourceUrl).HasMaxLength(FieldLengths.SourceUrl);
        b.Property(x => x.ExternalIssuer).HasMaxLength(FieldLengths.ExternalIssuer);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        // Portal list pages filter published documents and sort by date.
        b.HasIndex(x => new { x.Status, x.Disclosure, x.PublishedAt });
        b.HasIndex(x => new { x.OwnerUnitId, x.Status });
        b.Ignore(x => x.IsPublic);
        // The body is most of a document's bytes; keeping it in its own table keeps Documents rows narrow, so list
        // pages, counts and filters scan small rows. EF joins it only when a query reads BodyHtml.
        b.SplitToTable("DocumentBodies", t => t.Property(x => x.BodyHtml));
    }
}

public sealed class DocumentIssuerConfiguration : IEntityTypeConfiguration<DocumentIssuer>
{
    public void Configure(EntityTypeBuilder<DocumentIssuer> b)
    {
        b.HasKey(x => new { x.DocumentId, x.UnitId });
        b.HasOne<Document>().WithMany(d => d.Issuers).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.UnitId);
    }
}

public sealed class DocumentColumnConfiguration : IEntityTypeConfiguration<DocumentColumn>
{
    public void Configure(EntityTypeBuilder<DocumentColumn> b)
    {
        b.HasKey(x => new { x.DocumentId, x.ColumnId });
        b.HasOne<Document>().WithMany(d => d.Columns).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Column).WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ColumnId);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(FieldLengths.FileName);
        b.Property(x => x.ContentType).HasMaxLength(FieldLengths.ContentType);
        b.Property(x => x.Sha256).HasMaxLength(FieldLengths.Sha256).IsFixedLength();
        b.HasOne<Document>().WithMany(d => d.Attachments).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Sha256);
    }
}

public sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> b)
    {
        b.HasOne(x => x.FromDocument).WithMany(d => d.Relations).HasForeignKey(x => x.FromDocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.ToDocument).WithMany().HasForeignKey(x => x.ToDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FromDocumentId, x.ToDocumentId, x.Type }).IsUnique();
        b.HasIndex(x => x.ToDocumentId);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.RelationNote);
        b.Property(x => x.DecidedBy).HasMaxLength(FieldLengths.PersonName);
        // The target unit's to-do list: pending relations by target.
        b.HasIndex(x => new { x.Confirmation, x.ToDocumentId });
    }
}

public sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.HasIndex(x => new { x.DocumentId, x.Version }).IsUnique();
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Comment).HasMaxLength(FieldLengths.VersionComment);
    }
}

public sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> b)
    {
        b.HasIndex(x => x.DocumentId);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Comment).HasMaxLength(FieldLengths.ReviewComment);
        b.Property(x => x.UserName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.UserId);
    }
}
