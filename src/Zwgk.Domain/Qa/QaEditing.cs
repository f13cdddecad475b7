using System.Text;
using Zwgk.Domain.Shared;

namespace Zwgk.Domain.Qa;

/// <summary>Field rules of an entry (form, API and import share them) and the key that finds an entry again on re-import.</summary>
public static class QaEditing
{
    /// <summary>Field → Chinese message for what is wrong with an entry's text.</summary>
    public static Dictionary<string, string> Validate(QaItem q)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(q.Question)) e["Question"] = "请填写问题";
        else if (q.Question.Length > FieldLengths.QaQuestion) e["Question"] = $"问题不能超过{FieldLengths.QaQuestion}字";
        if (string.IsNullOrWhiteSpace(q.Answer)) e["Answer"] = "请填写答复";
        else if (q.Answer.Length > FieldLengths.QaAnswer) e["Answer"] = $"答复不能超过{FieldLengths.QaAnswer}字";
        if (q.Alternatives is { Length: > FieldLengths.QaAlternatives }) e["Alternatives"] = $"其他问法合计不能超过{FieldLengths.QaAlternatives}字";
        if (q.Basis is { Length: > FieldLengths.QaBasis }) e["Basis"] = $"政策依据不能超过{FieldLengths.QaBasis}字";
        if (q.BasisClause is { Length: > FieldLengths.QaClause }) e["BasisClause"] = $"依据条款不能超过{FieldLengths.QaClause}字";
        if (q.Topic is { Length: > FieldLengths.QaTopic }) e["Topic"] = $"主题不能超过{FieldLengths.QaTopic}字";
        if (q.UnitNameAsWritten is { Length: > FieldLengths.UnitName }) e["Unit"] = $"单位名称不能超过{FieldLengths.UnitName}字";
        return e;
    }

    /// <summary>
    /// The question as compared on re-import: full-width forms folded, spaces and punctuation dropped, so a sheet saved
    /// again with "？" for "?" or an extra space finds the same entry.
    /// </summary>
    public static string QuestionKey(string? question)
    {
        var s = (question ?? "").Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Other phrasings: one per line, trimmed, blank and repeated lines dropped (a sheet may separate them with ；or |).</summary>
    public static string? NormalizeAlternatives(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lines = text.Split(['\n', '\r', '|', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    /// <summary>复核日期 when none is given: the configured number of months after the answer was confirmed.</summary>
    public static DateOnly DefaultReviewOn(DateOnly confirmedOn, int months) => confirmedOn.AddMonths(Math.Max(1, months));
}
