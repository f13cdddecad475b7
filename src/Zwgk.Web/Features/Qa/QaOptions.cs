using System.ComponentModel.DataAnnotations;

namespace Zwgk.Web.Features.Qa;

/// <summary>Zwgk:Qa — the 政策问答库.</summary>
public sealed class QaOptions
{
    public const string Section = "Zwgk:Qa";

    /// <summary>Months from confirmation to the default 复核日期.</summary>
    [Range(1, 60)] public int ReviewMonths { get; set; } = 12;
}
