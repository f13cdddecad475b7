using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Zwgk.Infrastructure.Search;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search.Admin;

/// <summary>全站检索管理: the index's state, a rebuild, and the way to the dictionary and hot-word pages.</summary>
[Authorize(Policy = Policies.ManageSearch)]
public sealed class IndexModel(SearchAdminService admin) : AdminPageModel
{
    public IndexStatus Status { get; private set; } = null!;
    public int TermCount { get; private set; }
    public int CategoryCount { get; private set; }
    public int OverrideCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = await admin.StatusAsync(ct);
        var categories = await admin.CategoriesAsync(ct);
        CategoryCount = categories.Count;
        TermCount = categories.Sum(c => c.Count);
        OverrideCount = (await admin.ListHotWordsAsync(ct)).Count;
    }

    public async Task<IActionResult> OnPostReindexAsync(CancellationToken ct)
    {
        var r = await admin.ReindexAsync(ct);
        if (r.Status == ResultStatus.Forbidden) return Forbid();
        if (r.Ok) Flash = $"索引已重建，共收录 {r.Id} 条内容。重建期间检索不中断。";
        else FlashError = "重建索引失败：" + r.Message;
        return RedirectToPage();
    }
}
