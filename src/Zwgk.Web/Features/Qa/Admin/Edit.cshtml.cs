using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Admin;

/// <summary>New entry (/admin/qa/edit) or edit (/admin/qa/edit/{id}); the version travels with the form (someone else's save in between is refused).</summary>
public sealed class EditModel(QaService service, QaQueries queries, CurrentUser user) : AdminPageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public QaInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public QaDetails? Existing { get; private set; }
    public bool ChoosesUnit => user.SpansAllUnits;

    public static readonly string[] SuggestedTopics = ["社会保障", "医疗卫生", "教育", "住房保障", "户籍", "就业创业", "民政", "交通出行", "营商环境", "税费"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkQa()) return NotFound();
        if (Id is int id)
        {
            if (await queries.DetailsAsync(id, ct) is not { } d) return NotFound();
            if (!(d.StatusValue == Domain.Qa.QaStatus.Published ? d.CanApprove : d.CanWrite)) return Forbid();
            Existing = d;
            Input = new QaInput
            {
                Question = d.Question, Alternatives = d.Alternatives, Answer = d.Answer, UnitId = d.UnitId, Topic = d.Topic, Basis = d.Basis,
                BasisDocumentId = d.BasisDocument?.Id, BasisClause = d.BasisClause, ReviewOn = d.ReviewOn, Version = d.Version,
            };
        }
        else if (!user.CanWriteAny()) return Forbid();
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!user.CanWorkQa()) return NotFound();
        var r = Id is int id ? await service.UpdateAsync(id, Input, ct) : await service.CreateAsync(Input, ct);
        if (r.Ok)
        {
            Flash = Id is null ? "问答已保存为草稿" : "问答已保存";
            return Redirect($"/admin/qa/{r.Id}");
        }
        if (r.Status == ResultStatus.NotFound) return NotFound();
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (r.Status == ResultStatus.Conflict) Response.StatusCode = StatusCodes.Status409Conflict;
        AddErrors(r);
        if (Id is int eid) Existing = await queries.DetailsAsync(eid, ct);
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Units = ChoosesUnit ? await queries.UnitsAsync(ct) : [];
        Topics = SuggestedTopics.Concat(await queries.TopicsAsync(false, ct)).Distinct().ToList();
    }
}
