using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared.Portal;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Concerns.Public;

/// <summary>回应关切: concerns staff chose to publish, with their responses (links only to public documents), newest first.</summary>
// Server-side portal cache, evicted when a concern is published, withdrawn, answered or closed (shared HTTP caches could not be).
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class HygzModel(ConcernQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<PublicConcernItem> Result { get; private set; } = new([], 0, 1, 10);

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.PublicListAsync(PageNumber, 10, ct);

    public static string PageLink(int page) => page > 1 ? $"/hygz?page={page}" : "/hygz";
}
