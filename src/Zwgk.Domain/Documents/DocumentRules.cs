namespace Zwgk.Domain.Documents;

/// <summary>Element validation for a document before it is saved or submitted. Messages are Chinese, keyed by field.</summary>
public static class DocumentRules
{
    public const int TitleMaxLength = 300;

    /// <param name="complete">false for a draft: format and consistency are checked, completeness waits for submission.</param>
    public static Dictionary<string, string> Validate(Document d, bool complete = true)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.Title)) errors[nameof(d.Title)] = "请填写标题";
        else if (d.Title.Length > TitleMaxLength) errors[nameof(d.Title)] = $"标题不能超过{TitleMaxLength}字";

        if (!string.IsNullOrWhiteSpace(d.DocumentNumber))
        {
            var n = global::Zwgk.Domain.Documents.DocumentNumber.Normalize(d.DocumentNumber);
            if (!n.IsValid) errors[nameof(d.DocumentNumber)] = n.Error ?? "发文字号格式不正确";
            else if (n.Year is int y && d.WrittenOn is { } w && y >= 1949 && y != w.Year && y != w.Year + 1)
                errors[nameof(d.DocumentNumber)] = $"发文字号中的年份（{y}）与成文日期（{w.Year}年）不一致";
        }

        if (complete && d.Issuers.Count == 0 && string.IsNullOrWhiteSpace(d.ExternalIssuer)) errors[nameof(d.Issuers)] = "请选择发文机关";
        if (d.ExternalIssuer is { Length: > Import.ImportFieldLengths.ExternalIssuer })
            errors[nameof(d.ExternalIssuer)] = $"外单位发文机关不能超过{Import.ImportFieldLengths.ExternalIssuer}字";

        if (d.TopicCategory is { Length: > 0 } t && !TopicCategories.IsValid(t)) errors[nameof(d.TopicCategory)] = "主题分类不在国家主题分类表中";
        if (d.Genre is { Length: > 0 } g && !Genres.IsKnown(g)) errors[nameof(d.Genre)] = "体裁不在文种列表中";

        if (d.Disclosure != DisclosureAttribute.Proactive && string.IsNullOrWhiteSpace(d.DisclosureReason))
            errors[nameof(d.DisclosureReason)] = d.Disclosure == DisclosureAttribute.Withheld
                ? "不予公开的文件须填写不予公开的法定理由（如《政府信息公开条例》第十四条、第十五条、第十六条）"
                : "依申请公开的文件须填写理由";

        if (d.WrittenOn is { } written && d.PublishedAt is { } published && DateOnly.FromDateTime(published.Date) < written)
            errors[nameof(d.PublishedAt)] = "发布日期不能早于成文日期";
        if (d.EffectiveOn is { } eff && d.ExpiresOn is { } exp && exp <= eff)
            errors[nameof(d.ExpiresOn)] = "失效日期必须晚于生效日期";
        if (d.WrittenOn is { } w2 && d.EffectiveOn is { } e2 && e2 < w2)
            errors[nameof(d.EffectiveOn)] = "生效日期不能早于成文日期";

        if (complete && d.IsNormative && string.IsNullOrWhiteSpace(d.NormativeRegistrationNumber))
            errors[nameof(d.NormativeRegistrationNumber)] = "规范性文件须填写登记号";
        if (complete && d.IsNormative && d.EffectiveOn is null)
            errors[nameof(d.EffectiveOn)] = "规范性文件须填写生效日期";

        if (d.Validity is Validity.Expired or Validity.Abolished && d.ExpiresOn is null)
            errors[nameof(d.ExpiresOn)] = $"{d.Validity.Label()}的文件须填写失效日期";

        return errors;
    }
}
