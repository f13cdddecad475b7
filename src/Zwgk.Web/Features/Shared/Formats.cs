using System.Globalization;

namespace Zwgk.Web.Features.Shared;

/// <summary>Display formats used across the portal (信息索引表 dates are 2024年03月05日; times are China Standard Time).</summary>
public static class Formats
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string CnDate(DateOnly? d) => d is { } v ? v.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture) : "";
    public static string CnDate(DateTimeOffset? d) => d is { } v ? v.ToOffset(ChinaOffset).ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture) : "";
    public static string IsoDate(DateTimeOffset? d) => d is { } v ? v.ToOffset(ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
    public static string IsoDate(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
    /// <summary>PubDate meta format read by the national monitoring crawlers.</summary>
    public static string PubDate(DateTimeOffset? d) => d is { } v ? v.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
    public static string DateTime(DateTimeOffset? d) => d is { } v ? v.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    /// <summary>The first <paramref name="max"/> characters, with an ellipsis when cut (list cells).</summary>
    public static string Cut(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max] + "…";

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
