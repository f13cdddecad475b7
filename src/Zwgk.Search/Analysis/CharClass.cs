namespace Zwgk.Search.Analysis;

internal static class CharClass
{
    /// <summary>CJK ideographs (BMP blocks) and 〇; supplementary-plane ideographs are rare in government text and are skipped.</summary>
    public static bool IsHan(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF') || c == '\u3007';

    /// <summary>Letters and digits that are not Han: indexed as whole words (after normalisation they are lowercase ASCII mostly).</summary>
    public static bool IsWordChar(char c) => !IsHan(c) && char.IsLetterOrDigit(c) && !char.IsSurrogate(c);
}
