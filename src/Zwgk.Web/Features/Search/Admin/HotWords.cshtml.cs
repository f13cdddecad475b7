using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Search;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search.Admin;

/// <summary>热词管理: the hot words the public sees, pinned/blocked overrides, and what people searched (and did not find)
/// over the last 7/30/90 days, with one-click 置顶 / 屏蔽 / 加入词库.</summary>
[Authorize(Policy = Policies.ManageSearch)]
public sealed class HotWordsModel(SearchAdminService admin, SearchService search) : AdminPageModel
{
    public static readonly int[] Periods = [7, 30, 90];

    public sealed class HotWordForm
    {
        [Display(Name = "热词")]
        public string? Word { get; set; }

        [Display(Name = "设置")]
        public HotWordMode Mode { get; set; } = HotWordMode.Pinned;

        [Display(Name = "顺序")]
        public int? Order { get; set; } = 0;
    }

    [BindProperty] public HotWordForm Input { get; set; } = new();
    public int Days { get; private set; } = 30;
    public IReadOnlyList<string> PublicWords { get; private set; } = [];
    public List<HotWordView> Overrides { get; private set; } = [];
    public List<QueryStat> Top { get; private set; } = [];
    public List<QueryStat> ZeroHits { get; private set; } = [];
    public int TotalSearches { get; private set; }

    public Task OnGetAsync(int? days, CancellationToken ct) => LoadAsync(days, ct);

    public async Task<IActionResult> OnPostAddAsync(int? days, CancellationToken ct)
    {
        // A non-number in the order box would otherwise show the framework's English message.
        if (ModelState.TryGetValue("Input.Order", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ModelState.AddModelError("Input.Order", "顺序须为整数");
            await LoadAsync(days, ct);
            return Page();
        }
        var r = await admin.SaveHotWordAsync(new HotWordInput(Input.Word, Input.Mode, Input.Order ?? 0), ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (!r.Ok)
        {
            AddErrors(r);
            await LoadAsync(days, ct);
            return Page();
        }
        Flash = $"热词“{Input.Word?.Trim()}”已{ModeLabel(Input.Mode)}";
        return Redirect(Link(days));
    }

    /// <summary>置顶 / 屏蔽 straight from the statistics tables.</summary>
    public async Task<IActionResult> OnPostQuickAsync(string? word, HotWordMode mode, int? days, CancellationToken ct)
    {
        var r = await admin.SaveHotWordAsync(new HotWordInput(word, mode, 0), ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (r.Ok) Flash = $"热词“{word?.Trim()}”已{ModeLabel(mode)}";
        else FlashError = r.Message;
        return Redirect(Link(days));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int? days, CancellationToken ct)
    {
        var word = (await admin.ListHotWordsAsync(ct)).FirstOrDefault(h => h.Id == id)?.Word;
        var r = await admin.DeleteHotWordAsync(id, ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (r.Ok) Flash = $"已取消热词“{word}”的设置";
        else FlashError = r.Message;
        return Redirect(Link(days));
    }

    private async Task LoadAsync(int? days, CancellationToken ct)
    {
        Days = days is int d && Periods.Contains(d) ? d : 30;
        PublicWords = await search.HotWordsAsync(10, ct);
        Overrides = await admin.ListHotWordsAsync(ct);
        (Top, ZeroHits, TotalSearches) = await admin.QueryStatsAsync(Days, ct);
    }

    public HotWordView? OverrideOf(string word) => Overrides.FirstOrDefault(o => o.Word == word);

    public static string ModeLabel(HotWordMode mode) => mode == HotWordMode.Pinned ? "置顶" : "屏蔽";

    public static string Link(int? days) => "/admin/search/hotwords" + (days is int d && d != 30 && Periods.Contains(d) ? $"?days={d}" : "");

    public static string AddTermLink(string word) => "/admin/search/terms/new?term=" + Uri.EscapeDataString(word);
}
