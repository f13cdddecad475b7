using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Documents;

/// <summary>Shared steps of the document tests: drafting through the API, three distinct reviewers, back-office forms.</summary>
public static partial class DocumentTestSupport
{
    public static async Task<int> ColumnIdAsync(this ZwgkFactory factory, string slug)
    {
        int id = 0;
        await factory.WithDbAsync(async db => id = await db.Columns.Where(c => c.Slug == slug).Select(c => c.Id).FirstAsync());
        return id;
    }

    public static async Task<Dictionary<string, object?>> DraftAsync(this ZwgkFactory factory, int unitId, string title, string? number = null) => new()
    {
        ["title"] = title, ["documentNumber"] = number, ["writtenOn"] = "2026-02-27", ["ownerUnitId"] = unitId, ["issuerUnitIds"] = new[] { unitId },
        ["columnIds"] = new[] { await factory.ColumnIdAsync("qtwj") }, ["topicCategory"] = "综合政务\\政务公开", ["genre"] = "通知", ["disclosure"] = "Proactive",
        ["bodyHtml"] = "<p>正文内容</p>",
    };

    public static async Task<int> CreateAsync(HttpClient client, object body)
    {
        var resp = await client.PostAsJsonAsync("/api/v1/admin/documents", body);
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        return (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Submits (as the author) and approves every level, each by a different new reviewer of the unit.</summary>
    public static async Task PublishAsync(this ZwgkFactory factory, HttpClient author, int unitId, int id, int levels = 3)
    {
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync($"/api/v1/admin/documents/{id}/submit", null)).StatusCode);
        await factory.ApproveLevelsAsync(unitId, id, levels);
    }

    /// <summary>Approves every level of a submitted document, each by a different new reviewer of the unit (separation of duties).</summary>
    public static async Task ApproveLevelsAsync(this ZwgkFactory factory, int unitId, int id, int levels = 3)
    {
        for (int level = 1; level <= levels; level++)
        {
            var reviewer = await factory.LoginAsync(unitId, Roles.Reviewer);
            var resp = await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = "" });
            Assert.True(resp.StatusCode == HttpStatusCode.OK, $"level {level}: {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<int> CreateAndPublishAsync(this ZwgkFactory factory, HttpClient author, int unitId, object body)
    {
        var id = await CreateAsync(author, body);
        await factory.PublishAsync(author, unitId, id);
        return id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Posts a back-office form the way a browser does: fetch the page for its antiforgery token, then post the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "antiforgery token on " + pageUrl);
        var url = handler is null ? pageUrl : $"{pageUrl}?handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)))));
    }
}
