using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("AnnualReports");
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(x => x.PublishedDocumentId).OnDelete(DeleteBehavior.SetNull);
        // One report per unit and year; NULLs never collide in a unique index, so the district's (UnitId null) has its own.
        b.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year).IsUnique().HasFilter("\"UnitId\" IS NULL").HasDatabaseName("IX_AnnualReports_Year_District");
        b.Property(x => x.Overview).HasMaxLength(FieldLengths.ReportSection);
        b.Property(x => x.Problems).HasMaxLength(FieldLengths.ReportSection);
        b.Property(x => x.OtherMatters).HasMaxLength(FieldLengths.ReportSection);
        b.Property(x => x.FeesAmount).HasPrecision(14, 4);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.UpdatedByUserId).HasMaxLength(FieldLengths.UserId);
    }
}
