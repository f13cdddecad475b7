using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Qa;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Admin;

/// <summary>政策问答库 list: filters by unit (the 公开办), status, topic, stale reason, unconfirmed unit names and words.</summary>
public sealed class IndexModel(QaQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public int? Unit { get; set; }
    [FromQuery] public QaStatus? Status { get; set; }
    [FromQuery] public string? Topic { get; set; }
    [FromQuery] public QaStaleness? Stale { get; set; }
    [FromQuery] public bool StaleOnly { get; set; }
    [FromQuery] public bool Unconfirmed { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<QaListItem> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<string> Topics { get; private set; } = [];
    public Dictionary<QaStaleness, int> StaleCounts { get; private set; } = [];
    public int UnconfirmedNames { get; private set; }
    public bool SpansAll => user.SpansAllUnits;
    public bool CanWrite => user.CanWriteAny();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkQa()) return NotFound();
        if (Q is { Length: > 100 }) Q = Q[..100];
        if (Topic is { Length: > 40 }) Topic = Topic[..40];
        Units = SpansAll ? await queries.UnitsAsync(ct) : [];
        Topics = await queries.TopicsAsync(false, ct);
        StaleCounts = await queries.StaleCountsAsync(ct);
        UnconfirmedNames = (await queries.UnconfirmedUnitsAsync(ct)).Count;
        Result = await queries.ListAsync(new QaListFilter(SpansAll ? Unit : null, Status, Topic, Stale, StaleOnly, Unconfirmed && SpansAll, Q, PageNumber), ct);
        return Page();
    }

    public string PageLink(int page) =>
        $"/admin/qa?Unit={Unit}&Status={Status}&Topic={Uri.EscapeDataString(Topic ?? "")}&Stale={Stale}&StaleOnly={StaleOnly}&Unconfirmed={Unconfirmed}&Q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}
