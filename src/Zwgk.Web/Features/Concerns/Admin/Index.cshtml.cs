using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Concerns;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Concerns.Admin;

/// <summary>回应关切 register: the 公开办 sees every unit's concerns, a unit its own; overdue and due soon first.</summary>
public sealed class IndexModel(ConcernQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public int? Unit { get; set; }
    [FromQuery] public ConcernLevel? Level { get; set; }
    [FromQuery] public ConcernStatus? Status { get; set; }
    [FromQuery] public ConcernSource? Source { get; set; }
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<ConcernListItem> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    public bool SpansAll => user.SpansAllConcerns();
    public bool CanRegister => user.CanRegisterConcerns();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkConcerns()) return NotFound();
        Units = SpansAll ? await queries.UnitsAsync(ct) : [];
        Result = await queries.ListAsync(new ConcernListFilter(SpansAll ? Unit : null, Level, Status, Source, From, To, PageNumber), ct);
        return Page();
    }

    public string PageLink(int page) =>
        $"/admin/concerns?Unit={Unit}&Level={Level}&Status={Status}&Source={Source}&From={Formats.IsoDate(From)}&To={Formats.IsoDate(To)}&page={page}";
}
