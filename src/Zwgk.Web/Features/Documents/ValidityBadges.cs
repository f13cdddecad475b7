using Zwgk.Domain.Documents;

namespace Zwgk.Web.Features.Documents;

/// <summary>How the portal marks a document's validity (document page and lists).</summary>
public static class ValidityBadges
{
    /// <summary>CSS modifier per state; 尚未生效 gets its own.</summary>
    public static string CssClass(Validity v, DateOnly? effectiveOn, DateOnly today) =>
        v == Validity.InForce && effectiveOn is { } e && e > today ? "v-pending" : v switch
        {
            Validity.InForce => "v-inforce",
            Validity.Amended => "v-amended",
            Validity.Expired => "v-expired",
            Validity.Abolished => "v-abolished",
            _ => "v-other",
        };

    /// <summary>Lists show a badge only when the document is not simply 现行有效.</summary>
    public static bool ShowInList(Validity v, DateOnly? effectiveOn, DateOnly today) =>
        DocumentLabels.EffectiveLabel(v, effectiveOn, today) != Validity.InForce.Label();
}
