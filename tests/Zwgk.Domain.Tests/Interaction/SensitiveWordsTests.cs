using Zwgk.Domain.Interaction;

namespace Zwgk.Domain.Tests.Interaction;

public sealed class SensitiveWordsTests
{
    private static readonly SensitiveWords Screen = new(SensitiveWords.Defaults.Append("垃圾广告"));

    [Theory]
    [InlineData("专业代开发票，联系我", "代开发票")]
    [InlineData("代 * 开 · 发 票", "代开发票")]
    [InlineData("这是ＡＢＣ垃圾　广告", "垃圾广告")]
    public void Listed_words_are_found_through_spacing_punctuation_and_width(string text, string word)
    {
        var r = Screen.Screen(text);
        Assert.True(r.Held);
        Assert.Contains(word, r.Words);
    }

    [Theory]
    [InlineData("请问在哪里办证？孩子上学需要什么材料")]
    [InlineData("小区门口道路破损，请尽快维修。")]
    public void Ordinary_questions_are_not_held(string text) => Assert.False(Screen.Screen(text).Held);

    [Fact]
    public void Many_links_and_long_runs_are_held_without_words()
    {
        var links = Screen.Screen("看这里 http://a.example https://b.example www.c.example http://d.example");
        Assert.True(links.Held);
        Assert.Empty(links.Words);
        Assert.Contains(links.Reasons, r => r.Contains("4个网址"));
        Assert.False(Screen.Screen("见 https://www.example.gov.cn/a 和 https://www.example.gov.cn/b").Held);
        Assert.True(Screen.Screen("啊" + new string('！', 25)).Held);
    }

    [Fact]
    public void Screens_every_text_given_and_ignores_null() =>
        Assert.Equal(["刷单"], Screen.Screen(null, "标题", "正文刷单").Words);
}
