using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Site;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SiteName).HasMaxLength(100);
        b.Property(x => x.SiteDomain).HasMaxLength(200);
        b.Property(x => x.SiteIdCode).HasMaxLength(10);
        b.Property(x => x.Sponsor).HasMaxLength(100);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.IcpNumber).HasMaxLength(100);
        b.Property(x => x.PublicSecurityNumber).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(200);
    }
}
