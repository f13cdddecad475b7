using System.Globalization;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Events;

/// <summary>Date-times as typed in datetime-local boxes are China time.</summary>
public static class EventTimes
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Formats.ChinaOffset).ToUniversalTime() : null;
    }

    public static string Input(DateTimeOffset? at) => at is { } v ? v.ToOffset(Formats.ChinaOffset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>2026年03月10日 10:00—11:30 (the end's date only when it differs).</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end)
    {
        var s = start.ToOffset(Formats.ChinaOffset);
        var e = end.ToOffset(Formats.ChinaOffset);
        var head = s.ToString("yyyy年MM月dd日 HH:mm", CultureInfo.InvariantCulture);
        return head + "—" + (s.Date == e.Date ? e.ToString("HH:mm", CultureInfo.InvariantCulture) : e.ToString("yyyy年MM月dd日 HH:mm", CultureInfo.InvariantCulture));
    }

    public static string Short(DateTimeOffset? at) => at is { } v ? v.ToOffset(Formats.ChinaOffset).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
