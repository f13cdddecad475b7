using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Concerns.Public;

/// <summary>One public concern with all its responses; one not public (or missing) is 404.</summary>
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
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
