namespace Zwgk.Bench.Corpus;
internal static partial class Planted
{
    private static IEnumerable<CorpusDocument> Various() => [];
}
internal static class QueryList { public static JudgedQuery[] Build() => []; }
