using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Concerns.Public;

/// <summary>One public concern with all its responses; one not public (or missing) is 404.</summary>
// Server-side portal cache, evicted when a concern is published, withdrawn, answered or closed (shared HTTP caches could not be).
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class DetailModel(ConcernQueries queries) : PageModel
{
    public PublicConcernItem View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.PublicDetailAsync(id, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }
}
