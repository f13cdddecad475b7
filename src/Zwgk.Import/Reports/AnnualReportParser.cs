using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Reports;

namespace Zwgk.Import.Reports;

/// <summary>
/// A published annual report as read: unit and year from the title, the tables, and what could not be read.
/// <see cref="Missing"/> lists the national rows that are absent or whose numbers cannot be placed in their columns;
/// their numbers are never guessed. <see cref="Error"/> is set (in Chinese) when the file or its tables cannot be read at all.
/// </summary>
public sealed record ParsedAnnualReport(string? Unit, int? Year, AnnualReportTables Tables, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes, string? Error)
{
    public bool Readable => Error is null;
    public bool Complete => Readable && Missing.Count == 0;

    public static ParsedAnnualReport Unreadable(string error, string? unit = null, int? year = null) =>
        new(unit, year, new AnnualReportTables { Year = year }, [], [], error);
}

/// <summary>
/// Reads a published 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 format) in the layouts sites produce: markdown pipe
/// tables, tab-separated copies, Word or site HTML (merged cells, &lt;p&gt; inside cells), .docx, and text extracted
/// from PDF or copied from a browser with one cell per line. Labels are found by their text (numbering, spacing,
/// quotes and line breaks vary), and numbers by their position after the label.
/// </summary>
/// <remarks>
/// Traditional characters: the import layer has no conversion dictionary; the caller passes one as <c>fold</c> (the web
/// host passes the search library's ChineseNormalizer, so Zwgk.Import does not depend on Lucene). Full-width digits
/// and punctuation are folded here.
/// </remarks>
public static partial class AnnualReportParser
{
    /// <summary>Reads a file through the importer's readers (with their size and decompression limits), then parses it.</summary>
    /// <exception cref="NotSupportedException">The extension is not one the importer reads.</exception>
    public static ParsedAnnualReport Read(Stream stream, string fileName, ImportLimits? limits = null, Func<string, string>? fold = null)
    {
        string text;
        try
        {
            text = DocumentTextReader.ReadText(stream, fileName, limits);
        }
        catch (ImportRejectedException ex)
        {
            return ParsedAnnualReport.Unreadable(ex.Message);
        }

        return Parse(text, fold);
    }

    /// <summary>Parses the text of a report (see <see cref="DocumentTextReader"/> for the table conventions).</summary>
    public static ParsedAnnualReport Parse(string text, Func<string, string>? fold = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (fold is not null) text = fold(text);
        text = PrepareText(text);
        var lines = text.Split('\n');

        var (unit, year) = FindTitle(lines);
        var segments = Segment(lines);
        return new Reader(segments, unit, year).Read();
    }

    // ---------------------------------------------------------------- text → segments

    /// <summary>One table cell or text token: text, a number, or a blank cell (printed empty, or a dash).</summary>
    private readonly record struct Cell(string Text, decimal? Number, bool Blank)
    {
        public bool IsText => !Blank && Number is null;
    }

    /// <summary>
    /// Label text followed by the cells after it. From a table row (<see cref="Structured"/>): the text cells of the row
    /// and the cells after the last of them, blanks included. From free text: consecutive text lines and the numbers that follow.
    /// </summary>
    private sealed record SegmentData(string Label, List<Cell> Cells, bool Structured)
    {
        public int NumberCount => Cells.Count(c => c.Number is not null);
    }

    private static string PrepareText(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '\uFF10' and <= '\uFF19' => (char)(c - 0xFEE0), // full-width digits
                '\uFF0E' => '.',
                '\u3000' or '\u00A0' => ' ',
                '\u2029' => '\n',
                '\r' => '\n',
                _ => c,
            });
        }

        return ChineseYearRegex().Replace(sb.ToString(), m =>
            string.Concat(m.Groups["y"].Value.Select(ch => (char)('0' + "〇一二三四五六七八九".IndexOf(ch == '零' ? '〇' : ch, StringComparison.Ordinal)))) + "年");
    }

    private static List<SegmentData> Segment(string[] lines)
    {
        var segments = new List<SegmentData>();
        var label = new StringBuilder();
        var cells = new List<Cell>();

        void Flush()
        {
            if (label.Length > 0 || cells.Count > 0) segments.Add(new SegmentData(label.ToString(), [.. cells], false));
            label.Clear();
            cells.Clear();
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#')) line = line.TrimStart('#').Trim();
            if (line.Length == 0 || PageNumberRegex().IsMatch(line.Replace("|", "", StringComparison.Ordinal).Trim())) continue;

            if (StructuredCells(raw) is { } row)
            {
                Flush();
                var lastText = row.FindLastIndex(c => c.IsText);
                var text = string.Join(" ", row.Where(c => c.IsText).Select(c => c.Text));
                segments.Add(new SegmentData(text, row.Skip(lastText + 1).ToList(), true));
                continue;
            }

            // Free text: a line is a label, numbers, or a label followed by numbers (PDF text keeps a row on one line).
            // A stray cell border (“58 |” from a copy with one cell per line) is not content.
            var tokens = line.Replace('|', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseCell).ToList();
            var suffix = tokens.Count - 1;
            while (suffix >= 0 && !tokens[suffix].IsText) suffix--;
            var labelPart = suffix >= 0 ? string.Join(" ", tokens.Take(suffix + 1).Select(t => t.Text)) : null;
            var numbers = tokens.Skip(suffix + 1).ToList();
            if (labelPart is not null)
            {
                if (cells.Count > 0) Flush();
                label.Append(labelPart).Append(' ');
            }

            cells.AddRange(numbers);
        }

        Flush();
        return segments;
    }

    /// <summary>Cells of a tab-separated or pipe-table line, or null for a line of free text.</summary>
    private static List<Cell>? StructuredCells(string raw)
    {
        var line = raw.Trim(' ', '\r');
        string[] parts;
        if (line.Contains('\t'))
        {
            parts = line.Split('\t');
        }
        else if (line.StartsWith('|') || line.Count(c => c == '|') >= 2)
        {
            var inner = line.Trim();
            if (inner.StartsWith('|')) inner = inner[1..];
            if (inner.EndsWith('|')) inner = inner[..^1];
            parts = inner.Split('|');
            if (parts.All(p => SeparatorCellRegex().IsMatch(p.Trim()))) return [];
        }
        else
        {
            return null;
        }

        return parts.Select(p => ParseCell(p.Trim())).ToList();
    }

    private static Cell ParseCell(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t is "-" or "—" or "－" or "–" or "/" or "／" or "无" or "——" or "\\") return new Cell(t, null, true);
        var n = t.Replace(",", "", StringComparison.Ordinal);
        if (NumberRegex().IsMatch(n) && decimal.TryParse(n, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return new Cell(t, value, false);
        return new Cell(t, null, false);
    }

    // ---------------------------------------------------------------- title

    private static (string? Unit, int? Year) FindTitle(string[] lines)
    {
        var head = lines.Select(l => l.Replace("|", "", StringComparison.Ordinal).Trim().TrimStart('#').Trim()).Where(l => l.Length > 0).Take(40).ToList();
        var candidates = head.Concat(head.Zip(head.Skip(1), (a, b) => a + b))
            .Select(l => Regex.Replace(l, @"\s+", ""));
        foreach (var line in candidates)
        {
            var m = TitleRegex().Match(line);
            if (m.Success)
            {
                var unit = m.Groups["unit"].Success && m.Groups["unit"].Length > 0 ? m.Groups["unit"].Value
                    : m.Groups["unit2"].Success && m.Groups["unit2"].Length > 0 ? m.Groups["unit2"].Value : null;
                return (unit?.Trim('《', '》', '“', '”', '"'), int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture));
            }
        }

        // No title: the statistics period (本报告所列数据的统计期限为2024年1月1日至2024年12月31日).
        foreach (var line in lines)
        {
            var m = PeriodRegex().Match(Regex.Replace(line, @"\s+", ""));
            if (m.Success) return (null, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture));
        }

        return (null, null);
    }

    // ---------------------------------------------------------------- segments → tables

    private sealed class Reader(List<SegmentData> segments, string? unit, int? year)
    {
        private readonly AnnualReportTables tables = new() { Year = year };
        private readonly List<string> notes = [];
        private readonly HashSet<string> unreadableRows = [];
        private readonly HashSet<string> foundRows = [];
        private int lastRowIndex = -1;
        private bool anyTableNumber;

        public ParsedAnnualReport Read()
        {
            // The application rows named by each segment, reduced to the chain that ends it (prose before a table
            // can name outcomes too: only labels that follow each other as in the national table count).
            var chains = segments.Select(s => Chain(FindRows(AnnualReportFormat.Fold(s.Label)))).ToList();
            var start = chains.FindIndex(c => c.Any(r => r.Key == AnnualReportFormat.NewKey));
            if (start < 0) start = chains.FindIndex(c => c.Count > 0);
            if (start < 0)
            {
                return ParsedAnnualReport.Unreadable(
                    "未找到“收到和处理政府信息公开申请情况”表格：文件不是政府信息公开工作年度报告，或表格是图片、无法读取", unit, year);
            }

            var endOfApplications = start;
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                // Re-found with the rows seen so far: 总计 and 3.其他 alone depend on what precedes them.
                var rows = i < start ? [] : Chain(FindRows(AnnualReportFormat.Fold(s.Label)));
                if (rows.Count > 0 && lastRowIndex < AnnualReportFormat.Row(AnnualReportFormat.CarriedForwardKey).Index)
                {
                    if (s.Cells.Any(c => c.Number is not null)) anyTableNumber = true;
                    for (var k = 0; k < rows.Count; k++)
                    {
                        var isLast = k == rows.Count - 1;
                        Assign(rows[k], isLast ? s.Cells : [], s.Structured);
                    }

                    endOfApplications = i + 1;
                    continue;
                }

                if (FindDisclosureRow(AnnualReportFormat.Fold(s.Label)) is { } d) AssignDisclosure(d.Table, d.Row, s);
            }

            if (!anyTableNumber && !segments.Skip(start).Any(s => s.Structured && s.Cells.Count > 0))
            {
                return ParsedAnnualReport.Unreadable("“收到和处理政府信息公开申请情况”表格中没有可读取的数字（表格可能是图片或排版错乱）", unit, year);
            }

            ReadReview(endOfApplications);

            var missing = new List<string>();
            foreach (var row in AnnualReportFormat.ApplicationRows)
            {
                if (!tables.Applications.ContainsKey(row.Key) && tables.IsRequired(row)) missing.Add(row.PrintedLabel);
            }

            // The section 二 tables of the 2021 format; older reports printed other columns there.
            if (year is null or >= AnnualReportFormat.FirstYear)
            {
                missing.AddRange(AnnualReportFormat.DisclosureRows.Where(d => !tables.Disclosure.ContainsKey(d.Row.Key)).Select(d => d.Row.Label));
            }

            if (tables.Review is null) missing.Add(AnnualReportFormat.Sections[3].PrintedLabel);
            return new ParsedAnnualReport(unit, year, tables, missing, notes, null);
        }

        /// <summary>The application rows named in a label, in order of appearance; the numbers belong to the last one.</summary>
        private List<ApplicationRow> FindRows(string folded)
        {
            var found = new List<ApplicationRow>();
            var last = lastRowIndex;
            var i = 0;
            while (i < folded.Length)
            {
                (ApplicationRow Row, int Length)? best = null;
                foreach (var (row, form, contextual) in Forms)
                {
                    if (form.Length == 0 || (best is { } b && b.Length >= form.Length)) continue;
                    if (string.CompareOrdinal(folded, i, form, 0, form.Length) != 0) continue;
                    if (contextual && !InContext(row, last)) continue;
                    best = (row, form.Length);
                }

                if (best is { } hit)
                {
                    found.Add(hit.Row);
                    last = hit.Row.Index;
                    i += hit.Length;
                }
                else
                {
                    i++;
                }
            }

            return found;
        }

        /// <summary>Short labels (3.其他, 总计) mean a row only right after the rows that precede them in the national table.</summary>
        private static bool InContext(ApplicationRow row, int last)
        {
            var group = AnnualReportFormat.GroupRow(Domain.Requests.OutcomeGroup.Other)!.Index;
            return last >= group && last < row.Index;
        }

        /// <summary>
        /// The rows at the end of <paramref name="found"/> that follow each other in the national table (only optional
        /// group headings between them): a row of blank cells leaves its label right before the next one.
        /// </summary>
        private static List<ApplicationRow> Chain(List<ApplicationRow> found)
        {
            if (found.Count == 0) return found;
            var first = found.Count - 1;
            while (first > 0 && Adjacent(found[first - 1], found[first])) first--;
            return found.GetRange(first, found.Count - first);
        }

        private static bool Adjacent(ApplicationRow a, ApplicationRow b) =>
            b.Index > a.Index && AnnualReportFormat.ApplicationRows.Skip(a.Index + 1).Take(b.Index - a.Index - 1).All(r => !r.Required);

        private void Assign(ApplicationRow row, List<Cell> cells, bool structured)
        {
            lastRowIndex = Math.Max(lastRowIndex, row.Index);
            if (foundRows.Contains(row.Key)) return; // the first readable occurrence wins
            var isGroup = row.Kind == ApplicationRowKind.Group;
            var values = Place(cells, structured, out var problem);
            if (values is null)
            {
                if (!isGroup && problem is not null && unreadableRows.Add(row.Key)) notes.Add($"“{row.PrintedLabel}”一行{problem}，未采用");
                return;
            }

            // A group heading carries numbers only where the report prints them (the national form prints none).
            if (isGroup && values.All(v => v is null)) return;
            if (values.Any(v => v is { } d && d != decimal.Truncate(d)))
            {
                if (unreadableRows.Add(row.Key)) notes.Add($"“{row.PrintedLabel}”一行有小数，未采用");
                return;
            }

            tables.Applications[row.Key] = values.Select(v => (int)(v ?? 0)).ToArray();
            foundRows.Add(row.Key);
            if (unreadableRows.Remove(row.Key)) notes.RemoveAll(n => n.StartsWith($"“{row.PrintedLabel}”", StringComparison.Ordinal));
        }

        /// <summary>
        /// The seven values of a row, or null when they cannot be placed. Table rows: the last seven cells (a label
        /// spanning columns leaves blanks before them; blanks are 0). Free text: exactly seven numbers, or none at all
        /// (a row of blank cells leaves nothing in extracted text).
        /// </summary>
        private static decimal?[]? Place(List<Cell> cells, bool structured, out string? problem)
        {
            problem = null;
            var n = AnnualReportFormat.ColumnCount;
            if (cells.Count == 0)
            {
                if (structured)
                {
                    problem = "没有数字";
                    return null;
                }

                return new decimal?[n];
            }

            if (cells.Any(c => c.IsText))
            {
                problem = "含有非数字内容";
                return null;
            }

            // Table row (blanks kept) or free text with dashes: position is known when there are at least seven cells
            // and any extra ones are blank (label cells spanning columns before them, empty cells after).
            if (Fit(cells, n) is { } fitted)
            {
                return fitted.Select(c => c.Number).ToArray();
            }

            problem = $"有{cells.Count}个数值，与{n}列对不上，无法确定各数所在列";
            return null;
        }

        /// <summary>Exactly <paramref name="n"/> cells once blank cells beyond them are dropped (first before, then after), or null.</summary>
        private static List<Cell>? Fit(List<Cell> cells, int n)
        {
            if (cells.Count < n) return null;
            var from = 0;
            var to = cells.Count;
            while (to - from > n && cells[from].Blank) from++;
            while (to - from > n && cells[to - 1].Blank) to--;
            return to - from == n ? cells.GetRange(from, n) : null;
        }

        private (DisclosureTable Table, DisclosureRow Row)? FindDisclosureRow(string folded)
        {
            (DisclosureTable, DisclosureRow)? best = null;
            var bestEnd = -1;
            foreach (var (table, row) in AnnualReportFormat.DisclosureRows)
            {
                foreach (var form in row.Variants.Prepend(row.Label).Select(AnnualReportFormat.Fold))
                {
                    // The row label is the end of the label text (a header may precede it in the same run).
                    if (folded.EndsWith(form, StringComparison.Ordinal) && form.Length > bestEnd)
                    {
                        best = (table, row);
                        bestEnd = form.Length;
                    }
                }
            }

            return best;
        }

        private void AssignDisclosure(DisclosureTable table, DisclosureRow row, SegmentData s)
        {
            if (tables.Disclosure.ContainsKey(row.Key) || s.Cells.Count == 0) return;
            var n = table.Columns.Count;
            var cells = s.Cells;
            if (cells.Any(c => c.IsText) || Fit(cells, n) is not { } fitted) return;
            var values = fitted.Select(c => c.Number ?? 0).ToArray();
            if (!table.Amount && values.Any(v => v != decimal.Truncate(v))) return;
            tables.Disclosure[row.Key] = values;
        }

        /// <summary>Section 四: the fifteen numbers after the 行政复议 header, in table order.</summary>
        private void ReadReview(int from)
        {
            if (from < 0) from = 0;
            var start = -1;
            for (var i = from; i < segments.Count; i++)
            {
                var f = AnnualReportFormat.Fold(segments[i].Label);
                if (f.Contains("行政复议", StringComparison.Ordinal) || f.Contains("结果维持", StringComparison.Ordinal))
                {
                    start = i;
                    break;
                }
            }

            if (start < 0) return;
            var values = new List<int>();
            for (var i = start; i < segments.Count && values.Count < AnnualReportFormat.ReviewCellCount; i++)
            {
                var s = segments[i];
                var f = AnnualReportFormat.Fold(s.Label);
                if (i > start && AnnualReportFormat.Sections.Skip(4).Any(sec => f.Contains(AnnualReportFormat.Fold(sec.PrintedLabel), StringComparison.Ordinal)
                        || sec.Variants.Any(v => f.Contains(AnnualReportFormat.Fold(sec.Numeral + v), StringComparison.Ordinal))))
                {
                    break;
                }

                // Header rows of a table have text and blanks only; data rows have numbers (blanks there are 0).
                if (s.NumberCount == 0 || s.Cells.Any(c => c.IsText)) continue;
                if (s.Cells.Any(c => c.Number is { } d && d != decimal.Truncate(d))) return;
                values.AddRange(s.Cells.Select(c => (int)(c.Number ?? 0)));
            }

            if (values.Count >= AnnualReportFormat.ReviewCellCount)
            {
                if (values.Count > AnnualReportFormat.ReviewCellCount) notes.Add("“四、政府信息公开行政复议、行政诉讼情况”表格后有多余的数字，只取前15个");
                tables.Review = values.Take(AnnualReportFormat.ReviewCellCount).ToArray();
            }
            else if (values.Count > 0)
            {
                notes.Add($"“四、政府信息公开行政复议、行政诉讼情况”表格只读到{values.Count}个数字（应为15个），未采用");
            }
        }
    }

    /// <summary>Every folded form of every application row: the national label and the variants, with and without the numeral.</summary>
    private static readonly List<(ApplicationRow Row, string Form, bool Contextual)> Forms = BuildForms();

    private static List<(ApplicationRow, string, bool)> BuildForms()
    {
        var forms = new List<(ApplicationRow, string, bool)>();
        foreach (var row in AnnualReportFormat.ApplicationRows)
        {
            // 其他 and 总计 alone are also column headers: with their numeral they are the row; alone only in place.
            var ambiguous = row.Key is AnnualReportFormat.TotalKey || row.Outcome == Domain.Requests.Outcome.OtherMisc;
            foreach (var body in row.Variants.Prepend(row.Label))
            {
                var numeral = AnnualReportFormat.Fold(row.Numeral);
                var bare = AnnualReportFormat.Fold(body);
                forms.Add((row, numeral + bare, false));
                if (numeral.StartsWith('(') && numeral.EndsWith(')'))
                {
                    forms.Add((row, numeral.Trim('(', ')') + bare, ambiguous)); // 七、总计 / 一、予以公开 (sites vary)
                }
                else if (numeral.Length > 0 && char.IsAsciiDigit(numeral[0]))
                {
                    forms.Add((row, "(" + numeral + ")" + bare, false)); // （3）其他
                }

                forms.Add((row, bare, ambiguous));
            }
        }

        return forms;
    }

    [GeneratedRegex(@"^(?:\d+|\d+\.\d+)$")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex SeparatorCellRegex();

    [GeneratedRegex(@"^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"(?<y>[〇零一二三四五六七八九]{4})年")]
    private static partial Regex ChineseYearRegex();

    [GeneratedRegex(@"(?:(?<unit>[^\d>|/:：，。]{2,40}?)(?<year>(?:19|20)\d{2})年度?|(?<year>(?:19|20)\d{2})年度?(?<unit2>[^\d>|/:：，。]{2,40}?))政府信息公开(?:工作)?年度报告")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"统计期限[为是自从]?(?<year>(?:19|20)\d{2})年1月1日")]
    private static partial Regex PeriodRegex();
}
