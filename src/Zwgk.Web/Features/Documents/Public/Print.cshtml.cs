using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Documents.Public;

[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class PrintModel(DocumentQueries queries, TimeProvider clock) : PageModel
{
    public PublicDocumentView Doc { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string AbsoluteUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetPublicAsync(id, ct) is not { } doc) return NotFound();
        Doc = doc;
        Today = Formats.Today(clock);
        AbsoluteUrl = PortalUrls.BaseUrl(Request) + PortalUrls.Doc(id);
        return Page();
    }
}
