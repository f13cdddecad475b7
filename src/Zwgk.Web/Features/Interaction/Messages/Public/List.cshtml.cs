using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Requests;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>留言选登: answered messages the writer chose public and staff approved, names masked; filter by type, unit, words.</summary>
[ResponseCache(Duration = 60, Location = ResponseCacheLocation.Any)]
public sealed class ListModel(MessageQueries queries) : PageModel
{
    [FromQuery(Name = "type")] public MessageType? Type { get; set; }
    [FromQuery(Name = "unit")] public int? Unit { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<PublicMessageItem> Result { get; private set; } = new([], 0, 1, 15);
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Text is { Length: > 50 }) Text = Text[..50];
        Units = await queries.UnitsAsync(ct);
        Result = await queries.PublicListAsync(Type, Unit, Text, PageNumber, 15, ct);
    }

    public string PageLink(int page) => QueryHelpers(page);

    private string QueryHelpers(int page)
    {
        var q = new List<string>();
        if (Type is { } t) q.Add($"type={t}");
        if (Unit is { } u) q.Add($"unit={u}");
        if (!string.IsNullOrWhiteSpace(Text)) q.Add("q=" + Uri.EscapeDataString(Text));
        if (page > 1) q.Add($"page={page}");
        return "/hdjl/xx" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
