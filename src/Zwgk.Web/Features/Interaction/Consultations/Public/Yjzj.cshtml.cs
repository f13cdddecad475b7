using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Domain.Interaction.Consultations;

namespace Zwgk.Web.Features.Interaction.Consultations.Public;

/// <summary>
/// 意见征集 (/hdjl/yjzj): published consultations, filterable by 征集中 / 已结束 / 已反馈. Not output-cached: the phase and the
/// days left change with the date.
/// </summary>
public sealed class YjzjModel(ConsultationQueries queries) : PageModel
{
    public static readonly (string Key, string Label, ConsultationPhase? Phase)[] Tabs =
        [("", "全部", null), ("open", "征集中", ConsultationPhase.Open), ("closed", "已结束", ConsultationPhase.Closed), ("feedback", "已反馈", ConsultationPhase.FeedbackPublished)];

    [FromQuery(Name = "status")] public string? Status { get; set; }
    public IReadOnlyList<ConsultationRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var tab = Tabs.FirstOrDefault(t => t.Key == (Status ?? ""));
        if (tab.Label is null) return NotFound();
        Rows = await queries.PublicListAsync(tab.Phase, ct);
        return Page();
    }
}
