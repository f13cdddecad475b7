using Zwgk.Domain.Interaction;
using Zwgk.Web.Features.Interaction.Messages;
using Zwgk.Web.Features.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Zwgk.Web.Features.Interaction.Dashboard;

/// <summary>The veto findings as JSON, for the compliance self-check and the city's aggregation.</summary>
public sealed record VetoReport(string Today, int Vetoed, int AtRisk, int AnsweredLate, IReadOnlyList<VetoFindingResponse> Items);

public sealed record VetoFindingResponse(int Id, string Title, string Type, string? Unit, string ReceivedOn, string LastDay, string State, int DaysOver, string? AnsweredOn);

public static class DashboardExtensions
{
    public static IServiceCollection AddInteractionDashboard(this IServiceCollection services)
    {
        services.AddScoped<ResponsivenessChecks>();
        return services;
    }

    public static IEndpointRouteBuilder MapInteractionDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/interaction/veto", Veto).RequireAuthorization(Policies.BackOffice).WithTags("互动交流总览")
            .WithSummary("单项否决风险：网站政务咨询留言超过3个月未回应（本单位范围）");
        return app;
    }

    private static async Task<Results<Ok<VetoReport>, NotFound>> Veto(CurrentUser user, ResponsivenessChecks checks, CancellationToken ct)
    {
        if (!user.CanWorkMessages()) return TypedResults.NotFound();
        var items = await checks.FindingsAsync(ct);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new VetoReport(Iso(checks.Today), items.Count(f => f.State == VetoState.Vetoed), items.Count(f => f.State == VetoState.AtRisk),
            items.Count(f => f.State == VetoState.AnsweredLate),
            items.Select(f => new VetoFindingResponse(f.Id, f.Title, f.Type, f.Unit, Iso(f.ReceivedOn), Iso(f.LastDay), f.State.ToString(), f.DaysOver,
                f.AnsweredOn is { } a ? Iso(a) : null)).ToList()));
    }
}
