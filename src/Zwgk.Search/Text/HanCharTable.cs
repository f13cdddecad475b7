using System.Globalization;
using System.Text;

namespace Zwgk.Search.Text;

/// <summary>Per-UTF-16-unit classification used by the segmenter: one table lookup instead of Unicode category calls.</summary>
internal static class HanCharTable
{
    public const byte Other = 0, Latin = 1, Digit = 2, Han = 3, HighSurrogate = 4;

    private static readonly byte[] s_table = Build();

    public static byte Of(char c) => s_table[c];

    private static byte[] Build()
    {
        var t = new byte[65536];
        for (int i = 0; i < t.Length; i++)
        {
            char c = (char)i;
            if (char.IsAsciiLetter(c)) t[i] = Latin;
            else if (char.IsAsciiDigit(c)) t[i] = Digit;
            else if (char.IsHighSurrogate(c)) t[i] = HighSurrogate;
            // Every other letter (CJK, kana, Latin with diacritics…) goes to the Han path, where unknown ones become
            // single-character words; 〇 is a letter number but is written as a Chinese numeral.
            else if (c == '\u3007' || IsLetter(char.GetUnicodeCategory(c))) t[i] = Han;
        }
        return t;
    }

    internal static bool IsLetter(UnicodeCategory cat) => cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary>Units taken by the Han-like character at <paramref name="i"/>: 1, 2 for a supplementary letter (CJK Ext B+), 0 if not Han-like.</summary>
    public static int HanWidth(ReadOnlySpan<char> text, int i)
    {
        byte k = s_table[text[i]];
        if (k == Han) return 1;
        if (k == HighSurrogate && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            && IsLetter(Rune.GetUnicodeCategory(new Rune(text[i], text[i + 1])))) return 2;
        return 0;
    }
}
