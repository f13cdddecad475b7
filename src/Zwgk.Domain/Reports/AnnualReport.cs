namespace Zwgk.Domain.Reports;

public enum AnnualReportStatus { Draft = 0, Published = 1 }

/// <summary>
/// 政府信息公开工作年度报告 of one unit (or of the whole district, <see cref="UnitId"/> null) for one year: the text
/// sections staff write and the figures they enter. The application, review and 规范性文件 tables are not stored: they
/// are computed from the cases and the document library each time (条例第五十条: the report states the year's facts).
/// </summary>
public class AnnualReport
{
    public int Id { get; set; }
    /// <summary>The unit the report is of; null for the district government's own report (条例第四十九条第二款).</summary>
    public int? UnitId { get; set; }
    public int Year { get; set; }

    /// <summary>一、总体情况.</summary>
    public string? Overview { get; set; }
    /// <summary>五、政府信息公开工作存在的主要问题及改进情况.</summary>
    public string? Problems { get; set; }
    /// <summary>六、其他需要报告的事项 (free text after the generated 信息处理费 sentence).</summary>
    public string? OtherMatters { get; set; }

    // Section 二 figures the document library does not hold (条例第二十条第（五）（六）（八）项); null = not entered yet.
    /// <summary>行政许可 本年处理决定数量.</summary>
    public int? Licensing { get; set; }
    /// <summary>行政处罚 本年处理决定数量.</summary>
    public int? Penalties { get; set; }
    /// <summary>行政强制 本年处理决定数量.</summary>
    public int? Coercion { get; set; }
    /// <summary>行政事业性收费 本年收费金额, in 万元.</summary>
    public decimal? FeesAmount { get; set; }

    public AnnualReportStatus Status { get; set; } = AnnualReportStatus.Draft;
    /// <summary>The document in the 政府信息公开年报 column that carries the published report.</summary>
    public int? PublishedDocumentId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public string? UpdatedByUserId { get; set; }
}
