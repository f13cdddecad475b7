using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Zwgk.Domain.Site;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Portal;

/// <summary>Site identity for the footer and meta tags, cached; call Invalidate after editing.</summary>
public sealed class SiteSettingsService(ZwgkDbContext db, IMemoryCache cache)
{
    private const string Key = "site-settings";

    public async Task<SiteSettings> GetAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key, out SiteSettings? s) && s is not null) return s;
        s = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new SiteSettings { SiteName = "政务公开平台" };
        cache.Set(Key, s, TimeSpan.FromMinutes(30));
        return s;
    }

    public void Invalidate() => cache.Remove(Key);
}
