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
    private const int MaxPreambleBlocks = 12;

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

        // 1. Labelled metadata at the top (发文字号：… / a 信息索引表-like table).
        var labels = ReadLabelledMetadata(blocks, consumed);

        // 2. Layout: 版头 agency line, 文号 line, title lines.
        var header = ReadHeader(blocks, consumed);

        string? title = labels.Title ?? header.Title;
        var bodyStart = header.BodyStart;

        // 3. 文号: labelled, else the header line. Never a number cited in the body.
        string? numberCandidate = labels.DocumentNumber ?? header.DocumentNumber;
        DocumentNumberResult? numberCheck = null;
        string? numberOriginal = null;
        if (numberCandidate is not null)
        {
            numberCheck = DocumentNumber.Normalize(numberCandidate);
            if (numberCheck.IsValid)
            {
                numberOriginal = FindOriginalSpelling(rawText, numberCheck.Value!) ?? numberCandidate.Trim();
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

        // 4. 成文日期: labelled, else the signature date in the body.
        var writtenOn = labels.WrittenOn;
        string? signature = null;
        if (writtenOn is null)
        {
            (writtenOn, signature) = FindSigningDate(body);
        }

        // 5. 发文机关: labelled, else 版头, else the signature above the date, else the title's "XX关于…" prefix.
        var agency = labels.IssuingAgency;
        if (agency is null && header.Agency is not null)
        {
            agency = header.Agency;
            notes.Add("发文机关取自版头");
        }

        if (agency is null && signature is not null)
        {
            agency = signature;
            notes.Add("发文机关取自落款");
        }

        if (agency is null && title is not null)
        {
            var about = title.IndexOf("关于", StringComparison.Ordinal);
            if (about > 1 && IsAgencyName(title[..about]))
            {
                agency = title[..about];
                notes.Add("发文机关取自标题");
            }
        }

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
            WrittenOn = writtenOn,
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
            foreach (var cell in rows[0])
            {
                sb.Append("<th>").Append(Encode(cell)).Append("</th>");
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

    private sealed record HeaderInfo(string? Agency, string? DocumentNumber, string? Title, int TitleLineCount, int BodyStart);

    private sealed record LabelInfo(string? Title, string? DocumentNumber, string? IssuingAgency, DateOnly? WrittenOn);

    private static LabelInfo ReadLabelledMetadata(IReadOnlyList<TextBlock> blocks, bool[] consumed)
    {
        string? title = null, number = null, agency = null;
        DateOnly? date = null;

        void Take(string label, string value)
        {
            value = value.Trim();
            if (value.Length == 0)
            {
                return;
            }

            switch (label)
            {
                case "标题" or "文件标题" or "名称":
                    title ??= value;
                    break;
                case "发文字号" or "文号":
                    number ??= value;
                    break;
                case "发文机关" or "发文单位" or "发布机构" or "发文机构":
                    agency ??= value;
                    break;
                case "成文日期" or "发文日期":
                    if (date is null && ChineseDate.TryParse(value, out var d))
                    {
                        date = d;
                    }
                    else if (date is null && IsoDateRegex().Match(value) is { Success: true } iso
                             && DateOnly.TryParse(iso.Value, System.Globalization.CultureInfo.InvariantCulture, out var isoDate))
                    {
                        date = isoDate;
                    }

                    break;
            }
        }

        var bodyReached = false;
        for (var i = 0; i < blocks.Count && i < MaxPreambleBlocks && !bodyReached; i++)
        {
            switch (blocks[i])
            {
                case Paragraph p:
                {
                    var m = LabelRegex().Match(p.Text);
                    if (m.Success)
                    {
                        Take(m.Groups["label"].Value, m.Groups["value"].Value);
                        consumed[i] = true;
                        continue;
                    }

                    bodyReached = p.Text.Contains('。') || p.Text.Length > 80;
                    break;
                }

                case Table t:
                {
                    var any = false;
                    foreach (var row in t.Rows)
                    {
                        var cells = row.Where(c => c.Length > 0).ToList();
                        for (var c = 0; c < cells.Count; c++)
                        {
                            var label = cells[c].TrimEnd('：', ':');
                            if (LabelNames.Contains(label))
                            {
                                // "发文字号：X" in one cell, or the value in the next cell.
                                var inline = LabelRegex().Match(cells[c]);
                                if (inline.Success && inline.Groups["value"].Value.Trim().Length > 0)
                                {
                                    Take(inline.Groups["label"].Value, inline.Groups["value"].Value);
                                }
                                else if (c + 1 < cells.Count && !LabelNames.Contains(cells[c + 1].TrimEnd('：', ':')))
                                {
                                    Take(label, cells[c + 1]);
                                }

                                any = true;
                            }
                            else
                            {
                                var inline = LabelRegex().Match(cells[c]);
                                if (inline.Success)
                                {
                                    Take(inline.Groups["label"].Value, inline.Groups["value"].Value);
                                    any = true;
                                }
                            }
                        }
                    }

                    if (any)
                    {
                        consumed[i] = true;
                    }

                    break;
                }
            }
        }

        return new LabelInfo(title, number, agency, date);
    }

    private static readonly HashSet<string> LabelNames =
    [
        "标题", "文件标题", "名称", "发文字号", "文号", "发文机关", "发文单位", "发布机构", "发文机构", "成文日期", "发文日期",
        "索引号", "主题分类", "发布日期", "主题词", "有效性", "体裁", "公文种类", "信息来源",
    ];

    private static HeaderInfo ReadHeader(IReadOnlyList<TextBlock> blocks, bool[] consumed)
    {
        var i = 0;
        string? agency = null;
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

        // 版头: "XX文件", or an agency name directly followed by a 文号 line.
        if (i < blocks.Count && TextOf(blocks[i]) is { } first && !TextNormalizer.IsDocumentNumberLine(first))
        {
            var afterFirst = Next(i + 1);
            var followedByNumber = afterFirst < blocks.Count && TextOf(blocks[afterFirst]) is { } n && TextNormalizer.IsDocumentNumberLine(n);
            if (first.EndsWith("文件", StringComparison.Ordinal) && first.Length > 2 && IsAgencyName(first[..^2]))
            {
                agency = first[..^2];
                i = afterFirst;
            }
            else if (followedByNumber && IsAgencyName(first))
            {
                agency = first;
                i = afterFirst;
            }
        }

        // 文号 line (possibly with 签发人).
        if (i < blocks.Count && TextOf(blocks[i]) is { } numberLine && TextNormalizer.IsDocumentNumberLine(numberLine))
        {
            number = DocumentNumber.FindMatches(numberLine)[0].Text;
            i = Next(i + 1);
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
        for (var k = 0; k < bodyStart; k++)
        {
            consumed[k] = true;
        }

        return new HeaderInfo(agency, number, title, titleParts.Count, bodyStart);
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
            && !LabelRegex().IsMatch(text);
    }

    private static bool IsHeaderNoise(TextBlock block) =>
        TextOf(block) is { } text && HeaderNoiseRegex().IsMatch(text);

    private static string? TextOf(TextBlock block) => block switch
    {
        Paragraph p => p.Text,
        Heading h => h.Text,
        _ => null,
    };

    private static (DateOnly? Date, string? Signature) FindSigningDate(IReadOnlyList<TextBlock> body)
    {
        (DateOnly Date, string? Signature)? firstStandalone = null;
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is not Paragraph p)
            {
                continue;
            }

            if (TextNormalizer.IsDateLine(p.Text) && ChineseDate.TryParse(p.Text, out var date))
            {
                var signature = i > 0 && body[i - 1] is Paragraph above && IsAgencyName(above.Text) ? above.Text : null;
                if (signature is not null)
                {
                    return (date, signature);
                }

                firstStandalone ??= (date, null);
                continue;
            }

            // "济南市市中区人民政府办公室 2021年7月28日" on one line.
            if (p.Text.Length <= 80 && ChineseDate.TryParseTrailing(p.Text, out var trailing, out var prefix) && IsAgencyName(prefix.Trim()))
            {
                return (trailing, prefix.Trim());
            }
        }

        return firstStandalone is { } f ? (f.Date, f.Signature) : (null, null);
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

    [GeneratedRegex(@"^(?<label>标题|文件标题|名称|发文字号|文号|发文机关|发文单位|发布机构|发文机构|成文日期|发文日期)\s*[:：]\s*(?<value>.*)$")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^(?:\d{6}|[0-9０-９]{6}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|特提|平急|签发人[:：].*|(?:发布日期|索引号|主题分类|有效性|信息来源)[:：].*)$")]
    private static partial Regex HeaderNoiseRegex();

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex IsoDateRegex();
}
