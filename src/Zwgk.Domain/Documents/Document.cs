using Zwgk.Domain.Units;

namespace Zwgk.Domain.Documents;

/// <summary>A government document (政府文件) with its disclosure elements.</summary>
public class Document
{
    public int Id { get; set; }
    /// <summary>索引号: assigned once at first publication, never reused; imported documents keep the source value.</summary>
    public string? IndexNumber { get; set; }
    public string Title { get; set; } = "";
    /// <summary>发文字号 in canonical form; null when the document has none.</summary>
    public string? DocumentNumber { get; set; }
    public DateOnly? WrittenOn { get; set; }
    /// <summary>发布日期: set when first published (or the scheduled time).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>主题分类 stored as 一级\二级 (or just 一级).</summary>
    public string? TopicCategory { get; set; }
    /// <summary>体裁 / 文种.</summary>
    public string? Genre { get; set; }
    public DisclosureAttribute Disclosure { get; set; } = DisclosureAttribute.Proactive;
    /// <summary>Legal reason when not proactively disclosed (required then).</summary>
    public string? DisclosureReason { get; set; }
    /// <summary>公开方式, e.g. 政府网站、政府公报.</summary>
    public string? DisclosureMethod { get; set; }
    public Validity Validity { get; set; } = Validity.InForce;
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public bool IsNormative { get; set; }
    /// <summary>规范性文件登记号.</summary>
    public string? NormativeRegistrationNumber { get; set; }
    /// <summary>重要政策: needs an interpretation like a 规范性文件 (see Interpretations.InterpretationRules).</summary>
    public bool IsMajorPolicy { get; set; }
    /// <summary>主题词, separated by spaces or 、.</summary>
    public string? Keywords { get; set; }
    public string? Summary { get; set; }
    /// <summary>Sanitised HTML body.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>Unit that owns (drafts and maintains) the record; scoping is by this unit.</summary>
    public int OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }

    public DocumentStatus Status { get; set; } = DocumentStatus.Draft;
    /// <summary>Review level currently awaiting a decision (1-based) while InReview.</summary>
    public int PendingReviewLevel { get; set; }
    /// <summary>Levels required when the document was submitted (configurable per site).</summary>
    public int RequiredReviewLevels { get; set; } = 3;
    public DateTimeOffset? ScheduledAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>SHA-256 of the imported source text; re-importing the same file finds this record.</summary>
    public string? SourceHash { get; set; }
    public string? SourceFileName { get; set; }
    /// <summary>Original address of a page migrated from an old site (import --site).</summary>
    public string? SourceUrl { get; set; }
    /// <summary>Migrated from an old site: 发布日期 and 索引号 are the old site's, kept verbatim.</summary>
    public bool Migrated { get; set; }
    /// <summary>
    /// 发文机关 when it is not one of our units (上级文件 of the city, province or State Council reposted here); the
    /// publishing unit is <see cref="OwnerUnitId"/>. Used only when <see cref="Issuers"/> is empty.
    /// </summary>
    public string? ExternalIssuer { get; set; }

    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Account that created the record: separation of duties keeps it from reviewing the document.</summary>
    public string? CreatedByUserId { get; set; }

    public List<DocumentIssuer> Issuers { get; set; } = [];
    public List<DocumentColumn> Columns { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<DocumentRelation> Relations { get; set; } = [];

    public bool IsPublic => DocumentVisibility.IsPublicCompiled(this);
}

/// <summary>One issuing agency of a (possibly joint) document; Order 0 is the lead issuer.</summary>
public class DocumentIssuer
{
    public int DocumentId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Order { get; set; }
}

public class DocumentColumn
{
    public int DocumentId { get; set; }
    public int ColumnId { get; set; }
    public Catalog.Column? Column { get; set; }
}

/// <summary>A file attached to a document; content lives in content-addressed storage under its SHA-256.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>This document (From) amends / abolishes / replaces / interprets another (To).</summary>
public class DocumentRelation
{
    public int Id { get; set; }
    public int FromDocumentId { get; set; }
    public Document? FromDocument { get; set; }
    public int ToDocumentId { get; set; }
    public Document? ToDocument { get; set; }
    public RelationType Type { get; set; }
    public string? Note { get; set; }
    /// <summary>A relation that changes another unit's document waits for that unit (or the 公开办) to confirm it.</summary>
    public RelationConfirmation Confirmation { get; set; } = RelationConfirmation.NotRequired;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Whether the relation may change its target and be shown publicly.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<DocumentRelation, bool>> InEffect =
        r => r.Confirmation == RelationConfirmation.NotRequired || r.Confirmation == RelationConfirmation.Confirmed;
}

/// <summary>Snapshot of a document's elements and body at one version.</summary>
public class DocumentVersion
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public int Version { get; set; }
    public string SnapshotJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A review decision or submission in the 三审 chain.</summary>
public class ReviewRecord
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public int Level { get; set; }
    public ReviewDecision Decision { get; set; }
    public string? Comment { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum ReviewDecision { Submitted = 0, Approved = 1, Rejected = 2, Published = 3, Withdrawn = 4 }
