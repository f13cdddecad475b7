using Lucene.Net.Analysis;

namespace Zwgk.Search.Analysis;

/// <summary>The same analysis runs at index and query time (an IK-style split between the two loses documents).</summary>
internal sealed class ZwgkAnalyzer : Analyzer
{
    public ZwgkAnalyzer() : base(PER_FIELD_REUSE_STRATEGY) { }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => fieldName switch
    {
        Fields.TitleWords or Fields.BodyWords or Fields.KeywordWords or Fields.AllWords => new TokenStreamComponents(new WordTokenizer(reader)),
        Fields.PinyinInitials => new TokenStreamComponents(new InitialBigramTokenizer(reader)),
        Fields.Pinyin => new TokenStreamComponents(new PinyinTokenizer(reader)),
        Fields.BodyGrams => new TokenStreamComponents(new GramTokenizer(reader, unigrams: false)),
        _ => new TokenStreamComponents(new GramTokenizer(reader, unigrams: true)),
    };

    // Title and keywords share the pinyin field; a gap keeps a phrase from spanning the two values.
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
