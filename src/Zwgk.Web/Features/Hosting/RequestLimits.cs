using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Hosting;

/// <summary>Which proxies' X-Forwarded-For / X-Forwarded-Proto are believed (Zwgk:Proxy).</summary>
public static class ProxySettings
{
    public static void Apply(ForwardedHeadersOptions o, ProxyOptions proxy)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (proxy.KnownProxies.Length == 0 && proxy.KnownNetworks.Length == 0) return; // keep the loopback default
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var p in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(p));
        foreach (var n in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
    }
}

/// <summary>
/// One setting, Zwgk:MaxAttachmentMegabytes, for every layer an upload passes: Kestrel's request body limit (raised on
/// upload endpoints only; elsewhere its 30 MB default stays), the multipart form limit, and the file store's own check.
/// A request announced as too large is answered by the app, in Chinese, without storing anything: 413 problem details
/// for the API, the page again with the message for a form.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the multipart framing and the other form fields around the files of one upload.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    public static void Configure(IServiceCollection services) =>
        services.AddOptions<FormOptions>().Configure<IOptions<ZwgkOptions>>((f, z) => f.MultipartBodyLengthLimit = z.Value.MaxAttachmentBytes + FormOverheadBytes);

    public static string Message(int megabytes) => $"附件不能超过{megabytes}MB（一次上传多个文件时合计不超过{megabytes}MB）";

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
            || ctx.GetEndpoint()?.Metadata.GetMetadata<AttachmentUploadAttribute>() is null)
        {
            await next();
            return;
        }
        var options = ctx.RequestServices.GetRequiredService<IOptions<ZwgkOptions>>().Value;
        bool form = ctx.Request.HasFormContentType;
        // A raw-body upload is the file itself; a form carries framing and fields besides the files.
        long allowed = options.MaxAttachmentBytes + (form ? FormOverheadBytes : 0);
        if (ctx.Request.ContentLength is long length && length > allowed)
        {
            // Clients (browsers too) that are still sending rarely read an early answer: take in a plausible mistake
            // (up to twice the limit) and discard it, so the message arrives; anything larger is cut off.
            if (length <= 2 * allowed && ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } drain)
            {
                drain.MaxRequestBodySize = length;
                await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            }
            var message = Message(options.MaxAttachmentMegabytes);
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                await SecurityExtensions.WriteProblemAsync(ctx, StatusCodes.Status413PayloadTooLarge, "附件过大", message);
                return;
            }
            // The body is not read: back to the page (GET) with the message, as a handler's refusal would show it.
            var tempData = ctx.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(ctx);
            tempData["FlashError"] = message;
            tempData.Save();
            ctx.Response.StatusCode = StatusCodes.Status303SeeOther;
            ctx.Response.Headers.Location = (ctx.Request.PathBase + ctx.Request.Path).ToUriComponent();
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxAttachmentBytes + FormOverheadBytes;
        await next();
    });
}
