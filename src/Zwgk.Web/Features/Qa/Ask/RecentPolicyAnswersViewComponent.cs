using Microsoft.AspNetCore.Mvc;

namespace Zwgk.Web.Features.Qa.Ask;

/// <summary>The 网友政策咨询 block for any portal page: @await Component.InvokeAsync("RecentPolicyAnswers", new { count = 5 }).</summary>
public sealed class RecentPolicyAnswersViewComponent(QaAskService ask) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int count = 5) =>
        View("~/Features/Qa/Ask/_RecentAnswers.cshtml", await ask.RecentAnswersAsync(count, HttpContext.RequestAborted));
}
