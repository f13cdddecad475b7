using Zwgk.Search.Index;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Engine;

/// <summary>A search index in a private temp folder, deleted on dispose.</summary>
internal sealed class TempIndex : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "zwgk-search-tests", Guid.NewGuid().ToString("N"));
    public SearchIndex Index { get; private set; }
    public SearchEngine Engine { get; private set; }

    public TempIndex(IEnumerable<SearchDocument>? docs = null, long checkpoint = 1)
    {
        Index = SearchIndex.Open(Root);
        Engine = new SearchEngine(Index);
        if (docs is not null)
        {
            foreach (var d in docs) Index.Upsert(d);
            Index.Commit(checkpoint);
        }
    }

    public void Reopen()
    {
        Index.Dispose();
        Index = SearchIndex.Open(Root);
        Engine = new SearchEngine(Index);
    }

    public SearchResult Search(string q, PlainLanguage? plain = null, Func<SearchRequest, SearchRequest>? with = null)
    {
        var request = new SearchRequest { Query = q, PageSize = 20 };
        if (with is not null) request = with(request);
        return Engine.Search(request, plain ?? PlainLanguage.Empty);
    }

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }

    public static SearchDocument Doc(string key, string title, string body = "", string? topic = "综合政务\\政务公开", string type = "document",
        string? agency = "区政府办公室", int year = 2024, string? genre = "通知", string? validity = "有效", string? number = null,
        string? keywords = null, string[]? columns = null, int month = 6) => new()
    {
        Key = key, ContentType = type, Title = title, Url = "/doc/" + key, Body = body, Topic = topic, Agencies = agency is null ? [] : [agency],
        Genre = genre, Validity = validity, DocumentNumber = number, Keywords = keywords, Columns = columns ?? ["1"],
        PublishedAt = new DateTimeOffset(year, month, 15, 8, 0, 0, TimeSpan.Zero),
    };
}
