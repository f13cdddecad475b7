using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>One published message and its reply; anything not public (private, held, unanswered, unapproved) is 404.</summary>
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class DetailModel(MessageQueries queries) : PageModel
{
    public PublicMessageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.PublicDetailAsync(id, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }
}
