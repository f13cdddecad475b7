using System.Globalization;
using System.Text;

namespace Zwgk.Import.Tests.Support;

/// <summary>
/// Writes small PDFs for the tests: text is drawn with a Type0 font (Identity-H, code = Unicode code point) that carries a
/// ToUnicode map and no embedded glyphs, which is all a text extractor reads; pages may hold an image instead (a scan).
/// Every glyph is 1 em wide, so positions are easy to place.
/// </summary>
internal sealed class MiniPdf
{
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    private readonly List<Page> pages = [];

    private sealed class Page
    {
        public List<(double X, double Y, double Size, string Text)> Texts { get; } = [];
        public bool Image { get; set; }
    }

    public MiniPdf NewPage()
    {
        pages.Add(new Page());
        return this;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at (x, y) from the bottom-left corner.</summary>
    public MiniPdf Text(double x, double y, string text, double size = 16)
    {
        pages[^1].Texts.Add((x, y, size, text));
        return this;
    }

    /// <summary>Draws text centred on the page.</summary>
    public MiniPdf Centered(double y, string text, double size = 22) => Text((PageWidth - (text.Length * size)) / 2, y, text, size);

    /// <summary>Fills the page with a grey image (what a scanner produces), without any text.</summary>
    public MiniPdf ScannedImage()
    {
        pages[^1].Image = true;
        return this;
    }

    public byte[] ToBytes()
    {
        var chars = pages.SelectMany(p => p.Texts).SelectMany(t => t.Text).Distinct().Order().ToList();
        var objects = new List<string>();
        int Add(string body)
        {
            objects.Add(body);
            return objects.Count;
        }

        // 1 catalog, 2 pages: filled in at the end.
        Add(string.Empty);
        Add(string.Empty);
        var toUnicode = Add(Stream(ToUnicodeMap(chars)));
        var descriptor = Add("<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
        var cidFont = Add($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>");
        var font = Add($"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
        var image = Add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0080\u0090\u00a0\u00b0\nendstream");

        var pageIds = new List<int>();
        foreach (var page in pages)
        {
            var content = new StringBuilder();
            if (page.Image)
            {
                content.Append(CultureInfo.InvariantCulture, $"q {PageWidth - 40} 0 0 {PageHeight - 40} 20 20 cm /Im1 Do Q\n");
            }

            foreach (var (x, y, size, text) in page.Texts)
            {
                var hex = string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 {size} Tf 1 0 0 1 {x:0.##} {y:0.##} Tm <{hex}> Tj ET\n");
            }

            var contentId = Add(Stream(content.ToString()));
            pageIds.Add(Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> /Contents {contentId} 0 R >>"));
        }

        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {pageIds.Count} >>";

        // Latin-1 keeps every byte of the image stream as written.
        var latin1 = Encoding.Latin1;
        using var output = new MemoryStream();
        void Write(string s)
        {
            var b = latin1.GetBytes(s);
            output.Write(b);
        }

        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static string Stream(string content) => $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    private static string ToUnicodeMap(List<char> chars)
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        sb.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in chars.Chunk(100))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var c in chunk)
            {
                var hex = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"<{hex}> <{hex}>\n");
            }

            sb.Append("endbfchar\n");
        }

        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
        return sb.ToString();
    }
}
