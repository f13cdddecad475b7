using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Library;

/// <summary>依申请公开分析: the period's applications by topic and unit, and candidates for proactive disclosure with their link.</summary>
public sealed class AnalysisModel(RequestAnalysisService analysis, ZwgkDbContext db, CurrentUser me, TimeProvider clock) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    public AnalysisReport? Report { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool SpansAll => me.SpansAllRequests();
    public bool CanLink => me.CanHandle();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!me.CanWork()) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(List<int> requestIds, string? document, CancellationToken ct)
    {
        if (!me.CanWork()) return Forbid();
        var (result, response) = await analysis.LinkAsync(new ProactiveLinkRequest(requestIds, document), ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Ok) Flash = $"已关联主动公开文件“{response!.Document.Title}”（{response.RequestIds.Count}件申请）";
        else FlashError = result.Message;
        return Redirect("/admin/requests/analysis" + QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To, ["unit"] = Unit?.ToString() }
            .Where(x => !string.IsNullOrEmpty(x.Value))));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Formats.Today(clock);
        if (!LibraryEndpoints.TryDate(From, new DateOnly(today.Year, 1, 1), out var from) || !LibraryEndpoints.TryDate(To, today, out var to))
        {
            Error = "日期格式应为 YYYY-MM-DD";
            return;
        }
        From = Formats.IsoDate(from);
        To = Formats.IsoDate(to);
        if (SpansAll)
            Units = (await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                .Select(u => (u.Id, u.Name)).ToList();
        (Error, Report) = await analysis.AnalyseAsync(from, to, Unit, ct);
    }
}
