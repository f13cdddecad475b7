using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Documents;

namespace Zwgk.Web.Features.Documents;

/// <summary>What an editor submits (form and JSON API share it).</summary>
public sealed class DocumentInput
{
    [Display(Name = "标题")] public string Title { get; set; } = "";
    [Display(Name = "发文字号")] public string? DocumentNumber { get; set; }
    [Display(Name = "成文日期")] public DateOnly? WrittenOn { get; set; }
    [Display(Name = "主题分类")] public string? TopicCategory { get; set; }
    [Display(Name = "体裁")] public string? Genre { get; set; }
    [Display(Name = "公开属性")] public DisclosureAttribute Disclosure { get; set; } = DisclosureAttribute.Proactive;
    [Display(Name = "不公开理由")] public string? DisclosureReason { get; set; }
    [Display(Name = "公开方式")] public string? DisclosureMethod { get; set; } = "政府网站";
    [Display(Name = "有效性")] public Validity Validity { get; set; } = Validity.InForce;
    [Display(Name = "生效日期")] public DateOnly? EffectiveOn { get; set; }
    [Display(Name = "失效日期")] public DateOnly? ExpiresOn { get; set; }
    [Display(Name = "规范性文件")] public bool IsNormative { get; set; }
    [Display(Name = "重要政策")] public bool IsMajorPolicy { get; set; }
    [Display(Name = "登记号")] public string? NormativeRegistrationNumber { get; set; }
    [Display(Name = "主题词")] public string? Keywords { get; set; }
    [Display(Name = "摘要")] public string? Summary { get; set; }
    [Display(Name = "正文")] public string? BodyHtml { get; set; }
    [Display(Name = "所属单位")] public int OwnerUnitId { get; set; }
    [Display(Name = "发文机关")] public List<int> IssuerUnitIds { get; set; } = [];
    /// <summary>发文机关 of an outside agency (上级文件), when no local unit issued the document.</summary>
    [Display(Name = "外单位发文机关")] public string? ExternalIssuer { get; set; }
    [Display(Name = "所属栏目")] public List<int> ColumnIds { get; set; } = [];
    [Display(Name = "定时发布时间")] public DateTimeOffset? ScheduledAt { get; set; }
    /// <summary>Imported documents keep the source 索引号; otherwise it is assigned at first publication.</summary>
    [Display(Name = "索引号")] public string? IndexNumber { get; set; }
    /// <summary>Optimistic concurrency: the version the editor started from.</summary>
    public int? Version { get; set; }

    public static DocumentInput From(Document d) => new()
    {
        Title = d.Title, DocumentNumber = d.DocumentNumber, WrittenOn = d.WrittenOn, TopicCategory = d.TopicCategory, Genre = d.Genre,
        Disclosure = d.Disclosure, DisclosureReason = d.DisclosureReason, DisclosureMethod = d.DisclosureMethod, Validity = d.Validity,
        EffectiveOn = d.EffectiveOn, ExpiresOn = d.ExpiresOn, IsNormative = d.IsNormative, IsMajorPolicy = d.IsMajorPolicy, NormativeRegistrationNumber = d.NormativeRegistrationNumber,
        Keywords = d.Keywords, Summary = d.Summary, BodyHtml = d.BodyHtml, OwnerUnitId = d.OwnerUnitId,
        IssuerUnitIds = d.Issuers.OrderBy(i => i.Order).Select(i => i.UnitId).ToList(), ColumnIds = d.Columns.Select(c => c.ColumnId).ToList(),
        ScheduledAt = d.ScheduledAt, IndexNumber = d.IndexNumber, Version = d.Version, ExternalIssuer = d.ExternalIssuer,
    };
}
