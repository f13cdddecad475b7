using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Documents;

/// <summary>Element validation for a document before it is saved or submitted. Messages are Chinese, keyed by field.</summary>
public static class DocumentRules
{
    /// <summary>No date of a document (成文, 生效, 失效, 定时发布) lies before the founding year.</summary>
    public static readonly DateOnly EarliestDate = new(1949, 1, 1);
    /// <summary>成文日期, 生效日期 and 定时发布 lie at most this many years ahead.</summary>
    public const int MaxYearsAhead = 10;
    /// <summary>A 失效日期 may be set further ahead (long-term plans).</summary>
    public const int MaxExpiryYearsAhead = 50;

    /// <summary>Typed fields with their labels and limits, in form order; the key is the field name used by forms and the API.</summary>
    public static IEnumerable<(string Field, string Label, string? Value, int Max)> TextFields(Document d) =>
    [
        (nameof(d.Title), "标题", d.Title, FieldLengths.Title),
        (nameof(d.IndexNumber), "索引号", d.IndexNumber, FieldLengths.IndexNumber),
        (nameof(d.DocumentNumber), "发文字号", d.DocumentNumber, FieldLengths.DocumentNumber),
        (nameof(d.ExternalIssuer), "外单位发文机关", d.ExternalIssuer, FieldLengths.ExternalIssuer),
        (nameof(d.TopicCategory), "主题分类", d.TopicCategory, FieldLengths.TopicCategory),
        (nameof(d.Genre), "体裁", d.Genre, FieldLengths.Genre),
        (nameof(d.DisclosureReason), "不公开理由", d.DisclosureReason, FieldLengths.DisclosureReason),
        (nameof(d.DisclosureMethod), "公开方式", d.DisclosureMethod, FieldLengths.DisclosureMethod),
        (nameof(d.NormativeRegistrationNumber), "规范性文件登记号", d.NormativeRegistrationNumber, FieldLengths.NormativeRegistrationNumber),
        (nameof(d.Keywords), "主题词", d.Keywords, FieldLengths.Keywords),
        (nameof(d.Summary), "摘要", d.Summary, FieldLengths.Summary),
        (nameof(d.BodyHtml), "正文", d.BodyHtml, FieldLengths.BodyHtml),
    ];

    /// <summary>The message for a value longer than its column, or null.</summary>
    public static string? CheckLength(string label, string? value, int max) =>
        value is { } v && v.Length > max ? $"{label}不能超过{max}个字（当前{v.Length}个字）" : null;

    /// <param name="complete">false for a draft: format and consistency are checked, completeness waits for submission.</param>
    /// <param name="now">When given, dates are also checked against the upper end of their range.</param>
    public static Dictionary<string, string> Validate(Document d, bool complete = true, DateTimeOffset? now = null)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, label, value, max) in TextFields(d))
            if (CheckLength(label, value, max) is { } tooLong) errors[field] = tooLong;
        CheckDates(d, now, errors);

        if (string.IsNullOrWhiteSpace(d.Title)) errors.TryAdd(nameof(d.Title), "请填写标题");

        if (!string.IsNullOrWhiteSpace(d.DocumentNumber) && !errors.ContainsKey(nameof(d.DocumentNumber)))
        {
            var n = global::Zwgk.Domain.Documents.DocumentNumber.Normalize(d.DocumentNumber);
            if (!n.IsValid) errors.TryAdd(nameof(d.DocumentNumber), n.Error ?? "发文字号格式不正确");
            else if (n.Year is int y && d.WrittenOn is { } w && y >= 1949 && y != w.Year && y != w.Year + 1)
                errors.TryAdd(nameof(d.DocumentNumber), $"发文字号中的年份（{y}）与成文日期（{w.Year}年）不一致");
        }

        if (complete && d.Issuers.Count == 0 && string.IsNullOrWhiteSpace(d.ExternalIssuer)) errors.TryAdd(nameof(d.Issuers), "请选择发文机关");

        if (d.TopicCategory is { Length: > 0 } t && !TopicCategories.IsValid(t)) errors.TryAdd(nameof(d.TopicCategory), "主题分类不在国家主题分类表中");
        if (d.Genre is { Length: > 0 } g && !Genres.IsKnown(g)) errors.TryAdd(nameof(d.Genre), "体裁不在文种列表中");

        if (d.Disclosure != DisclosureAttribute.Proactive && string.IsNullOrWhiteSpace(d.DisclosureReason))
            errors.TryAdd(nameof(d.DisclosureReason), d.Disclosure == DisclosureAttribute.Withheld
                ? "不予公开的文件须填写不予公开的法定理由（如《政府信息公开条例》第十四条、第十五条、第十六条）"
                : "依申请公开的文件须填写理由");

        if (d.WrittenOn is { } written && d.PublishedAt is { } published && DateOnly.FromDateTime(published.Date) < written)
            errors.TryAdd(nameof(d.PublishedAt), "发布日期不能早于成文日期");
        if (d.EffectiveOn is { } eff && d.ExpiresOn is { } exp && exp <= eff)
            errors.TryAdd(nameof(d.ExpiresOn), "失效日期必须晚于生效日期");
        if (d.WrittenOn is { } w2 && d.EffectiveOn is { } e2 && e2 < w2)
            errors.TryAdd(nameof(d.EffectiveOn), "生效日期不能早于成文日期");

        if (complete && d.IsNormative && string.IsNullOrWhiteSpace(d.NormativeRegistrationNumber))
            errors.TryAdd(nameof(d.NormativeRegistrationNumber), "规范性文件须填写登记号");
        if (complete && d.IsNormative && d.EffectiveOn is null)
            errors.TryAdd(nameof(d.EffectiveOn), "规范性文件须填写生效日期");

        if (d.Validity is Validity.Expired or Validity.Abolished && d.ExpiresOn is null)
            errors.TryAdd(nameof(d.ExpiresOn), $"{d.Validity.Label()}的文件须填写失效日期");

        return errors;
    }

    /// <summary>Range checks come first: a date outside them (9999-12-31) would otherwise break date arithmetic on pages.</summary>
    private static void CheckDates(Document d, DateTimeOffset? now, Dictionary<string, string> errors)
    {
        var today = now is { } n ? DateOnly.FromDateTime(n.UtcDateTime) : (DateOnly?)null;
        void Check(string field, string label, DateOnly? value, int yearsAhead)
        {
            if (value is not { } v) return;
            if (v < EarliestDate) errors[field] = $"{label}不能早于{EarliestDate.Year}年";
            else if (today is { } t && v > t.AddYears(yearsAhead)) errors[field] = $"{label}不能晚于{t.AddYears(yearsAhead):yyyy年M月d日}（{yearsAhead}年内）";
        }
        Check(nameof(d.WrittenOn), "成文日期", d.WrittenOn, MaxYearsAhead);
        Check(nameof(d.EffectiveOn), "生效日期", d.EffectiveOn, MaxYearsAhead);
        Check(nameof(d.ExpiresOn), "失效日期", d.ExpiresOn, MaxExpiryYearsAhead);
        Check(nameof(d.ScheduledAt), "定时发布时间", d.ScheduledAt is { } s ? DateOnly.FromDateTime(s.UtcDateTime) : null, MaxYearsAhead);
    }
}
