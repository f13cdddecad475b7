using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations.Public;

/// <summary>
/// One consultation (/hdjl/yjzj/{id}): the draft, its explanation and period, the comment form while open (name and a phone
/// or e-mail required, as for the mailbox: staff must be able to verify a comment; rate-limited per address; errors in Chinese
/// next to the fields with the input kept), the approved public comments with masked names, and after the close the
/// 采纳情况反馈 with counts, per-opinion decisions and reasons, and the final document.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ConsultationDetailModel(ConsultationQueries queries, ConsultationService service) : PageModel
{
    public PublicConsultationView View { get; private set; } = null!;
    [BindProperty] public CommentForm Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.PublicDetailAsync(id, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!Input.Agree) Errors["Agree"] = "请阅读并同意个人信息处理说明";
        if (Errors.Count == 0)
        {
            var r = await service.SubmitCommentAsync(id, new CommentInput(Input.Name, Input.Phone, Input.Email, Input.Content, Input.WantsPublic), ct);
            if (r.Status == ResultStatus.NotFound) return NotFound();
            if (r.Ok)
            {
                Flash = "您的意见已提交，感谢参与。意见经审核后，您同意公开的将在本页显示（姓名隐去部分）；征集结束后将公布采纳情况。";
                return Redirect($"/hdjl/yjzj/{id}#comment-form");
            }
            foreach (var (k, m) in r.Errors) Errors[k] = m;
        }
        if (await queries.PublicDetailAsync(id, ct) is not { } v) return NotFound();
        View = v;
        return Page();
    }

    public string? Error(string key) => Errors.GetValueOrDefault(key);
}

public sealed class CommentForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Content { get; set; }
    public bool WantsPublic { get; set; } = true;
    public bool Agree { get; set; }
}
