using Xunit;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Text;

/// <summary>Issue 9 §2.7: only queries that read as words may become public hot words.</summary>
public sealed class HotWordCheckTests
{
    private static readonly PlainLanguage Plain = new([new PlainLanguageEntry("社会保障", "生娃补贴", ["生育津贴"])]);

    [Theory]
    [InlineData("政务公开")]
    [InlineData("2024年政务公开工作要点")]
    [InlineData("养老金调整")]
    [InlineData("生娃补贴")]          // a colloquial term of the dictionary (生/娃/补贴 to the segmenter)
    [InlineData("5G基站建设")]
    public void Words_pass(string query) => Assert.True(HotWordCheck.IsWordLike(query, Plain), query);

    [Theory]
    [InlineData("x")]
    [InlineData("asdfgh")]
    [InlineData("qwer1234")]
    [InlineData("啊啊啊")]
    [InlineData("的了吗呢")]
    [InlineData("党")]               // one character
    [InlineData("abc政务")]          // mostly not Chinese
    [InlineData("嗯嗯哦哦啊啊")]
    public void Junk_does_not(string query) => Assert.False(HotWordCheck.IsWordLike(query, Plain), query);
}
