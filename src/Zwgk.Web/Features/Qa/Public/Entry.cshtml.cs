using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Qa.Public;

/// <summary>One published entry: question, answer, unit, basis (linked to the policy), dates; a warning when the policy is abolished. Anything else is 404.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class EntryModel(QaQueries queries) : PageModel
{
    public PublicQaEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.PublicEntryAsync(id, ct) is not { } e) return NotFound();
        Entry = e;
        return Page();
    }
}
