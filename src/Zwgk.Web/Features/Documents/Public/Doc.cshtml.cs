using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Documents.Public;

/// <summary>Public document page: 信息索引表, validity notice, body, attachments, interpretations and 公开路径.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class DocModel(DocumentQueries queries, TimeProvider clock) : PageModel
{
    public PublicDocumentView Doc { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string FontSize { get; private set; } = "m";
    public string AbsoluteUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string? fs, CancellationToken ct)
    {
        if (await queries.GetPublicAsync(id, ct) is not { } doc) return NotFound();
        Doc = doc;
        Today = Formats.Today(clock);
        FontSize = DocumentPage.FontSize(fs);
        AbsoluteUrl = PortalUrls.BaseUrl(Request) + PortalUrls.Doc(id);
        return Page();
    }
}
