using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Interaction.Consultations;

public sealed record ConsultationSummaryResponse(int Id, string Title, string Unit, string OpensOn, string ClosesOn, string Phase, int DaysLeft, bool MajorDecision, string Url);

public sealed record CommentResponse(int Number, string Name, DateTimeOffset SubmittedAt, string Content);

public sealed record FeedbackCountsResponse(int Received, int Adopted, int PartlyAdopted, int NotAdopted, int OutOfScope);

public sealed record FeedbackOpinionResponse(string Label, string Opinion, IReadOnlyList<int> Comments, string Adoption, string AdoptionLabel, string? Reason);

public sealed record FeedbackResponse(DateTimeOffset? PublishedAt, string? Text, FeedbackCountsResponse Counts, IReadOnlyList<FeedbackOpinionResponse> Opinions);

public sealed record DocumentLinkResponse(int Id, string Title, string Url);

public sealed record ConsultationResponse(int Id, string Title, string Unit, string Draft, string Explanation, string OpensOn, string ClosesOn, string Phase, int DaysLeft,
    bool MajorDecision, string? ShortenedReason, string? ContactEmail, string? ContactAddress, string? ContactPhone,
    IReadOnlyList<CommentResponse> Comments, FeedbackResponse? Feedback, DocumentLinkResponse? FinalDocument);

/// <summary>Public read API of consultations (phase: Open, NotYetOpen, Closed, FeedbackPublished).</summary>
public static class ConsultationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consultations").WithTags("意见征集");
        api.MapGet("", List).WithSummary("已发布的意见征集（phase 可选：Open 征集中、NotYetOpen、Closed 已结束、FeedbackPublished 已反馈）");
        api.MapGet("/{id:int}", Get).WithSummary("意见征集详情：征求意见稿、起草说明、期限、公开的意见；已反馈的附采纳情况和正式文件");
    }

    private static string Iso(DateOnly d) => Formats.IsoDate(d);

    public static async Task<Results<Ok<IReadOnlyList<ConsultationSummaryResponse>>, ProblemHttpResult>> List(string? phase, ConsultationQueries q, CancellationToken ct)
    {
        ConsultationPhase? wanted = null;
        if (!string.IsNullOrEmpty(phase))
        {
            if (!Enum.TryParse<ConsultationPhase>(phase, ignoreCase: true, out var p) || !Enum.IsDefined(p) || p == ConsultationPhase.Draft)
                return TypedResults.Problem("phase 应为 Open、NotYetOpen、Closed 或 FeedbackPublished", statusCode: 400, title: "参数有误");
            wanted = p;
        }
        var rows = await q.PublicListAsync(wanted, ct);
        return TypedResults.Ok<IReadOnlyList<ConsultationSummaryResponse>>(rows.Select(r => new ConsultationSummaryResponse(r.Id, r.Title, r.Unit, Iso(r.OpensOn), Iso(r.ClosesOn),
            r.Phase.ToString(), r.DaysLeft, r.IsMajorDecision, $"/hdjl/yjzj/{r.Id}")).ToList());
    }

    public static async Task<Results<Ok<ConsultationResponse>, ProblemHttpResult>> Get(int id, ConsultationQueries q, CancellationToken ct)
    {
        if (await q.PublicDetailAsync(id, ct) is not { } v) return TypedResults.Problem("该意见征集不存在", statusCode: 404, title: "记录不存在");
        var c = v.Consultation;
        FeedbackResponse? feedback = v.Counts is { } n
            ? new FeedbackResponse(c.FeedbackPublishedAt, c.FeedbackText, new FeedbackCountsResponse(n.Received, n.Adopted, n.PartlyAdopted, n.NotAdopted, n.OutOfScope),
                v.Feedback.Select(f => new FeedbackOpinionResponse(f.Label, f.Opinion, f.CommentNumbers, f.Adoption.ToString(), ConsultationRules.Label(f.Adoption), f.Reason)).ToList())
            : null;
        return TypedResults.Ok(new ConsultationResponse(c.Id, c.Title, v.Unit, c.DraftText, c.Explanation, Iso(c.OpensOn), Iso(c.ClosesOn), v.Phase.ToString(), v.DaysLeft,
            c.IsMajorDecision, v.Shortened ? c.ShortenedReason : null, c.ContactEmail, c.ContactAddress, c.ContactPhone,
            v.Comments.Select(x => new CommentResponse(x.Number, x.Name, x.SubmittedAt, x.Content)).ToList(), feedback,
            v.FinalDocument is { } d ? new DocumentLinkResponse(d.Id, d.Title, d.Url) : null));
    }
}
