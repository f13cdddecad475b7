using Microsoft.AspNetCore.Mvc;
using Zwgk.Domain.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Notices;

/// <summary>
/// One printable notice of a case (A4, 仿宋/宋体). Cases the user cannot see answer 404; cases they see without the right to the
/// applicant's personal data answer 403. Every rendering is a view of personal data: case event and audit entry.
/// </summary>
public sealed class NoticeModel(NoticeService notices) : AdminPageModel
{
    public RenderedNotice? Notice { get; private set; }
    public string? Denied { get; private set; }
    public int RequestId { get; private set; }
    public string Kind { get; private set; } = "";
    public int? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string kind, int? item, string? no, CancellationToken ct)
    {
        RequestId = id;
        Kind = kind;
        Item = item;
        if (NoticeKinds.FromSlug(kind) is not { } k) return NotFound();
        var (result, notice) = await notices.GenerateAsync(id, k, item, no, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden)
        {
            // A page, not the login redirect: the user is signed in and sees the case, only not this.
            Denied = result.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Notice = notice;
        return Page();
    }
}
