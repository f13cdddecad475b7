using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages.Admin;

/// <summary>留言办理 inbox: the 公开办 sees all (待分办 first to route), a unit only what is routed to it; names masked.</summary>
public sealed class IndexModel(MessageQueries queries, CurrentUser user) : AdminPageModel
{
    [FromQuery] public MessageState? State { get; set; }
    [FromQuery] public MessageType? Type { get; set; }
    [FromQuery] public int? Unit { get; set; }
    [FromQuery] public bool Overdue { get; set; }
    [FromQuery] public bool Held { get; set; }
    [FromQuery] public bool Duplicates { get; set; }
    [FromQuery] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public PagedResult<MessageListItem> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    public bool SpansAll => user.SpansAllMessages();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return NotFound();
        if (Q is { Length: > 100 }) Q = Q[..100];
        Units = SpansAll ? await queries.UnitsAsync(ct) : [];
        Result = await queries.ListAsync(new MessageListFilter(State, Type, SpansAll ? Unit : null, Overdue, Held, Duplicates, Q, PageNumber), ct);
        return Page();
    }

    public string PageLink(int page) =>
        $"/admin/messages?State={State}&Type={Type}&Unit={Unit}&Overdue={Overdue}&Held={Held}&Duplicates={Duplicates}&Q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}
