using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Audit;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Action).HasMaxLength(FieldLengths.AuditAction);
        b.Property(x => x.EntityType).HasMaxLength(FieldLengths.AuditEntityType);
        b.Property(x => x.EntityId).HasMaxLength(FieldLengths.AuditEntityId);
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.AuditSummary);
        b.Property(x => x.IpAddress).HasMaxLength(FieldLengths.IpAddress);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.UnitId);
    }
}
