using Zwgk.Search;

namespace Zwgk.Bench.Corpus;

public static class SearchMapping
{
    /// <summary>The corpus document as the search engine indexes it (used by the relevance test and the benchmark).</summary>
    public static SearchDocument ToSearchDocument(this CorpusDocument d) => new()
    {
        Key = d.Key, ContentType = d.ContentType, Title = d.Title, Url = "/doc/" + d.Key, DocumentNumber = d.DocumentNumber, IndexNumber = d.IndexNumber,
        Keywords = d.Keywords, Body = d.Body, Agencies = [d.Agency], Topic = d.Topic, Genre = d.Genre, Validity = d.Validity,
        PublishedAt = d.PublishedAt, WrittenOn = d.WrittenOn, Columns = [d.Column],
    };
}
