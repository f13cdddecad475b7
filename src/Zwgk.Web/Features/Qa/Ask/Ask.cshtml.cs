using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Zwgk.Search.Qa;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Qa.Matching;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>
/// 政策咨询 · 我要提问: the citizen's question is matched against the Q&amp;A base (server-side on the GET form, and as they
/// type through the match API when scripts run); if no answer helps, the question goes to a unit (or to the 公开办 to route)
/// as a 政策咨询 message with a 查询码. No account, no CAPTCHA; the POST is rate-limited like the mailbox.
/// </summary>
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AskModel(QaMatchService matches, MessageService messages, MessageQueries queries, QaAskService ask) : PageModel
{
    public const int Suggestions = 5;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>The citizen said a suggested entry answered them (no-script path of the yes button).</summary>
    [FromQuery(Name = "solved")] public int? Solved { get; set; }
    [BindProperty] public AskForm Input { get; set; } = new();
    public IReadOnlyList<QaMatchItem> Matches { get; private set; } = [];
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    public IReadOnlyList<PublicMessageItem> Recent { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? QuestionError { get; private set; }
    public bool Searched => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!await MatchAsync(ct)) return;
        var q = Q!;
        Input.Title = q.Length <= Domain.Shared.FieldLengths.MessageTitle ? q : null;
        Input.Content = q;
        Input.Shown = string.Join(',', Matches.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
        // The best suggestion's unit is the likely one to ask; the citizen may change it.
        Input.Unit = Matches.Count > 0 && Units.FirstOrDefault(u => u.Name == Matches[0].Unit) is { } unit ? unit.Id.ToString(CultureInfo.InvariantCulture) : "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var shown = (Input.Shown ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        var (result, created) = await messages.SubmitPolicyQuestionAsync(new MessageInput
        {
            Title = Input.Title, Content = Input.Content, Unit = Input.Unit, Name = Input.Name, Contact = Input.Phone, Email = Input.Email,
            Public = Input.Public switch { "yes" => true, "no" => false, _ => null },
        }, shown, ct);
        if (result.Ok && created is not null)
        {
            TempData[AskDoneModel.CodeKey] = created.QueryCode;
            TempData[AskDoneModel.DueKey] = Formats.CnDate(DateOnly.ParseExact(created.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            TempData[AskDoneModel.RoutedKey] = string.IsNullOrEmpty(Input.Unit) ? "" : Units.FirstOrDefault(u => u.Id.ToString(CultureInfo.InvariantCulture) == Input.Unit)?.Name ?? "";
            return RedirectToPage("/Qa/Ask/AskDone");
        }
        foreach (var (key, message) in result.Errors) Errors.TryAdd(key, message);
        await MatchAsync(ct);
        return Page();
    }

    private async Task<bool> MatchAsync(CancellationToken ct)
    {
        if (!Searched) return false;
        Q = Q!.Trim();
        if (QaMatchEndpoints.Check(Q, null) is { } problem) { QuestionError = problem; return false; }
        Matches = await matches.MatchAsync(Q, Suggestions, ct);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await queries.UnitsAsync(ct);
        Recent = await ask.RecentAnswersAsync(5, ct);
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public static string Excerpt(string answer) => Formats.Cut(answer.ReplaceLineEndings(" "), 120);

    public static bool Good(QaMatchItem m) => m.Score >= QaMatcher.GoodMatch;
}

/// <summary>What the ask form posts, as typed.</summary>
public sealed class AskForm
{
    public string? Title { get; set; }
    public string? Content { get; set; }
    /// <summary>A unit id, or "" for 不确定，由政务公开办分办.</summary>
    public string? Unit { get; set; } = "";
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Public { get; set; }
    /// <summary>Ids of the suggestions shown before the citizen asked, comma-separated.</summary>
    public string? Shown { get; set; }
}
