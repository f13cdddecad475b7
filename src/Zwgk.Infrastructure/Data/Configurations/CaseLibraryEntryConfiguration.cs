using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class CaseLibraryEntryConfiguration : IEntityTypeConfiguration<CaseLibraryEntry>
{
    public void Configure(EntityTypeBuilder<CaseLibraryEntry> b)
    {
        b.ToTable("CaseLibraryEntries");
        // One entry per case.
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasOne<InformationRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Topic).HasMaxLength(FieldLengths.TopicCategory);
        b.Property(x => x.InformationTitle).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.DocumentNumber).HasMaxLength(FieldLengths.DocumentNumber);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.RequestDescription);
        b.Property(x => x.ReplyText).HasMaxLength(FieldLengths.ReplyText);
        b.Property(x => x.Notes).HasMaxLength(FieldLengths.CaseNotes);
        b.Property(x => x.Tags).HasMaxLength(FieldLengths.CaseTags);
        b.Property(x => x.Replacements).HasMaxLength(FieldLengths.CaseReplacements);
        b.Property(x => x.SearchWords).HasMaxLength(FieldLengths.CaseSearchWords);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.CreatedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Property(x => x.ConfirmedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ConfirmedByUserId).HasMaxLength(FieldLengths.UserId);
        b.Ignore(x => x.ReplacementList);
        // The library search filters confirmed entries by year, unit and outcome before scoring words.
        b.HasIndex(x => new { x.Status, x.Year });
        b.HasIndex(x => x.UnitId);
    }
}
