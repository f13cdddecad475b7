namespace Zwgk.Import;

/// <summary>One block of an imported document body: a <see cref="Paragraph"/>, a <see cref="Heading"/> or a <see cref="Table"/>.</summary>
public abstract record TextBlock;

/// <summary>A paragraph of running text (already joined from hard-wrapped lines and cleaned).</summary>
public sealed record Paragraph(string Text) : TextBlock;

/// <summary>
/// A heading. Level 1: <c>一、…</c>, <c>第一章</c>, markdown <c>#</c>; level 2: <c>（一）…</c>, <c>第一节</c>, markdown <c>##</c>;
/// deeper markdown levels keep their number.
/// </summary>
public sealed record Heading(string Text, int Level) : TextBlock;

/// <summary>
/// A table: rows of cells, cells kept as found (empty cells included).
/// <paramref name="HasHeaderRow"/> is true when the source marked the first row as a header (markdown tables).
/// </summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows, bool HasHeaderRow = false) : TextBlock;

/// <summary>Blocks plus the Chinese notes describing what the normaliser changed.</summary>
public sealed record NormalizedText(IReadOnlyList<TextBlock> Blocks, IReadOnlyList<string> Notes);
