namespace Zwgk.Web.Features.Requests.Library;

/// <summary>POST /api/v1/admin/requests/library: anonymise a closed case into a draft entry.</summary>
public sealed record CaseLibraryAdd(int RequestId, string? Notes = null, string? Tags = null);

/// <summary>Corrections a person makes to the draft before confirming (null leaves a field as it is); texts are anonymised again.</summary>
public sealed record CaseLibraryEdit(string? InformationTitle = null, string? Description = null, string? ReplyText = null,
    string? Topic = null, string? Notes = null, string? Tags = null);

public sealed record ReplacementView(string Kind, int Count);

/// <summary>A library entry: anonymised texts and the applicant's category only.</summary>
/// <param name="RequestId">The case it came from: only for those who may open that case.</param>
public sealed record CaseLibraryEntryView(
    int Id, string Status, bool IsDraft, string InformationTitle, string? DocumentNumber, string Description, string? ReplyText,
    string? Notes, string? Tags, string? Topic, int UnitId, string Unit, int Year, string ApplicantType, string Outcome, string OutcomeGroup,
    string OutcomeBasis, IReadOnlyList<ReplacementView> Replacements, string ReplacementSummary, string CreatedBy, string CreatedAt,
    string? ConfirmedBy, string? ConfirmedAt, int? RequestId, bool CanEdit);

public sealed record CaseLibraryItem(int Id, string InformationTitle, string? DocumentNumber, string Unit, int Year, string ApplicantType,
    string? Topic, string Outcome, string OutcomeGroup, string Excerpt, string? Tags);

public sealed record CaseLibraryFilter(string? Q = null, Zwgk.Domain.Requests.OutcomeGroup? Outcome = null, string? Topic = null, int? Unit = null,
    int? Year = null, int Page = 1, int PageSize = 20);

/// <summary>Counts of one row of the analysis: total, outcome groups in table order, still open.</summary>
public sealed record OutcomeCount(string Outcome, int Count);

/// <param name="Inferred">How many of the row's applications had no topic set and were classified from their words.</param>
public sealed record AnalysisRow(string Label, int Total, int Open, IReadOnlyList<OutcomeCount> Outcomes, int Inferred = 0, int? UnitId = null);

public sealed record ClusterCase(int Id, string CaseNumber, string InformationTitle, string? DocumentNumber, string Unit, string? ReceivedOn,
    string State, string? Outcome, int? PublishedDocumentId);

public sealed record PublishedLink(int Id, string Title, string? DocumentNumber, string Url);

/// <param name="Key">The smallest case id of the cluster (stable while its cases stay).</param>
/// <param name="Reason">Why it is a candidate: several applicants (条例第四十四条) or one applicant again and again.</param>
/// <param name="Published">The document it was published as, once linked (已主动公开).</param>
public sealed record RepeatedCluster(int Key, int UnitId, string Unit, string Reason, int Applications, int Applicants, string MatchedBy,
    IReadOnlyList<ClusterCase> Cases, PublishedLink? Published, bool PartlyLinked);

public sealed record AnalysisReport(string From, string To, int? Unit, int Total, IReadOnlyList<AnalysisRow> ByTopic, IReadOnlyList<AnalysisRow> ByUnit,
    IReadOnlyList<RepeatedCluster> Candidates, double Threshold);

/// <summary>POST /api/v1/admin/requests/analysis/link: the cases of a cluster and the published document (its id or 文号).</summary>
public sealed record ProactiveLinkRequest(IReadOnlyList<int>? RequestIds, string? Document);

public sealed record ProactiveLinkResponse(PublishedLink Document, IReadOnlyList<int> RequestIds);
