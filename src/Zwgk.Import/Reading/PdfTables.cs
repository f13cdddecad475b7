using System.Text;
using UglyToad.PdfPig.Content;

namespace Zwgk.Import;

/// <summary>
/// Reconstructs ruled tables of a PDF page from their border lines (stroked lines or thin filled rectangles, as Word, WPS and
/// browsers draw them): rows are the bands between horizontal rules, cells the spans between the vertical rules present in
/// each band, so a merged cell keeps its column. Each cell's wrapped lines are joined; rows come out tab-separated in the
/// reader's table format. Letters outside every table are returned for ordinary line reading.
/// </summary>
internal static class PdfTables
{
    internal sealed record Row(double Top, double Left, double Right, double Size, string Text);

    private readonly record struct HLine(double Y, double X1, double X2);

    private readonly record struct VLine(double X, double Y1, double Y2);

    private const double Tolerance = 2.0;

    // A page with more rules than this is a drawing (a chart, a scanned form's vector art), not a task table; reading it as a
    // grid would cost bands × letters for nothing.
    private const int MaxRules = 3000;
    private const double Thin = 2.5;

    public static List<Row> Read(Page page, List<Letter> letters, out List<Letter> outside)
    {
        outside = letters;
        var (hs, vs) = Rules(page);
        if (hs.Count < 2 || vs.Count < 2 || hs.Count + vs.Count > MaxRules)
        {
            return [];
        }

        var ys = Cluster(hs.Select(h => h.Y)).OrderByDescending(y => y).ToList();
        var rows = new List<Row>();
        var used = new HashSet<Letter>();
        // Consecutive bands joined by vertical rules form one table block.
        var k = 0;
        while (k < ys.Count - 1)
        {
            var start = k;
            while (k < ys.Count - 1 && BandBoundaries(vs, ys[k], ys[k + 1]).Count >= 2)
            {
                k++;
            }

            if (k > start)
            {
                rows.AddRange(ReadBlock(ys.GetRange(start, k - start + 1), vs, letters, used));
            }

            k++;
        }

        if (rows.Count == 0)
        {
            return [];
        }

        outside = letters.Where(l => !used.Contains(l)).ToList();
        return rows;
    }

    private static (List<HLine> H, List<VLine> V) Rules(Page page)
    {
        var hs = new List<HLine>();
        var vs = new List<VLine>();
        foreach (var path in page.Paths)
        {
            if (!path.IsStroked && !path.IsFilled)
            {
                continue;
            }

            foreach (var sub in path)
            {
                if (sub.GetBoundingRectangle() is not { } r)
                {
                    continue;
                }

                if (r.Height <= Thin && r.Width >= 4)
                {
                    hs.Add(new HLine((r.Bottom + r.Top) / 2, r.Left, r.Right));
                }
                else if (r.Width <= Thin && r.Height >= 4)
                {
                    vs.Add(new VLine((r.Left + r.Right) / 2, r.Bottom, r.Top));
                }
                else if (path.IsStroked && !path.IsFilled && r.Width >= 4 && r.Height >= 4)
                {
                    // A stroked rectangle (a cell drawn with "re"): its four edges.
                    hs.Add(new HLine(r.Bottom, r.Left, r.Right));
                    hs.Add(new HLine(r.Top, r.Left, r.Right));
                    vs.Add(new VLine(r.Left, r.Bottom, r.Top));
                    vs.Add(new VLine(r.Right, r.Bottom, r.Top));
                }
            }
        }

        return (hs, vs);
    }

    /// <summary>X positions of the vertical rules crossing the band between <paramref name="top"/> and <paramref name="bottom"/>.</summary>
    private static List<double> BandBoundaries(List<VLine> vs, double top, double bottom)
    {
        var mid = (top + bottom) / 2;
        if (top - bottom < 3)
        {
            return [];
        }

        return Cluster(vs.Where(v => v.Y1 - Tolerance <= mid && v.Y2 + Tolerance >= mid).Select(v => v.X)).OrderBy(x => x).ToList();
    }

    private static IEnumerable<Row> ReadBlock(List<double> ys, List<VLine> vs, List<Letter> letters, HashSet<Letter> used)
    {
        var bands = Enumerable.Range(0, ys.Count - 1).Select(i => (Top: ys[i], Bottom: ys[i + 1], Bounds: BandBoundaries(vs, ys[i], ys[i + 1]))).ToList();
        var columns = Cluster(bands.SelectMany(b => b.Bounds)).OrderBy(x => x).ToList();
        if (columns.Count < 3)
        {
            // One cell wide is a box around text, not a table.
            return [];
        }

        var left = columns[0];
        var right = columns[^1];
        var result = new List<Row>();
        foreach (var band in bands)
        {
            var inBand = letters.Where(l => !used.Contains(l) && Center(l).Y < band.Top && Center(l).Y > band.Bottom && Center(l).X > left && Center(l).X < right).ToList();
            var cells = new string[columns.Count - 1];
            for (var c = 0; c < band.Bounds.Count - 1; c++)
            {
                var x1 = band.Bounds[c];
                var x2 = band.Bounds[c + 1];
                var column = columns.FindIndex(x => Math.Abs(x - x1) <= Tolerance);
                if (column < 0 || column >= cells.Length)
                {
                    continue;
                }

                var cellLetters = inBand.Where(l => Center(l).X > x1 && Center(l).X < x2).ToList();
                cells[column] = CellText(cellLetters);
                used.UnionWith(cellLetters);
            }

            if (cells.All(string.IsNullOrEmpty))
            {
                continue;
            }

            var size = inBand.Count == 0 ? 10 : inBand.Select(l => l.PointSize > 0 ? l.PointSize : l.BoundingBox.Height).Order().ElementAt(inBand.Count / 2);
            result.Add(new Row(band.Top, left, right, size, string.Join('\t', cells.Select(c => c ?? string.Empty))));
        }

        return result;
    }

    private static (double X, double Y) Center(Letter l) =>
        ((l.BoundingBox.Left + l.BoundingBox.Right) / 2, (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2);

    /// <summary>A cell's letters as text: lines by baseline, top first; wrapped lines joined (a space only between Latin words).</summary>
    private static string CellText(List<Letter> letters)
    {
        if (letters.Count == 0)
        {
            return string.Empty;
        }

        letters.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var lines = new List<List<Letter>>();
        foreach (var l in letters)
        {
            var size = Math.Max(1.0, l.PointSize > 0 ? l.PointSize : l.BoundingBox.Height);
            if (lines.Count > 0 && Math.Abs(lines[^1][0].StartBaseLine.Y - l.StartBaseLine.Y) <= size * 0.35)
            {
                lines[^1].Add(l);
            }
            else
            {
                lines.Add([l]);
            }
        }

        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var text = new StringBuilder();
            Letter? previous = null;
            foreach (var l in line)
            {
                if (previous is not null && l.StartBaseLine.X - previous.EndBaseLine.X > Math.Max(1.0, l.PointSize) * 0.2
                    && previous.Value[^1] < 0x80 && l.Value[0] < 0x80)
                {
                    text.Append(' ');
                }

                text.Append(l.Value);
                previous = l;
            }

            if (sb.Length > 0 && sb[^1] < 0x80 && char.IsLetterOrDigit(sb[^1]) && text.Length > 0 && text[0] < 0x80 && char.IsLetterOrDigit(text[0]))
            {
                sb.Append(' ');
            }

            sb.Append(text);
        }

        // A tab inside a cell would split the row.
        return sb.ToString().Replace('\t', ' ');
    }

    private static List<double> Cluster(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var result = new List<double>();
        foreach (var v in sorted)
        {
            if (result.Count > 0 && v - result[^1] <= Tolerance)
            {
                continue;
            }

            result.Add(v);
        }

        return result;
    }
}
