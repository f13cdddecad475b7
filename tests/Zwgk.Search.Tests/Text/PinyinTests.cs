using System.Text;
using Xunit;
using Zwgk.Search.Text;

namespace Zwgk.Search.Tests.Text;

public class PinyinTests
{
    private static string Read(string text) => string.Join(" ", Pinyin.Default.Readings(text).Select(r => r ?? "_"));

    private static string? Units(IReadOnlyList<PinyinUnit>? units) =>
        units is null ? null : string.Join(" ", units.Select(u => u.Text + (u.IsInitial ? "*" : "") + (u.IsPrefix ? "…" : "")));

    [Theory]
    [InlineData("银行", "yin hang")]
    [InlineData("行政", "xing zheng")]
    [InlineData("长清区", "chang qing qu")]
    [InlineData("重庆", "chong qing")]
    [InlineData("会计", "kuai ji")]
    [InlineData("成都", "cheng du")]
    [InlineData("六安", "lu an")]
    [InlineData("行长", "hang zhang")]
    [InlineData("调休", "tiao xiu")]
    [InlineData("重点", "zhong dian")]
    [InlineData("绿色", "lv se")]
    [InlineData("银行行长", "yin hang hang zhang")]
    [InlineData("我们走了", "wo men zou le")]                    // curated: a standalone 了 reads le
    [InlineData("重庆市长寿区", "chong qing shi chang shou qu")]
    [InlineData("还本付息", "huan ben fu xi")]                   // curated (issue 9 §6): pinyin-pro reads hai
    [InlineData("三审三校", "san shen san jiao")]                // curated: 校 proofread is jiao
    public void Polyphones_are_read_in_context(string text, string expected) => Assert.Equal(expected, Read(text));

    [Fact]
    public void Non_han_chars_read_null()
    {
        var r = Pinyin.Default.Readings("2024年pdf，政务テ");
        Assert.Equal(12, r.Length);
        Assert.Equal([null, null, null, null, "nian", null, null, null, null, "zheng", "wu", null], r);
    }

    [Fact]
    public void Span_overload_fills_a_reused_buffer()
    {
        var output = new string?[8];
        Array.Fill(output, "stale");
        Pinyin.Default.Readings("政务，公开".AsSpan(), output);
        Assert.Equal(["zheng", "wu", null, "gong", "kai", "stale", "stale", "stale"], output);
        Assert.Throws<ArgumentException>(() => Pinyin.Default.Readings("政务公开".AsSpan(), new string?[3]));
    }

    [Fact]
    public void Supplementary_character_reads_on_its_high_surrogate()
    {
        var r = Pinyin.Default.Readings("𠀀政");
        Assert.Equal(3, r.Length);
        Assert.Equal("he", r[0]);
        Assert.Null(r[1]);
        Assert.Equal("zheng", r[2]);
        Assert.Equal(["he"], Pinyin.Default.CharReadings(new Rune(0x20000)));
    }

    [Fact]
    public void CharReadings_most_common_first()
    {
        Assert.Equal(["chang", "zhang"], Pinyin.Default.CharReadings('长'));
        Assert.Equal("xing", Pinyin.Default.CharReadings('行')[0]);
        Assert.Contains("hang", Pinyin.Default.CharReadings('行'));
        Assert.Equal(["lv", "lu"], Pinyin.Default.CharReadings('绿'));
        Assert.Empty(Pinyin.Default.CharReadings('a'));
        Assert.Empty(Pinyin.Default.CharReadings('，'));
    }

    [Fact]
    public void Every_reading_of_every_common_character_is_a_syllable()
    {
        var py = Pinyin.Default;
        int withReadings = 0;
        for (char c = '\u4E00'; c <= '\u9FA5'; c++)
        {
            var readings = py.CharReadings(c);
            if (readings.Count > 0) withReadings++;
            foreach (var r in readings) Assert.True(py.IsSyllable(r), $"{c}: {r}");
        }
        Assert.True(withReadings > 20_000, $"only {withReadings} characters have readings");
    }

    [Theory]
    [InlineData("zheng", true)]
    [InlineData("a", true)]
    [InlineData("er", true)]
    [InlineData("lv", true)]
    [InlineData("nv", true)]
    [InlineData("lve", true)]
    [InlineData("lue", true)]
    [InlineData("zhen", true)]
    [InlineData("zh", false)]
    [InlineData("i", false)]
    [InlineData("pdf", false)]
    [InlineData("", false)]
    public void IsSyllable(string latin, bool expected) => Assert.Equal(expected, Pinyin.Default.IsSyllable(latin));

    [Theory]
    [InlineData("zhen", true)]
    [InlineData("zh", true)]
    [InlineData("g", true)]
    [InlineData("zheng", true)]
    [InlineData("zhn", false)]
    [InlineData("v", false)]
    [InlineData("", false)]
    public void IsSyllablePrefix(string latin, bool expected) => Assert.Equal(expected, Pinyin.Default.IsSyllablePrefix(latin));

    [Theory]
    [InlineData("zhengwugongkai", "zheng wu gong kai")]
    [InlineData("zheng wu gong kai", "zheng wu gong kai")]
    [InlineData("ZhengWu-GongKai", "zheng wu gong kai")]
    [InlineData("zwgk", "z* w* g* k*")]
    [InlineData("xian", "xian")]
    [InlineData("xi'an", "xi an")]
    [InlineData("xianggang", "xiang gang")]
    [InlineData("jinan", "ji nan")]
    [InlineData("fangan", "fan gan")]            // a/o/e-initial syllables need an apostrophe (fang'an)
    [InlineData("lv", "lv")]
    [InlineData("lue", "lve")]
    [InlineData("lü", "lv")]
    [InlineData("zhsh", "z* s*")]                 // zh/ch/sh as initials are indexed by their first letter
    [InlineData("zhengwgk", "zheng w* g* k*")]
    [InlineData("zwgongkai", "z* w* gong kai")]
    [InlineData("pdf", "p* d* f*")]               // consonants only: initials
    [InlineData("ng", "n* g*")]
    [InlineData("covid", null)]                   // vowel after a lone initial, then an impossible "i"
    [InlineData("zhengwugon", null)]
    [InlineData("i", null)]
    [InlineData("2024", null)]
    [InlineData("", null)]
    [InlineData(" ' ", null)]
    public void ParseLatin(string latin, string? expected) => Assert.Equal(expected, Units(Pinyin.Default.ParseLatin(latin)));

    [Theory]
    [InlineData("zhengwugon", "zheng wu gon…")]
    [InlineData("zhengwugongkai", "zheng wu gong kai")]
    [InlineData("zhengwuzh", "zheng wu zh…")]
    [InlineData("zwg", "z* w* g*")]
    [InlineData("gongkaig", "gong kai g*")]
    [InlineData("zhengwu gon", "zheng wu gon…")]
    public void ParseLatin_with_prefix_last(string latin, string expected) =>
        Assert.Equal(expected, Units(Pinyin.Default.ParseLatin(latin, allowPrefixLast: true)));

    [Fact]
    public void ParseLatinAlternatives_lists_equally_short_readings()
    {
        var alts = Pinyin.Default.ParseLatinAlternatives("fangan").Select(Units).ToList();
        Assert.Equal(["fan gan", "fang an"], alts);
        Assert.Equal(["xian"], Pinyin.Default.ParseLatinAlternatives("xian").Select(Units));
        Assert.Empty(Pinyin.Default.ParseLatinAlternatives("covid"));
    }

    [Theory]
    [InlineData("政务公开", "zhengwugongkai", "zwgk")]
    [InlineData("政務公開", "zhengwugongkai", "zwgk")]
    [InlineData("重庆银行", "chongqingyinhang", "cqyh")]
    [InlineData("PDF文件，2024年", "pdfwenjian2024nian", "pdfwj2024n")]
    [InlineData("", "", "")]
    public void FullPinyin_and_Initials(string text, string full, string initials)
    {
        Assert.Equal(full, Pinyin.Default.FullPinyin(text));
        Assert.Equal(initials, Pinyin.Default.Initials(text));
    }

    [Fact]
    public void WithSegmenter_keeps_in_context_readings_inside_added_words()
    {
        const string unit = "重庆市长寿区人民政府";
        var segmenter = Segmenter.Default.WithWords([(unit, 0)]);
        var words = new List<Word>();
        segmenter.Cut(unit, words);
        Assert.Single(words);

        var custom = Pinyin.Default.WithSegmenter(segmenter);
        Assert.Equal("chong qing shi chang shou qu ren min zheng fu", string.Join(" ", custom.Readings(unit)));
        Assert.Equal("chongqingshichangshouqurenminzhengfu", custom.FullPinyin(unit));
    }

    [Fact]
    public void Parallel_readings_equal_sequential_readings()
    {
        string[] texts = ["银行行长会计", "重庆市长寿区调休通知", "成都六安行政", "长清区政务公开"];
        var inputs = Enumerable.Range(0, 1000).Select(i => texts[i % texts.Length] + texts[(i * 3) % texts.Length]).ToArray();
        var sequential = inputs.Select(Read).ToArray();
        var parallel = new string[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Read(inputs[i]));
        Assert.Equal(sequential, parallel);
    }
}
