using Xunit;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Engine;

/// <summary>Issue 9 §6: a query that nothing matches as a whole falls back to the documents holding most of it, labelled as
/// partial, and never to unrelated documents; a hit shows where the query's words (or their expansions) occur.</summary>
public sealed class PartialMatchTests
{
    private static readonly PlainLanguage Plain = new(
    [
        new PlainLanguageEntry("户籍证件", "身份证丢了", ["居民身份证补领", "居民身份证挂失"]),
        new PlainLanguageEntry("社会保障", "退休金", ["基本养老金"]),
    ]);

    private static TempIndex Sample() => new(
    [
        TempIndex.Doc("a", "关于调整城乡居民基本养老金标准的通知", "自2024年1月1日起，城乡居民基本养老金每人每月提高20元。"),
        TempIndex.Doc("b", "居民身份证办理指南",
            string.Concat(Enumerable.Repeat("户籍窗口服务时间为工作日上午九时至下午五时，节假日不办公。", 12))
            + "居民身份证丢失的，本人持户口簿到户籍窗口申请补领，办理临时身份证明。"),
        TempIndex.Doc("c", "关于做好防汛工作的通知", "各街道要做好汛期值班值守工作。"),
        TempIndex.Doc("d", "政务公开工作要点", "深入推进政务公开标准化规范化建设。"),
    ]);

    [Fact]
    public void Two_words_of_which_one_occurs_nowhere_find_the_other_as_a_partial_match()
    {
        using var ix = Sample();
        // Before: 0 results (every word was required).
        var r = ix.Search("养老金 飞碟", Plain);
        Assert.True(r.Partial);
        Assert.Equal(["a"], r.Hits.Select(h => h.Key));
        Assert.Contains("<em>养老金</em>", r.Hits[0].SnippetHtml);
        var whole = ix.Search("养老金 标准", Plain);
        Assert.False(whole.Partial);
        Assert.Equal("a", whole.Hits[0].Key);
    }

    [Fact]
    public void An_expansion_whose_official_phrase_occurs_nowhere_finds_its_parts_and_the_snippet_shows_them()
    {
        using var ix = Sample();
        // 居民身份证补领 / 居民身份证挂失 occur nowhere as phrases; b has 居民身份证 … 补领 apart.
        var r = ix.Search("身份证丢了怎么办", Plain);
        Assert.Equal("b", r.Hits[0].Key);
        Assert.Contains("<em>补领</em>", r.Hits[0].SnippetHtml);
        Assert.Contains("<em>居民身份证</em>", r.Hits[0].SnippetHtml);
        // The snippet comes from where they occur (the end of a long body), not from its head.
        Assert.DoesNotContain("户籍窗口服务时间为工作日", r.Hits[0].SnippetHtml[..20]);
    }

    [Theory]
    [InlineData("飞碟")]
    [InlineData("量子纠缠实验室")]
    [InlineData("外星人飞碟降落")]
    [InlineData("asdfgh")]
    [InlineData("量子 飞碟")]
    public void Nonsense_still_finds_nothing(string query)
    {
        using var ix = Sample();
        var r = ix.Search(query, Plain);
        Assert.Equal(0, r.Total);
        Assert.Empty(r.Hits);
        Assert.False(r.Partial);
    }

    [Fact]
    public void Most_of_a_long_query_is_needed_not_any_one_word()
    {
        using var ix = Sample();
        // Three words, one in a document: not enough (two of three are needed).
        Assert.Equal(0, ix.Search("防汛 量子 纠缠", Plain).Total);
        var r = ix.Search("防汛 值班 飞碟", Plain);
        Assert.True(r.Partial);
        Assert.Equal(["c"], r.Hits.Select(h => h.Key));
    }
}
