using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Zwgk.Domain.Site;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>「我为政府网站找错」: how readers report errors on this site.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class JiucuoModel(SiteSettingsService settings) : PageModel
{
    public SiteSettings Site { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Site = await settings.GetAsync(ct);
}
