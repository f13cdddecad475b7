using Xunit;
using Zwgk.Domain.Documents;
using Zwgk.Search.Query;
using Zwgk.Search.Text;

namespace Zwgk.Search.Tests.Text;

/// <summary>The shipped plain-language dictionary (issue 9 §6): at least 500 pairs, every 主题分类 covered, every official
/// term one the engine can search for.</summary>
public sealed class PlainLanguageDictionaryTests
{
    private static readonly IReadOnlyList<PlainLanguageEntry> Entries = PlainLanguage.LoadDefaultEntries();

    [Fact]
    public void It_has_at_least_500_distinct_pairs_all_of_which_load()
    {
        Assert.True(Entries.Count >= 500, $"{Entries.Count} entries");
        Assert.Equal(Entries.Count, Entries.Select(e => e.Term).Distinct().Count());
        // Nothing is lost when the engine builds its lookup (an empty or self-referring entry would be dropped).
        Assert.Equal(Entries.Count, new PlainLanguage(Entries).Count);
    }

    [Fact]
    public void Every_top_level_topic_is_covered_and_every_entry_names_a_real_one()
    {
        var topics = TopicCategories.Tree.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(Entries, e => Assert.True(e.Topic is not null && topics.Contains(e.Topic), $"{e.Term}: topic “{e.Topic}”"));
        var covered = Entries.Select(e => e.Topic!).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(topics.Except(covered));
    }

    [Fact]
    public void Every_term_and_official_term_is_analysable_Chinese_that_the_back_office_accepts()
    {
        var plain = new PlainLanguage(Entries);
        foreach (var e in Entries)
        {
            Assert.Empty(Zwgk.Domain.Search.SearchRules.Validate(e.Category, e.Term, e.Official));
            // The colloquial term is found in a query that is exactly it.
            Assert.Contains(plain.Find(ChineseNormalizer.Normalize(e.Term)), f => f.Start == 0 && f.Length == e.Term.Length);
            foreach (var official in e.Official.Append(e.Term))
            {
                var text = ChineseNormalizer.Normalize(official);
                Assert.True(text.Count(c => c is >= '\u4E00' and <= '\u9FFF') >= 2, $"{e.Term} → {official}: not Chinese enough to search");
                // Segmented into words, every Han character with a reading (so pinyin and initials reach it too).
                var words = new List<Word>();
                Segmenter.Default.Cut(text, words);
                Assert.NotEmpty(words);
                var readings = Pinyin.Default.Readings(text);
                for (int i = 0; i < text.Length; i++)
                    if (text[i] is >= '\u4E00' and <= '\u9FFF') Assert.True(readings[i] is not null, $"{official}: no reading for {text[i]}");
            }
        }
    }
}
