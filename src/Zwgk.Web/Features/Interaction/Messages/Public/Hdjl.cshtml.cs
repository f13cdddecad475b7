using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>互动交流 entry: writing to the mailboxes by type, the published messages, the 查询码 lookup, and the other parts.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class HdjlModel : PageModel
{
    public void OnGet() { }
}
