using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Ask.Admin;

/// <summary>Answered 政策咨询 of the user's scope not yet turned into an entry; "转为问答条目" makes a draft and opens its editor.</summary>
public sealed class FromMessagesModel(QaAskService ask, CurrentUser user) : AdminPageModel
{
    public IReadOnlyList<AnsweredQuestion> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return NotFound();
        Items = await ask.AnsweredNotConvertedAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConvertAsync(int id, CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return NotFound();
        var r = await ask.ConvertAsync(id, ct);
        switch (r.Status)
        {
            case ResultStatus.Ok:
                Flash = $"已生成问答条目草稿 #{r.Id}，请完善后提交审核";
                return Redirect($"/admin/qa/edit/{r.Id}");
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
            default:
                FlashError = r.Message;
                return RedirectToPage();
        }
    }
}
