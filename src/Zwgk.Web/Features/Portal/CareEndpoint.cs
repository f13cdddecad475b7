using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Portal;

/// <summary>
/// 适老化 (elderly-friendly) mode: a plain link sets or clears a cookie and returns the reader to the page they were on,
/// so it works without JavaScript. The portal output cache varies by this cookie.
/// </summary>
public static class CareEndpoint
{
    public const string CookieName = PortalCache.CareCookie;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/care", Toggle).WithTags("门户").WithSummary("切换适老化模式").ExcludeFromDescription();
    }

    public static RedirectHttpResult Toggle(HttpContext http, int? on, string? returnUrl)
    {
        var cookies = http.Response.Cookies;
        if (on is 0) cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        else
            cookies.Append(CookieName, "1", new CookieOptions
            {
                Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect(PortalUrls.SafeReturnUrl(returnUrl));
    }
}
