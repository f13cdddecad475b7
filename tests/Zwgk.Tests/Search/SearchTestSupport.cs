using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Search;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Search;

namespace Zwgk.Tests.Search;

/// <summary>Documents, index catch-up, HTML parsing and antiforgery-aware form posts for the search page tests.</summary>
internal static class SearchTestSupport
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A published, proactively disclosed document in the 其他文件 column (written straight to the database).</summary>
    public static async Task<int> AddDocumentAsync(ZwgkFactory factory, int unitId, string title, string genre = "通知", string? number = null,
        string body = "<p>正文。</p>", Validity validity = Validity.InForce, string? keywords = null)
    {
        int id = 0;
        await factory.WithDbAsync(async db =>
        {
            var column = await db.Columns.Where(c => c.Slug == "qtwj").Select(c => c.Id).FirstAsync();
            var doc = new Zwgk.Domain.Documents.Document
            {
                Title = title, DocumentNumber = number, OwnerUnitId = unitId, Status = DocumentStatus.Published, Disclosure = DisclosureAttribute.Proactive,
                TopicCategory = "综合政务\\政务公开", Genre = genre, BodyHtml = body, Validity = validity, Keywords = keywords,
                WrittenOn = new DateOnly(2026, 2, 20), PublishedAt = factory.Clock.GetUtcNow(),
                CreatedAt = factory.Clock.GetUtcNow(), UpdatedAt = factory.Clock.GetUtcNow(),
            };
            doc.Issuers.Add(new DocumentIssuer { UnitId = unitId });
            doc.Columns.Add(new DocumentColumn { ColumnId = column });
            db.Documents.Add(doc);
            await db.SaveChangesAsync();
            id = doc.Id;
        });
        return id;
    }

    /// <summary>Applies every pending index task now (the background indexer would do it within a second or two).</summary>
    public static Task CatchUpAsync(ZwgkFactory factory) => factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();

    /// <summary>Writes the queued search log entries (normally done in the background).</summary>
    public static Task FlushQueryLogAsync(ZwgkFactory factory) => factory.Services.GetRequiredService<QueryLogWriter>().FlushAsync();

    public static async Task<IDocument> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IDocument> GetHtmlAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await HtmlAsync(await client.GetAsync(url), expected);

    public static string SearchUrl(string q, string extra = "") => "/search?q=" + Uri.EscapeDataString(q) + extra;

    /// <summary>Opens <paramref name="pageUrl"/>, takes the form matched by <paramref name="formSelector"/> with its current
    /// values (hidden fields and antiforgery token included), overrides some fields and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string pageUrl, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetHtmlAsync(client, pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form {formSelector} on {pageUrl}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (fields.ContainsKey(name)) continue;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked")) continue;
            var value = input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value") ?? "";
            values.Add(new(name, value));
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static string Text(this IElement? e) => e is null ? "" : System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim();
}
