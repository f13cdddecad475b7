using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Domain.Ledger;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

/// <summary>Status counts in API responses (English keys; the labels are the UI's).</summary>
public sealed record CountsResponse(int Total, int NotStarted, int InProgress, int AwaitingVerification, int Done, int Overdue, int Percent)
{
    public static CountsResponse Of(StatusCounts c) => new(c.Total, c.NotStarted, c.InProgress, c.AwaitingVerification, c.Done, c.Overdue, c.Percent);
}

public sealed record PlanSummaryResponse(int Id, int Year, string Title, bool PublishProgress, CountsResponse Counts, int UnresolvedNames);

public sealed record TaskUnitResponse(int UnitId, string Unit, bool Lead, string Status, bool CompletedLate, bool NeedsRectification);

public sealed record TaskResponse(int Id, string Number, string? Section, string Requirement, string? LeadUnits, string? ResponsibleUnits,
    string? Deadline, string? DeadlineText, string Status, DateTimeOffset? ClosedAt, IReadOnlyList<TaskUnitResponse> Units);

public sealed record SectionResponse(string Heading, int Level, CountsResponse Counts);

public sealed record UnitProgressResponse(int UnitId, string Unit, CountsResponse Counts, int DueSoon);

public sealed record PlanResponse(int Id, int Year, string Title, bool PublishProgress, CountsResponse Counts, IReadOnlyList<SectionResponse> Sections,
    IReadOnlyList<UnitProgressResponse> Units, IReadOnlyList<TaskResponse> Tasks);

/// <summary>A unit's progress report through the API (its systems, or the city's platform acting with the unit's token).</summary>
public sealed record ReportRequest(string? Text, bool MarkDone, IReadOnlyList<int>? DocumentIds, IReadOnlyList<string>? Links);

public sealed record VerifyRequest(bool Pass, string? Comment);

public static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/ledger/evidence/{id:int}", DownloadEvidence).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/admin/ledger").WithTags("工作台账").RequireAuthorization(Policies.BackOffice);
        api.MapGet("/plans", Plans).WithSummary("各年度工作台账及落实情况（单位用户只见本单位承担任务的统计）");
        api.MapGet("/plans/{id:int}", Plan).WithSummary("工作台账：按部分、按单位的完成情况和任务列表（status: NotStarted, InProgress, AwaitingVerification, Done, Overdue）");
        api.MapPost("/assignments/{id:int}/reports", Report).WithSummary("报送本单位承担任务的进展或完成情况（markDone=true 提请核查）");
        api.MapPost("/assignments/{id:int}/verification", Verify).WithSummary("核查：通过或退回整改（政务公开办，报送人以外的人员）");
    }

    public static async Task<Ok<IReadOnlyList<PlanSummaryResponse>>> Plans(LedgerQueries q, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PlanSummaryResponse>>((await q.PlansAsync(ct))
            .Select(p => new PlanSummaryResponse(p.Id, p.Year, p.Title, p.PublishProgress, CountsResponse.Of(p.Counts), p.UnresolvedNames)).ToList());

    public static async Task<Results<Ok<PlanResponse>, NotFound, ProblemHttpResult>> Plan(int id, int? unit, string? status, LedgerQueries q, CancellationToken ct)
    {
        LedgerStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LedgerStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                return TypedResults.Problem("status 应为 NotStarted、InProgress、AwaitingVerification、Done 或 Overdue", statusCode: 400, title: "参数有误");
            wanted = s;
        }
        if (await q.PlanAsync(id, unit, wanted, null, ct) is not { } v) return TypedResults.NotFound();
        var tasks = v.Tasks.Select(t => new TaskResponse(t.Id, t.NumberDisplay, t.SectionHeading, t.Requirement, t.LeadUnitsText, t.ResponsibleUnitsText,
            new TaskDeadline(t.DeadlineKind, t.DueOn, t.DeadlineText).JsonValue,
            t.DeadlineText, q.StatusFor(t).ToString(), t.ClosedAt,
            t.Assignments.Select(a => new TaskUnitResponse(a.UnitId, a.UnitName, a.IsLead, a.Status.ToString(), a.CompletedLate, a.NeedsRectification)).ToList())).ToList();
        return TypedResults.Ok(new PlanResponse(v.Plan.Id, v.Plan.Year, v.Plan.Title, v.Plan.PublishProgress, CountsResponse.Of(v.Counts),
            v.Sections.Select(s => new SectionResponse(s.Heading, s.Level, CountsResponse.Of(s.Counts))).ToList(),
            v.Units.Select(u => new UnitProgressResponse(u.UnitId, u.UnitName, CountsResponse.Of(u.Counts), u.DueSoon)).ToList(), tasks));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Report(int id, ReportRequest body, LedgerService service, CancellationToken ct)
    {
        var r = await service.ReportAsync(id, new ProgressInput(body.Text, body.MarkDone, body.DocumentIds, body.Links), ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    public static async Task<Results<Ok<IdResponse>, ProblemHttpResult, ValidationProblem>> Verify(int id, VerifyRequest body, LedgerService service, CancellationToken ct)
    {
        var r = await service.VerifyAsync(id, body.Pass, body.Comment, ct);
        return r.ToHttp(() => TypedResults.Ok(IdResponse.Of(r)));
    }

    /// <summary>An evidence file of a task the user may see (audited); anything else is not found.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadEvidence(int id, LedgerService service, CancellationToken ct)
    {
        if (await service.OpenEvidenceAsync(id, ct) is not { } found) return TypedResults.NotFound();
        return TypedResults.File(found.Content, found.Evidence.ContentType ?? "application/octet-stream", found.Evidence.FileName);
    }
}
