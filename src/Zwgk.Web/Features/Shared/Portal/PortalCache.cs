using Microsoft.AspNetCore.OutputCaching;

namespace Zwgk.Web.Features.Shared.Portal;

public static class PortalCache
{
    public const string Policy = "Portal";
    /// <summary>Tag of every cached portal page; any change a reader could see evicts them all.</summary>
    public const string Tag = "portal";
    /// <summary>The 适老化 (elderly-friendly) mode cookie; it changes the markup, so cached pages vary by it.</summary>
    public const string CareCookie = "zwgk.care";

    /// <summary>Drops every cached portal page (the one way features invalidate the portal).</summary>
    public static ValueTask InvalidatePortalAsync(this IOutputCacheStore cache, CancellationToken ct = default) =>
        cache.EvictByTagAsync(Tag, ct);
}

/// <summary>Caches portal pages for anonymous readers only; signed-in staff always see live pages.</summary>
public sealed class PortalCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var req = context.HttpContext.Request;
        var anonymous = context.HttpContext.User.Identity?.IsAuthenticated != true && !req.Cookies.ContainsKey("zwgk.auth");
        var cacheable = anonymous && (HttpMethods.IsGet(req.Method) || HttpMethods.IsHead(req.Method));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        // The 适老化 (elderly-friendly) mode is a cookie and changes the markup.
        context.CacheVaryByRules.VaryByValues["care"] = req.Cookies[PortalCache.CareCookie] ?? "";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var resp = context.HttpContext.Response;
        if (resp.StatusCode != StatusCodes.Status200OK || resp.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
