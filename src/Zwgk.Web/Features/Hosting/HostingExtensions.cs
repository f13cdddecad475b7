using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ganss.Xss;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Zwgk.Infrastructure;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;

using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Hosting;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddZwgkInfrastructure(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddSingleton<IHtmlSanitizer>(_ => HtmlSanitizing.Create());
        // Chinese stays readable in HTML and JSON instead of being escaped to &#x…;
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Zwgk 政务公开平台 API";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddOutputCache(o =>
        {
            // Room for ~35k rendered pages; entries live an hour because every publication evicts them by tag anyway.
            o.SizeLimit = 512L * 1024 * 1024;
            o.AddBasePolicy(p => p.NoCache());
            o.AddPolicy(PortalCache.Policy, p => p.AddPolicy<PortalCachePolicy>().Tag(PortalCache.Tag).Expire(TimeSpan.FromHours(1)));
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<StorageHealthCheck>("storage");
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ZwgkOptions>>((o, z) => ProxySettings.Apply(o, z.Value.Proxy));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        UploadLimits.Configure(services);
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS (direct, or forwarded by a trusted proxy); never for localhost.
            app.UseHsts();
            app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), site => site.UseExceptionHandler("/error"));
        }
        // APIs answer errors as RFC 7807 problem details; pages show the friendly Chinese error page.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), site => site.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "SAMEORIGIN";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'self'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        // Public forms (依申请公开, later letters) limit submissions per client address; see PublicFormLimits.
        app.UseRateLimiter();
        app.UseUploadLimits();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapHosting(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json; charset=utf-8";
                await ctx.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        });
        app.MapRazorPages();
        return app;
    }
}

public static class HtmlSanitizing
{
    // Explicit allow-lists: what a 公文 body needs (tables with merged cells and header scopes, lists, headings, links,
    // images). Word's and WPS's presentation (style, class, <font>, mso-*, <o:p>) is dropped; an unknown wrapper such
    // as <font> or <o:p> keeps its text.
    private static readonly string[] Tags =
    [
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "time",
        "blockquote", "pre", "code", "hr", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "div", "span",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    ];
    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "colspan", "rowspan", "scope", "headers", "abbr", "span", "start", "reversed", "type", "datetime",
        "width", "height", "lang", "dir", "target", "rel",
    ];

    /// <summary>Allows the markup government documents need (tables, lists, headings, links, images) and nothing executable.</summary>
    public static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        { KeepChildNodes = true };
        // Kept child nodes must never turn executable or style content into text.
        s.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "noscript" or "template" or "iframe" or "object" or "embed" or "svg" or "math" or "xml" or "title" or "head" or "meta" or "link" or "textarea" or "select")
            {
                e.Tag.Remove();
                e.Cancel = true;
            }
        };
        // A page opened in a new tab gets no handle on ours (window.opener) and no Referer.
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a && string.Equals(a.GetAttribute("target"), "_blank", StringComparison.OrdinalIgnoreCase))
            {
                var rel = (a.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                foreach (var token in new[] { "noopener", "noreferrer" })
                    if (!rel.Contains(token, StringComparer.OrdinalIgnoreCase)) rel.Add(token);
                a.SetAttribute("rel", string.Join(' ', rel));
            }
        };
        return s;
    }
}
