using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Search;
using Zwgk.Infrastructure.Search;

namespace Zwgk.Web.Features.Search;

/// <summary>Who searched, as far as hot words need to know: a keyed hash of client address and browser, with the hot-word
/// window's number mixed in. Distinct searchers can be counted within a window; the address is never stored, cannot be
/// brute-forced back without the key, and the same person gets another hash in the next window.</summary>
public sealed class SearcherHash(IOptions<SearchOptions> options, TimeProvider clock)
{
    private readonly byte[] key = options.Value.SearcherKey is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k) : RandomNumberGenerator.GetBytes(32);

    public string Of(HttpContext context)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / 86_400 / Math.Max(1, options.Value.HotWindowDays);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var agent = context.Request.Headers.UserAgent.ToString();
        if (agent.Length > 512) agent = agent[..512];
        var input = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{window}\n{address}\n{agent}"));
        var hash = HMACSHA256.HashData(key, input);
        return Convert.ToHexStringLower(hash.AsSpan(0, SearchQueryLog.SearcherLength / 2));
    }
}
