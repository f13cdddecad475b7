using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplate>
{
    public void Configure(EntityTypeBuilder<NoticeTemplate> b)
    {
        b.ToTable("NoticeTemplates");
        b.Property(x => x.Title).HasMaxLength(FieldLengths.NoticeTitle);
        b.Property(x => x.Body).HasMaxLength(FieldLengths.NoticeBody);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.PersonName);
        // Two editors saving the same template: the second is told to reload instead of silently overwriting.
        b.Property(x => x.Version).IsConcurrencyToken();
        // One edited template per slot (kind, and outcome group for replies); null groups compare unequal in a unique index,
        // so the service also looks a slot up before inserting.
        b.HasIndex(x => new { x.Kind, x.OutcomeGroup }).IsUnique();
    }
}

public sealed class RequestNoticeSettingsConfiguration : IEntityTypeConfiguration<RequestNoticeSettings>
{
    public void Configure(EntityTypeBuilder<RequestNoticeSettings> b)
    {
        b.ToTable("RequestNoticeSettings");
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UnitId).IsUnique();
        b.Property(x => x.ReviewBody).HasMaxLength(FieldLengths.RemedyBody);
        b.Property(x => x.Court).HasMaxLength(FieldLengths.RemedyBody);
        b.Property(x => x.GovernmentReviewBody).HasMaxLength(FieldLengths.RemedyBody);
        b.Property(x => x.GovernmentCourt).HasMaxLength(FieldLengths.RemedyBody);
        b.Property(x => x.QueryAddress).HasMaxLength(FieldLengths.NoticeSettingText);
        b.Property(x => x.PaymentMethod).HasMaxLength(FieldLengths.NoticeSettingText);
        b.Property(x => x.ContactInfo).HasMaxLength(FieldLengths.NoticeSettingText);
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.PersonName);
    }
}
