namespace Zwgk.Import;

/// <summary>
/// PDFs made with common CJK fonts often map glyphs to the Kangxi Radicals (U+2F00–U+2FD5) or CJK Radicals Supplement
/// (U+2E80–U+2EF3) code points instead of the ideographs they look like, so extracted text reads "⼯作要点", "区政府各部⻔".
/// Such text matches nothing (names, searches, 文号). Kangxi radicals fold by their compatibility mapping; the supplement's
/// radicals that stand for whole characters fold by Unicode's equivalent unified ideographs. Component-only forms stay.
/// </summary>
public static class CjkRadicals
{
    private static readonly Dictionary<char, char> Supplement = new()
    {
        ['\u2E9F'] = '母', ['\u2EA0'] = '民', ['\u2EA9'] = '王', ['\u2EC1'] = '虎', ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角',
        ['\u2EC9'] = '贝', ['\u2ECB'] = '车', ['\u2ED1'] = '長', ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED8'] = '青', ['\u2ED9'] = '韦',
        ['\u2EDA'] = '页', ['\u2EDB'] = '风', ['\u2EDC'] = '飞', ['\u2EDD'] = '食', ['\u2EE1'] = '首', ['\u2EE2'] = '马', ['\u2EE3'] = '骨',
        ['\u2EE4'] = '鬼', ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄', ['\u2EEA'] = '黾',
        ['\u2EEB'] = '斉', ['\u2EEC'] = '齐', ['\u2EED'] = '歯', ['\u2EEE'] = '齿', ['\u2EEF'] = '竜', ['\u2EF0'] = '龙', ['\u2EF3'] = '龟',
    };

    /// <summary>The text with radical code points replaced by their ideographs; the same instance when there are none.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u2E80', '\u2FDF');
        if (first < 0) return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\u2F00' and <= '\u2FD5')
            {
                // Every Kangxi radical has a single-character compatibility decomposition.
                var folded = c.ToString().Normalize(System.Text.NormalizationForm.FormKC);
                if (folded.Length == 1) chars[i] = folded[0];
            }
            else if (Supplement.TryGetValue(c, out var ideograph))
            {
                chars[i] = ideograph;
            }
        }
        return new string(chars);
    }
}
