using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Concerns;

namespace Zwgk.Web.Features.Concerns;

/// <summary>
/// Zwgk:Concerns:* — response time limits in clock hours. Defaults: 国办发〔2016〕61号 (重大突发事件 24 小时内举行新闻发布会，
/// 其他政务舆情 48 小时内回应) and 国办发〔2016〕80号 (重大突发事件 最迟 5 小时内发布权威信息).
/// </summary>
public sealed class ConcernOptions
{
    public const string Section = "Zwgk:Concerns";
    [Range(1, 72)] public int MajorInfoHours { get; set; } = 5;
    [Range(1, 168)] public int MajorPressHours { get; set; } = 24;
    [Range(1, 720)] public int GeneralHours { get; set; } = 48;
    /// <summary>即将超时 once this share (percent) of a milestone's span is left.</summary>
    [Range(0, 100)] public int DueSoonPercent { get; set; } = 25;

    public ConcernTimeLimits ToLimits() => new(MajorInfoHours, MajorPressHours, GeneralHours, DueSoonPercent);
}
