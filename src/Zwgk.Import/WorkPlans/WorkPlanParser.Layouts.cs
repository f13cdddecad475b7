using System.Text.RegularExpressions;
using Zwgk.Domain.Ledger;
using static Zwgk.Import.WorkPlans.WorkPlanText;

namespace Zwgk.Import.WorkPlans;

public static partial class WorkPlanParser
{
    private enum Role
    {
        Other,
        Number,
        Task,
        Requirement,
        Lead,
        Responsible,
        Deadline,
    }

    private static readonly string[] HeaderWords =
    [
        "序号", "编号", "工作任务", "重点任务", "主要任务", "具体要求", "具体措施", "工作措施", "任务内容", "工作内容", "主要内容",
        "具体内容", "具体任务", "牵头单位", "牵头部门", "责任单位", "责任部门", "配合单位", "配合部门", "完成时限", "完成时间",
        "时间节点", "时限要求", "备注",
    ];

    private sealed partial class Reader
    {
        // ---------------------------------------------------------------- structured tables (tab / pipe rows)

        private static Role Classify(string cell)
        {
            var k = Key(cell);
            if (k.Length == 0)
            {
                return Role.Other;
            }

            if (k is "序号" or "编号" or "序" || k.StartsWith("序号", StringComparison.Ordinal))
            {
                return Role.Number;
            }

            if (k.Contains("牵头", StringComparison.Ordinal))
            {
                return Role.Lead;
            }

            if (ResponsibleHeaderRegex().IsMatch(k))
            {
                return Role.Responsible;
            }

            if (DeadlineHeaderRegex().IsMatch(k))
            {
                return Role.Deadline;
            }

            if (RequirementHeaderRegex().IsMatch(k))
            {
                return Role.Requirement;
            }

            if (TaskHeaderRegex().IsMatch(k))
            {
                return Role.Task;
            }

            return Role.Other;
        }

        private static Role[]? HeaderRoles(string[]? cells)
        {
            if (cells is null || cells.Length < 2 || cells.Any(c => Key(c).Length > 12))
            {
                return null;
            }

            var roles = new Role[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                roles[i] = Classify(cells[i]);
                if (roles[i] == Role.Other && Key(cells[i]).Length == 0 && i > 0 && roles[i - 1] == Role.Task)
                {
                    roles[i] = Role.Task; // a 工作任务 header spanning two columns (section, subsection)
                }
            }

            if (roles.Count(r => r != Role.Other) < 2 || !roles.Any(r => r is Role.Requirement or Role.Task)
                || !roles.Any(r => r is Role.Lead or Role.Responsible or Role.Deadline))
            {
                return null;
            }

            if (!roles.Contains(Role.Requirement))
            {
                roles[Array.LastIndexOf(roles, Role.Task)] = Role.Requirement;
            }

            return roles;
        }

        private int FindStructuredHeader(int from)
        {
            for (var i = from; i < lines.Count; i++)
            {
                if (HeaderRoles(lines[i].Cells) is not null)
                {
                    return i;
                }
            }

            return -1;
        }

        private string TableLabel(int start) =>
            lines.Take(start).Any(l => l.Cells is null && AttachmentLineRegex().IsMatch(l.Text)) ? "附件表格" : "表格";

        private void ReadStructuredTables(int start)
        {
            var label = TableLabel(start);
            Section? l1 = null, l2 = null;
            Draft? prev = null;
            Role[] roles = HeaderRoles(lines[start].Cells)!;
            var rowOrdinal = 0;
            var shifted = new List<string>();
            var inheritedUnits = new List<string>();
            var inheritedDeadline = new List<string>();
            var continued = new List<string>();
            var i = start + 1;
            while (i < lines.Count)
            {
                var line = lines[i];
                if (line.Cells is null)
                {
                    if (line.Blank || PageNumberRegex().IsMatch(line.Text))
                    {
                        i++;
                        continue;
                    }

                    // Text between tables: the table ended; another task table may follow further down.
                    var next = FindStructuredHeader(i);
                    if (next < 0)
                    {
                        break;
                    }

                    roles = HeaderRoles(lines[next].Cells)!;
                    i = next + 1;
                    continue;
                }

                var cells = line.Cells;
                i++;
                if (cells.Length == 0 || cells.All(c => c.Length == 0))
                {
                    continue;
                }

                if (HeaderRoles(cells) is { } again)
                {
                    roles = again; // header repeated at a page break, maybe with a different column count
                    continue;
                }

                var reqCol = Array.IndexOf(roles, Role.Requirement);
                string Cell(int c) => c >= 0 && c < cells.Length ? cells[c] : string.Empty;

                // A subsection heading written in the requirement column shifts the rest of the row right by one.
                var offset = 0;
                var extraHeadings = new List<string>();
                while (offset < 2 && IsHeadingCell(Cell(reqCol + offset)) && Cell(reqCol + offset + 1) is { } after
                       && (after.Length > 30 || after.Contains('。', StringComparison.Ordinal)))
                {
                    extraHeadings.Add(Cell(reqCol + offset));
                    offset++;
                }

                string Value(int col) => col < 0 ? string.Empty : col >= reqCol ? Cell(col + offset) : Cell(col);
                IEnumerable<int> Cols(Role r) => Enumerable.Range(0, roles.Length).Where(c => roles[c] == r);

                // Section cells: empty = same as above (merged cell); a repeated section keeps its subsection.
                var headingCells = new List<(int Level, string Text)>();
                var position = 0;
                foreach (var col in Cols(Role.Task))
                {
                    foreach (var part in Cell(col).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        headingCells.Add((HeadingLevel(part, position == 0 ? 1 : 2), part));
                    }

                    position++;
                }

                headingCells.AddRange(extraHeadings.Select(h => (HeadingLevel(h, 2), h)));
                foreach (var (level, text) in headingCells)
                {
                    ApplyHeading(level == 1 ? FindOrAdd(1, text, null, line.No) : FindOrAdd(2, text, l1, line.No), ref l1, ref l2);
                }

                var requirement = Value(reqCol).Trim();
                if (requirement.Length == 0)
                {
                    continue; // a section row
                }

                if (TrySplitGluedHeading(requirement, l1, line.No, out var glued, out var rest))
                {
                    ApplyHeading(glued, ref l1, ref l2);
                    requirement = rest;
                }

                var number = Cols(Role.Number).Select(Value).FirstOrDefault(v => v.Length > 0)?.Trim();
                var leadCells = Cols(Role.Lead).Select(Value).ToList();
                var respCells = Cols(Role.Responsible).Select(Value).ToList();
                var deadlineCol = Cols(Role.Deadline).FirstOrDefault(-1);
                var deadline = Squash(Value(deadlineCol).Replace('\n', ' '));
                var hasUnitColumns = leadCells.Count + respCells.Count > 0;
                var unitsEmpty = leadCells.Concat(respCells).All(c => c.Trim().Length == 0);

                if (Cols(Role.Number).Any() && string.IsNullOrEmpty(number) && prev is not null && unitsEmpty && deadline.Length == 0 && headingCells.Count == 0)
                {
                    prev.Requirement += "\n" + SquashLines(requirement);
                    prev.LastLine = line.No;
                    continued.Add(prev.Number ?? prev.Source);
                    continue;
                }

                var d = NewDraft();
                if (d is null)
                {
                    break;
                }

                rowOrdinal++;
                d.Number = string.IsNullOrEmpty(number) ? null : number;
                d.Section = l2 ?? l1;
                d.Requirement = SquashLines(requirement);
                d.FirstLine = d.LastLine = line.No;
                d.Source = d.Number is not null ? $"{label} 序号{d.Number}（第{line.No}行）" : $"{label} 第{rowOrdinal}项（第{line.No}行）";
                var name = d.Number is not null ? $"序号{d.Number}" : $"第{rowOrdinal}项";
                if (offset > 0)
                {
                    shifted.Add(name);
                }

                if (hasUnitColumns)
                {
                    foreach (var c in leadCells)
                    {
                        d.Leads.AddRange(UnitNames.Split(c));
                    }

                    foreach (var c in respCells)
                    {
                        d.Responsible.AddRange(UnitNames.Split(c));
                    }

                    MoveMarkedLeads(d);
                    d.UnitsFromColumns = true;
                    if (unitsEmpty && TryExtractUnits(d.Requirement, out var r2, out var l2s, out var rs2, out var r2Deadline))
                    {
                        (d.Requirement, d.Leads, d.Responsible) = (r2, l2s, rs2);
                        d.DeadlineText ??= r2Deadline;
                    }
                    else if (unitsEmpty && prev is not null && (prev.Leads.Count + prev.Responsible.Count) > 0)
                    {
                        d.Leads.AddRange(prev.Leads);
                        d.Responsible.AddRange(prev.Responsible);
                        inheritedUnits.Add(name);
                    }
                }
                else if (TryExtractUnits(d.Requirement, out var r, out var ls, out var rs, out var rDeadline))
                {
                    (d.Requirement, d.Leads, d.Responsible) = (r, ls, rs);
                    d.DeadlineText ??= rDeadline;
                }

                if (deadlineCol >= 0)
                {
                    if (deadline.Length > 0)
                    {
                        d.DeadlineText = deadline;
                    }
                    else if (prev?.DeadlineText is not null)
                    {
                        d.DeadlineText = prev.DeadlineText;
                        inheritedDeadline.Add(name);
                    }
                }

                prev = d;
            }

            if (shifted.Count > 0)
            {
                notes.Add($"{string.Join("、", shifted)}：单元格错位（章节标题写在具体要求列），已按内容纠正");
            }

            if (inheritedUnits.Count > 0)
            {
                notes.Add($"{string.Join("、", inheritedUnits)}：责任单位为空，按合并单元格沿用上一行");
            }

            if (inheritedDeadline.Count > 0)
            {
                notes.Add($"{string.Join("、", inheritedDeadline)}：完成时限为空，按合并单元格沿用上一行");
            }

            if (continued.Count > 0)
            {
                notes.Add($"{string.Join("、", continued)}：跨页续行已并入该任务");
            }
        }

        private static void ApplyHeading(Section s, ref Section? l1, ref Section? l2)
        {
            if (s.Level == 1)
            {
                if (!ReferenceEquals(s, l1))
                {
                    l1 = s;
                    l2 = null;
                }
            }
            else
            {
                l2 = s;
            }
        }

        private void ApplyHeadingWithParent(Section s, ref Section? l1, ref Section? l2)
        {
            if (s.Level == 2 && s.Parent is { } p && (l1 is null || l1.Index != p))
            {
                l1 = sections[p - 1];
            }

            ApplyHeading(s, ref l1, ref l2);
        }

        private int HeadingLevel(string cell, int positional)
        {
            var s = Squash(cell);
            if (TryLevel1(s, out _, out _, out _))
            {
                return 1;
            }

            if (TryLevel2(s, out _, out _, out _))
            {
                return 2;
            }

            return HeadingByKey(Key(s))?.Level ?? positional;
        }

        private bool IsHeadingCell(string cell)
        {
            var s = Squash(cell.Replace('\n', ' '));
            if (s.Length == 0 || s.Length > 40 || s.Contains('。', StringComparison.Ordinal))
            {
                return false;
            }

            return TryLevel2(s, out _, out _, out _) || TryLevel1(s, out _, out _, out _) || HeadingByKey(Key(s)) is not null;
        }

        /// <summary>"(一)以经济…工作 对支持…": a subsection heading glued in front of the requirement inside one cell.</summary>
        private bool TrySplitGluedHeading(string requirement, Section? l1, int line, out Section section, out string rest)
        {
            section = null!;
            rest = requirement;
            var m = GluedNumberRegex().Match(requirement);
            if (!m.Success)
            {
                return false;
            }

            var level = m.Groups["l2"].Success ? 2 : 1;
            var number = ChineseNumber(m.Groups[level == 2 ? "l2" : "l1"].Value);
            var after = requirement[m.Length..];
            var known = sections.FirstOrDefault(s => s.Level == level && s.Number == number && (level == 1 || s.Parent == l1?.Index))
                ?? (level == 2 ? UniqueOrNull(sections.Where(s => s.Level == 2 && s.Number == number)) : null);
            if (known is { Title.Length: > 0 })
            {
                var key = Key(known.Title);
                var k = 0;
                var pos = 0;
                while (pos < after.Length && k < key.Length)
                {
                    var c = Key(after[pos].ToString());
                    if (c.Length == 0)
                    {
                        pos++;
                        continue;
                    }

                    if (c[0] != key[k])
                    {
                        break;
                    }

                    k++;
                    pos++;
                }

                if (k == key.Length)
                {
                    var remainder = after[pos..].TrimStart(' ', '\u3000', '\n', '。', '，', ',', '.', '：', ':', '；', ';');
                    if (remainder.Length > 0)
                    {
                        section = known;
                        rest = remainder;
                        return true;
                    }
                }
            }

            // Unknown heading: it ends at the first space (the cell's line break), when that comes early and before any 。.
            var space = after.IndexOfAny([' ', '\n', '\u3000']);
            if (space is >= 4 and <= 50 && !after[..space].Contains('。', StringComparison.Ordinal) && after[(space + 1)..].Trim().Length > 0)
            {
                section = FindOrAdd(level, m.Value + after[..space], l1, line);
                rest = after[(space + 1)..].Trim();
                return true;
            }

            return false;
        }

        private static void MoveMarkedLeads(Draft d)
        {
            for (var k = d.Responsible.Count - 1; k >= 0; k--)
            {
                var u = d.Responsible[k];
                var marked = LeadMarkRegex().Match(u.Name);
                if (marked.Success)
                {
                    d.Responsible.RemoveAt(k);
                    d.Leads.Insert(0, u with { Name = u.Name[..marked.Index].Trim() });
                }
                else if (u.Note is { } note && LeadMarkRegex().IsMatch(note))
                {
                    d.Responsible.RemoveAt(k);
                    d.Leads.Insert(0, u with { Note = null });
                }
            }
        }

        // ---------------------------------------------------------------- tables without tabs (PDF text)

        private static bool IsHeaderWordsOnly(string text, out int count)
        {
            var k = Key(text);
            count = 0;
            if (k.Length == 0 || k.Length > 40)
            {
                return false;
            }

            foreach (var w in HeaderWords)
            {
                var at = k.IndexOf(w, StringComparison.Ordinal);
                if (at >= 0)
                {
                    count++;
                    k = k.Remove(at, w.Length);
                }
            }

            return k.Length == 0 && count > 0;
        }

        private int FindLooseHeader()
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                if (l.Cells is not null || l.Blank || !IsHeaderWordsOnly(l.Text, out var count))
                {
                    continue;
                }

                var total = count;
                for (var j = i + 1; j < lines.Count && j < i + 8 && total < 2; j++)
                {
                    if (lines[j].Blank)
                    {
                        continue;
                    }

                    if (!IsHeaderWordsOnly(lines[j].Text, out var more))
                    {
                        break;
                    }

                    total += more;
                }

                var k = Key(l.Text);
                if (total >= 2 && (k.Contains("具体要求", StringComparison.Ordinal) || k.Contains("工作任务", StringComparison.Ordinal) || total >= 3 || RequirementHeaderRegex().IsMatch(k)))
                {
                    return i;
                }
            }

            return -1;
        }

        private bool IsLooseHeaderLine(Line l) => l.Cells is null && IsHeaderWordsOnly(l.Text, out _);

        private void ReadLooseTable(int start)
        {
            var label = TableLabel(start);
            var headerKey = Key(string.Concat(lines.Skip(start).Take(4).Where(IsLooseHeaderLine).Select(l => l.Text)));
            var hasDeadline = DeadlineHeaderRegex().IsMatch(headerKey);
            var hasNumber = headerKey.Contains("序号", StringComparison.Ordinal);
            Section? l1 = null, l2 = null;
            var req = new List<string>();
            var units = new List<string>();
            string? deadline = null, pendingNumber = null;
            int first = 0, last = 0, ordinal = 0;
            var inUnits = false;
            var headingsGuessed = 0;

            void Finish()
            {
                if (req.Count > 0)
                {
                    var d = NewDraft();
                    if (d is not null)
                    {
                        ordinal++;
                        d.Number = pendingNumber;
                        d.Section = l2 ?? l1;
                        d.Requirement = JoinWrapped(req);
                        d.FirstLine = first;
                        d.LastLine = last;
                        var range = first == last ? $"第{first}行" : $"第{first}–{last}行";
                        d.Source = pendingNumber is not null ? $"{label} 序号{pendingNumber}（{range}）" : $"{label} 第{ordinal}项（{range}）";
                        d.DeadlineText = deadline;
                        if (units.Count > 0)
                        {
                            d.Responsible.AddRange(UnitNames.Split(JoinWrapped(units)));
                            MoveMarkedLeads(d);
                        }
                        else if (TryExtractUnits(d.Requirement, out var r, out var ls, out var rs, out var rDeadline))
                        {
                            (d.Requirement, d.Leads, d.Responsible) = (r, ls, rs);
                            d.DeadlineText ??= rDeadline;
                        }
                    }

                    pendingNumber = null;
                }

                req.Clear();
                units.Clear();
                deadline = null;
                inUnits = false;
            }

            var significant = new List<int>();
            for (var i = start; i < lines.Count; i++)
            {
                var l = lines[i];
                if (l.Cells is not null || l.Blank || PageNumberRegex().IsMatch(l.Text) || IsLooseHeaderLine(l))
                {
                    continue;
                }

                if (TableEndRegex().IsMatch(l.Text))
                {
                    break;
                }

                significant.Add(i);
            }

            for (var s = 0; s < significant.Count; s++)
            {
                var line = lines[significant[s]];
                var t = line.Text;
                if (inUnits && units.Count > 0 && UnitIncomplete(units[^1]))
                {
                    units.Add(t);
                    last = line.No;
                    continue;
                }

                if (hasNumber && NumberOnlyRegex().IsMatch(t))
                {
                    Finish();
                    pendingNumber = t;
                    continue;
                }

                if (hasDeadline && req.Count > 0 && t.Length <= 20 && !t.Contains('，', StringComparison.Ordinal)
                    && DeadlineParser.Parse(t, 2000).Kind != DeadlineKind.None && (inUnits || EndsSentence(req[^1])))
                {
                    deadline = t;
                    last = line.No;
                    continue;
                }

                var inRequirement = req.Count > 0 && !inUnits;
                if (!inRequirement)
                {
                    var consumed = TryHeadingGroup(significant, s, out var matched);
                    if (consumed == 0 && sections.Count(x => x.FromBody) == 0)
                    {
                        consumed = GuessHeadingGroup(significant, s, out var guessed);
                        if (consumed > 0)
                        {
                            matched = [FindOrAdd(1, guessed, null, line.No)];
                            headingsGuessed++;
                        }
                    }

                    if (consumed > 0)
                    {
                        Finish();
                        foreach (var h in matched)
                        {
                            ApplyHeadingWithParent(h, ref l1, ref l2);
                        }

                        s += consumed - 1;
                        continue;
                    }

                    if (inUnits && IsUnitStart(t))
                    {
                        units.Add(t);
                        last = line.No;
                        continue;
                    }

                    var number = pendingNumber;
                    Finish();
                    pendingNumber = number;
                    first = line.No;
                }

                last = line.No;
                var split = RequirementThenUnitsRegex().Match(line.Raw.Trim());
                if (split.Success && IsUnitStart(Squash(split.Groups["u"].Value)))
                {
                    req.Add(split.Groups["r"].Value);
                    units.Add(Squash(split.Groups["u"].Value));
                    inUnits = true;
                    continue;
                }

                req.Add(t);
                if (EndsSentence(t) && s + 1 < significant.Count && IsUnitStart(lines[significant[s + 1]].Text))
                {
                    inUnits = true;
                }
            }

            Finish();
            if (headingsGuessed > 0)
            {
                notes.Add($"正文没有可对照的标题：表格中{headingsGuessed}处章节单元格按短行推断");
            }
        }

        /// <summary>Consecutive short lines that, joined, spell known headings (section, then maybe subsection).</summary>
        private int TryHeadingGroup(List<int> significant, int s, out List<Section> matched)
        {
            matched = [];
            var consumed = 0;
            while (matched.Count < 2)
            {
                var key = string.Empty;
                var best = 0;
                Section? bestSection = null;
                for (var k = 0; k < 6 && s + consumed + k < significant.Count; k++)
                {
                    var t = lines[significant[s + consumed + k]].Text;
                    if (t.Length > 24 || t.Contains('。', StringComparison.Ordinal))
                    {
                        break;
                    }

                    key += Key(t);
                    var hit = HeadingByKey(key) ?? HeadingByKey(Key(HeadingTitle(Squash(StripNumber(key)))));
                    if (hit is not null)
                    {
                        best = k + 1;
                        bestSection = hit;
                    }

                    var stem = Key(StripNumber(key));
                    if (!sections.Any(x => x.Title.Length > 0 && x.TitleKey.StartsWith(stem, StringComparison.Ordinal)))
                    {
                        break;
                    }
                }

                if (bestSection is null)
                {
                    break;
                }

                matched.Add(bestSection);
                consumed += best;
            }

            return consumed;
        }

        private static string StripNumber(string s)
        {
            var t = Squash(s);
            if (TryLevel1(t, out _, out _, out var r1))
            {
                return r1;
            }

            return TryLevel2(t, out _, out _, out var r2) ? r2 : t;
        }

        /// <summary>Without 正文 headings: short lines (no sentence punctuation, not units) before a requirement.</summary>
        private int GuessHeadingGroup(List<int> significant, int s, out string text)
        {
            text = string.Empty;
            var k = 0;
            while (s + k < significant.Count && k < 4)
            {
                var t = lines[significant[s + k]].Text;
                if (t.Length > 16 || t.IndexOfAny(['。', '，', '；', ',']) >= 0 || IsUnitStart(t))
                {
                    break;
                }

                text += t;
                k++;
            }

            return k > 0 && s + k < significant.Count ? k : 0;
        }

        private static bool EndsSentence(string t) => t.Length > 0 && t[^1] is '。' or '；' or ';' or '.' or '！' or '？' or '）' or ')' && !t.EndsWith("等。", StringComparison.Ordinal) || (t.Length > 0 && t[^1] == '。');

        private static bool UnitIncomplete(string t)
        {
            var s = t.TrimEnd();
            if (s.Length == 0)
            {
                return false;
            }

            if (s[^1] is '、' or '，' or ',' or '；' or ';' or '等' or '及' or '和')
            {
                return true;
            }

            var lastPiece = s.Split(['、', '，', ',', '；', ';']).Last();
            return !UnitNames.LooksComplete(lastPiece);
        }

        private static bool IsUnitStart(string t)
        {
            if (t.Length == 0 || t.Length > 40 || t.IndexOfAny(['。', '：', ':', '“', '《']) >= 0)
            {
                return false;
            }

            var pieces = t.Split(['、', '，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length == 0 || pieces.Any(p => p.Length > 20))
            {
                return false;
            }

            for (var i = 0; i < pieces.Length; i++)
            {
                var p = pieces[i].Trim();
                var isLast = i == pieces.Length - 1;
                if (!UnitNames.LooksComplete(p) && !(isLast && (UnitPrefixRegex().IsMatch(p) || i > 0) && p.Length <= 15))
                {
                    return false;
                }
            }

            return UnitPrefixRegex().IsMatch(pieces[0]) || UnitNames.LooksComplete(pieces[0]);
        }

        // ---------------------------------------------------------------- numbered list

        private bool ReadList(int end)
        {
            var headingAt = sections.Where(s => s.FromBody).ToDictionary(s => s.Line);
            var items = new List<(int Number, List<string> Lines, int First, int Last, Section? Section, bool Closed)>();
            Section? l1 = null, l2 = null;
            var lastNumber = 0;
            for (var i = 0; i < end; i++)
            {
                var line = lines[i];
                if (line.Cells is not null || line.Blank || PageNumberRegex().IsMatch(line.Text))
                {
                    continue;
                }

                if (headingAt.TryGetValue(line.No, out var h))
                {
                    ApplyHeadingWithParent(h, ref l1, ref l2);
                    if (items.Count > 0)
                    {
                        items[^1] = items[^1] with { Closed = true };
                    }

                    continue;
                }

                if (TryListItem(line.Text, out var n, out var rest) && (n == lastNumber + 1 || n == 1))
                {
                    if (items.Count >= MaxTasks)
                    {
                        capped = true;
                        break;
                    }

                    items.Add((n, [rest], line.No, line.No, l2 ?? l1, false));
                    lastNumber = n;
                    continue;
                }

                if (items.Count > 0 && !items[^1].Closed)
                {
                    var item = items[^1];
                    item.Lines.Add(line.Text);
                    var joined = JoinWrapped(item.Lines).TrimEnd('。', ' ');
                    var closed = joined.Length > 0 && joined[^1] is '）' or ')' && TryExtractUnits(joined, out _, out _, out _);
                    items[^1] = item with { Last = line.No, Closed = closed };
                }
            }

            if (items.Count < 2)
            {
                return false;
            }

            foreach (var item in items)
            {
                var d = NewDraft();
                if (d is null)
                {
                    break;
                }

                d.Number = item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                d.Section = item.Section;
                d.Requirement = JoinWrapped(item.Lines);
                if (TryExtractUnits(d.Requirement, out var r, out var ls, out var rs, out var rDeadline))
                {
                    (d.Requirement, d.Leads, d.Responsible) = (r, ls, rs);
                    d.DeadlineText ??= rDeadline;
                }

                d.FirstLine = item.First;
                d.LastLine = item.Last;
                var range = item.First == item.Last ? $"第{item.First}行" : $"第{item.First}–{item.Last}行";
                d.Source = $"正文 第{item.Number}项（{range}）";
            }

            return true;
        }

        // ---------------------------------------------------------------- paragraphs

        private void ReadParagraphs(int end)
        {
            var body = sections.Where(s => s.FromBody && s.Paragraph is not null).ToList();
            var taskSections = body.Where(s => s.Level == 2).ToList();
            if (taskSections.Count == 0)
            {
                taskSections = body.Where(s => s.Level == 1 && Key(s.Paragraph!).Length > Key(s.NumberText + s.Title).Length + 4).ToList();
            }

            foreach (var s in taskSections)
            {
                var d = NewDraft();
                if (d is null)
                {
                    break;
                }

                var text = s.Paragraph!;
                var t = Squash(text);
                if (s.Level == 2 && TryLevel2(t, out _, out _, out var rest))
                {
                    text = rest;
                }
                else if (s.Level == 1 && TryLevel1(t, out _, out _, out var rest1))
                {
                    text = rest1;
                }

                d.Number = s.NumberText;
                d.Section = s;
                d.Requirement = text;
                if (TryExtractUnits(text, out var r, out var ls, out var rs, out var rDeadline))
                {
                    (d.Requirement, d.Leads, d.Responsible) = (r, ls, rs);
                    d.DeadlineText ??= rDeadline;
                }

                var lastLine = lines[Math.Max(s.ParagraphStart, s.ParagraphEnd - 1)].No;
                d.FirstLine = s.Line;
                d.LastLine = lastLine;
                d.Source = $"正文 {s.NumberText}（{(s.Line == lastLine ? $"第{s.Line}行" : $"第{s.Line}–{lastLine}行")}）";
            }

            if (drafts.Count > 0)
            {
                notes.Add("没有任务表格或编号列表：每个标题段落作为一项任务");
            }
            else
            {
                notes.Add("未识别到章节或任务");
            }
        }

        // ---------------------------------------------------------------- 正文 ↔ 附件 table

        private void LinkBody()
        {
            var paragraphs = sections.Where(s => s.FromBody && !string.IsNullOrEmpty(s.Paragraph)).Select(s => (Section: s, Key: Key(s.Paragraph!))).ToList();
            if (paragraphs.Count == 0)
            {
                return;
            }

            var linked = 0;
            foreach (var d in drafts)
            {
                var k = Key(d.Requirement);
                (Section Section, string Key)? hit = null;
                if (k.Length >= 8)
                {
                    var w = Math.Min(12, k.Length);
                    var windows = new[] { 0, k.Length / 2 - w / 2, k.Length - w }.Select(o => k.Substring(Math.Clamp(o, 0, k.Length - w), w)).Distinct().ToList();
                    var ordered = paragraphs.OrderBy(p => d.Section is not null && (p.Section == d.Section || p.Section.Parent == d.Section.Index) ? 0 : 1);
                    foreach (var p in ordered)
                    {
                        if (windows.Any(x => p.Key.Contains(x, StringComparison.Ordinal)))
                        {
                            hit = p;
                            break;
                        }
                    }
                }

                if (hit is null && d.Section is { Level: 2 } own && paragraphs.FirstOrDefault(p => p.Section == own) is { Section: not null } mine)
                {
                    hit = mine;
                }

                if (hit is not { } found)
                {
                    continue;
                }

                d.BodyText = found.Section.Paragraph;
                d.BodyLine = found.Section.Line;
                linked++;
                if (d.Section is null || (d.Section.Level == 1 && found.Section.Level == 2 && found.Section.Parent == d.Section.Index))
                {
                    d.Section = found.Section;
                }
            }

            var bodyTasks = paragraphs.Count(p => p.Section.Level == 2);
            notes.Add($"正文与表格描述同一批任务：以表格为准，正文{bodyTasks}段未另建任务，{linked}项任务已关联正文段落");
        }

        [GeneratedRegex(@"责任单位|责任部门|配合|参与单位|协办|实施单位|承办单位|责任主体|落实单位|主体单位|^单位$|^责任$")]
        private static partial Regex ResponsibleHeaderRegex();

        [GeneratedRegex(@"时限|完成时间|时间节点|时间要求|完成期限|时间安排|进度安排|截止时间|^时间$")]
        private static partial Regex DeadlineHeaderRegex();

        [GeneratedRegex(@"具体要求|具体措施|工作措施|任务内容|工作内容|主要内容|具体内容|具体任务|工作要求|任务要求|措施|^要求$|^内容$|任务分解")]
        private static partial Regex RequirementHeaderRegex();

        [GeneratedRegex(@"工作任务|重点任务|主要任务|^任务$|工作事项|类别|项目|事项|重点工作|工作目标|领域|^工作$")]
        private static partial Regex TaskHeaderRegex();

        [GeneratedRegex(@"^\s*(?:[（(]\s*(?<l2>[一二三四五六七八九十]{1,3})\s*[）)]|(?<l1>[一二三四五六七八九十]{1,3})\s*[、．])\s*")]
        private static partial Regex GluedNumberRegex();

        [GeneratedRegex(@"[（(]\s*牵头\s*(?:单位|部门)?\s*[）)]$|牵头$")]
        private static partial Regex LeadMarkRegex();

        [GeneratedRegex(@"^(?:区|市|县|省|各|镇|乡|街道|中共|共青团|团|生态|国家|驻|有关|相关)")]
        private static partial Regex UnitPrefixRegex();

        [GeneratedRegex(@"^(?<r>.*[。；;])\s+(?<u>\S.{0,60})$")]
        private static partial Regex RequirementThenUnitsRegex();

        [GeneratedRegex(@"^\d{1,3}$")]
        private static partial Regex NumberOnlyRegex();

        [GeneratedRegex(@"^(?:抄送|主送|印发|联系人|联系电话|（此件|\(此件)|^\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$")]
        private static partial Regex TableEndRegex();
    }
}
