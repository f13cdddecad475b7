using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Shared;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class CalendarDayOverrideConfiguration : IEntityTypeConfiguration<CalendarDayOverride>
{
    public void Configure(EntityTypeBuilder<CalendarDayOverride> b)
    {
        b.HasIndex(x => x.Date).IsUnique(); // one office decision per day
        b.HasIndex(x => x.ArrangementYear);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.HolidayName);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.CalendarNote);
        b.Property(x => x.ChangedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ChangedById).HasMaxLength(FieldLengths.UserId);
    }
}

public sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.Notice).HasMaxLength(FieldLengths.NoticeNumber);
        b.Property(x => x.ChangedBy).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.ChangedById).HasMaxLength(FieldLengths.UserId);
    }
}
