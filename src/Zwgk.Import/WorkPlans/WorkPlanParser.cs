using System.Text.RegularExpressions;
using Zwgk.Domain.Ledger;
using static Zwgk.Import.WorkPlans.WorkPlanText;

namespace Zwgk.Import.WorkPlans;

/// <summary>
/// Turns a 工作要点 into sections and tasks. Layouts: a task table (tab-separated as the reader writes tables, markdown
/// pipe rows, or PDF-extracted text without tabs whose cells wrap over lines), a numbered list with inline
/// "（责任单位：…）", or plain （一） paragraphs. When the 正文 and a 附件 table describe the same tasks, the table wins and
/// the 正文 paragraph is linked to each task (BodyText/BodyLine), never turned into a second task.
/// </summary>
public static partial class WorkPlanParser
{
    internal const int MaxLines = 100_000;
    internal const int MaxLineLength = 20_000;
    internal const int MaxTasks = 5_000;
    internal const int MaxRequirement = 20_000;

    /// <summary>Reads a file through the importer's reader (its size and decompression limits apply), then parses it.</summary>
    /// <exception cref="NotSupportedException">The extension is not one the importer reads.</exception>
    /// <exception cref="ImportRejectedException">The file is empty, corrupt or over a limit (message in Chinese).</exception>
    public static ParsedWorkPlan Read(Stream stream, string fileName, ImportLimits limits, int? year = null, Func<string, string>? fold = null)
    {
        var text = DocumentTextReader.ReadText(stream, fileName, limits);
        return Parse(text, year, fold);
    }

    /// <summary>Parses text as <see cref="DocumentTextReader.ReadText"/> returns it. <paramref name="year"/> wins over the
    /// title's year; <paramref name="fold"/> (traditional → simplified) is applied to the text first. Never throws on odd input.</summary>
    public static ParsedWorkPlan Parse(string text, int? year = null, Func<string, string>? fold = null)
    {
        text ??= string.Empty;
        try
        {
            if (fold is not null)
            {
                text = fold(text);
            }

            return new Reader(text, year).Run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            // A reader bug must not take the upload page down; the staff see that nothing was read, and why.
            return new ParsedWorkPlan(null, year, "paragraphs", [], [], [$"解析失败：{ex.GetType().Name}"]);
        }
    }

    // ---------------------------------------------------------------- model while reading

    internal sealed class Line
    {
        public required int No { get; init; }
        public required string Raw { get; init; }   // tabs kept, U+2029 and markdown heading marks removed
        public required string Text { get; init; } // squashed
        public string[]? Cells { get; init; }        // a tab or pipe table row
        public bool Blank => Cells is null && Text.Length == 0;
    }

    private sealed class Section
    {
        public int Index;
        public int? Parent;
        public int Level;
        public int Number;
        public string Numeral = string.Empty;
        public string Title = string.Empty;
        public int Line;
        public int ParagraphStart;
        public int ParagraphEnd;
        public string? Paragraph;
        public bool FromBody;

        private string? keyOf;
        private string keyValue = string.Empty;

        /// <summary><see cref="WorkPlanText.Key"/> of the title, cached (tables compare every row against every heading).</summary>
        public string TitleKey
        {
            get
            {
                if (!ReferenceEquals(keyOf, Title))
                {
                    keyValue = Key(Title);
                    keyOf = Title;
                }

                return keyValue;
            }
        }

        public string NumberText => Number == 0 ? string.Empty : Level == 1 ? Numeral + "、" : "（" + Numeral + "）";
    }

    private sealed class Draft
    {
        public string? Number;
        public Section? Section;
        public string Requirement = string.Empty;
        public List<UnitMention> Leads = [];
        public List<UnitMention> Responsible = [];
        public string? DeadlineText;
        public string Source = string.Empty;
        public int FirstLine;
        public int LastLine;
        public string? BodyText;
        public int? BodyLine;
        public bool UnitsFromColumns;
    }

    private sealed partial class Reader
    {
        private readonly List<Line> lines;
        private readonly int? yearArg;
        private readonly List<Section> sections = [];
        private readonly List<Draft> drafts = [];
        private readonly List<string> notes = [];
        private int? year;
        private string? title;
        private bool capped;

        public Reader(string text, int? year)
        {
            yearArg = year;
            lines = SplitLines(text);
        }

        public ParsedWorkPlan Run()
        {
            (title, var titleYear) = FindTitle();
            year = yearArg ?? titleYear;

            var tableStart = FindStructuredHeader(0);
            var looseStart = tableStart < 0 ? FindLooseHeader() : -1;
            var bodyEnd = tableStart >= 0 ? tableStart : looseStart >= 0 ? looseStart : lines.Count;
            ReadBodyHeadings(bodyEnd);

            string layout;
            if (tableStart >= 0)
            {
                layout = "table";
                ReadStructuredTables(tableStart);
            }
            else if (looseStart >= 0)
            {
                layout = "table";
                ReadLooseTable(looseStart);
            }
            else
            {
                layout = string.Empty;
            }

            if (drafts.Count > 0)
            {
                LinkBody();
            }
            else if (ReadList(bodyEnd))
            {
                layout = "list";
            }
            else
            {
                layout = "paragraphs";
                ReadParagraphs(bodyEnd);
            }

            ApplyLeadFirstRule();
            if (capped)
            {
                notes.Add($"任务数超过上限{MaxTasks}项，其余未读取");
            }

            return Build(layout);
        }

        // ---------------------------------------------------------------- lines, title, year

        private static List<Line> SplitLines(string text)
        {
            var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
            var result = new List<Line>(Math.Min(raw.Length, MaxLines));
            for (var i = 0; i < raw.Length && i < MaxLines; i++)
            {
                var r = raw[i].Replace("\u2029", string.Empty, StringComparison.Ordinal).TrimEnd();
                if (r.Length > MaxLineLength)
                {
                    r = r[..MaxLineLength];
                }

                var trimmed = r.TrimStart();
                if (trimmed.StartsWith('#'))
                {
                    var m = MarkdownHeadingRegex().Match(trimmed);
                    if (m.Success)
                    {
                        r = m.Groups["t"].Value;
                    }
                }

                string[]? cells = null;
                if (r.Contains('\t', StringComparison.Ordinal))
                {
                    cells = r.Split('\t').Select(c => c.Trim()).ToArray();
                }
                else if (r.TrimStart().StartsWith('|') && r.Count(c => c == '|') >= 2)
                {
                    cells = PipeCells(r.Trim());
                }

                result.Add(new Line { No = i + 1, Raw = r, Text = cells is null ? Squash(r) : string.Empty, Cells = cells });
            }

            return result;
        }

        private static string[]? PipeCells(string line)
        {
            if (PipeSeparatorRegex().IsMatch(line))
            {
                return [];
            }

            var inner = line.Trim();
            if (inner.StartsWith('|'))
            {
                inner = inner[1..];
            }

            if (inner.EndsWith('|') && !inner.EndsWith("\\|", StringComparison.Ordinal))
            {
                inner = inner[..^1];
            }

            return inner.Split('|').Select(c => CellBreakRegex().Replace(c, "\n").Trim()).Select(c => TagRegex().Replace(c, string.Empty)).ToArray();
        }

        private (string? Title, int? Year) FindTitle()
        {
            string? fallback = null;
            var seen = 0;
            foreach (var line in lines)
            {
                if (line.Blank || line.Cells is not null)
                {
                    continue;
                }

                if (++seen > 120)
                {
                    break;
                }

                var t = line.Text;
                if (t.Length > 60 || t.StartsWith('《') || t.Contains("关于印发", StringComparison.Ordinal) || t.EndsWith("通知", StringComparison.Ordinal) || t.StartsWith("附件", StringComparison.Ordinal))
                {
                    continue;
                }

                if (t.Contains("工作要点", StringComparison.Ordinal))
                {
                    return (t, YearOf(t));
                }

                if (fallback is null && FallbackTitleRegex().IsMatch(t))
                {
                    fallback = t;
                }
            }

            return fallback is null ? (null, null) : (fallback, YearOf(fallback));
        }

        private static int? YearOf(string t)
        {
            var m = YearRegex().Match(t);
            return m.Success && int.TryParse(m.Groups["y"].Value, out var y) && y is >= 1990 and <= 2200 ? y : null;
        }

        // ---------------------------------------------------------------- body headings

        private void ReadBodyHeadings(int end)
        {
            Section? l1 = null;
            var lastL2Global = 0;
            var lastL2InL1 = 0;
            Section? open = null;
            for (var i = 0; i < end; i++)
            {
                var line = lines[i];
                if (line.Cells is not null || line.Blank || PageNumberRegex().IsMatch(line.Text))
                {
                    continue;
                }

                var t = line.Text;
                if (TryLevel1(t, out var n1, out var numeral1, out var rest1) && (l1 is null ? n1 <= 3 : n1 == l1.Number + 1) && !rest1.StartsWith('是'))
                {
                    Close(open, i);
                    l1 = Add(1, null, n1, numeral1, HeadingTitle(rest1, 50), line.No, fromBody: true);
                    l1.ParagraphStart = i;
                    open = l1;
                    lastL2InL1 = 0;
                    continue;
                }

                if (l1 is not null && TryLevel2(t, out var n2, out var numeral2, out var rest2) && (n2 == lastL2InL1 + 1 || n2 == lastL2Global + 1 || (lastL2InL1 == 0 && n2 == 1)))
                {
                    Close(open, i);
                    var s = Add(2, l1.Index, n2, numeral2, HeadingTitle(rest2.Length > 0 ? rest2 : t), line.No, fromBody: true);
                    if (rest2.Length == 0 || (rest2.IndexOf('。') is var stop && (stop < 0 || stop > 60) && rest2.Length > 40))
                    {
                        // The 。 ending the heading may be on the next wrapped line: take the title from the paragraph later.
                        s.Title = string.Empty;
                    }

                    s.ParagraphStart = i;
                    open = s;
                    lastL2InL1 = n2;
                    lastL2Global = n2;
                }
            }

            Close(open, end);
        }

        private void Close(Section? s, int end)
        {
            if (s is null)
            {
                return;
            }

            s.ParagraphEnd = end;
            var text = JoinWrapped(lines.Skip(s.ParagraphStart).Take(end - s.ParagraphStart)
                .Where(l => l.Cells is null && !PageNumberRegex().IsMatch(l.Text) && !AttachmentLineRegex().IsMatch(l.Text))
                .Select(l => l.Text));
            s.Paragraph = text.Length > 4000 ? text[..4000] : text;
            if (s.Title.Length == 0)
            {
                TryLevel2(text, out _, out _, out var rest);
                s.Title = HeadingTitle(rest);
            }
        }

        private Section Add(int level, int? parent, int number, string numeral, string headingTitle, int line, bool fromBody)
        {
            var s = new Section
            {
                Index = sections.Count + 1, Parent = parent, Level = level, Number = number, Numeral = numeral,
                Title = headingTitle, Line = line, FromBody = fromBody,
            };
            sections.Add(s);
            return s;
        }

        /// <summary>The section a table cell names: by number (under <paramref name="parent"/> first), else by title; added when new.</summary>
        private Section FindOrAdd(int level, string cell, Section? parent, int line)
        {
            var t = Squash(cell.Replace('\n', ' '));
            int number = 0;
            string numeral = string.Empty, rest = t;
            if (level == 1 && TryLevel1(t, out var n1, out var nm1, out var r1))
            {
                (number, numeral, rest) = (n1, nm1, r1);
            }
            else if (level == 2 && TryLevel2(t, out var n2, out var nm2, out var r2))
            {
                (number, numeral, rest) = (n2, nm2, r2);
            }

            var headingTitle = HeadingTitle(rest);
            if (number > 0)
            {
                var byNumber = sections.FirstOrDefault(s => s.Level == level && s.Number == number && (level == 1 || s.Parent == parent?.Index))
                    ?? (level == 2 ? UniqueOrNull(sections.Where(s => s.Level == 2 && s.Number == number && SameKey(s.Title, headingTitle))) : null);
                if (byNumber is not null)
                {
                    return byNumber;
                }
            }
            else
            {
                var key = Key(headingTitle);
                var byTitle = sections.FirstOrDefault(s => s.Level == level && s.TitleKey == key && (level == 1 || parent is null || s.Parent == parent.Index))
                    ?? sections.FirstOrDefault(s => s.Level == level && s.TitleKey == key);
                if (byTitle is not null)
                {
                    return byTitle;
                }
            }

            return Add(level, level == 2 ? parent?.Index : null, number, numeral, headingTitle, line, fromBody: false);
        }

        private static Section? UniqueOrNull(IEnumerable<Section> candidates)
        {
            var list = candidates.Take(2).ToList();
            return list.Count == 1 ? list[0] : null;
        }

        private static bool SameKey(string a, string b) => Key(a) == Key(b);

        /// <summary>A known heading whose key equals <paramref name="key"/> (level 0 = any).</summary>
        private Section? HeadingByKey(string key, int level = 0) =>
            key.Length == 0 ? null : sections.FirstOrDefault(s => (level == 0 || s.Level == level) && s.Title.Length > 0 && s.TitleKey == key);

        // ---------------------------------------------------------------- drafts → result

        private Draft? NewDraft()
        {
            if (drafts.Count >= MaxTasks)
            {
                capped = true;
                return null;
            }

            var d = new Draft();
            drafts.Add(d);
            return d;
        }

        private void ApplyLeadFirstRule()
        {
            var all = string.Concat(lines.Select(l => l.Cells is null ? l.Text : string.Join(string.Empty, l.Cells)));
            if (!LeadFirstRegex().IsMatch(all))
            {
                return;
            }

            var applied = 0;
            foreach (var d in drafts.Where(d => d.Leads.Count == 0 && d.Responsible.Count > 0))
            {
                d.Leads.Add(d.Responsible[0]);
                d.Responsible.RemoveAt(0);
                applied++;
            }

            if (applied > 0)
            {
                notes.Add($"文件说明排在第一位的为牵头单位：{applied}项任务的第一个责任单位已作为牵头单位");
            }
        }

        private ParsedWorkPlan Build(string layout)
        {
            if (year is null)
            {
                // No year in the title: the year most deadline cells name (a plan's deadlines fall in its own year).
                var years = drafts.Select(d => d.DeadlineText is null ? null : YearOf(d.DeadlineText)).OfType<int>()
                    .GroupBy(y => y).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
                if (years.Count > 0)
                {
                    year = years[0].Key;
                    notes.Add($"标题中没有年度，按完成时限中最常见的年份定为{year}年");
                }
            }

            var parsedSections = sections.Select(s => new ParsedSection(s.Index, s.Parent, s.Level, s.NumberText, s.Title, s.Line)).ToList();
            var tasks = new List<ParsedTask>(drafts.Count);
            var order = 0;
            var withoutUnits = 0;
            foreach (var d in drafts)
            {
                var requirement = d.Requirement.Length > MaxRequirement ? d.Requirement[..MaxRequirement] : d.Requirement;
                var (req, measures) = SplitMeasures(requirement);
                if (d.Leads.Count == 0 && d.Responsible.Count == 0)
                {
                    withoutUnits++;
                }

                tasks.Add(new ParsedTask(
                    ++order, d.Number, d.Section?.Index, req, measures, d.Leads, d.Responsible, d.DeadlineText,
                    DeadlineParser.Parse(d.DeadlineText, year), DeadlineParser.FindMilestones(req, year),
                    d.Source, d.FirstLine, d.BodyText, d.BodyLine));
            }

            if (withoutUnits > 0)
            {
                notes.Add($"{withoutUnits}项任务未写明责任单位");
            }

            if (year is null)
            {
                notes.Add("未能确定年度：没有年份的完成时限无法换算为日期");
            }

            notes.Insert(0, layout switch
            {
                "table" => $"按任务分工表格读取：{sections.Count}个章节，{tasks.Count}项任务",
                "list" => $"按编号列表读取：{sections.Count}个章节，{tasks.Count}项任务",
                _ => $"未发现任务表格或编号列表，按段落读取：{sections.Count}个章节，{tasks.Count}项任务",
            });
            return new ParsedWorkPlan(title, year, layout, parsedSections, tasks, notes);
        }

        [GeneratedRegex(@"^\s*#{1,6}\s+(?<t>.*)$")]
        private static partial Regex MarkdownHeadingRegex();

        [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")]
        private static partial Regex PipeSeparatorRegex();

        [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/\s*p\s*>\s*<\s*p(?:\s[^>]*)?>|<\s*/?\s*p(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
        private static partial Regex CellBreakRegex();

        [GeneratedRegex(@"<[^>]{0,200}>")]
        private static partial Regex TagRegex();

        [GeneratedRegex(@"(?<y>\d{4})年")]
        private static partial Regex YearRegex();

        [GeneratedRegex(@"要点|工作计划|任务分工|任务分解|任务清单|重点工作任务|工作台账|责任分工|工作方案|实施方案")]
        private static partial Regex FallbackTitleRegex();

        [GeneratedRegex(@"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")]
        internal static partial Regex PageNumberRegex();

        [GeneratedRegex(@"^附件\s*\d*\s*[:：]?")]
        private static partial Regex AttachmentLineRegex();

        [GeneratedRegex(@"(?:排在?第一位?|排名第一|排序第一|排在首位|首位|第一个|位列第一|排名首位)[^。\n]{0,12}牵头")]
        private static partial Regex LeadFirstRegex();
    }
}
