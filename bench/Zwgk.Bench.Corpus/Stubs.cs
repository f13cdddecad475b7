namespace Zwgk.Bench.Corpus;
internal static partial class Planted
{
    private static IEnumerable<CorpusDocument> Assistance() => [];
    private static IEnumerable<CorpusDocument> Housing() => [];
    private static IEnumerable<CorpusDocument> Education() => [];
    private static IEnumerable<CorpusDocument> Health() => [];
    private static IEnumerable<CorpusDocument> Employment() => [];
    private static IEnumerable<CorpusDocument> Business() => [];
    private static IEnumerable<CorpusDocument> Civil() => [];
    private static IEnumerable<CorpusDocument> Various() => [];
}
internal static class QueryList { public static JudgedQuery[] Build() => []; }
