using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Concerns.Public;

/// <summary>回应关切: concerns staff chose to publish, with their responses (links only to public documents), newest first.</summary>
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class HygzModel(ConcernQueries queries) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<PublicConcernItem> Result { get; private set; } = new([], 0, 1, 10);

    public async Task OnGetAsync(CancellationToken ct) => Result = await queries.PublicListAsync(PageNumber, 10, ct);

    public static string PageLink(int page) => page > 1 ? $"/hygz?page={page}" : "/hygz";
}
