using Microsoft.AspNetCore.Mvc;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interpretations.Admin;

/// <summary>政策解读 per unit: required policies and each rule check; a figure opens the list of its policies.</summary>
public sealed class ReportModel(InterpretationChecks checks) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Check { get; set; }

    public InterpretationReport Report { get; private set; } = null!;
    public IReadOnlyList<PolicyCheck>? Policies { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await checks.ReportAsync(ct);
        if (Check is not null && !InterpretationChecks.CheckKeys.Contains(Check)) Check = null;
        if (Unit is not null || Check is not null)
            Policies = (await checks.RequiredPoliciesAsync(Unit, ct)).Where(p => InterpretationChecks.Matches(p, Check)).ToList();
    }
}
