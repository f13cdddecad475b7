using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Interaction.Decisions.Public;

/// <summary>重大行政决策事项目录 (/zdjc, /zdjc/{year}): the published catalogs, each item with its lead unit and stages with evidence.</summary>
public sealed class ZdjcModel(DecisionQueries queries) : PageModel
{
    public int? Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public CatalogView? Catalog { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Years = await queries.PublishedYearsAsync(ct);
        if (year is int y && !Years.Contains(y)) return NotFound();
        Year = year ?? (Years.Count > 0 ? Years[0] : null);
        if (Year is int shown) Catalog = await queries.PublicCatalogAsync(shown, ct);
        return Page();
    }
}
