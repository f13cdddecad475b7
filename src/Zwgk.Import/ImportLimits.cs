using System.ComponentModel.DataAnnotations;

namespace Zwgk.Import;

/// <summary>
/// Bounds on what one imported file may cost (configuration section <c>Zwgk:Import</c>). A file over a limit is refused
/// with a Chinese reason instead of being read: a 200 KB .docx can expand to gigabytes.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Zwgk:Import";

    /// <summary>Size of the file as uploaded or found on disk.</summary>
    [Range(1, 1024)] public int MaxFileMegabytes { get; set; } = 50;

    /// <summary>Sum of the decompressed bytes actually read from a .docx package (counted while streaming, header sizes are not trusted).</summary>
    [Range(1, 4096)] public int MaxDecompressedMegabytes { get; set; } = 64;

    /// <summary>Extracted text, counted in UTF-8 bytes.</summary>
    [Range(1, 1024)] public int MaxTextMegabytes { get; set; } = 20;

    /// <summary>Pages of a PDF.</summary>
    [Range(1, 100_000)] public int MaxPages { get; set; } = 2000;

    /// <summary>Entries of a .docx package (a package with many thousands of parts is not a document).</summary>
    [Range(10, 1_000_000)] public int MaxPackageEntries { get; set; } = 5000;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public long MaxDecompressedBytes => MaxDecompressedMegabytes * 1024L * 1024L;

    public long MaxTextBytes => MaxTextMegabytes * 1024L * 1024L;

    /// <summary>Defaults, for callers without configuration (tests, tools).</summary>
    public static ImportLimits Default { get; } = new();
}

/// <summary>A file that cannot or must not be imported; <see cref="Exception.Message"/> is the Chinese reason shown to the user.</summary>
public sealed class ImportRejectedException(string message) : Exception(message);

/// <summary>The one list of file types the importer reads.</summary>
public static class ImportFormats
{
    /// <summary>Extensions, lower case with the dot.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"];

    /// <summary>For messages and hints: <c>.txt .md .html .docx .pdf</c> (aliases such as .htm, .markdown are not repeated).</summary>
    public const string Display = ".txt .md .html .docx .pdf";

    /// <summary>Value for an &lt;input type=file accept=…&gt;.</summary>
    public static string Accept => string.Join(',', Extensions);

    public static bool IsSupported(string? fileName) =>
        Extensions.Contains(Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant());

    public static string UnsupportedMessage(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return $"不支持的文件类型：{(extension.Length == 0 ? "无扩展名" : extension)}（支持 {Display}）";
    }
}
