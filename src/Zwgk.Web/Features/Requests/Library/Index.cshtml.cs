using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>案例库: search confirmed entries (all request staff of every unit), drafts waiting for this user, add a closed case.</summary>
public sealed class IndexModel(CaseLibraryQueries queries, CaseLibraryService service, ZwgkDbContext db, CurrentUser me) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OutcomeGroup? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedResult<CaseLibraryItem> Results { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<CaseLibraryItem> Drafts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanAdd => me.CanHandle();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanWork()) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Adds a closed case by 受理编号 (or id, as the case page posts it) and opens the draft.</summary>
    public async Task<IActionResult> OnPostAddAsync(string? caseNumber, int? requestId, string? notes, string? tags, CancellationToken ct)
    {
        if (!me.CanWork()) return Forbid();
        var id = requestId;
        if (id is null && !string.IsNullOrWhiteSpace(caseNumber))
        {
            var number = caseNumber.Trim();
            id = await me.Scope(db.InformationRequests).Where(r => r.CaseNumber == number).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        }
        if (id is null)
        {
            FlashError = "未找到该受理编号的申请（或无权访问）";
            return RedirectToPage();
        }
        var result = await service.AddAsync(new CaseLibraryAdd(id.Value, notes, tags), ct);
        if (!result.Ok)
        {
            FlashError = result.Message;
            return RedirectToPage();
        }
        Flash = "已生成匿名化草稿，请核对后确认入库";
        return Redirect($"/admin/requests/library/{result.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Results = await queries.SearchAsync(new CaseLibraryFilter(Q, Outcome, Topic, Unit, Year, PageNumber), ct) ?? Results;
        Drafts = await queries.DraftsAsync(ct);
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["outcome"] = Outcome?.ToString(), ["topic"] = Topic, ["unit"] = Unit?.ToString(), ["year"] = Year?.ToString(), ["p"] = page.ToString(),
    }.Where(x => !string.IsNullOrEmpty(x.Value))).ToString();
}
