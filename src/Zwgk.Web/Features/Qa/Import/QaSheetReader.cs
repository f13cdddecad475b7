using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Zwgk.Import;

namespace Zwgk.Web.Features.Qa.Import;

/// <summary>One data row of a FAQ sheet, text as written; <see cref="Row"/> is the row number a person sees in the sheet.</summary>
public sealed record QaSheetRow(int Row, string? Question, string? Answer, string? Unit, string? Basis, string? Topic, string? ReviewOn, string? Alternatives);

public sealed record QaSheetError(int Row, string Message);

public sealed record QaSheet(IReadOnlyList<QaSheetRow> Rows, IReadOnlyList<QaSheetError> Errors, IReadOnlyList<string> IgnoredColumns);

public enum QaColumn { Question, Answer, Unit, Basis, Topic, ReviewOn, Alternatives }

/// <summary>
/// Reads a unit's FAQ sheet (常见问题清单): CSV (UTF-8 with or without BOM; GB18030/GBK when the bytes are not UTF-8, as
/// Excel on Chinese Windows saves it) or .xlsx. The header row is found by its names (问题/问题描述, 答复/答复口径/回答,
/// 责任单位/责任部门, 政策依据/依据 …, any order); blank rows are skipped; a row without 问题 or 答复 is reported with its row
/// number and left out, never stopping the rest. Files are refused over the import limits (size, and for .xlsx the bytes
/// actually inflated and the number of parts) before they are parsed.
/// </summary>
public static class QaSheetReader
{
    public const int MaxRows = 20_000;
    public const string Accept = ".csv,.xlsx";

    private static readonly (QaColumn Column, string[] Names)[] Aliases =
    [
        (QaColumn.Alternatives, ["其他问法", "其它问法", "相似问法", "同义问法", "近似问法", "其他提问方式"]),
        (QaColumn.ReviewOn, ["复核日期", "复核时间", "下次复核日期", "复核期限"]),
        (QaColumn.Unit, ["责任单位", "责任部门", "答复单位", "主管单位", "主管部门", "单位", "部门", "单位名称", "部门名称"]),
        (QaColumn.Basis, ["政策依据", "依据", "政策文件", "文件依据", "法规依据", "政策依据文件"]),
        (QaColumn.Topic, ["主题", "分类", "类别", "主题分类", "问题分类", "所属主题"]),
        (QaColumn.Answer, ["答复", "答复内容", "答复口径", "回答", "解答", "答案", "回复", "回复内容"]),
        (QaColumn.Question, ["问题", "问题描述", "咨询问题", "常见问题", "提问", "问题内容"]),
    ];

    static QaSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() is ".csv" or ".xlsx";

    /// <exception cref="ImportRejectedException">Unreadable, over a limit, or no header row (message in Chinese).</exception>
    public static QaSheet Read(byte[] bytes, string fileName, ImportLimits limits)
    {
        if (bytes.LongLength > limits.MaxFileBytes) throw new ImportRejectedException($"文件超过{limits.MaxFileMegabytes}MB的上限");
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => FromCells(ParseCsv(DecodeText(bytes)).Select((cells, i) => (i + 1, cells))),
            ".xlsx" => FromCells(ReadXlsx(bytes, limits)),
            _ => throw new ImportRejectedException($"不支持的文件类型：{Path.GetExtension(fileName)}（支持 .csv .xlsx）"),
        };
    }

    /// <summary>Which column a header names, or null. Spaces, asterisks and bracketed notes such as（必填）are ignored.</summary>
    public static QaColumn? ColumnOf(string? header)
    {
        var h = Clean(header);
        if (h.Length == 0) return null;
        foreach (var (column, names) in Aliases)
            if (names.Contains(h, StringComparer.Ordinal)) return column;
        // 答复单位 before 答复, 问题分类 before 问题: the more specific names are listed first.
        foreach (var (column, names) in Aliases)
            if (names.Any(n => n.Length >= 2 && h.Contains(n, StringComparison.Ordinal))) return column;
        return null;
    }

    private static string Clean(string? header)
    {
        var sb = new StringBuilder();
        int depth = 0;
        foreach (var c in (header ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (c is '(' or '（' or '[' or '【') { depth++; continue; }
            if (c is ')' or '）' or ']' or '】') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0 || char.IsWhiteSpace(c) || c is '*' or ':' or '：') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static QaSheet FromCells(IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows)
    {
        Dictionary<QaColumn, int>? map = null;
        var ignored = new List<string>();
        var result = new List<QaSheetRow>();
        var errors = new List<QaSheetError>();
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (map is null)
            {
                // The header is the first row naming both a question and an answer column; a title line above it is allowed.
                var candidate = new Dictionary<QaColumn, int>();
                for (int i = 0; i < cells.Count; i++)
                    if (ColumnOf(cells[i]) is { } c && !candidate.ContainsKey(c)) candidate[c] = i;
                if (candidate.ContainsKey(QaColumn.Question) && candidate.ContainsKey(QaColumn.Answer))
                {
                    map = candidate;
                    ignored.AddRange(cells.Where((c, i) => !string.IsNullOrWhiteSpace(c) && !candidate.ContainsValue(i)).Select(c => c.Trim()));
                }
                else if (row >= 10) break;
                continue;
            }
            if (result.Count + errors.Count >= MaxRows) throw new ImportRejectedException($"表格超过{MaxRows}行的上限，请拆分后导入");
            string? Get(QaColumn c) => map.TryGetValue(c, out var i) && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            var r = new QaSheetRow(row, Get(QaColumn.Question), Get(QaColumn.Answer), Get(QaColumn.Unit), Get(QaColumn.Basis), Get(QaColumn.Topic),
                Get(QaColumn.ReviewOn), Get(QaColumn.Alternatives));
            if (r.Question is null && r.Answer is null) errors.Add(new QaSheetError(row, "缺少问题和答复，已跳过"));
            else if (r.Question is null) errors.Add(new QaSheetError(row, "缺少问题，已跳过"));
            else if (r.Answer is null) errors.Add(new QaSheetError(row, "缺少答复，已跳过"));
            else result.Add(r);
        }
        if (map is null) throw new ImportRejectedException("没有找到表头：表格须有“问题”和“答复”两列（也可写作 问题描述、答复内容、答复口径、回答 等）");
        return new QaSheet(result, errors, ignored);
    }

    // ---------------------------------------------------------------- CSV

    /// <summary>BOM if any, else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK) — the order the document importer uses.</summary>
    public static string DecodeText(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return new UTF8Encoding(false).GetString(b, 3, b.Length - 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return Encoding.Unicode.GetString(b, 2, b.Length - 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(54936).GetString(b);
        }
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks); a tab-separated sheet is recognised by its first line.</summary>
    public static List<IReadOnlyList<string>> ParseCsv(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n && n >= 0 ? n : text.Length));
        char sep = firstLine.Count('\t') > firstLine.Count(',') ? '\t' : firstLine.Count(',') == 0 && firstLine.Count('，') > 0 ? '，' : ',';
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
                continue;
            }
            if (c == '"' && sb.Length == 0) { quoted = true; any = true; }
            else if (c == sep) { fields.Add(sb.ToString()); sb.Clear(); any = true; }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(sb.ToString()); sb.Clear();
                records.Add(fields);
                fields = [];
                any = false;
            }
            else { sb.Append(c); any = true; }
        }
        if (any || sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); records.Add(fields); }
        return records;
    }

    // ---------------------------------------------------------------- xlsx

    private static List<(int Row, IReadOnlyList<string> Cells)> ReadXlsx(byte[] bytes, ImportLimits limits)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            throw new ImportRejectedException(bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })
                ? "这是旧版 Excel 文件（.xls），请用 Excel 或 WPS 另存为 .xlsx 后再导入" : "文件已损坏或不是有效的 Excel 文件（.xlsx）");
        VerifyPackage(bytes, limits);
        try
        {
            using var book = new XLWorkbook(new MemoryStream(bytes, writable: false));
            var sheet = book.Worksheets.FirstOrDefault(w => w.Visibility == XLWorksheetVisibility.Visible) ?? book.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) return [];
            var result = new List<(int, IReadOnlyList<string>)>();
            int lastColumn = Math.Min(used.LastColumn().ColumnNumber(), 50);
            foreach (var row in sheet.Rows(1, used.LastRow().RowNumber()))
            {
                if (result.Count > MaxRows + 20) throw new ImportRejectedException($"表格超过{MaxRows}行的上限，请拆分后导入");
                var cells = new string[lastColumn];
                for (int c = 1; c <= lastColumn; c++) cells[c - 1] = CellText(row.Cell(c));
                result.Add((row.RowNumber(), cells));
            }
            return result;
        }
        catch (Exception ex) when (ex is not ImportRejectedException and not OutOfMemoryException)
        {
            throw new ImportRejectedException("无法读取 Excel 文件，请用 Excel 或 WPS 打开后重新另存为 .xlsx 再导入");
        }
    }

    private static string CellText(IXLCell cell)
    {
        // A 复核日期 typed as a date is a number underneath: give it as YYYY-MM-DD, never as a serial.
        if (cell.DataType == XLDataType.DateTime && cell.TryGetValue<DateTime>(out var dt)) return dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return cell.GetFormattedString();
    }

    /// <summary>Inflates every part once, counting what is produced (header sizes are not trusted), before ClosedXML parses it.</summary>
    private static void VerifyPackage(byte[] bytes, ImportLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > limits.MaxPackageEntries)
                throw new ImportRejectedException($"Excel 文件包含 {archive.Entries.Count} 个部件，超过{limits.MaxPackageEntries}个的上限，文件异常");
            long total = 0;
            var buffer = new byte[64 * 1024];
            foreach (var entry in archive.Entries)
            {
                using var s = entry.Open();
                int read;
                while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > limits.MaxDecompressedBytes)
                        throw new ImportRejectedException($"Excel 文件解压后超过{limits.MaxDecompressedMegabytes}MB的上限（压缩包异常，可能是“压缩炸弹”），已拒绝导入");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            throw new ImportRejectedException("文件已损坏或不是有效的 Excel 文件（.xlsx）");
        }
    }
}
