using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class IndexCounterConfiguration : IEntityTypeConfiguration<IndexCounter>
{
    public void Configure(EntityTypeBuilder<IndexCounter> b)
    {
        b.ToTable("IndexCounters");
        b.HasKey(x => new { x.UnitCode, x.Year });
        b.Property(x => x.UnitCode).HasMaxLength(32);
    }
}
