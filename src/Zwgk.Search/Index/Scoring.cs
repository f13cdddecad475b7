using Lucene.Net.Search.Similarities;

namespace Zwgk.Search.Index;

internal static class Scoring
{
    /// <summary>BM25 everywhere; titles get a weaker length normalisation (b) since a long title is not a diluted one.</summary>
    public static readonly Similarity Similarity = new FieldSimilarity();

    private sealed class FieldSimilarity : PerFieldSimilarityWrapper
    {
        private readonly Similarity text = new BM25Similarity(1.2f, 0.75f);
        private readonly Similarity shortText = new BM25Similarity(1.2f, 0.3f);

        public override Similarity Get(string name) => name switch
        {
            Fields.TitleWords or Fields.TitleGrams or Fields.Pinyin or Fields.KeywordWords or Fields.NumberGrams => shortText,
            _ => text,
        };
    }
}
