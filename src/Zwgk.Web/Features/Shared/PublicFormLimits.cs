using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Zwgk.Web.Features.Shared;

/// <summary>
/// Rate limits for anonymous endpoints, per client address (behind a trusted proxy, the forwarded one): submissions
/// (a person files a few applications, not dozens a minute) and 查询码 lookups (which must not be guessable by brute force).
/// Refusals are 429 problem details in Chinese with Retry-After.
/// </summary>
public static class PublicFormLimits
{
    public const string Submit = "public-submit";
    public const string Lookup = "public-lookup";

    public static IServiceCollection AddPublicFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicFormOptions>().Bind(configuration.GetSection(PublicFormOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(PublicFormOptions.Section).Get<PublicFormOptions>() ?? new PublicFormOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Submit, ctx => PageView(ctx) ? RateLimitPartition.GetNoLimiter("") : RateLimitPartition.GetSlidingWindowLimiter(Client(ctx), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limits.SubmitsPerTenMinutes, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 5, QueueLimit = 0,
            }));
            o.AddPolicy(Lookup, ctx => PageView(ctx) ? RateLimitPartition.GetNoLimiter("") : RateLimitPartition.GetSlidingWindowLimiter(Client(ctx), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limits.LookupsPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            }));
            o.OnRejected = async (ctx, ct) =>
            {
                // Sliding-window leases carry no RetryAfter: then the policy's whole window, the longest wait there can be.
                TimeSpan? retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry
                    : ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName switch
                    {
                        Submit => TimeSpan.FromMinutes(10),
                        Lookup => TimeSpan.FromMinutes(1),
                        _ => null,
                    };
                if (retryAfter is { } wait)
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A portal form gets the Chinese error page (the status-code re-execute renders it for an empty 429), not JSON.
                if (!ctx.HttpContext.Request.Path.StartsWithSegments("/api")) return;
                await ctx.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 429, Title = "操作过于频繁", Detail = "提交或查询过于频繁，请稍后再试",
                }, options: null, contentType: "application/problem+json", cancellationToken: ct);
            };
        });
        return services;
    }

    /// <summary>Showing a portal form (GET) submits and looks up nothing, so only its POST counts; API GETs (lookups) always count.</summary>
    private static bool PageView(HttpContext ctx) =>
        (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)) && !ctx.Request.Path.StartsWithSegments("/api");

    private static string Client(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Zwgk:PublicForms:* — how many anonymous submissions and lookups one client address may make.</summary>
public sealed class PublicFormOptions
{
    public const string Section = "Zwgk:PublicForms";
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)] public int SubmitsPerTenMinutes { get; set; } = 10;
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)] public int LookupsPerMinute { get; set; } = 30;
}
