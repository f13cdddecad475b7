namespace Zwgk.Search.Text;

public enum WordKind
{
    /// <summary>Chinese (or another non-ASCII script, one character per word when unknown).</summary>
    Han,
    /// <summary>A run of ASCII letters.</summary>
    Latin,
    /// <summary>A run of ASCII digits, possibly with '.' between digits (3.5, 2024.01).</summary>
    Number,
}

/// <summary>A word of the segmented text: offsets in UTF-16 units of the text given to the segmenter.</summary>
public readonly record struct Word(int Start, int Length, WordKind Kind)
{
    public int End => Start + Length;
}
