using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Documents;

namespace Zwgk.Import;

/// <summary>
/// Turns raw extracted text (from PDF/Word/HTML/markdown) into clean <see cref="TextBlock"/>s:
/// joins hard-wrapped lines, drops page-number lines, removes the stray spaces PDF extraction puts around CJK text,
/// converts full-width digits and letters to ASCII, and keeps tables (markdown pipe tables and tab-separated lines).
/// Pure text processing, no I/O.
/// </summary>
/// <remarks>
/// Blank lines carry no meaning (PDF extraction puts them between wrapped fragments). A line is joined to the next
/// one unless it ends a sentence (。！？；： or a closing quote after one), the next line starts a heading or list item
/// (一、 （一） 1. 附件 …), one of them is a standalone line (date, 文号), or the line is clearly shorter than the
/// document's wrap width (a short title, signature or date line). The wrap width is estimated from the text; in
/// hard-wrapped text a line that ends a sentence exactly at the wrap column is still joined, unless the next line
/// starts a new item. Text that is not hard-wrapped (one line per paragraph) only joins lines that do not end a sentence.
/// A U+2029 PARAGRAPH SEPARATOR (emitted by the file readers for docx/html/markdown) is a hard paragraph break.
/// </remarks>
public static partial class TextNormalizer
{
    /// <summary>Hard paragraph break marker understood by <see cref="Normalize"/>.</summary>
    public const char ParagraphSeparator = '\u2029';

    private const string SentenceEnd = "。！？；：!?;:";
    private const string ContinuingEnd = "，、,（(《“‘〔［【-—/";
    private const string ClosingQuotes = "”」』’\"）)";

    // A wrapped line is "full" when it reaches this share of the document's wrap width.
    private const double FullLineRatio = 0.8;

    // A line ending a sentence counts as "wrapped" only when it is this close to the wrap width.
    private const double CompletelyFullRatio = 0.92;

    // Width (in half-width columns) above which a line always counts as full, for documents that are not hard-wrapped.
    private const int LongLineWidth = 100;

    private const int MaxHeadingLength = 40;

    // Hard-wrap detection: at least this many text lines, a wrap width of at least 22 CJK characters (a page of a
    // 公文 holds 28; shorter "wrap widths" are a short document's title, salutation and signature lines),
    // and at least this share of the lines close to the wrap width.
    private const int MinWrappedLines = 5;
    private const int MinWrapWidth = 44;
    private const double MinClusteredShare = 0.4;

    /// <summary>Normalises raw text into blocks.</summary>
    public static IReadOnlyList<TextBlock> Normalize(string raw) => NormalizeWithNotes(raw).Blocks;

    /// <summary>Normalises raw text into blocks and reports (in Chinese) what was changed.</summary>
    public static NormalizedText NormalizeWithNotes(string raw)
    {
        var state = new State();
        var lines = SplitLines(raw ?? string.Empty);
        var layout = Layout.From(lines);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Blank:
                    break;

                case LineKind.HardBreak:
                    state.FlushParagraph();
                    state.FlushTable();
                    break;

                case LineKind.PageNumber:
                    state.PageNumbersRemoved++;
                    break;

                case LineKind.TabRow:
                    state.FlushParagraph();
                    state.AddTabRow(line.Text);
                    break;

                case LineKind.MarkdownTable:
                {
                    state.FlushParagraph();
                    state.FlushTable();
                    var tableLines = new List<string> { line.Text };
                    while (i + 1 < lines.Count && lines[i + 1].Kind == LineKind.MarkdownTable && !lines[i + 1].StartsTable)
                    {
                        i++;
                        tableLines.Add(lines[i].Text);
                    }

                    state.AddBlock(ParseMarkdownTable(tableLines));
                    break;
                }

                case LineKind.MarkdownHeading:
                {
                    state.FlushParagraph();
                    state.FlushTable();
                    var m = MarkdownHeadingRegex().Match(line.Text);
                    var text = state.Clean(m.Groups["text"].Value.TrimEnd('#', ' ', '\t'));
                    if (text.Length > 0)
                    {
                        state.AddBlock(new Heading(text, m.Groups["hashes"].Length));
                    }

                    break;
                }

                default:
                    state.FlushTable();
                    if (state.Pending.Count > 0 && !ShouldJoin(state.Pending[^1], line.Text, layout))
                    {
                        state.FlushParagraph();
                    }

                    state.Pending.Add(line.Text);
                    break;
            }
        }

        state.FlushParagraph();
        state.FlushTable();
        return new NormalizedText(state.Blocks, state.BuildNotes());
    }

    /// <summary>
    /// Cleans one line or paragraph of text: full-width digits/letters → ASCII, U+3000/NBSP → space, zero-width
    /// characters removed, whitespace runs collapsed, and spaces next to CJK characters removed
    /// (<c>2021 年</c> → <c>2021年</c>) while spaces between Latin words are kept.
    /// </summary>
    public static string CleanInline(string text) => CleanInline(text, out _, out _);

    /// <summary>Display width in half-width columns (CJK and full-width characters count 2).</summary>
    public static int DisplayWidth(string s)
    {
        var width = 0;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    internal static bool IsWide(char c) => IsCjk(c);

    /// <summary>CJK ideographs, CJK punctuation, full-width forms, Chinese quotes/dashes and the like.</summary>
    internal static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF')
            or (>= '\u3000' and <= '\u303F')
            or (>= '\u3040' and <= '\u30FF')
            or (>= '\u3100' and <= '\u312F')
            or (>= '\u3200' and <= '\u33FF')
            or (>= '\u3400' and <= '\u4DBF')
            or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF')
            or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6')
            or (>= '\u2014' and <= '\u201F')
            or '\u2026' or '\u00B7' or '\u2236'
            || char.IsSurrogate(c);

    /// <summary>True when the line starts a heading or a list item (一、 （一） 1. （1） 第一章 ① - …).</summary>
    internal static bool StartsWithMarker(string line) => MarkerRegex().IsMatch(line);

    /// <summary>A standalone date line such as <c>2021年7月28日</c> or <c>二〇二一年七月二十八日</c>.</summary>
    internal static bool IsDateLine(string line) => line.Length <= 30 && ChineseDate.TryParse(line, out _);

    /// <summary>A line that is essentially one 文号 (possibly with 签发人).</summary>
    internal static bool IsDocumentNumberLine(string line)
    {
        var compact = CompactForMatch(line);
        if (compact.Length > 60)
        {
            return false;
        }

        var matches = DocumentNumber.FindMatches(compact);
        if (matches.Count != 1 || matches[0].Index > 0)
        {
            return false;
        }

        var rest = compact[matches[0].Text.Length..];
        return rest.Length == 0 || rest.StartsWith("签发人", StringComparison.Ordinal);
    }

    private static string CompactForMatch(string line) => DocumentNumber.FullWidthDigitsToAscii(DocumentNumber.RemoveWhitespace(line));

    private static bool ShouldJoin(string previous, string next, Layout layout)
    {
        var prev = previous.TrimEnd();
        if (prev.Length == 0)
        {
            return true;
        }

        var width = DisplayWidth(prev);
        var last = prev[^1];

        // 。” / ！」 …: a closing quote or bracket right after sentence-ending punctuation ends the sentence too.
        var endsSentence = SentenceEnd.Contains(last)
            || (ClosingQuotes.Contains(last) && prev.Length >= 2 && SentenceEnd.Contains(prev[^2]));

        // In hard-wrapped text a sentence may end exactly at the wrap column in the middle of a paragraph:
        // such a completely full line only ends the paragraph when the next line starts a new item.
        if (endsSentence && !(layout.IsHardWrapped && width >= layout.CompletelyFullWidth))
        {
            return false;
        }

        if (StartsWithMarker(next) || IsStandaloneLine(next) || IsStandaloneLine(prev))
        {
            return false;
        }

        if (endsSentence || ContinuingEnd.Contains(last))
        {
            return true;
        }

        return width >= layout.FullWidth;
    }

    // A 信息索引表 line ("文号：…", "索 引 号") never continues into the next line.
    private static bool IsStandaloneLine(string line) =>
        IsDateLine(line) || IsDocumentNumberLine(line) || (line.Length <= 60 && AttachmentRegex().IsMatch(line))
        || (line.Length <= 200 && PageIndex.ParseLine(line) is not null);

    /// <summary>Wrap geometry of the document, estimated from its text lines.</summary>
    private sealed record Layout(double FullWidth, double CompletelyFullWidth, bool IsHardWrapped)
    {
        public static Layout From(List<Line> lines)
        {
            // 信息索引表 lines are laid out by the page, not wrapped: they say nothing about the wrap width.
            var widths = lines.Where(l => l.Kind == LineKind.Text && PageIndex.ParseLine(l.Text) is null).Select(l => DisplayWidth(l.Text)).Order().ToList();
            if (widths.Count == 0)
            {
                return new Layout(LongLineWidth, double.MaxValue, false);
            }

            // Most lines of a hard-wrapped text are full, so the upper quartile is the wrap width; the text only
            // counts as hard-wrapped when enough lines really cluster around that width.
            var wrapWidth = widths[(int)Math.Floor((widths.Count - 1) * 0.75)];
            var clustered = widths.Count(w => w >= wrapWidth * 0.85 && w <= wrapWidth * 1.1);
            var hardWrapped = widths.Count >= MinWrappedLines
                && wrapWidth >= MinWrapWidth
                && clustered >= widths.Count * MinClusteredShare
                && wrapWidth * FullLineRatio < LongLineWidth;
            return hardWrapped
                ? new Layout(wrapWidth * FullLineRatio, wrapWidth * CompletelyFullRatio, true)
                : new Layout(LongLineWidth, double.MaxValue, false);
        }
    }

    private static List<Line> SplitLines(string raw)
    {
        var text = raw
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace('\u2028', '\n')
            .Replace('\f', '\n')
            .Replace('\v', '\n')
            .Replace("\u2029", "\n\u2029\n", StringComparison.Ordinal);

        var rawLines = text.Split('\n');
        var result = new List<Line>(rawLines.Length);
        for (var i = 0; i < rawLines.Length; i++)
        {
            var original = rawLines[i];
            if (original.Contains(ParagraphSeparator))
            {
                result.Add(new Line(LineKind.HardBreak, string.Empty));
                continue;
            }

            if (original.Contains('\t') && original.Trim().Length > 0)
            {
                result.Add(new Line(LineKind.TabRow, original.Trim('\n', '\r', ' ', '\u3000')));
                continue;
            }

            var trimmed = original.Trim();
            if (trimmed.Length == 0 || trimmed.All(c => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF'))
            {
                result.Add(new Line(LineKind.Blank, string.Empty));
                continue;
            }

            if (PageNumberRegex().IsMatch(DocumentNumber.FullWidthDigitsToAscii(trimmed)))
            {
                result.Add(new Line(LineKind.PageNumber, trimmed));
                continue;
            }

            if (MarkdownHeadingRegex().IsMatch(trimmed))
            {
                result.Add(new Line(LineKind.MarkdownHeading, trimmed));
                continue;
            }

            if (trimmed.Contains('|') && i + 1 < rawLines.Length && MarkdownSeparatorRegex().IsMatch(rawLines[i + 1].Trim()))
            {
                // Header row, separator row, then every following line that still contains a pipe.
                result.Add(new Line(LineKind.MarkdownTable, trimmed) { StartsTable = true });
                i++;
                result.Add(new Line(LineKind.MarkdownTable, rawLines[i].Trim()) { IsSeparator = true });
                while (i + 1 < rawLines.Length && rawLines[i + 1].Trim().Length > 0 && rawLines[i + 1].Contains('|'))
                {
                    i++;
                    result.Add(new Line(LineKind.MarkdownTable, rawLines[i].Trim()));
                }

                continue;
            }

            result.Add(new Line(LineKind.Text, trimmed));
        }

        // Drop the separator rows now: the table parser only needs the data rows (the first one is the header).
        return result.Where(l => !l.IsSeparator).ToList();
    }

    private static Table ParseMarkdownTable(List<string> lines)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var line in lines)
        {
            var body = line.Trim();
            if (body.StartsWith('|'))
            {
                body = body[1..];
            }

            if (body.EndsWith('|') && !body.EndsWith("\\|", StringComparison.Ordinal))
            {
                body = body[..^1];
            }

            var cells = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] == '|')
                {
                    current.Append('|');
                    i++;
                }
                else if (body[i] == '|')
                {
                    cells.Add(CleanInline(current.ToString()));
                    current.Clear();
                }
                else
                {
                    current.Append(body[i]);
                }
            }

            cells.Add(CleanInline(current.ToString()));
            rows.Add(cells);
        }

        return new Table(rows, HasHeaderRow: true);
    }

    private static TextBlock Classify(string text)
    {
        if (text.Length <= MaxHeadingLength && !text.Contains('。'))
        {
            var last = text[^1];
            var endsLikeHeading = !"；;：:，,、".Contains(last);
            if (endsLikeHeading)
            {
                if (Level1HeadingRegex().IsMatch(text))
                {
                    return new Heading(text, 1);
                }

                if (Level2HeadingRegex().IsMatch(text))
                {
                    return new Heading(text, 2);
                }
            }
        }

        return new Paragraph(text);
    }

    private static string JoinLines(List<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0 && IsAsciiLetter(sb[^1]) && line.Length > 0 && IsAsciiLetter(line[0]))
            {
                sb.Append(' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static string CleanInline(string text, out int strayWhitespaceRemoved, out int fullWidthConverted)
    {
        strayWhitespaceRemoved = 0;
        fullWidthConverted = 0;

        var chars = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '０' and <= '９':
                case >= 'Ａ' and <= 'Ｚ':
                case >= 'ａ' and <= 'ｚ':
                    chars.Append((char)(c - 0xFEE0));
                    fullWidthConverted++;
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                    break;
                default:
                    chars.Append(char.IsWhiteSpace(c) ? ' ' : c);
                    break;
            }
        }

        var s = chars.ToString();
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != ' ')
            {
                sb.Append(s[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            if (start == 0 || i == s.Length)
            {
                continue; // leading / trailing whitespace
            }

            var before = s[start - 1];
            var after = s[i];
            if (IsCjk(before) || IsCjk(after))
            {
                strayWhitespaceRemoved++;
                continue;
            }

            sb.Append(' ');
        }

        return sb.ToString();
    }

    private enum LineKind
    {
        Blank,
        HardBreak,
        PageNumber,
        TabRow,
        MarkdownTable,
        MarkdownHeading,
        Text,
    }

    private sealed record Line(LineKind Kind, string Text)
    {
        public bool StartsTable { get; init; }

        public bool IsSeparator { get; init; }
    }

    private sealed class State
    {
        public List<TextBlock> Blocks { get; } = [];

        public List<string> Pending { get; } = [];

        public int PageNumbersRemoved { get; set; }

        private List<IReadOnlyList<string>>? tabRows;
        private int linesJoined;
        private int strayWhitespace;
        private int fullWidth;
        private int repeatedHeaders;
        private bool headerRepeated;

        public string Clean(string text)
        {
            var cleaned = CleanInline(text, out var stray, out var full);
            strayWhitespace += stray;
            fullWidth += full;
            return cleaned;
        }

        public void AddBlock(TextBlock block) => Blocks.Add(block);

        public void FlushParagraph()
        {
            if (Pending.Count == 0)
            {
                return;
            }

            linesJoined += Pending.Count - 1;
            var text = Clean(JoinLines(Pending));
            Pending.Clear();
            if (text.Length > 0)
            {
                Blocks.Add(Classify(text));
            }
        }

        public void AddTabRow(string line)
        {
            var cells = line.Split('\t').Select(Clean).ToList();
            tabRows ??= [];

            // PDF extraction repeats the header row on every page: keep only the first one.
            if (tabRows.Count > 0 && SameNonEmptyCells(tabRows[0], cells))
            {
                repeatedHeaders++;
                headerRepeated = true;
                if (cells.Count > tabRows[0].Count)
                {
                    Widen(cells);
                }

                return;
            }

            tabRows.Add(cells);
        }

        /// <summary>
        /// A later page's header can show a column the first page's header merged away (an empty cell after a spanning
        /// header such as 工作任务): widen the table there, so rows taken under the narrower header line up with the rest.
        /// </summary>
        private void Widen(List<string> wider)
        {
            var narrow = tabRows![0];
            var inserts = new List<int>();
            for (int i = 0, j = 0; i < wider.Count; i++)
            {
                if (j < narrow.Count && wider[i] == narrow[j])
                {
                    j++;
                }
                else if (wider[i].Length == 0)
                {
                    inserts.Add(i);
                }
                else
                {
                    return;
                }
            }

            if (narrow.Count + inserts.Count != wider.Count)
            {
                return;
            }

            for (var r = 0; r < tabRows.Count; r++)
            {
                if (r > 0 && tabRows[r].Count != narrow.Count)
                {
                    continue;
                }

                var row = tabRows[r].ToList();
                foreach (var at in inserts)
                {
                    row.Insert(Math.Min(at, row.Count), "");
                }

                tabRows[r] = row;
            }
        }

        public void FlushTable()
        {
            if (tabRows is { Count: > 0 })
            {
                Blocks.Add(new Table(tabRows, HasHeaderRow: headerRepeated));
            }

            tabRows = null;
            headerRepeated = false;
        }

        public List<string> BuildNotes()
        {
            var notes = new List<string>();
            if (PageNumbersRemoved > 0)
            {
                notes.Add($"删除页码行 {PageNumbersRemoved} 处");
            }

            if (linesJoined > 0)
            {
                notes.Add($"合并断行 {linesJoined} 处");
            }

            if (strayWhitespace > 0)
            {
                notes.Add($"去除中文与数字、字母之间的多余空格 {strayWhitespace} 处");
            }

            if (fullWidth > 0)
            {
                notes.Add($"将全角数字、字母转换为半角 {fullWidth} 个");
            }

            if (repeatedHeaders > 0)
            {
                notes.Add($"删除表格中重复的表头行 {repeatedHeaders} 处");
            }

            return notes;
        }

        private static bool SameNonEmptyCells(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            var x = a.Where(c => c.Length > 0).ToList();
            var y = b.Where(c => c.Length > 0).ToList();
            return x.Count > 1 && x.SequenceEqual(y, StringComparer.Ordinal);
        }
    }

    [GeneratedRegex(@"^(?:[-－—–―~～_]+\s*\d{1,4}\s*[-－—–―~～_]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"^(?<hashes>#{1,6})[ \t]+(?<text>\S.*)$")]
    private static partial Regex MarkdownHeadingRegex();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex MarkdownSeparatorRegex();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|[0-9０-９]{1,3}[.．、](?![0-9０-９])|[（(][0-9０-９]{1,3}[）)]|[0-9０-９]{1,3}[）)]|第[一二三四五六七八九十百零〇0-9]+[章节条篇]|[①-⑳]|[-*+•·][ \t]|附件[0-9０-９一二三四五六七八九十]*[：:]?|(?:抄送|抄报|主送|主题词|关键词)[：:])")]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"^附件[0-9一二三四五六七八九十]*[：:]?")]
    private static partial Regex AttachmentRegex();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十百]+、|第[一二三四五六七八九十百零〇0-9]+[章篇])")]
    private static partial Regex Level1HeadingRegex();

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百零〇0-9]+节)")]
    private static partial Regex Level2HeadingRegex();
}
