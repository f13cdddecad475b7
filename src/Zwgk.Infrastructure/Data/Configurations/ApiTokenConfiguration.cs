using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.ApiTokenName).IsRequired();
        b.Property(x => x.Prefix).HasMaxLength(FieldLengths.ApiTokenPrefix).IsUnicode(false).IsRequired();
        b.Property(x => x.SecretHash).HasMaxLength(FieldLengths.Sha256).IsUnicode(false).IsRequired();
        b.Property(x => x.Role).HasMaxLength(FieldLengths.RoleName).IsUnicode(false).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.RevokedBy).HasMaxLength(FieldLengths.PersonName);
        // Authentication finds a token by the hash of what the caller sent: one unique index lookup.
        b.HasIndex(x => x.SecretHash).IsUnique();
        // Names identify tokens on the command line (`token revoke NAME`); unique among unrevoked tokens (checked by the
        // service), so a rotated token may take the name of the one it replaces.
        b.HasIndex(x => x.Name);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
