using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Domain.Search;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Search;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Qa.Public;

/// <summary>
/// 政策问答: published entries by topic. A search box goes through the site search (its word analysis, plain-language
/// dictionary and pinyin) limited to 政策问答, so "看病报销" finds the entry on 医疗费用报销.
/// </summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ZcwdModel(QaQueries queries, SearchService search) : PageModel
{
    public const int PageSize = 15;

    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public PagedResult<PublicQaItem> List { get; private set; } = new([], 0, 1, PageSize);
    public PortalSearchResult? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Text is { Length: > 50 }) Text = Text[..50];
        if (Topic is { Length: > 40 }) Topic = Topic[..40];
        PageNumber = Math.Clamp(PageNumber, 1, 1000);
        Topics = await queries.TopicsAsync(true, ct);
        if (!string.IsNullOrWhiteSpace(Text))
            Found = await search.SearchAsync(new PortalSearchQuery(Text, Type: SearchContentTypes.Qa, Topic: string.IsNullOrWhiteSpace(Topic) ? null : Topic, Page: PageNumber), null, ct);
        else
            List = await queries.PublicListAsync(Topic, null, PageNumber, PageSize, ct);
    }

    public string PageLink(int page)
    {
        var q = new List<string>();
        if (!string.IsNullOrWhiteSpace(Topic)) q.Add("topic=" + Uri.EscapeDataString(Topic));
        if (!string.IsNullOrWhiteSpace(Text)) q.Add("q=" + Uri.EscapeDataString(Text));
        if (page > 1) q.Add($"page={page}");
        return "/zcwd" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    public string TopicLink(string? topic) => "/zcwd" + (topic is null ? "" : "?topic=" + Uri.EscapeDataString(topic));
}
