using Zwgk.Search.Text;

namespace Zwgk.Search.Analysis;

/// <summary>Han runs as bigrams (one per position, so a phrase of bigrams matches consecutive text), with unigrams too
/// when <paramref name="unigrams"/> (titles: a one-character query must find them) or for a character standing alone;
/// other letter/digit runs as whole words. Recall field: any substring of two or more characters is a phrase.
/// Bodies skip the unigrams: they were half the body's tokens and indexing time, and a one-character body hit is noise.</summary>
internal sealed class GramTokenizer(TextReader input, bool unigrams) : BufferedTokenizer(input)
{
    protected override void Tokenize()
    {
        var s = Text;
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (CharClass.IsHan(c))
            {
                bool next = i + 1 < s.Length && CharClass.IsHan(s[i + 1]);
                bool previous = i > 0 && CharClass.IsHan(s[i - 1]);
                if (unigrams || (!next && !previous)) AddSpan(i, 1, 1);
                if (next) AddSpan(i, 2, unigrams ? 0 : 1);
                else if (!unigrams && previous) { /* last character of a run: covered by the bigram before it */ }
                i++;
            }
            else if (CharClass.IsWordChar(c))
            {
                int end = WordRunEnd(s, i);
                AddSpan(i, end - i, 1);
                i = end;
            }
            else i++;
        }
    }
}

/// <summary>Dictionary words in search mode (sub-words of long words too): the precision field.</summary>
internal sealed class WordTokenizer(TextReader input) : BufferedTokenizer(input)
{
    [ThreadStatic] private static List<Word>? words;

    protected override void Tokenize()
    {
        var list = words ??= new List<Word>(256);
        list.Clear();
        Segmenter.Default.CutForSearch(Text, list);
        foreach (var w in list) AddSpan(w.Start, w.Length, 1);
    }
}

/// <summary>Per Han character, at one position: the character, its in-context pinyin syllable and its initial letter.
/// Full (zhengwugongkai), spaced, initial (zwgk) and mixed (政务gongkai) queries become phrases over this field, and a
/// pinyin hit carries the character's offsets, so highlights land on the right characters.</summary>
internal sealed class PinyinTokenizer(TextReader input) : BufferedTokenizer(input)
{
    protected override void Tokenize()
    {
        var s = Text;
        // Titles and keywords are short: one array per value is cheap next to segmentation.
        var tmp = new string?[s.Length];
        Pinyin.Default.Readings(s, tmp);
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (CharClass.IsHan(c))
            {
                AddSpan(i, 1, 1);
                var py = tmp[i];
                if (py is { Length: > 0 })
                {
                    Add(py, i, i + 1, 0);
                    if (py.Length > 1) Add(py.AsSpan(0, 1), i, i + 1, 0);
                }
                i++;
            }
            else if (CharClass.IsWordChar(c))
            {
                int end = WordRunEnd(s, i);
                AddSpan(i, end - i, 1);
                i = end;
            }
            else i++;
        }
    }
}

/// <summary>For each Han character followed by another in the same run: the two in-context initials as one token
/// (政务公开 → zw, wg, gk at consecutive positions).</summary>
internal sealed class InitialBigramTokenizer(TextReader input) : BufferedTokenizer(input)
{
    protected override void Tokenize()
    {
        var s = Text;
        var readings = new string?[s.Length];
        Pinyin.Default.Readings(s, readings);
        Span<char> pair = stackalloc char[2];
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (readings[i] is not { Length: > 0 } a || readings[i + 1] is not { Length: > 0 } b || !CharClass.IsHan(s[i]) || !CharClass.IsHan(s[i + 1]))
                continue;
            pair[0] = a[0];
            pair[1] = b[0];
            Add(pair, i, i + 2, 1);
        }
    }
}
