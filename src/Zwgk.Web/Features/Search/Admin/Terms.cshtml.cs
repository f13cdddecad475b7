using Microsoft.AspNetCore.Authorization;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Security.Pages;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Search.Admin;

/// <summary>通俗语言词库: colloquial terms and the official terms searched with them, filtered by category and text.</summary>
[Authorize(Policy = Policies.ManageSearch)]
public sealed class TermsModel(SearchAdminService admin) : AdminPageModel
{
    public string? Category { get; private set; }
    public string? Q { get; private set; }
    public List<PlainLanguageView> Rows { get; private set; } = [];
    public List<(string Category, int Count)> Categories { get; private set; } = [];
    public int Total => Categories.Sum(c => c.Count);

    public async Task OnGetAsync(string? category, string? q, CancellationToken ct)
    {
        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Categories = await admin.CategoriesAsync(ct);
        Rows = await admin.ListTermsAsync(Category, Q, ct);
    }

    public static string Link(string? category, string? q)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(category)) parts.Add("category=" + Uri.EscapeDataString(category));
        if (!string.IsNullOrEmpty(q)) parts.Add("q=" + Uri.EscapeDataString(q));
        return "/admin/search/terms" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}
