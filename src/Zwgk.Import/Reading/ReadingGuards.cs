using System.IO.Compression;
using System.Text;

namespace Zwgk.Import;

/// <summary>Counts extracted text (UTF-8 bytes) and refuses it past the limit, while it is being produced.</summary>
internal sealed class TextBudget(long maxBytes)
{
    private long used;

    public void Add(string text, bool final = false)
    {
        // The final check measures the whole result once; during extraction pieces are added as they are written.
        var bytes = Encoding.UTF8.GetByteCount(text);
        var total = final ? Math.Max(used, bytes) : used + bytes;
        if (total > maxBytes)
        {
            throw new ImportRejectedException(
                $"提取出的文字超过{maxBytes / (1024 * 1024)}MB的上限，文件可能异常（如压缩炸弹）或过大，请拆分后导入");
        }

        if (!final)
        {
            used = total;
        }
    }
}

/// <summary>Recognises what a file really is from its first bytes, so junk is refused with a reason.</summary>
internal static class FileSignatures
{
    public const string CorruptDocx = "文件已损坏或不是有效的 Word 文档（.docx），请用 Word 或 WPS 打开后重新另存为 .docx 再导入";
    public const string LegacyDoc = "这是旧版 Word 文档（.doc），请用 Word 或 WPS 另存为 .docx 后再导入";

    private static readonly (byte[] Magic, string Kind)[] Known =
    [
        ("PK\u0003\u0004"u8.ToArray(), "ZIP 压缩包或 Office 文档"),
        ("%PDF"u8.ToArray(), "PDF 文件"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "旧版 Office 文档（.doc/.xls）"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "PNG 图片"),
        ([0xFF, 0xD8, 0xFF], "JPEG 图片"),
        ("GIF8"u8.ToArray(), "GIF 图片"),
        ("Rar!"u8.ToArray(), "RAR 压缩包"),
        ([0x1F, 0x8B], "GZIP 压缩包"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "7z 压缩包"),
        ("MZ"u8.ToArray(), "Windows 程序"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "可执行程序"),
    ];

    /// <summary>Refuses bytes that are not text: a known binary signature, or control bytes a text file never has.</summary>
    public static void RejectBinary(byte[] bytes, string extension)
    {
        // UTF-16 text legitimately contains NUL bytes; its BOM says so.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return;
        }

        foreach (var (magic, kind) in Known)
        {
            if (bytes.AsSpan().StartsWith(magic))
            {
                throw new ImportRejectedException($"文件内容是{kind}，不是扩展名 {extension} 所表示的文字文件");
            }
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024));
        var control = 0;
        foreach (var b in sample)
        {
            // Tab, line feed, form feed, carriage return and ESC/SUB are seen in real text files; the rest are not.
            if (b is < 0x20 and not (0x09 or 0x0A or 0x0C or 0x0D or 0x1A or 0x1B) || b == 0x7F)
            {
                control++;
            }
        }

        if (control > 0 && (sample.Contains((byte)0) || control * 100 > sample.Length))
        {
            throw new ImportRejectedException("文件内容是二进制数据，不是文字文件，无法导入");
        }
    }

    public static void RequireDocx(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Known[0].Magic))
        {
            return;
        }

        throw new ImportRejectedException(bytes.AsSpan().StartsWith(Known[2].Magic) ? LegacyDoc : CorruptDocx);
    }
}

/// <summary>Inflates every entry of a .docx once, counting the bytes actually produced, before the package is parsed.</summary>
internal static class DocxPackageCheck
{
    public static void Verify(byte[] bytes, ImportLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new ImportRejectedException(FileSignatures.CorruptDocx);
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxPackageEntries)
            {
                throw new ImportRejectedException($"Word 文档包含 {archive.Entries.Count} 个部件，超过{limits.MaxPackageEntries}个的上限，文件异常");
            }

            var total = 0L;
            var buffer = new byte[64 * 1024];
            foreach (var entry in archive.Entries)
            {
                // Pictures and embedded objects are never parsed for text; everything else may be.
                if (entry.FullName.StartsWith("word/media/", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.StartsWith("word/embeddings/", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                try
                {
                    using var stream = entry.Open();
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > limits.MaxDecompressedBytes)
                        {
                            throw new ImportRejectedException(
                                $"Word 文档解压后超过{limits.MaxDecompressedMegabytes}MB的上限（压缩包异常，可能是“压缩炸弹”），已拒绝导入");
                        }
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
                {
                    throw new ImportRejectedException(FileSignatures.CorruptDocx);
                }
            }
        }
    }
}
