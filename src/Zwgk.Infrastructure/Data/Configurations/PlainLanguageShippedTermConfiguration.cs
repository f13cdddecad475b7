using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Search;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class PlainLanguageShippedTermConfiguration : IEntityTypeConfiguration<PlainLanguageShippedTerm>
{
    public void Configure(EntityTypeBuilder<PlainLanguageShippedTerm> b)
    {
        b.ToTable("PlainLanguageShippedTerms");
        b.HasKey(x => x.Term);
        b.Property(x => x.Term).HasMaxLength(SearchRules.MaxTermLength);
    }
}
