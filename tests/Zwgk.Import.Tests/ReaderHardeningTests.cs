using System.IO.Compression;
using System.Text;

namespace Zwgk.Import.Tests;

/// <summary>Junk, empty, corrupt and oversized files are refused with a Chinese reason instead of becoming drafts or exhausting memory.</summary>
public class ReaderHardeningTests
{
    private static string Read(byte[] bytes, string fileName, ImportLimits? limits = null) =>
        DocumentTextReader.ReadText(new MemoryStream(bytes), fileName, limits);

    private static string Refusal(byte[] bytes, string fileName, ImportLimits? limits = null) =>
        Assert.Throws<ImportRejectedException>(() => Read(bytes, fileName, limits)).Message;

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("empty.docx")]
    [InlineData("empty.pdf")]
    [InlineData("empty.html")]
    public void Empty_files_are_refused(string fileName) => Assert.Equal("文件为空", Refusal([], fileName));

    [Fact]
    public void Whitespace_only_and_markup_only_files_have_no_text()
    {
        Assert.Equal("文件中没有可导入的文字", Refusal(Encoding.UTF8.GetBytes(" \r\n\u3000\t\n"), "blank.txt"));
        Assert.Equal("文件中没有可导入的文字", Refusal(Encoding.UTF8.GetBytes("<html><body><script>x()</script><p> </p></body></html>"), "blank.html"));
    }

    [Fact]
    public void Random_binary_bytes_are_refused_whatever_the_extension()
    {
        var junk = new byte[4096];
        new Random(9).NextBytes(junk);
        junk[0] = 0x13; // not one of the known signatures
        Assert.Equal("文件内容是二进制数据，不是文字文件，无法导入", Refusal(junk, "notice.txt"));
        Assert.Equal("文件内容是二进制数据，不是文字文件，无法导入", Refusal(junk, "notice.md"));
        Assert.Equal(FileSignatures.CorruptDocx, Refusal(junk, "notice.docx"));
        Assert.Equal("文件已损坏或不是有效的 PDF 文件", Refusal(junk, "notice.pdf"));
    }

    [Fact]
    public void Known_binary_formats_with_a_text_extension_are_named()
    {
        Assert.Equal("文件内容是PNG 图片，不是扩展名 .txt 所表示的文字文件", Refusal([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0], "photo.txt"));
        Assert.Equal("文件内容是PDF 文件，不是扩展名 .html 所表示的文字文件", Refusal("%PDF-1.7\n1 0 obj"u8.ToArray(), "page.html"));
    }

    [Fact]
    public void A_legacy_doc_renamed_to_docx_is_explained()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Equal("这是旧版 Word 文档（.doc），请用 Word 或 WPS 另存为 .docx 后再导入", Refusal(ole, "old.docx"));
    }

    [Fact]
    public void A_corrupt_docx_gets_a_chinese_reason_not_the_library_exception()
    {
        var good = DocumentTextReaderTests.CreateDocx(["济南市市中区人民政府办公室", "关于做好政务公开工作的通知"]);
        var truncated = good[..(good.Length / 2)];
        var message = Refusal(truncated, "notice.docx");
        Assert.Equal("文件已损坏或不是有效的 Word 文档（.docx），请用 Word 或 WPS 打开后重新另存为 .docx 再导入", message);

        // A valid zip that is not a Word document.
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            w.Write("not a document");
        }

        Assert.Equal(FileSignatures.CorruptDocx, Refusal(zip.ToArray(), "notice.docx"));
    }

    /// <summary>A .docx whose document.xml inflates to about 100 MB from a few hundred KB: the case from the issue.</summary>
    internal static byte[] ZipBomb(long inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string content)
            {
                using var w = new StreamWriter(archive.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(content);
            }

            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var doc = new StreamWriter(archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            doc.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""");
            const string paragraph = "<w:p><w:r><w:t>各街道办事处，区政府各部门：现将政务公开工作要点印发给你们，请认真贯彻落实。</w:t></w:r></w:p>";
            var written = 0L;
            var chunk = string.Concat(Enumerable.Repeat(paragraph, 1000));
            var chunkBytes = Encoding.UTF8.GetByteCount(chunk);
            while (written < inflatedBytes)
            {
                doc.Write(chunk);
                written += chunkBytes;
            }

            doc.Write("</w:body></w:document>");
        }

        return output.ToArray();
    }

    [Fact]
    public void A_zip_bomb_docx_is_refused_while_streaming_without_inflating_it_in_memory()
    {
        var bomb = ZipBomb(100L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var message = Refusal(bomb, "bomb.docx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("Word 文档解压后超过64MB的上限（压缩包异常，可能是“压缩炸弹”），已拒绝导入", message);
        // Counting the inflated bytes needs a buffer, not the document: far below the 100 MB the part expands to.
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    /// <summary>Rewrites every uncompressed-size field of the zip (local headers and central directory) to 1 KB.</summary>
    private static byte[] LieAboutSizes(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1024u);
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 1 && bytes[i + 3] == 2)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1024u);
            }
        }

        return bytes;
    }

    [Fact]
    public void Sizes_in_the_zip_headers_are_not_trusted()
    {
        var liar = LieAboutSizes(ZipBomb(100L * 1024 * 1024));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var message = Refusal(liar, "bomb.docx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // The bytes actually inflated are counted; an entry that inflates to more than its header says is a corrupt
        // package (the runtime's zip reader notices the mismatch), refused before anything parses it.
        Assert.Equal(FileSignatures.CorruptDocx, message);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void The_decompression_limit_is_configurable()
    {
        var small = ZipBomb(3L * 1024 * 1024);
        Assert.Equal("Word 文档解压后超过2MB的上限（压缩包异常，可能是“压缩炸弹”），已拒绝导入",
            Refusal(small, "bomb.docx", new ImportLimits { MaxDecompressedMegabytes = 2 }));
    }

    [Fact]
    public void Extracted_text_over_the_limit_is_refused()
    {
        // 3 MB of XML gives about 2 MB of text: under the package limit, over a 1 MB text limit.
        var docx = ZipBomb(3L * 1024 * 1024);
        Assert.Equal("提取出的文字超过1MB的上限，文件可能异常（如压缩炸弹）或过大，请拆分后导入",
            Refusal(docx, "long.docx", new ImportLimits { MaxTextMegabytes = 1 }));
        var text = new string('政', 400_000) + "。"; // 1.2 MB in UTF-8
        Assert.Equal("提取出的文字超过1MB的上限，文件可能异常（如压缩炸弹）或过大，请拆分后导入",
            Refusal(Encoding.UTF8.GetBytes(text), "long.txt", new ImportLimits { MaxTextMegabytes = 1 }));
    }

    [Fact]
    public void Files_over_the_size_limit_are_refused_before_reading()
    {
        var big = Encoding.UTF8.GetBytes(new string('文', 400_000));
        Assert.Equal("文件超过1MB的导入上限", Refusal(big, "big.txt", new ImportLimits { MaxFileMegabytes = 1 }));
    }
}
