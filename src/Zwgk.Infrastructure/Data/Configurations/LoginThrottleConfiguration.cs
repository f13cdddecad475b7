using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottleEntry>
{
    public void Configure(EntityTypeBuilder<LoginThrottleEntry> b)
    {
        b.ToTable("LoginThrottles");
        b.HasKey(x => x.NameHash);
        b.Property(x => x.NameHash).HasMaxLength(LoginThrottleEntry.KeyLength).IsUnicode(false);
        b.HasIndex(x => x.UpdatedAt);
    }
}
