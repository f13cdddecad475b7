using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns.Admin;

/// <summary>Register a concern, or edit one still open. Only the 公开办 chooses (or changes) the responsible unit.</summary>
public sealed class EditModel(ConcernService service, ConcernQueries queries, CurrentUser user) : AdminPageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ConcernInput Input { get; set; } = new();
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    public bool ChoosesUnit => user.CanAssign();
    /// <summary>Level, source and discovery time set the deadlines: after registration only the 公开办 changes them (the service keeps them otherwise).</summary>
    public bool ClockLocked => Id is not null && !user.CanAssign();

    /// <summary>Suggested 领域 (seed 000: 市场监管、房地产市场、困难群众生活 …); free text is allowed.</summary>
    public static readonly string[] Fields = ["市场监管", "房地产市场", "困难群众生活", "疫情防控", "经济金融", "工资拖欠", "生态环境", "食药安全", "教育医疗养老", "安全生产"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkConcerns()) return NotFound();
        if (Id is int id)
        {
            if (await queries.DetailsAsync(id, ct) is not { } d) return NotFound();
            if (!d.CanAct || d.ClosedAt is not null) return Redirect($"/admin/concerns/{id}");
            Input = new ConcernInput
            {
                Source = d.Source.ToString(), Level = d.Level.ToString(), Topic = d.Topic, Summary = d.Summary, Field = d.Field,
                Unit = d.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), DiscoveredAt = ConcernService.LocalInput(d.DiscoveredAt),
                SourceUrl = d.SourceUrl, SourceMessageId = d.SourceMessageId,
            };
        }
        else
        {
            if (!user.CanRegisterConcerns()) return NotFound();
            Input = new ConcernInput { Level = "General", DiscoveredAt = ConcernService.LocalInput(queries.Now) };
        }
        Units = await queries.UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!user.CanWorkConcerns()) return NotFound();
        // A unit's staff always register for their own unit.
        if (!ChoosesUnit) Input.Unit = user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int? savedId;
        ServiceResult r;
        if (Id is int id) { r = await service.UpdateAsync(id, Input, ct); savedId = id; }
        else { var (result, created) = await service.RegisterAsync(Input, ct); r = result; savedId = created?.Id; }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Ok)
        {
            Flash = Id is null ? "舆情已登记" : "已保存";
            return Redirect($"/admin/concerns/{savedId}");
        }
        AddErrors(r);
        Units = await queries.UnitsAsync(ct);
        return Page();
    }
}
