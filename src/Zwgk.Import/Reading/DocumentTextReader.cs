using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Zwgk.Import;

/// <summary>
/// Reads an uploaded file (.txt, .md, .html/.htm, .docx) into plain text for
/// <see cref="Zwgk.Import.DocumentExtractor"/>.
/// </summary>
/// <remarks>
/// Output conventions (understood by <see cref="Zwgk.Import.TextNormalizer"/>):
/// a paragraph whose end is known from the source (docx, html, markdown blank line) ends with U+2029 PARAGRAPH SEPARATOR;
/// headings are written as markdown <c># …</c> lines; table rows are tab-separated lines (tabs and line breaks inside
/// a cell become spaces), the table followed by U+2029. Plain .txt is returned as decoded, untouched.
/// </remarks>
public static partial class DocumentTextReader
{
    private const char ParagraphEnd = '\u2029';
    private const int Gb18030CodePage = 54936;
    private const string ParagraphEndLine = "\u2029\n";

    static DocumentTextReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads <paramref name="stream"/> as text according to the extension of <paramref name="fileName"/>.</summary>
    /// <exception cref="NotSupportedException">The extension is not one of <see cref="ImportFormats.Extensions"/>.</exception>
    /// <exception cref="ImportRejectedException">
    /// The file is empty, binary, corrupt, a scanned PDF, or over one of the <paramref name="limits"/>; the message says which, in Chinese.
    /// </exception>
    public static string ReadText(Stream stream, string fileName, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ImportLimits.Default;
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (!ImportFormats.IsSupported(fileName))
        {
            throw new NotSupportedException(ImportFormats.UnsupportedMessage(fileName));
        }

        var bytes = ReadAllBytes(stream, limits);
        if (bytes.Length == 0)
        {
            throw new ImportRejectedException("文件为空");
        }

        var budget = new TextBudget(limits.MaxTextBytes);
        var text = extension switch
        {
            ".docx" => DocxToText(bytes, limits, budget),
            ".pdf" => PdfTextReader.Read(bytes, limits, budget),
            _ => ReadTextFormat(bytes, extension),
        };

        budget.Add(text.Length == 0 ? string.Empty : text, final: true);
        text = CjkRadicals.Fold(text);
        if (!text.Any(char.IsLetterOrDigit))
        {
            throw new ImportRejectedException("文件中没有可导入的文字");
        }

        return text;
    }

    private static string ReadTextFormat(byte[] bytes, string extension)
    {
        FileSignatures.RejectBinary(bytes, extension);
        var decoded = extension is ".html" or ".htm" ? DecodeHtml(bytes) : DecodeText(bytes);
        var replacement = decoded.Count(c => c == '\uFFFD');
        if (replacement > 8 && replacement > decoded.Length / 100)
        {
            throw new ImportRejectedException("文件内容不是可识别的文字（编码无法识别或为二进制数据）");
        }

        return extension switch
        {
            ".md" or ".markdown" => MarkdownToText(decoded),
            ".html" or ".htm" => HtmlToText(decoded),
            _ => decoded,
        };
    }

    // ---------------------------------------------------------------- encodings

    /// <summary>Decodes text bytes: BOM if any, else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK/GB2312).</summary>
    internal static string DecodeText(byte[] bytes)
    {
        if (TryDecodeWithBom(bytes, out var text))
        {
            return text;
        }

        return TryDecodeUtf8(bytes, out text) ? text : Encoding.GetEncoding(Gb18030CodePage).GetString(bytes);
    }

    internal static string DecodeHtml(byte[] bytes)
    {
        if (TryDecodeWithBom(bytes, out var text) || TryDecodeUtf8(bytes, out text))
        {
            return text;
        }

        // Not UTF-8: trust a declared charset (<meta charset="gbk">), else GB18030.
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = CharsetRegex().Match(head);
        if (m.Success)
        {
            try
            {
                return Encoding.GetEncoding(m.Groups["name"].Value).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through.
            }
        }

        return Encoding.GetEncoding(Gb18030CodePage).GetString(bytes);
    }

    private static bool TryDecodeWithBom(byte[] b, out string text)
    {
        text = string.Empty;
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            text = new UTF8Encoding(false).GetString(b, 3, b.Length - 3);
            return true;
        }

        if (b.Length >= 4 && b[0] == 0x84 && b[1] == 0x31 && b[2] == 0x95 && b[3] == 0x33)
        {
            text = Encoding.GetEncoding(Gb18030CodePage).GetString(b, 4, b.Length - 4);
            return true;
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            text = Encoding.Unicode.GetString(b, 2, b.Length - 2);
            return true;
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            text = Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2);
            return true;
        }

        return false;
    }

    private static bool TryDecodeUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static byte[] ReadAllBytes(Stream stream, ImportLimits limits)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            throw TooLarge(limits);
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limits.MaxFileBytes)
            {
                throw TooLarge(limits);
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static ImportRejectedException TooLarge(ImportLimits limits) =>
        new($"文件超过{limits.MaxFileMegabytes}MB的导入上限");

    // ---------------------------------------------------------------- markdown

    private static string MarkdownToText(string markdown)
    {
        var sb = new StringBuilder(markdown.Length + 64);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var inParagraph = false;
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd();
            if (line.Trim().Length == 0 || HorizontalRuleRegex().IsMatch(line))
            {
                if (inParagraph)
                {
                    sb.Append(ParagraphEnd).Append('\n');
                    inParagraph = false;
                }

                continue;
            }

            line = MarkdownImageRegex().Replace(line, string.Empty);
            line = MarkdownLinkRegex().Replace(line, "${text}");
            line = MarkdownEmphasisRegex().Replace(line, "${text}");
            line = MarkdownCodeRegex().Replace(line, "${text}");
            sb.Append(line).Append('\n');
            inParagraph = true;
        }

        if (inParagraph)
        {
            sb.Append(ParagraphEnd).Append('\n');
        }

        return sb.ToString();
    }

    // ---------------------------------------------------------------- html

    private static readonly HashSet<string> SkippedHtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "canvas",
        "select", "option", "textarea", "input", "button", "map",
    };

    private static readonly HashSet<string> BlockHtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "li", "ul", "ol",
        "dl", "dt", "dd", "pre", "address", "figure", "figcaption", "center", "form", "fieldset", "hr", "caption",
        "details", "summary", "body", "html",
    };

    /// <summary>Text of one element of a parsed page (site migration reads the content area only).</summary>
    internal static string HtmlToText(INode root)
    {
        var writer = new TextWriterState();
        WriteHtmlNode(root, writer);
        writer.EndParagraph();
        return writer.ToString();
    }

    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var writer = new TextWriterState();
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null)
        {
            WriteHtmlNode(root, writer);
        }

        writer.EndParagraph();
        return writer.ToString();
    }

    private static void WriteHtmlNode(INode node, TextWriterState writer)
    {
        switch (node)
        {
            case IText text:
                writer.AppendInline(text.Data, preserveLineBreaks: writer.InPre > 0);
                return;

            case IElement element:
            {
                var name = element.LocalName;
                if (SkippedHtmlElements.Contains(name))
                {
                    return;
                }

                if (name == "br")
                {
                    writer.EndParagraph();
                    return;
                }

                if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
                {
                    writer.EndParagraph();
                    var headingText = CollapseWhitespace(element.TextContent);
                    if (headingText.Length > 0)
                    {
                        writer.AddHeading(name[1] - '0', headingText);
                    }

                    return;
                }

                if (name == "table")
                {
                    WriteHtmlTable(element, writer);
                    return;
                }

                var isBlock = BlockHtmlElements.Contains(name);
                if (isBlock)
                {
                    writer.EndParagraph();
                }

                if (name == "pre")
                {
                    writer.InPre++;
                }

                foreach (var child in element.ChildNodes)
                {
                    WriteHtmlNode(child, writer);
                }

                if (name == "pre")
                {
                    writer.InPre--;
                }

                if (isBlock)
                {
                    writer.EndParagraph();
                }

                return;
            }

            default:
                foreach (var child in node.ChildNodes)
                {
                    WriteHtmlNode(child, writer);
                }

                return;
        }
    }

    private static void WriteHtmlTable(IElement table, TextWriterState writer)
    {
        writer.EndParagraph();
        var rows = table.QuerySelectorAll("tr").Where(tr => tr.Closest("table") == table).ToList();
        var data = new List<List<string>>();
        var cellElements = new List<List<IElement>>();
        // Columns still covered by a rowspan cell above: an empty cell keeps the row's later cells in their columns.
        var covered = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            var texts = new List<string>();
            void FillCovered()
            {
                while (covered.TryGetValue(texts.Count, out var left) && left > 0)
                {
                    covered[texts.Count] = left - 1;
                    texts.Add(string.Empty);
                }
            }

            foreach (var cell in cells)
            {
                FillCovered();
                var span = int.TryParse(cell.GetAttribute("colspan"), out var s) ? Math.Clamp(s, 1, 50) : 1;
                var rowSpan = int.TryParse(cell.GetAttribute("rowspan"), out var rs) ? Math.Clamp(rs, 1, 1000) : 1;
                for (var k = 0; k < span; k++)
                {
                    if (rowSpan > 1)
                    {
                        covered[texts.Count] = rowSpan - 1;
                    }

                    texts.Add(k == 0 ? CellText(HtmlCellText(cell)) : string.Empty);
                }
            }

            FillCovered();
            if (covered.Count > 0 && texts.Count > 0 && covered.Keys.Max() >= texts.Count && covered.Any(c => c.Key >= texts.Count && c.Value > 0))
            {
                while (covered.Any(c => c.Key >= texts.Count && c.Value > 0))
                {
                    if (covered.TryGetValue(texts.Count, out var left) && left > 0)
                    {
                        covered[texts.Count] = left - 1;
                    }

                    texts.Add(string.Empty);
                }
            }

            data.Add(texts);
            cellElements.Add(cells);
        }

        // Layout tables (one column, or nesting other tables) only position content: write their content as blocks.
        var isLayout = data.All(r => r.Count(c => c.Length > 0) <= 1) || table.QuerySelector("table") is not null;
        if (isLayout)
        {
            foreach (var cell in cellElements.SelectMany(c => c))
            {
                writer.EndParagraph();
                foreach (var child in cell.ChildNodes)
                {
                    WriteHtmlNode(child, writer);
                }

                writer.EndParagraph();
            }

            return;
        }

        writer.AddTable(data);
    }

    private static string HtmlCellText(IElement cell)
    {
        var sb = new StringBuilder();
        void Walk(INode n)
        {
            switch (n)
            {
                case IText t:
                    sb.Append(t.Data);
                    break;
                case IElement e when SkippedHtmlElements.Contains(e.LocalName):
                    break;
                case IElement e when e.LocalName is "br" || BlockHtmlElements.Contains(e.LocalName):
                    sb.Append(' ');
                    foreach (var c in e.ChildNodes)
                    {
                        Walk(c);
                    }

                    sb.Append(' ');
                    break;
                default:
                    foreach (var c in n.ChildNodes)
                    {
                        Walk(c);
                    }

                    break;
            }
        }

        Walk(cell);
        return sb.ToString();
    }

    // ---------------------------------------------------------------- docx

    private static string DocxToText(byte[] bytes, ImportLimits limits, TextBudget budget)
    {
        FileSignatures.RequireDocx(bytes);

        // The package is inflated once through a counting stream before the OpenXml SDK sees it: entry sizes in the
        // zip headers are not trusted, and a part that inflates past the limit is refused before it is parsed.
        DocxPackageCheck.Verify(bytes, limits);

        var writer = new TextWriterState(budget);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (body is null)
            {
                throw new ImportRejectedException(FileSignatures.CorruptDocx);
            }

            var headingLevels = ReadHeadingStyles(main!);
            WriteDocxBlocks(body.ChildElements, writer, headingLevels);
            writer.EndParagraph();
            return writer.ToString();
        }
        catch (Exception ex) when (ex is not ImportRejectedException and not OutOfMemoryException)
        {
            // The SDK's messages are English and technical; the user needs to know the file itself is the problem.
            throw new ImportRejectedException(FileSignatures.CorruptDocx);
        }
    }

    /// <summary>Style id → heading level, from style names "heading N" / "标题 N" / "Title".</summary>
    private static Dictionary<string, int> ReadHeadingStyles(MainDocumentPart main)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<W.Style>() ?? [];
        foreach (var style in styles)
        {
            var id = style.StyleId?.Value;
            var name = style.StyleName?.Val?.Value;
            if (id is null || name is null)
            {
                continue;
            }

            var level = HeadingLevelFromName(name);
            if (level > 0)
            {
                result[id] = level;
            }
        }

        return result;
    }

    private static int HeadingLevelFromName(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        if (n is "title" or "标题")
        {
            return 1;
        }

        var m = HeadingStyleNameRegex().Match(n);
        return m.Success ? int.Parse(m.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static void WriteDocxBlocks(IEnumerable<OpenXmlElement> elements, TextWriterState writer, Dictionary<string, int> headingLevels)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case W.Paragraph paragraph:
                    WriteDocxParagraph(paragraph, writer, headingLevels);
                    break;

                case W.Table table:
                    WriteDocxTable(table, writer, headingLevels);
                    break;

                case W.SdtBlock sdt:
                    WriteDocxBlocks(sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>(), writer, headingLevels);
                    break;

                case W.CustomXmlBlock custom:
                    WriteDocxBlocks(custom.ChildElements, writer, headingLevels);
                    break;
            }
        }
    }

    private static void WriteDocxParagraph(W.Paragraph paragraph, TextWriterState writer, Dictionary<string, int> headingLevels)
    {
        // Text boxes (often used for the 版头) hold their own paragraphs: write them first, as blocks.
        foreach (var box in paragraph.Descendants<W.TextBoxContent>().Where(b => !b.Ancestors<W.TextBoxContent>().Any()))
        {
            WriteDocxBlocks(box.ChildElements, writer, headingLevels);
        }

        var text = DocxParagraphText(paragraph);
        writer.EndParagraph();
        if (text.Trim().Length == 0)
        {
            return;
        }

        var level = DocxHeadingLevel(paragraph, headingLevels);
        if (level > 0)
        {
            writer.AddHeading(level, CollapseWhitespace(text));
        }
        else
        {
            writer.AddParagraph(text);
        }
    }

    private static int DocxHeadingLevel(W.Paragraph paragraph, Dictionary<string, int> headingLevels)
    {
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        if (styleId is not null)
        {
            if (headingLevels.TryGetValue(styleId, out var level))
            {
                return level;
            }

            var byId = HeadingLevelFromName(styleId.Replace("Heading", "heading ", StringComparison.OrdinalIgnoreCase));
            if (byId > 0)
            {
                return byId;
            }
        }

        var outline = properties?.OutlineLevel?.Val?.Value;
        return outline is >= 0 and < 6 ? outline.Value + 1 : 0;
    }

    private static string DocxParagraphText(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        void Walk(OpenXmlElement e)
        {
            foreach (var child in e.ChildElements)
            {
                switch (child)
                {
                    case W.TextBoxContent:
                        break; // written separately
                    case W.Text t:
                        sb.Append(t.Text);
                        break;
                    case W.TabChar or W.PositionalTab:
                        sb.Append(' ');
                        break;
                    case W.Break br when br.Type?.Value == W.BreakValues.Page || br.Type?.Value == W.BreakValues.Column:
                        sb.Append(' ');
                        break;
                    case W.Break or W.CarriageReturn:
                        sb.Append('\n');
                        break;
                    case W.NoBreakHyphen:
                        sb.Append('-');
                        break;
                    case W.SoftHyphen:
                        break;
                    default:
                        Walk(child);
                        break;
                }
            }
        }

        Walk(paragraph);
        return sb.ToString();
    }

    private static void WriteDocxTable(W.Table table, TextWriterState writer, Dictionary<string, int> headingLevels)
    {
        writer.EndParagraph();
        var rows = table.Elements<W.TableRow>().ToList();
        var data = new List<List<string>>();
        foreach (var row in rows)
        {
            var texts = new List<string>();
            foreach (var cell in row.Elements<W.TableCell>())
            {
                var cellText = string.Join(' ', cell.Descendants<W.Paragraph>()
                    .Where(p => !p.Ancestors<W.TextBoxContent>().Any())
                    .Select(DocxParagraphText)
                    .Where(t => t.Trim().Length > 0));
                texts.Add(CellText(cellText));
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var k = 1; k < Math.Clamp(span, 1, 50); k++)
                {
                    texts.Add(string.Empty);
                }
            }

            data.Add(texts);
        }

        var isLayout = data.All(r => r.Count(c => c.Length > 0) <= 1) || table.Descendants<W.Table>().Any();
        if (isLayout)
        {
            foreach (var cell in rows.SelectMany(r => r.Elements<W.TableCell>()))
            {
                WriteDocxBlocks(cell.ChildElements, writer, headingLevels);
            }

            return;
        }

        writer.AddTable(data);
    }

    // ---------------------------------------------------------------- shared

    private static string CellText(string text) => CollapseWhitespace(text);

    private static string CollapseWhitespace(string text) => WhitespaceRegex().Replace(text, " ").Trim();

    /// <summary>Accumulates paragraphs, headings and tables in the reader output format.</summary>
    private sealed class TextWriterState
    {
        private readonly StringBuilder output = new();
        private readonly StringBuilder inline = new();
        private readonly TextBudget? budget;

        public TextWriterState(TextBudget? budget = null)
        {
            this.budget = budget;
        }

        private void Write(string text)
        {
            budget?.Add(text);
            output.Append(text);
        }

        public int InPre { get; set; }

        public void AppendInline(string text, bool preserveLineBreaks)
        {
            if (preserveLineBreaks)
            {
                inline.Append(text.Replace('\t', ' '));
                return;
            }

            var collapsed = WhitespaceRegex().Replace(text, " ");
            if (collapsed.StartsWith(' ') && (inline.Length == 0 || inline[^1] == ' '))
            {
                collapsed = collapsed.TrimStart();
            }

            inline.Append(collapsed);
        }

        public void AddParagraph(string text)
        {
            EndParagraph();
            inline.Append(text.Replace('\t', ' '));
            EndParagraph();
        }

        public void EndParagraph()
        {
            var text = inline.ToString().Trim();
            inline.Clear();
            if (text.Length == 0)
            {
                return;
            }

            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    Write(trimmed + "\n");
                }
            }

            Write(ParagraphEndLine);
        }

        public void AddHeading(int level, string text)
        {
            EndParagraph();
            Write(new string('#', Math.Clamp(level, 1, 6)) + " " + text + ParagraphEndLine);
        }

        public void AddTable(List<List<string>> rows)
        {
            EndParagraph();
            var any = false;
            foreach (var row in rows)
            {
                if (row.All(c => c.Length == 0))
                {
                    continue;
                }

                // A row with a single cell still needs a tab so it stays a table row.
                IEnumerable<string> cells = row.Count == 1 ? new[] { row[0], string.Empty } : row;
                Write(string.Join('\t', cells) + "\n");
                any = true;
            }

            if (any)
            {
                Write(ParagraphEndLine);
            }
        }

        public override string ToString() => output.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<name>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetRegex();

    [GeneratedRegex(@"^(?:heading|标题)\s*(?<level>[1-6])$")]
    private static partial Regex HeadingStyleNameRegex();

    [GeneratedRegex(@"^\s{0,3}(?:[-*_]\s*){3,}$")]
    private static partial Regex HorizontalRuleRegex();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImageRegex();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLinkRegex();

    [GeneratedRegex(@"(\*\*|__)(?<text>.+?)\1")]
    private static partial Regex MarkdownEmphasisRegex();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex MarkdownCodeRegex();
}
