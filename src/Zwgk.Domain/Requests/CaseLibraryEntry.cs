namespace Zwgk.Domain.Requests;

public enum CaseLibraryStatus
{
    /// <summary>待确认: anonymised by code, waiting for a person to read and confirm it; not searchable yet.</summary>
    Draft = 1,
    /// <summary>已入库: confirmed, searchable by request staff of every unit.</summary>
    Confirmed = 2,
}

/// <summary>
/// One anonymised closed case in the 案例库, the staff-only knowledge base of how applications were answered. It holds copies
/// of the case's texts with the applicant's personal data replaced (<see cref="CaseAnonymizer"/>) and only the category of
/// applicant, so it can be shared across units; the case itself stays where it is, scoped and audited.
/// </summary>
public class CaseLibraryEntry
{
    public int Id { get; set; }
    /// <summary>The case it came from (one entry per case).</summary>
    public int RequestId { get; set; }
    public int UnitId { get; set; }
    /// <summary>Year the application was received.</summary>
    public int Year { get; set; }
    /// <summary>The category only (自然人, 商业企业 …), never who.</summary>
    public ApplicantType ApplicantType { get; set; }
    public string? Topic { get; set; }
    public string InformationTitle { get; set; } = "";
    /// <summary>文号 of the information asked for (a government document's number, not personal data).</summary>
    public string? DocumentNumber { get; set; }
    public string Description { get; set; } = "";
    public Outcome Outcome { get; set; }
    public string? ReplyText { get; set; }
    /// <summary>Staff notes on why the case is instructive (practice points, the legal question).</summary>
    public string? Notes { get; set; }
    /// <summary>Keywords separated by 、 or commas.</summary>
    public string? Tags { get; set; }

    public CaseLibraryStatus Status { get; set; } = CaseLibraryStatus.Draft;
    /// <summary>What the anonymiser replaced, as "Kind=Count;…" (kinds and counts only, never values).</summary>
    public string Replacements { get; set; } = "";
    /// <summary>The texts segmented by the search analysis, space-separated, for the library search (derived; rebuilt on edit).</summary>
    public string SearchWords { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public string? ConfirmedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<Replacement> ReplacementList => ParseReplacements(Replacements);

    public static string FormatReplacements(IEnumerable<Replacement> list) => string.Join(";", list.Select(r => $"{r.Kind}={r.Count}"));

    public static IReadOnlyList<Replacement> ParseReplacements(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Where(p => p.Length == 2 && Enum.TryParse<PersonalDataKind>(p[0], out _) && int.TryParse(p[1], out _))
            .Select(p => new Replacement(Enum.Parse<PersonalDataKind>(p[0]), int.Parse(p[1]))).ToList();
}

public static class CaseLibraryRules
{
    /// <summary>Only answered cases teach anything and only they are settled: an open case's texts still change.</summary>
    public static string? CanAdd(InformationRequest r)
    {
        if (!r.IsClosed) return "只有已答复或已归档的申请可以加入案例库";
        if (r.Outcome is null) return "该申请没有办理结果，不能加入案例库";
        if (r.InCaseLibrary) return "该申请已在案例库中";
        return null;
    }

    public static string Label(this CaseLibraryStatus s) => s == CaseLibraryStatus.Draft ? "待确认" : "已入库";
}
