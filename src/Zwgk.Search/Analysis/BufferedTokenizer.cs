using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Zwgk.Search.Text;

namespace Zwgk.Search.Analysis;

/// <summary>Reads the whole field value, normalises it (length-preserving, so offsets stay those of the original text)
/// and lets a subclass produce all tokens up front. Field values are short enough (a title, a body) for this to be cheap,
/// and segmentation needs the whole run of text anyway.</summary>
internal abstract class BufferedTokenizer : Tokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute posInc;

    private char[] text = new char[256];
    // Tokenizers are reused per thread and field by the analyzer, so their buffers are too.
    private readonly char[] readBuffer = new char[4096];
    private char[] terms = new char[512];
    private int termsLength;
    private Tok[] toks = new Tok[128];
    private int count;
    private int next;
    private int finalOffset;

    private struct Tok { public int TermStart, TermLength, Start, End, PosInc; }

    protected BufferedTokenizer(TextReader input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>Normalised text of the current value.</summary>
    protected ReadOnlySpan<char> Text => text.AsSpan(0, TextLength);
    protected int TextLength { get; private set; }

    protected abstract void Tokenize();

    /// <summary>Adds a token whose term is the normalised text span [start, start+length).</summary>
    protected void AddSpan(int start, int length, int positionIncrement) =>
        Add(text.AsSpan(start, length), start, start + length, positionIncrement);

    protected void Add(ReadOnlySpan<char> termText, int start, int end, int positionIncrement)
    {
        if (count == toks.Length) Array.Resize(ref toks, toks.Length * 2);
        if (termsLength + termText.Length > terms.Length) Array.Resize(ref terms, Math.Max(terms.Length * 2, termsLength + termText.Length));
        termText.CopyTo(terms.AsSpan(termsLength));
        toks[count++] = new Tok { TermStart = termsLength, TermLength = termText.Length, Start = start, End = end, PosInc = positionIncrement };
        termsLength += termText.Length;
    }

    public override void Reset()
    {
        base.Reset();
        count = 0; next = 0; termsLength = 0; TextLength = 0;
        var buffer = readBuffer;
        int read;
        var raw = text;
        int len = 0;
        while ((read = m_input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (len + read > raw.Length) Array.Resize(ref raw, Math.Max(raw.Length * 2, len + read));
            Array.Copy(buffer, 0, raw, len, read);
            len += read;
        }
        text = raw;
        ChineseNormalizer.Normalize(text.AsSpan(0, len), text.AsSpan(0, len));
        TextLength = len;
        finalOffset = CorrectOffset(len);
        Tokenize();
    }

    public sealed override bool IncrementToken()
    {
        if (next >= count) return false;
        ClearAttributes();
        ref var t = ref toks[next++];
        term.CopyBuffer(terms, t.TermStart, t.TermLength);
        offset.SetOffset(CorrectOffset(t.Start), CorrectOffset(t.End));
        posInc.PositionIncrement = t.PosInc;
        return true;
    }

    public override void End()
    {
        base.End();
        offset.SetOffset(finalOffset, finalOffset);
    }

    /// <summary>Emits every run of non-Han letters/digits as one token (a digit run keeps inner dots: 3.5).</summary>
    protected static int WordRunEnd(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length && (CharClass.IsWordChar(s[j]) || (s[j] == '.' && j > i && j + 1 < s.Length && char.IsAsciiDigit(s[j - 1]) && char.IsAsciiDigit(s[j + 1])))) j++;
        return j;
    }
}
