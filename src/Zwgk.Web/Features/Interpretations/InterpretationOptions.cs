using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Interpretations;

namespace Zwgk.Web.Features.Interpretations;

/// <summary>Zwgk:Interpretation:* — the rule-check settings (国办发〔2016〕19号: interpretation within 3 working days).</summary>
public sealed class InterpretationOptions
{
    public const string Section = "Zwgk:Interpretation";
    [Range(0, 30)] public int DeadlineWorkingDays { get; set; } = 3;
    [Range(1, 10)] public int MinimumForms { get; set; } = 3;
    /// <summary>For documents issued in the name of the district government (区政府名义: lead issuer of kind 区政府).</summary>
    [Range(1, 10)] public int MinimumFormsGovernment { get; set; } = 5;
    [Range(0.05, 1.0)] public double MaxOverlap { get; set; } = 0.6;
    /// <summary>Slug of the 政策解读 column new interpretations are filed under, when it exists.</summary>
    [MaxLength(40)] public string ColumnSlug { get; set; } = "zcjd";

    public InterpretationSettings ToSettings() => new()
    {
        DeadlineWorkingDays = DeadlineWorkingDays, MinimumForms = MinimumForms, MinimumFormsGovernment = MinimumFormsGovernment, MaxOverlap = MaxOverlap,
    };
}
