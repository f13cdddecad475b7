using System.Text;
using System.Text.RegularExpressions;
using Zwgk.Domain.Documents;

namespace Zwgk.Import;

/// <summary>
/// Extracts the elements of an official document (标题, 发文字号, 发文机关, 成文日期, body) from raw text.
/// Pure: no I/O. Never invents a value: whatever it cannot find is null and listed in <see cref="ImportCandidate.Missing"/>.
/// </summary>
/// <remarks>
/// Layout assumed (GB/T 9704): an optional 版头 (agency line, often ending in 文件, then the 文号), then the title
/// (possibly wrapped over several lines), then the body; the 成文日期 is a standalone date line, normally right
/// under the signature. Only a 文号 in the header area counts: 文号 cited in the body are ignored.
/// Labelled metadata (<c>发文字号：…</c>, <c>成文日期：…</c>, <c>发文机关：…</c>, <c>标题：…</c>) at the top,
/// as lines or in a table, is read as well.
/// </remarks>
public static partial class DocumentExtractor
{
    private const int MaxTitleLength = 100;
    private const int MaxTitleLines = 4;
    private const int MaxPreambleBlocks = 40;

    /// <summary>Extracts an <see cref="ImportCandidate"/> from raw text.</summary>
    /// <param name="rawText">Text as read from the file (see Zwgk.Import.DocumentTextReader).</param>
    /// <param name="fileName">Original file name, kept on the candidate.</param>
    public static ImportCandidate Extract(string rawText, string fileName)
    {
        rawText ??= string.Empty;
        var normalized = TextNormalizer.NormalizeWithNotes(rawText);
        var blocks = normalized.Blocks;
        var notes = new List<string>(normalized.Notes);
        var consumed = new bool[blocks.Count];

        // 1. 信息索引表 / labelled metadata at the top, in any of the portal layouts.
        var index = ReadPageIndex(blocks, consumed);
        var conflicts = new List<string>();

        // 2. Layout: 版头 agency line(s), 文号 line, title lines.
        var header = ReadHeader(blocks, consumed);

        // What the document itself says wins over the page's index; a disagreement is reported.
        string? title = header.Title ?? index.Title;
        if (header.Title is not null && index.Title is not null && Comparable(header.Title) != Comparable(index.Title))
        {
            conflicts.Add($"信息索引表的标题“{index.Title}”与正文标题“{header.Title}”不一致，采用正文标题");
        }

        var bodyStart = header.BodyStart;

        // 3. 文号: the header line, else the index. Never a number cited in the body.
        var headerNumber = header.DocumentNumber is { } hn && DocumentNumber.Normalize(hn).IsValid ? hn : null;
        var indexNumber = index.DocumentNumber;
        string? numberCandidate = headerNumber ?? indexNumber ?? header.DocumentNumber;
        if (headerNumber is not null && indexNumber is not null
            && DocumentNumber.Normalize(indexNumber) is var indexCheck
            && indexCheck.Value != DocumentNumber.Normalize(headerNumber).Value)
        {
            conflicts.Add($"信息索引表的发文字号“{indexNumber.Trim()}”与正文版头的“{DocumentNumber.Normalize(headerNumber).Value}”不一致，采用正文的发文字号");
        }

        DocumentNumberResult? numberCheck = null;
        string? numberOriginal = null;
        if (numberCandidate is not null)
        {
            numberCheck = DocumentNumber.Normalize(numberCandidate);
            if (numberCheck.IsValid)
            {
                numberOriginal = FindOriginalSpelling(rawText, numberCheck.Value!) ?? numberCandidate.Trim();
                numberOriginal = numberOriginal.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
                numberCheck = DocumentNumber.Normalize(numberOriginal);
                foreach (var change in numberCheck.Changes)
                {
                    notes.Add($"发文字号：{change}（原文：{numberOriginal}）");
                }

                if (numberCheck.Warning is not null)
                {
                    notes.Add($"发文字号：{numberCheck.Warning}");
                }
            }
            else
            {
                notes.Add($"发文字号“{numberCandidate.Trim()}”无法识别：{numberCheck.Error}");
                numberCheck = null;
            }
        }

        var body = new List<TextBlock>();
        for (var i = bodyStart; i < blocks.Count; i++)
        {
            if (!consumed[i])
            {
                body.Add(blocks[i]);
            }
        }

        // 4. 成文日期: the date under the signature (GB/T 9704), else the index's 成文日期.
        var (signedOn, signature) = FindSigningDate(body);
        var writtenOn = signedOn ?? index.WrittenOn;
        if (signedOn is { } signed && index.WrittenOn is { } indexed && signed != indexed)
        {
            conflicts.Add($"信息索引表的成文日期（{indexed:yyyy年MM月dd日}）与文件落款日期（{signed:yyyy年MM月dd日}）不一致，采用落款日期");
        }

        if (index.PublishedOn is { } publishedOn && index.PublishedOnLabel is { } publishedLabel && publishedLabel != "发布日期")
        {
            notes.Add($"信息索引表的“{publishedLabel}”（{publishedOn:yyyy年MM月dd日}）按发布日期处理");
        }

        // 5. 发文机关: 版头, else the signature above the date, else the index, else the title's "XX关于…" prefix.
        IReadOnlyList<string> agencies = [];
        if (header.Agencies.Count > 0)
        {
            agencies = header.Agencies;
            notes.Add("发文机关取自版头");
        }
        else if (signature.Count > 0)
        {
            agencies = signature;
            notes.Add("发文机关取自落款");
        }
        else if (index.IssuingAgencies.Count > 0)
        {
            agencies = index.IssuingAgencies;
        }

        if (agencies.Count > 0 && index.IssuingAgencies.Count > 0 && agencies != index.IssuingAgencies
            && !agencies.Select(Comparable).SequenceEqual(index.IssuingAgencies.Select(Comparable)))
        {
            conflicts.Add($"信息索引表的发文机关“{string.Join("、", index.IssuingAgencies)}”与正文的“{string.Join("、", agencies)}”不一致，采用正文");
        }

        if (agencies.Count == 0 && title is not null)
        {
            var about = title.IndexOf("关于", StringComparison.Ordinal);
            if (about > 1 && IsAgencyName(title[..about]))
            {
                agencies = [title[..about]];
                notes.Add("发文机关取自标题");
            }
        }

        if (agencies.Count > 1)
        {
            notes.Add($"联合发文：{string.Join("、", agencies)}（主办机关：{agencies[0]}）");
        }

        var agency = agencies.Count > 0 ? agencies[0] : null;
        notes.AddRange(conflicts);

        if (header.TitleLineCount > 1)
        {
            notes.Add($"标题由 {header.TitleLineCount} 行合并");
        }

        var missing = new List<string>();
        if (title is null)
        {
            missing.Add(ImportCandidate.Fields.Title);
        }

        if (numberCheck is null)
        {
            missing.Add(ImportCandidate.Fields.DocumentNumber);
        }

        if (agency is null)
        {
            missing.Add(ImportCandidate.Fields.IssuingAgency);
        }

        if (writtenOn is null)
        {
            missing.Add(ImportCandidate.Fields.WrittenOn);
        }

        return new ImportCandidate
        {
            SourceFileName = fileName ?? string.Empty,
            Title = title,
            DocumentNumber = numberCheck?.Value,
            DocumentNumberOriginal = numberCheck is null ? null : numberOriginal,
            DocumentNumberCheck = numberCheck,
            IssuingAgency = agency,
            IssuingAgencies = agencies,
            WrittenOn = writtenOn,
            PublishedOn = index.PublishedOn,
            IndexNumber = index.IndexNumber,
            TopicCategory = index.TopicCategory,
            Conflicts = conflicts,
            Blocks = body,
            BodyHtml = RenderHtml(body),
            Missing = missing,
            Notes = notes,
        };
    }

    /// <summary>Renders blocks as safe HTML: &lt;p&gt;, &lt;h2&gt; (level 1), &lt;h3&gt; (level 2+), &lt;table&gt;.</summary>
    public static string RenderHtml(IEnumerable<TextBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    sb.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;

                case Heading h:
                    var tag = h.Level <= 1 ? "h2" : "h3";
                    sb.Append('<').Append(tag).Append('>').Append(Encode(h.Text)).Append("</").Append(tag).Append(">\n");
                    break;

                case Table t:
                    RenderTable(sb, t);
                    break;
            }
        }

        return sb.ToString();
    }

    private static void RenderTable(StringBuilder sb, Table table)
    {
        sb.Append("<table>\n");
        var rows = table.Rows;
        var first = 0;
        if (table.HasHeaderRow && rows.Count > 0)
        {
            sb.Append("<thead><tr>");
            var header = rows[0];
            for (var c = 0; c < header.Count; c++)
            {
                // Empty header cells after a label belong to it (a merged header such as 工作任务 over two columns).
                var span = 1;
                while (header[c].Length > 0 && c + span < header.Count && header[c + span].Length == 0)
                {
                    span++;
                }

                sb.Append(span > 1 ? $"<th scope=\"col\" colspan=\"{span}\">" : "<th scope=\"col\">").Append(Encode(header[c])).Append("</th>");
                c += span - 1;
            }

            sb.Append("</tr></thead>\n");
            first = 1;
        }

        sb.Append("<tbody>\n");
        for (var r = first; r < rows.Count; r++)
        {
            sb.Append("<tr>");
            foreach (var cell in rows[r])
            {
                sb.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    private static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private sealed record HeaderInfo(IReadOnlyList<string> Agencies, string? DocumentNumber, string? Title, int TitleLineCount, int BodyStart);

    private static PageIndexInfo ReadPageIndex(IReadOnlyList<TextBlock> blocks, bool[] consumed)
    {
        var pairs = new List<(string Label, string? Value)>();
        string? pending = null; // a label alone on its line: its value is the next line (one cell per line)
        for (var i = 0; i < blocks.Count && i < MaxPreambleBlocks; i++)
        {
            switch (blocks[i])
            {
                case Paragraph p:
                {
                    var parsed = PageIndex.ParseLine(p.Text);
                    if (pending is not null)
                    {
                        if (parsed is null)
                        {
                            pairs.Add((pending, p.Text));
                            pending = null;
                            consumed[i] = true;
                            continue;
                        }

                        pending = null;
                    }

                    if (parsed is not null)
                    {
                        consumed[i] = true;
                        pairs.AddRange(parsed.Where(x => x.Value is not null));
                        pending = parsed[^1].Value is null ? parsed[^1].Label : null;
                        continue;
                    }

                    if (p.Text.Contains('。') || p.Text.Length > 80)
                    {
                        return PageIndex.Build(pairs);
                    }

                    break;
                }

                case Table t:
                {
                    var found = t.Rows.SelectMany(row => PageIndex.ParseCells(row.Where(c => c.Length > 0).ToList())).ToList();
                    if (found.Count > 0)
                    {
                        pairs.AddRange(found);
                        consumed[i] = true;
                    }

                    break;
                }
            }
        }

        return PageIndex.Build(pairs);
    }

    /// <summary>Text compared for agreement: no spaces, no quotes or title marks.</summary>
    private static string Comparable(string text) =>
        new(PageIndex.Compact(text).Where(c => c is not ('《' or '》' or '“' or '”' or '"')).ToArray());

    internal static bool IsHan(char c) => DocumentNumber.IsCjkIdeograph(c);

    private static HeaderInfo ReadHeader(IReadOnlyList<TextBlock> blocks, bool[] consumed)
    {
        var i = 0;
        var agencies = new List<string>();
        string? number = null;

        int Next(int from)
        {
            while (from < blocks.Count && (consumed[from] || IsHeaderNoise(blocks[from])))
            {
                from++;
            }

            return from;
        }

        i = Next(i);

        // 版头: "XX文件"; joint documents stack several agency names over one 文件 (or write them on one line);
        // or agency names directly followed by a 文号 line.
        var k = i;
        var found = new List<string>();
        var closed = false;
        while (k < blocks.Count && found.Count < 8 && TextOf(blocks[k]) is { } line && !TextNormalizer.IsDocumentNumberLine(line))
        {
            if (line == "文件" && found.Count > 0)
            {
                closed = true;
                k = Next(k + 1);
                break;
            }

            if (line.EndsWith("文件", StringComparison.Ordinal) && line.Length > 2 && IsAgencyName(line[..^2]))
            {
                found.AddRange(PageIndex.SplitAgencies(line[..^2]));
                closed = true;
                k = Next(k + 1);
                break;
            }

            if (!IsAgencyName(line))
            {
                break;
            }

            found.AddRange(PageIndex.SplitAgencies(line));
            k = Next(k + 1);
        }

        if (closed || (found.Count > 0 && k < blocks.Count && TextOf(blocks[k]) is { } n && (TextNormalizer.IsDocumentNumberLine(n) || SplitNumber(n, k) is not null)))
        {
            agencies = found;
            i = k;
        }

        // 文号 line (possibly with 签发人), or a 文号 broken over two lines.
        string? SplitNumber(string first, int at)
        {
            var second = Next(at + 1);
            return first.Length <= 40 && second < blocks.Count && TextOf(blocks[second]) is { Length: <= 12 } rest
                && TextNormalizer.IsDocumentNumberLine(first + rest) ? first + rest : null;
        }

        if (i < blocks.Count && TextOf(blocks[i]) is { } numberLine)
        {
            if (TextNormalizer.IsDocumentNumberLine(numberLine))
            {
                number = DocumentNumber.FindMatches(numberLine)[0].Text;
                i = Next(i + 1);
            }
            else if (SplitNumber(numberLine, i) is { } joined)
            {
                number = DocumentNumber.FindMatches(joined)[0].Text;
                i = Next(Next(i + 1) + 1);
            }
        }

        // Title: consecutive title-like lines, ending at the first one that ends with a 文种 word.
        var titleParts = new List<string>();
        var j = i;
        while (j < blocks.Count && titleParts.Count < MaxTitleLines)
        {
            if (consumed[j])
            {
                j++;
                continue;
            }

            var block = blocks[j];
            var text = TextOf(block);
            if (text is null || !IsTitleLike(text, block))
            {
                break;
            }

            if (titleParts.Sum(p => p.Length) + text.Length > MaxTitleLength)
            {
                break;
            }

            titleParts.Add(text);
            j++;

            // A markdown "# Title" is complete on its own.
            if (block is Heading)
            {
                break;
            }

            // A title ends with its 文种 (…的通知). "…年度报告" + "编制工作的通知": a following line that
            // continues with 的… or itself ends with a 文种 still belongs to the title.
            if (DocumentKindSuffixRegex().IsMatch(text))
            {
                var next = Next(j);
                var continues = next < blocks.Count
                    && blocks[next] is Paragraph { Text: var nextText }
                    && IsTitleLike(nextText, blocks[next])
                    && (nextText.StartsWith('的') || DocumentKindSuffixRegex().IsMatch(nextText))
                    && titleParts.Sum(p => p.Length) + nextText.Length <= MaxTitleLength;
                if (!continues)
                {
                    break;
                }
            }
        }

        string? title = null;
        var bodyStart = i;
        if (titleParts.Count > 0)
        {
            title = JoinTitle(titleParts);
            bodyStart = j;

            // A standalone 文号 line right under the title (web layout) still belongs to the header.
            var afterTitle = Next(bodyStart);
            if (number is null && afterTitle < blocks.Count && TextOf(blocks[afterTitle]) is { } below && TextNormalizer.IsDocumentNumberLine(below))
            {
                number = DocumentNumber.FindMatches(below)[0].Text;
                bodyStart = afterTitle + 1;
            }
        }

        // Header noise before the body (份号, 密级, 签发人 …) is not body text.
        for (var h = 0; h < bodyStart; h++)
        {
            consumed[h] = true;
        }

        return new HeaderInfo(agencies, number, title, titleParts.Count, bodyStart);
    }

    private static string JoinTitle(List<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && part.Length > 0 && char.IsAsciiLetterOrDigit(part[0])
                && !TextNormalizer.IsCjk(sb[^1]))
            {
                sb.Append(' ');
            }

            sb.Append(part);
        }

        return TextNormalizer.CleanInline(sb.ToString());
    }

    private static bool IsTitleLike(string text, TextBlock block)
    {
        if (block is Table || text.Length == 0 || text.Length > MaxTitleLength)
        {
            return false;
        }

        if (block is Heading && !TextNormalizer.StartsWithMarker(text))
        {
            return true;
        }

        if (text.Contains('。') || "：:，,；;、".Contains(text[^1]))
        {
            return false;
        }

        return !TextNormalizer.StartsWithMarker(text)
            && !TextNormalizer.IsDateLine(text)
            && !TextNormalizer.IsDocumentNumberLine(text)
            && text[0] is not ('（' or '(' or '【' or '[')
            && PageIndex.ParseLine(text) is null;
    }

    private static bool IsHeaderNoise(TextBlock block) =>
        TextOf(block) is { } text && HeaderNoiseRegex().IsMatch(text);

    private static string? TextOf(TextBlock block) => block switch
    {
        Paragraph p => p.Text,
        Heading h => h.Text,
        _ => null,
    };

    private static (DateOnly? Date, IReadOnlyList<string> Signature) FindSigningDate(IReadOnlyList<TextBlock> body)
    {
        DateOnly? firstStandalone = null;
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is not Paragraph p)
            {
                continue;
            }

            if (TextNormalizer.IsDateLine(p.Text) && ChineseDate.TryParse(p.Text, out var date))
            {
                // Joint documents sign with several agencies, one per line (or several on one line), above the date.
                var signature = new List<string>();
                for (var k = i - 1; k >= 0 && k >= i - 6 && body[k] is Paragraph above && IsAgencyName(above.Text); k--)
                {
                    signature.InsertRange(0, PageIndex.SplitAgencies(above.Text));
                }

                if (signature.Count > 0)
                {
                    return (date, signature);
                }

                firstStandalone ??= date;
                continue;
            }

            // "济南市市中区人民政府办公室 2021年7月28日" on one line.
            if (p.Text.Length <= 80 && ChineseDate.TryParseTrailing(p.Text, out var trailing, out var prefix) && IsAgencyName(prefix.Trim()))
            {
                return (trailing, PageIndex.SplitAgencies(prefix.Trim()));
            }
        }

        return (firstStandalone, []);
    }

    /// <summary>True for a short line that looks like an organisation name (ends with 政府, 办公室, 局, 委员会 …).</summary>
    internal static bool IsAgencyName(string text)
    {
        text = text.Trim();
        return text.Length is >= 2 and <= 60
            && !text.Any(c => char.IsDigit(c) || "。，,：:；;！？!?《》“”\"".Contains(c))
            && AgencySuffixRegex().IsMatch(text);
    }

    private static string? FindOriginalSpelling(string rawText, string canonical)
    {
        foreach (var (_, text) in DocumentNumber.FindMatches(rawText))
        {
            var check = DocumentNumber.Normalize(text);
            if (check.IsValid && check.Value == canonical)
            {
                return text;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|办事处|中心|公司|集团|大学|学院|学校|医院|法院|检察院|银行|工作组|领导小组|指挥部|[局厅部署院会委办处所站队社组])$")]
    private static partial Regex AgencySuffixRegex();

    [GeneratedRegex(@"(?:通知|通报|通告|公告|公报|意见|决定|决议|命令|令|办法|方案|要点|规定|规则|细则|条例|规划|计划|报告|请示|批复|复函|函|纪要|议案|指南|指引|总结|公示|清单|目录|答复|说明|解读|意见书|决定书|章程|标准|制度)$")]
    private static partial Regex DocumentKindSuffixRegex();


    [GeneratedRegex(@"^(?:\d{6}|[0-9０-９]{6}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|特提|平急|签发人[:：].*|(?:发布日期|索引号|主题分类|有效性|信息来源)[:：].*|(?:当前位置|您的位置|您现在的位置|所在位置)[:：].*|.*首页\s*[>＞»›/].*)$")]
    private static partial Regex HeaderNoiseRegex();

}
