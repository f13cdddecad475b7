using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Messages.Public;

/// <summary>
/// 我要写信: no account, no CAPTCHA (screen readers must get through); the POST is rate-limited per address and the
/// service marks duplicates and holds sensitive text. Errors are shown next to each field with what was typed kept;
/// after success the 查询码 travels to the done page in TempData, never in the URL.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class WriteModel(MessageService messages, MessageQueries queries) : PageModel
{
    [BindProperty] public MessageForm Input { get; set; } = new();
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(string? type, string? url, CancellationToken ct)
    {
        Units = await queries.UnitsAsync(ct);
        if (Enum.TryParse<MessageType>(type, out var t) && Enum.IsDefined(t)) Input.Type = t.ToString();
        if (Input.Type == nameof(MessageType.SiteError) && url is { Length: <= 500 } u) Input.PageUrl = u;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Units = await queries.UnitsAsync(ct);
        var input = Input.ToInput();
        var (result, created) = await messages.SubmitAsync(input, ct);
        if (result.Ok && created is not null)
        {
            TempData[DoneModel.CodeKey] = created.QueryCode;
            // Chinese date text: the TempData serializer turns ISO date strings into DateTime values.
            TempData[DoneModel.DueKey] = Formats.CnDate(DateOnly.ParseExact(created.DueOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return RedirectToPage("/Interaction/Messages/Public/Done");
        }
        foreach (var (key, message) in result.Errors) Errors.TryAdd(key, message);
        return Page();
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>What the form posts, as typed.</summary>
public sealed class MessageForm
{
    public string? Type { get; set; } = nameof(MessageType.Inquiry);
    /// <summary>"" for the 区长信箱, else a unit id.</summary>
    public string? Unit { get; set; } = "";
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? PageUrl { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>"yes" or "no"; nothing chosen is an error (the writer decides).</summary>
    public string? Public { get; set; }

    public MessageInput ToInput() => new()
    {
        Type = Enum.TryParse<MessageType>(Type, out var t) && Enum.IsDefined(t) ? t.Label() : null,
        Unit = string.IsNullOrEmpty(Unit) ? MessageService.LeaderMailbox : Unit,
        Title = Title, Content = Content, PageUrl = PageUrl, Name = Name, Contact = Phone, Email = Email,
        Public = Public switch { "yes" => true, "no" => false, _ => null },
    };
}
