using Zwgk.Domain.Units;

namespace Zwgk.Domain.Qa;

/// <summary>草稿 → 待审核 → 已发布; 已撤下 takes a published entry off the portal. A returned entry goes back to 草稿 with the comment.</summary>
public enum QaStatus { Draft = 0, InReview = 1, Published = 2, Withdrawn = 3 }

/// <summary>
/// One entry of the 政策问答库: a question the public asks, the unit's answer and the policy it rests on. Written by units
/// (or imported from their FAQ sheets, or turned from an answered 政策咨询 message), reviewed by someone other than the writer.
/// </summary>
public class QaItem
{
    public int Id { get; set; }
    public string Question { get; set; } = "";
    /// <summary>Other phrasings of the question, one per line: they feed matching, never shown as the title.</summary>
    public string? Alternatives { get; set; }
    /// <summary>Plain text; line breaks are kept on display.</summary>
    public string Answer { get; set; } = "";

    /// <summary>责任单位: the unit that answers for the entry and whose staff maintain it; null while only <see cref="UnitNameAsWritten"/> is known.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The unit name as an imported sheet wrote it when it matched no unit: kept and listed for the 公开办 to confirm.</summary>
    public string? UnitNameAsWritten { get; set; }

    /// <summary>政策依据 as written (title, 文号, clause).</summary>
    public string? Basis { get; set; }
    /// <summary>The library document the answer rests on, when known: its 立改废 makes the answer stale.</summary>
    public int? BasisDocumentId { get; set; }
    /// <summary>The clause of the basis document (e.g. 第五条).</summary>
    public string? BasisClause { get; set; }
    /// <summary>Service topic (e.g. 社会保障, 教育) for browsing and facets.</summary>
    public string? Topic { get; set; }

    /// <summary>复核日期: on this day the answer is due for review and shows as stale to staff.</summary>
    public DateOnly? ReviewOn { get; set; }
    /// <summary>When staff last confirmed the answer (publication or review); a basis document changed after this makes it stale.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public QaStatus Status { get; set; } = QaStatus.Draft;
    public DateTimeOffset? PublishedAt { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewedBy { get; set; }

    /// <summary>The 政策咨询 message this entry was made from.</summary>
    public int? SourceMessageId { get; set; }
    /// <summary>File name of the FAQ sheet it was imported from.</summary>
    public string? SourceFileName { get; set; }

    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Separation of duties: the writer does not approve their own entry.</summary>
    public string? CreatedByUserId { get; set; }
}
