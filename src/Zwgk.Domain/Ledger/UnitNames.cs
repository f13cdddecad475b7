using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Domain.Ledger;

/// <summary>One unit named in a task's unit cell, as written; <see cref="Note"/> keeps a qualifier such as "等有关部门（单位）".</summary>
public sealed record UnitMention(string Name, string? Note);

/// <summary>Splits a 责任单位 / 牵头单位 cell into the unit names it lists. Names are kept as written; resolving them to the
/// unit directory is someone else's job, and nothing is dropped.</summary>
public static partial class UnitNames
{
    private const int MaxCell = 4000;
    private const int MaxMentions = 200;

    /// <summary>
    /// Splits on 、，,；; and line breaks (not inside brackets, so "区政府各部门（单位）" and "各镇（街）" stay whole), removes
    /// the spaces left by wrapping ("区市场监 管局"), makes a trailing qualifier ("等有关部门(单位)", "等") the note of the
    /// name it follows, and drops a trailing "。". A space between two complete names ("区财政局 区司法局", from a cell
    /// whose lines were joined) separates them.
    /// </summary>
    public static IReadOnlyList<UnitMention> Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var text = cell.Length > MaxCell ? cell[..MaxCell] : cell;
        text = BreakTagRegex().Replace(text, "\n");
        text = TagRegex().Replace(text, string.Empty);
        text = text.Replace('\u2029', '\n').Replace("&nbsp;", " ", StringComparison.Ordinal);

        var result = new List<UnitMention>();
        foreach (var piece in SplitOutsideBrackets(text))
        {
            foreach (var name in SplitOnSpaces(piece))
            {
                var trimmed = name.Trim().TrimEnd('。', '.', '．').Trim();
                if (trimmed.Length == 0)
                {
                    continue;
                }

                var q = QualifierRegex().Match(trimmed);
                if (q.Success)
                {
                    var head = trimmed[..q.Index].Trim();
                    var note = trimmed[q.Index..].Trim();
                    if (head.Length == 0)
                    {
                        // "…、等有关部门": the qualifier belongs to the name before it.
                        if (result.Count > 0)
                        {
                            var last = result[^1];
                            result[^1] = last with { Note = last.Note is null ? note : last.Note + note };
                        }
                        else
                        {
                            result.Add(new UnitMention(note, null));
                        }

                        continue;
                    }

                    result.Add(new UnitMention(head, note));
                }
                else
                {
                    result.Add(new UnitMention(trimmed, null));
                }

                if (result.Count >= MaxMentions)
                {
                    return result;
                }
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="name"/> ends like a complete unit name (…局, …办事处, …（单位）).</summary>
    public static bool LooksComplete(string name) => CompleteRegex().IsMatch(name.Trim());

    private static IEnumerable<string> SplitOutsideBrackets(string text)
    {
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '（' or '(' or '【' or '[' or '〔':
                    depth++;
                    sb.Append(c);
                    break;
                case '）' or ')' or '】' or ']' or '〕':
                    depth = Math.Max(0, depth - 1);
                    sb.Append(c);
                    break;
                case '、' or '，' or ',' or '；' or ';' or '\n' or '\r' or '/' or '／' when depth == 0:
                    yield return sb.ToString();
                    sb.Clear();
                    break;
                case '\n' or '\r':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        yield return sb.ToString();
    }

    /// <summary>Wrap spaces join; a space after a complete name before another unit's start separates.</summary>
    private static IEnumerable<string> SplitOnSpaces(string piece)
    {
        var tokens = piece.Split([' ', '\t', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length <= 1)
        {
            return tokens.Length == 0 ? [] : [tokens[0]];
        }

        var result = new List<string>();
        var current = new StringBuilder(tokens[0]);
        for (var i = 1; i < tokens.Length; i++)
        {
            var next = tokens[i];
            var cur = current.ToString();
            var separate = LooksComplete(cur) && UnitStartRegex().IsMatch(next) && !(cur.EndsWith("政府", StringComparison.Ordinal) && next.StartsWith('各'));
            if (separate)
            {
                result.Add(cur);
                current.Clear();
            }

            current.Append(next);
        }

        result.Add(current.ToString());
        return result;
    }

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/?\s*p(?:\s[^>]*)?>|<\s*/?\s*div(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTagRegex();

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex TagRegex();

    // "等" followed only by words that qualify a list (有关/相关/其他 部门/单位 …), at the end of a name.
    [GeneratedRegex(@"等(?:有关|相关|其他|其它|政府|区|市|县|级|责任|职能|成员|涉及|部门|单位|[（(]单位[)）]|机构|方面)*$")]
    private static partial Regex QualifierRegex();

    [GeneratedRegex(@"(?:局|办|处|委|院|队|中心|部门|单位|政府|公司|所|站|室|会|厅|部|馆|街道|集团|社|行|校|台|组|团|联|镇|乡|村|社区|[（(](?:单位|街|街道|镇街|部门)[)）]|分局)$")]
    private static partial Regex CompleteRegex();

    [GeneratedRegex(@"^(?:区|市|县|省|各|镇|乡|街道|中共|共青团|团区委|国家|驻)")]
    private static partial Regex UnitStartRegex();
}
