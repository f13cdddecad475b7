using System.Net;
using System.Text.RegularExpressions;

namespace Zwgk.Tests.Security;

/// <summary>Posts a Razor Pages form as a browser would: the antiforgery token is read from the page first.</summary>
public static partial class Forms
{
    public static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        return WebUtility.HtmlDecode(Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {pageUrl}"));
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
