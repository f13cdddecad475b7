using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class InterpretationProfileConfiguration : IEntityTypeConfiguration<InterpretationProfile>
{
    public void Configure(EntityTypeBuilder<InterpretationProfile> b)
    {
        b.ToTable("InterpretationProfiles");
        b.HasKey(x => x.DocumentId);
        b.Property(x => x.DocumentId).ValueGeneratedNever();
        b.HasOne(x => x.Document).WithOne().HasForeignKey<InterpretationProfile>(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.InterpretingUnit).WithMany().HasForeignKey(x => x.InterpretingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.InterpreterName).HasMaxLength(FieldLengths.InterpreterName);
        b.Property(x => x.InterpreterTitle).HasMaxLength(FieldLengths.InterpreterTitle);
        b.Property(x => x.ExternalMediaUrl).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.PersonName);
        b.Ignore(x => x.IsLeaderInterpretation);
        b.HasMany(x => x.Points).WithOne().HasForeignKey(x => x.ProfileDocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Media).WithOne().HasForeignKey(x => x.ProfileDocumentId).OnDelete(DeleteBehavior.Cascade);
        // The report groups by interpreting unit.
        b.HasIndex(x => x.InterpretingUnitId);
    }
}

public sealed class InterpretationPointConfiguration : IEntityTypeConfiguration<InterpretationPoint>
{
    public void Configure(EntityTypeBuilder<InterpretationPoint> b)
    {
        b.ToTable("InterpretationPoints");
        b.Property(x => x.Clause).HasMaxLength(FieldLengths.InterpretationClause);
        b.Property(x => x.Text).HasMaxLength(FieldLengths.InterpretationPoint);
        b.HasIndex(x => new { x.ProfileDocumentId, x.Order });
    }
}

public sealed class InterpretationMediaConfiguration : IEntityTypeConfiguration<InterpretationMedia>
{
    public void Configure(EntityTypeBuilder<InterpretationMedia> b)
    {
        b.ToTable("InterpretationMedia");
        b.Property(x => x.AltText).HasMaxLength(FieldLengths.MediaAltText);
        b.Property(x => x.Transcript).HasMaxLength(FieldLengths.MediaTranscript);
        // Removing an attachment removes the media row that shows it; a captions file just drops off.
        b.HasOne(x => x.Attachment).WithMany().HasForeignKey(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.CaptionsAttachment).WithMany().HasForeignKey(x => x.CaptionsAttachmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ProfileDocumentId, x.Order });
        b.HasIndex(x => x.AttachmentId);
        b.HasIndex(x => x.CaptionsAttachmentId);
    }
}
