using Zwgk.Domain.Documents;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Documents.Public;

public sealed record MetaRow(string Label, string Value);

/// <summary>Presentation helpers shared by the document page and its print view.</summary>
public static class DocumentPage
{
    /// <summary>信息索引表 rows in gov.cn order, then the local additions (有效性, 体裁, 发布机构) and the normative-document rows.</summary>
    public static IReadOnlyList<MetaRow> MetaRows(PublicDocumentView d, DateOnly today)
    {
        var rows = new List<MetaRow>
        {
            new("索引号", d.IndexNumber ?? ""),
            new("主题分类", d.TopicCategory is { Length: > 0 } t ? TopicCategories.Display(t) : ""),
            new("发文机关", string.Join("、", d.Issuers)),
            new("成文日期", Formats.CnDate(d.WrittenOn)),
            new("标题", d.Title),
            new("发文字号", d.DocumentNumber ?? ""),
            new("发布日期", Formats.CnDate(d.PublishedAt)),
            new("主题词", d.Keywords ?? ""),
            new("有效性", DocumentLabels.EffectiveLabel(d.Validity, d.EffectiveOn, today)),
            new("体裁", d.Genre ?? ""),
            new("发布机构", d.OwnerUnit),
        };
        if (d.IsNormative)
        {
            rows.Add(new("登记号", d.NormativeRegistrationNumber ?? ""));
            rows.Add(new("生效日期", Formats.CnDate(d.EffectiveOn)));
            rows.Add(new("失效日期", Formats.CnDate(d.ExpiresOn)));
        }
        return rows;
    }

    /// <summary>Documents that amended, abolished or replaced this one (shown in the validity notice).</summary>
    public static IReadOnlyList<RelatedView> Superseding(PublicDocumentView d) =>
        d.Related.Where(r => r.Inverse && r.Type is RelationType.Amends or RelationType.Abolishes or RelationType.Replaces).ToList();

    /// <summary>Interpretations of this document (相关解读).</summary>
    public static IReadOnlyList<RelatedView> Interpretations(PublicDocumentView d) =>
        d.Related.Where(r => r.Inverse && r.Type == RelationType.Interprets).ToList();

    /// <summary>Policies this document interprets, when it is itself an interpretation.</summary>
    public static IReadOnlyList<RelatedView> Interpreted(PublicDocumentView d) =>
        d.Related.Where(r => !r.Inverse && r.Type == RelationType.Interprets).ToList();

    /// <summary>Documents this one amends, abolishes or replaces.</summary>
    public static IReadOnlyList<RelatedView> Affected(PublicDocumentView d) =>
        d.Related.Where(r => !r.Inverse && r.Type != RelationType.Interprets).ToList();

    public static string NoticeText(Validity v) => v switch
    {
        Validity.Amended => "本文件已被修改，请以修改后的规定为准。",
        Validity.Abolished => "本文件已废止，仅供查阅参考。",
        Validity.Expired => "本文件已失效，仅供查阅参考。",
        _ => "",
    };

    /// <summary>Font-size choice of the reader (?fs=l|m|s); m is the default.</summary>
    public static string FontSize(string? fs) => fs switch { "l" => "l", "s" => "s", _ => "m" };
}
