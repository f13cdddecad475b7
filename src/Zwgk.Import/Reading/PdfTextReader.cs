using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Zwgk.Import;

/// <summary>
/// Reads the text layer of a PDF (PdfPig) in reading order, in the output format of <see cref="DocumentTextReader"/>:
/// letters are grouped into lines by baseline, lines run top to bottom; running headers and footers that repeat
/// across pages and page numbers are dropped; wide gaps inside a line become tabs, so aligned columns are read as a
/// table; an indented line starts a new paragraph. A PDF without a text layer (a scan) is refused as such.
/// </summary>
internal static partial class PdfTextReader
{
    private const string ParagraphEndLine = "\u2029\n";

    // Zones (share of the page height) where running headers and footers live.
    private const double HeaderZone = 0.88;
    private const double FooterZone = 0.12;

    public static string Read(byte[] bytes, ImportLimits limits, TextBudget budget)
    {
        if (!bytes.AsSpan().StartsWith("%PDF"u8) && bytes.AsSpan(0, Math.Min(1024, bytes.Length)).IndexOf("%PDF"u8) < 0)
        {
            throw new ImportRejectedException(CorruptPdf);
        }

        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > limits.MaxPages)
            {
                throw new ImportRejectedException($"PDF 共 {document.NumberOfPages} 页，超过{limits.MaxPages}页的导入上限，请拆分后导入");
            }

            var pages = new List<PageLines>(document.NumberOfPages);
            var imageOnlyPages = 0;
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                var page = document.GetPage(n);
                var lines = ReadLines(page);
                if (lines.Count == 0 && page.GetImages().Any())
                {
                    imageOnlyPages++;
                }

                pages.Add(new PageLines(page.Height, lines));
            }

            if (pages.All(p => p.Lines.Count == 0))
            {
                throw new ImportRejectedException(imageOnlyPages > 0
                    ? $"这是扫描件 PDF（{imageOnlyPages} 页均为图像，没有文字层），无法提取文字；请提供文字版 PDF 或 Word 文件，或先进行文字识别（OCR）后再导入"
                    : "PDF 中没有文字");
            }

            return Compose(pages, budget);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ImportRejectedException("PDF 文件已加密，请先解除密码保护后再导入");
        }
        catch (Exception ex) when (ex is not ImportRejectedException and not OutOfMemoryException)
        {
            throw new ImportRejectedException(CorruptPdf);
        }
    }

    private const string CorruptPdf = "文件已损坏或不是有效的 PDF 文件";

    private sealed record PageLines(double Height, List<PdfLine> Lines);

    private sealed record PdfLine(double Y, double Left, double Right, double Size, string Text)
    {
        public bool IsTableRow => Text.Contains('\t');
    }

    private static List<PdfLine> ReadLines(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (letters.Count == 0)
        {
            return [];
        }

        // Ruled tables first: their cells are read by the grid, not by baseline (cells side by side wrap independently).
        var tableRows = PdfTables.Read(page, letters, out var outside);
        if (tableRows.Count > 0)
        {
            var rest = outside.Count == 0 ? [] : GroupLines(outside);
            return [.. rest.Concat(tableRows.Select(r => new PdfLine(r.Top, r.Left, r.Right, r.Size, r.Text))).OrderByDescending(l => l.Y)];
        }

        return GroupLines(letters);
    }

    private static List<PdfLine> GroupLines(List<Letter> letters)
    {

        // Group by baseline, top of the page first.
        letters.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var groups = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = SizeOf(letter);
            var current = groups.Count > 0 ? groups[^1] : null;
            if (current is not null && Math.Abs(current[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= Math.Max(1.0, size * 0.35))
            {
                current.Add(letter);
            }
            else
            {
                groups.Add([letter]);
            }
        }

        var lines = new List<PdfLine>(groups.Count);
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var size = Median(group.Select(SizeOf));
            var sb = new StringBuilder();
            Letter? previous = null;
            foreach (var letter in group)
            {
                if (previous is not null)
                {
                    var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                    if (gap > size * 1.8)
                    {
                        sb.Append('\t');
                    }
                    else if (gap > size * 0.2 && (IsAsciiWordChar(previous.Value) || IsAsciiWordChar(letter.Value)))
                    {
                        sb.Append(' ');
                    }
                }

                sb.Append(letter.Value);
                previous = letter;
            }

            lines.Add(new PdfLine(group[0].StartBaseLine.Y, group[0].StartBaseLine.X, group[^1].EndBaseLine.X, size, sb.ToString()));
        }

        return lines;
    }

    private static string Compose(List<PageLines> pages, TextBudget budget)
    {
        var running = FindRunningLines(pages);
        var output = new StringBuilder();
        void Write(string s)
        {
            budget.Add(s);
            output.Append(s);
        }

        // Margins of the whole document: a page may hold only indented or centred lines.
        var textLines = pages.SelectMany(p => p.Lines.Where(l => !l.IsTableRow && !IsRunning(l, p, running))).ToList();
        var margin = textLines.Select(l => l.Left).DefaultIfEmpty(0).Min();
        var right = RightMargin(textLines);
        PdfLine? open = null;
        foreach (var page in pages)
        {
            // A table's header row repeats on every page by design; it is content, not a running header.
            var body = page.Lines.Where(l => l.IsTableRow || !IsRunning(l, page, running)).ToList();
            if (body.Count == 0)
            {
                continue;
            }

            foreach (var line in body)
            {
                if (line.IsTableRow)
                {
                    if (open is { IsTableRow: false })
                    {
                        Write("\n" + ParagraphEndLine);
                    }

                    Write(line.Text + "\n");
                    open = line;
                    continue;
                }

                if (open is { IsTableRow: true })
                {
                    Write(ParagraphEndLine);
                    open = null;
                }

                var indented = line.Left > margin + (line.Size * 1.5);
                if (open is not null && (indented || Math.Abs(open.Size - line.Size) > 0.5))
                {
                    Write("\n" + ParagraphEndLine);
                    open = null;
                }

                if (open is not null && IsAsciiWordChar(open.Text) && line.Text[0] < 0x80 && char.IsLetterOrDigit(line.Text[0]))
                {
                    Write(" ");
                }

                // A wrapped line continues the paragraph (joined here, where the geometry is known); a line that
                // stops short of the right margin ends it.
                Write(line.Text);
                if (line.Right >= right - (line.Size * 0.5))
                {
                    open = line;
                }
                else
                {
                    Write("\n" + ParagraphEndLine);
                    open = null;
                }
            }
        }

        if (open is not null)
        {
            Write(open.IsTableRow ? ParagraphEndLine : "\n" + ParagraphEndLine);
        }

        return output.ToString();
    }

    /// <summary>The right edge most lines reach (justified text), so one overhanging line does not move it.</summary>
    private static double RightMargin(List<PdfLine> lines)
    {
        var best = 0.0;
        var bestCount = 0;
        foreach (var candidate in lines.Select(l => l.Right))
        {
            var count = lines.Count(l => Math.Abs(l.Right - candidate) <= 4);
            if (count > bestCount || (count == bestCount && candidate > best))
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    /// <summary>Lines (digits masked) that sit in the header or footer zone of at least half the pages with text.</summary>
    private static HashSet<string> FindRunningLines(List<PageLines> pages)
    {
        var textPages = pages.Count(p => p.Lines.Count > 0);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in page.Lines.Where(l => InZone(l, page)).Select(l => Key(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var threshold = Math.Max(2, (textPages + 1) / 2);
        return counts.Where(c => c.Value >= threshold).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsRunning(PdfLine line, PageLines page, HashSet<string> running) =>
        InZone(line, page) && (running.Contains(Key(line.Text)) || PageNumberRegex().IsMatch(line.Text.Replace(" ", string.Empty, StringComparison.Ordinal)));

    private static bool InZone(PdfLine line, PageLines page) =>
        page.Height > 0 && (line.Y >= page.Height * HeaderZone || line.Y <= page.Height * FooterZone);

    private static string Key(string text) => DigitsRegex().Replace(text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal), "#");

    private static double SizeOf(Letter letter) =>
        letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static bool IsAsciiWordChar(string value) => value.Length > 0 && value[^1] < 0x80 && char.IsLetterOrDigit(value[^1]);

    [GeneratedRegex(@"^(?:[-－—–―~～_]*[0-9０-９]{1,4}[-－—–―~～_]*|第[0-9０-９]{1,4}页(?:[,，/／]?共[0-9０-９]{1,4}页)?|[0-9]{1,4}[/／][0-9]{1,4})$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"[0-9０-９]+")]
    private static partial Regex DigitsRegex();
}
