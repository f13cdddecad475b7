using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Zwgk.Domain.Security;

/// <summary>
/// A bearer token another channel (依申请公开 platform, 12345 hotline) uses to call the back-office API. Only the
/// SHA-256 of the secret is kept: the secret is shown once when issued, and a leaked database yields no usable token.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token ("zwgk_ab12"), so people can tell tokens apart; not enough to guess it.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public string SecretHash { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>The unit a unit-scoped role acts for; null only for 公开办 tokens, which span all units.</summary>
    public int? UnitId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>The token stops working at this instant (null: until revoked).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } e && e <= now;
    public bool IsUsable(DateTimeOffset now) => !IsRevoked && !IsExpired(now) && ApiTokenRules.CheckRole(Role, UnitId) is null;
}

/// <summary>Which roles a token may carry, and the token format.</summary>
public static class ApiTokenRules
{
    public const string Scheme = "zwgk_";
    public const int SecretBytes = 32;
    /// <summary>"zwgk_" + 32 bytes in unpadded base64url (43 characters).</summary>
    public const int TokenLength = 5 + 43;
    public const int PrefixLength = 9;
    /// <summary>LastUsedAt is written at most this often, so a busy integration does not cost a write per request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An integration acts for one unit or, as 公开办, supervises all; it never administers the platform (users,
    /// settings): a token copied out of another system's configuration must not become a platform administrator.
    /// </summary>
    public static readonly IReadOnlyList<string> GrantableRoles = [Roles.OpennessOffice, Roles.UnitAdmin, Roles.Editor, Roles.Reviewer];

    public static bool NeedsUnit(string role) => role is Roles.UnitAdmin or Roles.Editor or Roles.Reviewer;

    /// <summary>Null when a token may carry <paramref name="role"/> for <paramref name="unitId"/>; otherwise why not, in Chinese.</summary>
    public static string? CheckRole(string role, int? unitId)
    {
        if (role == Roles.PlatformAdmin) return "接口令牌不能授予平台管理员角色";
        if (!GrantableRoles.Contains(role)) return $"未知角色“{role}”，可选：{string.Join("、", GrantableRoles.Select(r => $"{r}（{Roles.Label(r)}）"))}";
        if (NeedsUnit(role) && unitId is null) return $"{Roles.Label(role)}角色的接口令牌必须指定所属单位";
        return null;
    }

    /// <summary>A new random token, its hash and display prefix. The token itself goes to the caller once and is never stored.</summary>
    public static (string Token, string Hash, string Prefix) Generate()
    {
        var token = Scheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, Hash(token), token[..PrefixLength]);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Shape check before any lookup: wrong length or alphabet is refused without touching the database.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == TokenLength && token.StartsWith(Scheme, StringComparison.Ordinal)
        && token.AsSpan(Scheme.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
