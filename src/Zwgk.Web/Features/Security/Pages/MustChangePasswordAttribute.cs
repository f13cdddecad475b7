using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Zwgk.Infrastructure.Identity;

namespace Zwgk.Web.Features.Security.Pages;

/// <summary>
/// Sends a user who still has an administrator-issued password to the change-password page before any other
/// back-office page. Put it on a page model (or on AdminPageModel to cover the whole back office).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MustChangePasswordAttribute() : TypeFilterAttribute(typeof(MustChangePasswordFilter));

public sealed class MustChangePasswordFilter(UserManager<ZwgkUser> users) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            && !http.Request.Path.StartsWithSegments(ChangePasswordModel.Route, StringComparison.OrdinalIgnoreCase)
            && await users.GetUserAsync(http.User) is { MustChangePassword: true })
        {
            string back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : "/admin";
            context.Result = new LocalRedirectResult(ChangePasswordModel.Route + "?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }
        await next();
    }
}
