using Zwgk.Domain.Documents;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Web.Features.Portal;

/// <summary>Model of the shared document list partial (/Features/Portal/_DocList.cshtml).</summary>
public sealed record DocListModel(IReadOnlyList<DocumentListItem> Items, DateOnly Today, bool ShowNumber = true, string? EmptyText = null);

/// <summary>Model of the pager partial; Url builds the link of a page number.</summary>
public sealed record PagerModel(int Page, int Pages, int Total, Func<int, string> Url);

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
