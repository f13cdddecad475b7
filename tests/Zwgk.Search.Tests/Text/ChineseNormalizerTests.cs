using Xunit;
using Zwgk.Search.Text;

namespace Zwgk.Search.Tests.Text;

public class ChineseNormalizerTests
{
    [Theory]
    [InlineData("政務公開", "政务公开")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("Hello　World", "hello world")]           // U+3000 ideographic space
    [InlineData("（第１號），", "(第1号),")]                  // U+FF08/FF09/FF0C are full-width ASCII too
    [InlineData("【第１號】", "【第1号】")]                  // CJK brackets outside FF01–FF5E stay
    [InlineData("乾燥的天氣", "干燥的天气")]                // phrase table: 乾 → 干 here …
    [InlineData("乾隆皇帝", "乾隆皇帝")]                    // … but not in 乾隆
    [InlineData("髮型與頭髮", "发型与头发")]
    [InlineData("瞭解後來", "了解后来")]
    [InlineData("", "")]
    public void Normalizes(string input, string expected)
    {
        var result = ChineseNormalizer.Normalize(input);
        Assert.Equal(expected, result);
        Assert.Equal(input.Length, result.Length);
    }

    [Fact]
    public void Unchanged_text_is_returned_as_is()
    {
        const string text = "政务公开 2024 pdf。一不大有乾隆"; // 一/不/大/有 start OpenCC phrases, 乾隆 is an identity phrase
        Assert.Same(text, ChineseNormalizer.Normalize(text));
    }

    [Fact]
    public void Span_overload_preserves_positions_and_works_in_place()
    {
        var buffer = "關於ＰＤＦ文件".ToCharArray();
        ChineseNormalizer.Normalize(buffer, buffer);
        Assert.Equal("关于pdf文件", new string(buffer));

        var dst = new char[10];
        ChineseNormalizer.Normalize("政務", dst);
        Assert.Equal("政务", new string(dst, 0, 2));
        Assert.Throws<ArgumentException>(() => ChineseNormalizer.Normalize("政務公開", new char[3]));
    }

    [Fact]
    public void Supplementary_characters_pass_through()
    {
        const string text = "𠀀政務";
        Assert.Equal("𠀀政务", ChineseNormalizer.Normalize(text));
    }
}
