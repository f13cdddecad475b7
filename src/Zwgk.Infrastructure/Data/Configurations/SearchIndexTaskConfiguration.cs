using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zwgk.Domain.Search;

namespace Zwgk.Infrastructure.Data.Configurations;

public sealed class SearchIndexTaskConfiguration : IEntityTypeConfiguration<SearchIndexTask>
{
    public void Configure(EntityTypeBuilder<SearchIndexTask> b)
    {
        b.Property(x => x.ContentType).HasMaxLength(20);
        b.HasIndex(x => x.CreatedAt);
    }
}

public sealed class PlainLanguageTermConfiguration : IEntityTypeConfiguration<PlainLanguageTerm>
{
    public void Configure(EntityTypeBuilder<PlainLanguageTerm> b)
    {
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.Term).HasMaxLength(SearchRules.MaxTermLength);
        b.Property(x => x.Official).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasIndex(x => x.Term).IsUnique();
        b.Ignore(x => x.OfficialTerms);
    }
}

public sealed class SearchQueryLogConfiguration : IEntityTypeConfiguration<SearchQueryLog>
{
    public void Configure(EntityTypeBuilder<SearchQueryLog> b)
    {
        b.Property(x => x.Query).HasMaxLength(100);
        b.Property(x => x.Searcher).HasMaxLength(SearchQueryLog.SearcherLength);
        b.HasIndex(x => x.At);
    }
}

public sealed class HotWordConfiguration : IEntityTypeConfiguration<HotWord>
{
    public void Configure(EntityTypeBuilder<HotWord> b)
    {
        b.Property(x => x.Word).HasMaxLength(SearchRules.MaxTermLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasIndex(x => x.Word).IsUnique();
    }
}
