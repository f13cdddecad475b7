using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<ZwgkUser>
{
    public void Configure(EntityTypeBuilder<ZwgkUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
