using Zwgk.Domain.Shared;
using System.Text.RegularExpressions;

namespace Zwgk.Web.Features.Catalog.Admin;

/// <summary>Validation for column fields that needs no database (pure).</summary>
public static partial class ColumnRules
{
    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex SlugPattern();

    public static string? CheckSlug(string slug) =>
        slug.Length == 0 ? "请输入栏目标识"
        : slug.Length > FieldLengths.ColumnSlug ? $"栏目标识不能超过{FieldLengths.ColumnSlug}个字符"
        : SlugPattern().IsMatch(slug) ? null
        : "栏目标识只能包含小写英文字母、数字和连字符（-）";

    /// <summary>An external link must be an absolute http or https address.</summary>
    public static string? CheckExternalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "外部链接栏目须填写链接地址";
        if (url.Length > FieldLengths.Url) return $"链接地址不能超过{FieldLengths.Url}个字符";
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? null
            : "请输入以 http:// 或 https:// 开头的完整网址";
    }
}
