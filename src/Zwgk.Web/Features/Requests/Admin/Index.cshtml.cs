using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Admin;

/// <summary>依申请公开 work lists: by stage, and the derived deadline views (即将到期, 已超期, 严重超期).</summary>
public sealed class IndexModel(RequestQueries queries, CurrentUser user, ZwgkDbContext db) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public RequestListView View { get; set; } = RequestListView.Open;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedResult<RequestListItem> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool SpansAll => user.SpansAllRequests();
    public bool CanRegister => user.CanHandle();
    public bool CanEditTemplates => user.IsInRole(Domain.Security.Roles.OpennessOffice) || user.IsInRole(Domain.Security.Roles.PlatformAdmin);

    public static readonly IReadOnlyList<(RequestListView View, string Label)> Tabs =
    [
        (RequestListView.Open, "在办"), (RequestListView.Unconfirmed, "待确认"), (RequestListView.ToReview, "待审核"), (RequestListView.Correction, "待补正"),
        (RequestListView.Processing, "办理中"), (RequestListView.Approval, "答复待审批"), (RequestListView.DueSoon, "即将到期"), (RequestListView.Overdue, "已超期"),
        (RequestListView.LongOverdue, "严重超期"), (RequestListView.Closed, "已办结"), (RequestListView.All, "全部"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWork()) return Forbid();
        Result = await queries.ListAsync(new RequestListFilter(View, SpansAll ? Unit : null, Q, Year, PageNumber), ct);
        if (SpansAll) Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
        return Page();
    }

    public string Link(RequestListView view, int page = 1) => $"?view={view}&q={Uri.EscapeDataString(Q ?? "")}&unit={Unit}&year={Year}&page={page}";

    public static string DeadlineClass(DeadlineView d) => d.LongOverdue ? "deadline long-overdue" : d.Overdue ? "deadline overdue" : d.DueSoon ? "deadline due-soon" : d.PausedFor is not null ? "deadline paused" : "deadline";
}
