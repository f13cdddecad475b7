using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Ledger;

namespace Zwgk.Import.WorkPlans;

/// <summary>Text helpers of the work-plan reader: wrap spaces, heading numbers, inline unit clauses, numbered measures.</summary>
internal static partial class WorkPlanText
{
    /// <summary>Removes whitespace left by wrapping, except between two ASCII letters/digits ("Internet Plus").</summary>
    public static string Squash(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\u3000' or '\u00A0' or '\u2029' or '\r')
            {
                var j = i;
                while (j < s.Length && s[j] is ' ' or '\t' or '\u3000' or '\u00A0' or '\u2029' or '\r')
                {
                    j++;
                }

                if (sb.Length > 0 && j < s.Length && IsAsciiWord(sb[^1]) && IsAsciiWord(s[j]))
                {
                    sb.Append(' ');
                }

                i = j - 1;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Squash each line of a multi-line text, dropping empty lines.</summary>
    public static string SquashLines(string s) =>
        string.Join('\n', s.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(Squash).Where(l => l.Length > 0));

    private static bool IsAsciiWord(char c) => c < 128 && char.IsLetterOrDigit(c);

    /// <summary>Joins PDF-wrapped lines: no separator, except a space between two ASCII words.</summary>
    public static string JoinWrapped(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = Squash(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && IsAsciiWord(sb[^1]) && IsAsciiWord(line[0]))
            {
                sb.Append(' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    /// <summary>Key for comparing headings: no whitespace or punctuation, full-width ASCII folded.</summary>
    public static string Key(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            var c = ch is >= '！' and <= '～' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || c is '\u2029')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // ---------------------------------------------------------------- heading numbers

    public static int ChineseNumber(string s)
    {
        if (s.Length == 0 || s.Length > 4)
        {
            return 0;
        }

        static int Digit(char c) => "零一二三四五六七八九".IndexOf(c);
        if (s == "十")
        {
            return 10;
        }

        var ten = s.IndexOf('十');
        if (ten < 0)
        {
            return s.Length == 1 ? Math.Max(0, Digit(s[0])) : 0;
        }

        var tens = ten == 0 ? 1 : (ten == 1 ? Digit(s[0]) : -1);
        var ones = ten == s.Length - 1 ? 0 : (ten == s.Length - 2 ? Digit(s[^1]) : -1);
        return tens <= 0 || ones < 0 ? 0 : tens * 10 + ones;
    }

    /// <summary>A level-1 heading "一、标题" / "一．标题"; number and the rest.</summary>
    public static bool TryLevel1(string squashed, out int number, out string numeral, out string rest)
    {
        var m = Level1Regex().Match(squashed);
        number = m.Success ? ChineseNumber(m.Groups["n"].Value) : 0;
        numeral = m.Success ? m.Groups["n"].Value : string.Empty;
        rest = m.Success ? m.Groups["rest"].Value.Trim() : string.Empty;
        return number > 0;
    }

    /// <summary>A level-2 heading "（一）标题" / "(一) 标题"; number and the rest.</summary>
    public static bool TryLevel2(string squashed, out int number, out string numeral, out string rest)
    {
        var m = Level2Regex().Match(squashed);
        number = m.Success ? ChineseNumber(m.Groups["n"].Value) : 0;
        numeral = m.Success ? m.Groups["n"].Value : string.Empty;
        rest = m.Success ? m.Groups["rest"].Value.Trim() : string.Empty;
        return number > 0;
    }

    /// <summary>A numbered list item "12." / "33．" / "5、" (not "2.5").</summary>
    public static bool TryListItem(string squashed, out int number, out string rest)
    {
        var m = ListItemRegex().Match(squashed);
        number = m.Success && int.TryParse(m.Groups["n"].Value, out var n) ? n : 0;
        rest = m.Success ? m.Groups["rest"].Value : string.Empty;
        return number > 0;
    }

    /// <summary>The title part of a heading's text: up to the first 。 when that comes early, else the whole (capped).</summary>
    public static string HeadingTitle(string rest, int max = 60)
    {
        var stop = rest.IndexOfAny(['。', '：', ':']);
        if (stop is >= 0 and <= 60)
        {
            return rest[..stop].Trim();
        }

        return rest.Length <= max ? rest.TrimEnd('。') : rest[..max];
    }

    // ---------------------------------------------------------------- inline units

    /// <summary>Units stated inside a text: a trailing "（责任单位：X）", "（牵头单位：X；责任单位：Y）", "（X牵头，Y按职责分工负责）"
    /// or "责任单位：X。" at the end. Returns false (and the text unchanged) when there is none.</summary>
    public static bool TryExtractUnits(string text, out string requirement, out List<UnitMention> leads, out List<UnitMention> responsible) =>
        TryExtractUnits(text, out requirement, out leads, out responsible, out _);

    /// <summary>As above; a time limit written inside the clause ("；完成时限：长期坚持", "；2025年12月底前") comes out as <paramref name="deadline"/>,
    /// never as a unit name.</summary>
    public static bool TryExtractUnits(string text, out string requirement, out List<UnitMention> leads, out List<UnitMention> responsible, out string? deadline)
    {
        deadline = null;
        requirement = text;
        leads = [];
        responsible = [];
        var t = text.TrimEnd();
        var trimmed = t.TrimEnd('。', '；', ';', ' ');
        if (trimmed.Length > 0 && trimmed[^1] is '）' or ')')
        {
            var depth = 0;
            for (var i = trimmed.Length - 1; i >= 0; i--)
            {
                var c = trimmed[i];
                if (c is '）' or ')')
                {
                    depth++;
                }
                else if (c is '（' or '(')
                {
                    depth--;
                    if (depth == 0)
                    {
                        var content = trimmed[(i + 1)..^1];
                        if (ParseUnitClause(content, leads, responsible, out deadline))
                        {
                            requirement = trimmed[..i].TrimEnd();
                            return true;
                        }

                        break;
                    }
                }
            }
        }

        var m = TrailingLabelRegex().Match(t);
        if (m.Success && ParseUnitClause(m.Groups["clause"].Value, leads, responsible, out deadline))
        {
            requirement = t[..m.Index].TrimEnd();
            return true;
        }

        return false;
    }

    /// <summary>Parses the inside of a unit clause; false when it is not one (a plain parenthetical).</summary>
    public static bool ParseUnitClause(string content, List<UnitMention> leads, List<UnitMention> responsible) =>
        ParseUnitClause(content, leads, responsible, out _);

    /// <summary>Parses the inside of a unit clause; a time limit part is returned in <paramref name="deadline"/>.</summary>
    public static bool ParseUnitClause(string content, List<UnitMention> leads, List<UnitMention> responsible, out string? deadline)
    {
        deadline = null;
        var found = ParseUnitParts(content, leads, responsible, ref deadline);
        if (!found) return false;
        // A time limit written among the units ("区政府办公室，2025年12月底前") is not a unit.
        foreach (var list in new[] { leads, responsible })
            for (var i = list.Count - 1; i >= 0; i--)
                if (LooksLikeDeadline(list[i].Name))
                {
                    deadline ??= list[i].Name;
                    list.RemoveAt(i);
                }
        return leads.Count + responsible.Count > 0;
    }

    /// <summary>A phrase that reads as a time limit (2025年12月底前, 长期坚持, 年底前) and not as a unit name.</summary>
    public static bool LooksLikeDeadline(string s) =>
        s.Length <= 30 && !UnitNames.LooksComplete(s) && DeadlineParser.Parse(s, 2000).Kind != DeadlineKind.None;

    private static bool ParseUnitParts(string content, List<UnitMention> leads, List<UnitMention> responsible, ref string? deadline)
    {
        var c = Squash(content.Replace('\n', ' '));
        if (c.Length == 0 || c.Length > 800)
        {
            return false;
        }

        var labelled = ClauseLabelRegex().IsMatch(c);
        var keyword = !labelled && LeadVerbRegex().IsMatch(c);
        if (!labelled && !keyword)
        {
            return false;
        }

        var found = false;
        foreach (var part in SplitClause(c))
        {
            var p = part.Trim();
            if (p.Length == 0)
            {
                continue;
            }

            var dm = DeadlineLabelRegex().Match(p);
            if (dm.Success)
            {
                deadline ??= dm.Groups["d"].Value.Trim().TrimEnd('。');
                continue;
            }

            var lm = LeadLabelRegex().Match(p);
            if (lm.Success)
            {
                leads.AddRange(UnitNames.Split(lm.Groups["u"].Value));
                found = true;
                continue;
            }

            var rm = ResponsibleLabelRegex().Match(p);
            if (rm.Success)
            {
                responsible.AddRange(UnitNames.Split(rm.Groups["u"].Value));
                found = true;
                continue;
            }

            var vm = LeadsInlineRegex().Match(p);
            if (vm.Success)
            {
                leads.AddRange(UnitNames.Split(vm.Groups["l"].Value));
                if (vm.Groups["r"].Success && vm.Groups["r"].Value.Trim().Length > 0)
                {
                    responsible.AddRange(UnitNames.Split(StripVerbs(vm.Groups["r"].Value)));
                }

                found = true;
                continue;
            }

            if (keyword && !VerbTailRegex().IsMatch(p))
            {
                return false;
            }

            responsible.AddRange(UnitNames.Split(StripVerbs(p)));
            found = true;
        }

        return found;
    }

    private static IEnumerable<string> SplitClause(string c)
    {
        // Parts separate at ；; and at a comma that starts a new label ("…，配合单位：…").
        foreach (var part in c.Split(['；', ';']))
        {
            var pieces = CommaLabelRegex().Split(part);
            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }

    private static string StripVerbs(string s) => VerbTailRegex().Replace(s.Trim(), string.Empty);

    // ---------------------------------------------------------------- measures

    /// <summary>Splits a requirement holding numbered measures ("1.…；2.…", "（1）…（2）…", "①…②…") into its intro and
    /// the measures (numbers removed). Needs at least two measures numbered 1, 2, … in order.</summary>
    public static (string Requirement, List<string> Measures) SplitMeasures(string requirement)
    {
        var markers = MeasureMarkerRegex().Matches(requirement);
        if (markers.Count < 2)
        {
            return (requirement, []);
        }

        var chosen = new List<Match>();
        var expected = 1;
        foreach (Match m in markers)
        {
            var n = m.Groups["c"].Success ? m.Groups["c"].Value[0] - '①' + 1 : int.Parse(m.Groups["n"].Value);
            if (n == expected)
            {
                chosen.Add(m);
                expected++;
            }
        }

        if (chosen.Count < 2)
        {
            return (requirement, []);
        }

        var intro = requirement[..chosen[0].Index].Trim();
        var lines = new List<string>();
        var measures = new List<string>();
        if (intro.Length > 0)
        {
            lines.Add(intro.Replace('\n', ' '));
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            var start = chosen[i].Index;
            var end = i + 1 < chosen.Count ? chosen[i + 1].Index : requirement.Length;
            var whole = requirement[start..end].Replace('\n', ' ').Trim();
            var body = requirement[(chosen[i].Index + chosen[i].Length)..end].Replace('\n', ' ').Trim();
            lines.Add(whole);
            measures.Add(body.TrimEnd('；', ';', ' '));
        }

        return (string.Join('\n', lines), measures);
    }

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})\s*[、．.]\s*(?<rest>\S.*)$")]
    private static partial Regex Level1Regex();

    [GeneratedRegex(@"^[（(]\s*(?<n>[一二三四五六七八九十]{1,3})\s*[）)]\s*(?<rest>.*)$")]
    private static partial Regex Level2Regex();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s*[.．、](?!\d)\s*(?<rest>\S.*)$")]
    private static partial Regex ListItemRegex();

    [GeneratedRegex(@"(?:牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|责任主体|实施单位|承办单位)\s*[:：]")]
    private static partial Regex ClauseLabelRegex();

    [GeneratedRegex(@"^(?:完成时限|完成时间|完成期限|时限要求|时间要求|时限)\s*[:：](?<d>.*)$")]
    private static partial Regex DeadlineLabelRegex();

    [GeneratedRegex(@"^(?:牵头单位|牵头部门|主责单位)\s*[:：](?<u>.*)$")]
    private static partial Regex LeadLabelRegex();

    [GeneratedRegex(@"^(?:责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|责任主体|实施单位|承办单位)\s*[:：](?<u>.*)$")]
    private static partial Regex ResponsibleLabelRegex();

    [GeneratedRegex(@"^(?<l>.+?)(?:牵头负责|牵头)(?:[，,、]\s*(?<r>.*))?$")]
    private static partial Regex LeadsInlineRegex();

    [GeneratedRegex(@"牵头|负责|配合")]
    private static partial Regex LeadVerbRegex();

    [GeneratedRegex(@"(?:按职责分工负责|按职责分工落实|按照职责分工负责|按职责负责|分工负责|共同负责|配合落实|配合|参与|负责|落实)$")]
    private static partial Regex VerbTailRegex();

    [GeneratedRegex(@"[，,](?=(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位)\s*[:：])")]
    private static partial Regex CommaLabelRegex();

    [GeneratedRegex(@"(?:^|[。；;\s])\s*(?<clause>(?:牵头单位|牵头部门|责任单位|责任部门)\s*[:：][^。（）()]{1,600})[。]?\s*$")]
    private static partial Regex TrailingLabelRegex();

    [GeneratedRegex(@"(?<=^|[\s；;。：:，,\n])(?:(?<n>\d{1,2})[.．、](?!\d)|[（(](?<n>\d{1,2})[)）]|(?<c>[①-⑳]))")]
    private static partial Regex MeasureMarkerRegex();
}
