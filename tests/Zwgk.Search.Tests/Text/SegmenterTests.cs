using Xunit;
using Zwgk.Search.Text;

namespace Zwgk.Search.Tests.Text;

public class SegmenterTests
{
    private static string Cut(string text, bool forSearch = false)
    {
        var words = new List<Word>();
        if (forSearch) Segmenter.Default.CutForSearch(text, words);
        else Segmenter.Default.Cut(text, words);
        return string.Join("/", words.Select(w => text.Substring(w.Start, w.Length)));
    }

    // Expected values are Python jieba 0.42.1: '/'.join(jieba.cut(s, HMM=False)).
    [Theory]
    [InlineData("关于进一步推进政务公开工作的通知", "关于/进一步/推进/政务/公开/工作/的/通知")]
    [InlineData("中华人民共和国政府信息公开条例", "中华人民共和国政府/信息/公开/条例")]
    [InlineData("长清区人民政府办公室关于印发", "长清区/人民政府/办公室/关于/印发")]
    [InlineData("深化放管服改革优化营商环境", "深化/放/管/服/改革/优化/营商/环境")]
    [InlineData("全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度",
        "全面推行/行政/执法/公示/制度/执法/全过程/记录/制度/重大/执法/决定/法制/审核/制度")]
    [InlineData("区县政府开展政务公开工作的一体化开源平台", "区/县政府/开展/政务/公开/工作/的/一体化/开源/平台")]
    [InlineData("我来到北京清华大学", "我/来到/北京/清华大学")]
    public void Cut_matches_python_jieba_without_hmm(string text, string expected) => Assert.Equal(expected, Cut(text));

    // Python jieba 0.42.1: '/'.join(jieba.cut_for_search(s, HMM=False)).
    [Theory]
    [InlineData("关于进一步推进政务公开工作的通知", "关于/一步/进一步/推进/政务/公开/工作/的/通知")]
    [InlineData("中华人民共和国政府信息公开条例", "中华/华人/人民/共和/国政/政府/共和国/中华人民共和国政府/信息/公开/条例")]
    [InlineData("长清区人民政府办公室关于印发", "长清区/人民/民政/政府/人民政府/办公/公室/办公室/关于/印发")]
    [InlineData("全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度",
        "全面/推行/全面推行/行政/执法/公示/制度/执法/过程/全过程/记录/制度/重大/执法/决定/法制/审核/制度")]
    [InlineData("乡村振兴战略实施方案", "乡村/振兴/战略/实施/方案/实施方案")]
    [InlineData("我来到北京清华大学", "我/来到/北京/清华/华大/大学/清华大学")]
    public void CutForSearch_matches_python_jieba_without_hmm(string text, string expected) => Assert.Equal(expected, Cut(text, forSearch: true));

    [Fact]
    public void Latin_and_number_runs_are_single_words_with_kinds()
    {
        const string text = "2024年pdf文件3.5亿元，v2.0版";
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        Assert.Equal("2024/年/pdf/文件/3.5/亿元/v/2.0/版", string.Join("/", words.Select(w => text.Substring(w.Start, w.Length))));
        Assert.Equal(
            [WordKind.Number, WordKind.Han, WordKind.Latin, WordKind.Han, WordKind.Number, WordKind.Han, WordKind.Latin, WordKind.Number, WordKind.Han],
            words.Select(w => w.Kind));
    }

    [Theory]
    [InlineData("3.", "3")]          // a trailing dot is not part of the number
    [InlineData("1.2.3", "1.2.3")]   // dotted dates and versions stay one number
    [InlineData("1,000", "1/000")]
    [InlineData("PDF文件", "PDF/文件")]
    [InlineData("covid19", "covid/19")]
    public void Number_and_latin_boundaries(string text, string expected) => Assert.Equal(expected, Cut(text));

    [Fact]
    public void Punctuation_spaces_and_symbols_are_dropped_and_offsets_point_into_the_text()
    {
        const string text = "《政务公开》 工作，😀要点！";
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        Assert.Equal(["政务", "公开", "工作", "要点"], words.Select(w => text.Substring(w.Start, w.Length)));
        Assert.Equal(1, words[0].Start);
        Assert.Equal(3, words[1].Start);
        Assert.Equal(5, words[1].End);
    }

    [Fact]
    public void Other_letters_become_single_han_words()
    {
        const string text = "テスト政务";
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        Assert.Equal(["テ", "ス", "ト", "政务"], words.Select(w => text.Substring(w.Start, w.Length)));
        Assert.All(words, w => Assert.Equal(WordKind.Han, w.Kind));
    }

    [Fact]
    public void Supplementary_characters_are_kept_whole()
    {
        const string text = "𠀀政务";
        var words = new List<Word>();
        Segmenter.Default.Cut(text, words);
        Assert.Equal([new Word(0, 2, WordKind.Han), new Word(2, 2, WordKind.Han)], words);
    }

    [Fact]
    public void Cut_appends_to_the_output()
    {
        var words = new List<Word> { new(0, 1, WordKind.Latin) };
        Segmenter.Default.Cut("政务", words);
        Assert.Equal(2, words.Count);
        Segmenter.Default.Cut("", words);
        Assert.Equal(2, words.Count);
    }

    [Fact]
    public void Dictionary_lookups()
    {
        var s = Segmenter.Default;
        Assert.True(s.Contains("政务"));
        Assert.True(s.Contains("中华人民共和国政府"));
        Assert.Equal(3518, s.Frequency("重庆"));
        Assert.False(s.Contains("政务公开"));       // not in jieba's dictionary: cut as 政务/公开
        Assert.False(s.Contains("中华人民共和"));   // only a prefix of words
        Assert.Equal(0, s.Frequency("中华人民共和"));
        Assert.Equal(0, s.Frequency(""));
        Assert.Equal(0, s.Frequency("不存在的词语啊"));
        Assert.Equal(60_101_967, s.TotalFrequency); // jieba's total: every dict.txt line, the duplicate included
    }

    [Fact]
    public void WithWords_adds_words_without_touching_default()
    {
        const string text = "市中区大数据局发布通知";
        Assert.Equal("市中区/大/数据/局/发布/通知", Cut(text));

        var custom = Segmenter.Default.WithWords([("市中区大数据局", 0), ("一网通办", 5000)]);
        var words = new List<Word>();
        custom.Cut(text, words);
        Assert.Equal("市中区大数据局/发布/通知", string.Join("/", words.Select(w => text.Substring(w.Start, w.Length))));
        Assert.True(custom.Contains("市中区大数据局"));
        Assert.Equal(5000, custom.Frequency("一网通办"));
        Assert.Equal(Segmenter.Default.Frequency("政务"), custom.Frequency("政务"));

        Assert.False(Segmenter.Default.Contains("市中区大数据局"));
        Assert.Equal("市中区/大/数据/局/发布/通知", Cut(text));
    }

    [Fact]
    public void WithWords_normalizes_and_overrides_frequencies()
    {
        var custom = Segmenter.Default.WithWords([("政務", 7), ("  ", 1)]);
        Assert.Equal(7, custom.Frequency("政务"));
        Assert.Equal(Segmenter.Default.WordCount, custom.WordCount);
        Assert.Equal(Segmenter.Default.TotalFrequency + 7, custom.TotalFrequency); // jieba's add_word adds to the total
    }

    [Fact]
    public void Parallel_cuts_equal_sequential_cuts()
    {
        string[] sentences =
        [
            "关于进一步推进政务公开工作的通知", "中华人民共和国政府信息公开条例第十条", "2024年度政府信息公开工作年度报告",
            "深化放管服改革优化营商环境", "长清区人民政府办公室关于印发实施方案的通知", "依申请公开政府信息的办理流程",
        ];
        var inputs = Enumerable.Range(0, 2000).Select(i => sentences[i % sentences.Length] + i + sentences[(i * 7) % sentences.Length]).ToArray();
        string Run(string s)
        {
            var words = new List<Word>();
            Segmenter.Default.CutForSearch(s, words);
            return string.Join("/", words);
        }
        var sequential = inputs.Select(Run).ToArray();
        var parallel = new string[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Run(inputs[i]));
        Assert.Equal(sequential, parallel);
    }
}
