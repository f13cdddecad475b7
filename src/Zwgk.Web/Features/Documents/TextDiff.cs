using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Zwgk.Web.Features.Documents;

public enum DiffKind { Equal, Insert, Delete }

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// Word/character-level comparison of two texts for the version view: Chinese compares character by character, runs of
/// Latin letters or digits as words. A longest-common-subsequence table over lines first, then over the tokens of each
/// changed stretch, keeps the table small for long bodies where only a few paragraphs changed.
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many table cells a changed stretch is shown as deleted and inserted whole (memory bound).</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compare(string? before, string? after)
    {
        var a = SplitLines(before ?? "");
        var b = SplitLines(after ?? "");
        var result = new List<DiffSegment>();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        foreach (var (kind, line) in Lcs(a, b, StringComparer.Ordinal))
        {
            if (kind == DiffKind.Delete) { deleted.Append(line); continue; }
            if (kind == DiffKind.Insert) { inserted.Append(line); continue; }
            Flush();
            Add(result, DiffKind.Equal, line);
        }
        Flush();
        return result;

        void Flush()
        {
            if (deleted.Length == 0 && inserted.Length == 0) return;
            foreach (var (kind, token) in Lcs(Tokenize(deleted.ToString()), Tokenize(inserted.ToString()), StringComparer.Ordinal))
                Add(result, kind, token);
            deleted.Clear();
            inserted.Clear();
        }
    }

    /// <summary>Text of a body as readers see it: one line per paragraph, heading, list item or table row, cells tab-separated.</summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var doc = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        doc.Body!.InnerHtml = html;
        var sb = new StringBuilder();
        Walk(doc.Body, sb, inCell: false);
        return string.Join('\n', sb.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static void Walk(INode node, StringBuilder sb, bool inCell)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) { sb.Append(t.Data.Replace('\n', ' ')); continue; }
            if (child is not IElement e) continue;
            switch (e.LocalName)
            {
                case "br": sb.Append(inCell ? ' ' : '\n'); continue;
                case "img": sb.Append("[图片").Append(e.GetAttribute("alt") is { Length: > 0 } alt ? "：" + alt : "").Append(']'); continue;
                case "td" or "th":
                    int start = sb.Length;
                    Walk(e, sb, inCell: true);
                    while (sb.Length > start && sb[^1] == ' ') sb.Length--;
                    sb.Append('\t');
                    continue;
            }
            Walk(e, sb, inCell);
            // A table row is one line; paragraphs inside a cell (the editor writes <td><p>) stay on it.
            if (e.LocalName is "tr" || (!inCell && e.LocalName is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "caption" or "table" or "pre"))
                sb.Append('\n');
            else if (inCell && e.LocalName is "p" or "li" or "div") sb.Append(' ');
        }
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Each CJK or punctuation character is a token; a run of letters/digits is one; a run of spaces is one.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (char.IsAsciiLetterOrDigit(text[i])) while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-' or '_' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))) i++;
            else if (text[i] is ' ' or '\t') while (i < text.Length && text[i] is ' ' or '\t') i++;
            else i += char.IsSurrogatePair(text, i) ? 2 : 1;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static IEnumerable<(DiffKind Kind, string Item)> Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b, IEqualityComparer<string> eq)
    {
        // Common prefix and suffix need no table.
        int pre = 0;
        while (pre < a.Count && pre < b.Count && eq.Equals(a[pre], b[pre])) pre++;
        int suf = 0;
        while (suf < a.Count - pre && suf < b.Count - pre && eq.Equals(a[a.Count - 1 - suf], b[b.Count - 1 - suf])) suf++;
        for (int i = 0; i < pre; i++) yield return (DiffKind.Equal, a[i]);

        int n = a.Count - pre - suf, m = b.Count - pre - suf;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (int i = 0; i < n; i++) yield return (DiffKind.Delete, a[pre + i]);
            for (int j = 0; j < m; j++) yield return (DiffKind.Insert, b[pre + j]);
        }
        else
        {
            // len[i, j] = LCS length of a[pre+i..] and b[pre+j..]; walking forward from (0,0) gives the edit script in order.
            var len = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
                for (int j = m - 1; j >= 0; j--)
                    len[i, j] = eq.Equals(a[pre + i], b[pre + j]) ? len[i + 1, j + 1] + 1 : Math.Max(len[i + 1, j], len[i, j + 1]);
            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (eq.Equals(a[pre + x], b[pre + y])) { yield return (DiffKind.Equal, a[pre + x]); x++; y++; }
                else if (len[x + 1, y] >= len[x, y + 1]) { yield return (DiffKind.Delete, a[pre + x]); x++; }
                else { yield return (DiffKind.Insert, b[pre + y]); y++; }
            }
            for (; x < n; x++) yield return (DiffKind.Delete, a[pre + x]);
            for (; y < m; y++) yield return (DiffKind.Insert, b[pre + y]);
        }
        for (int i = a.Count - suf; i < a.Count; i++) yield return (DiffKind.Equal, a[i]);
    }

    /// <summary>Appends, merging with the previous segment of the same kind.</summary>
    private static void Add(List<DiffSegment> result, DiffKind kind, string text)
    {
        if (text.Length == 0) return;
        if (result.Count > 0 && result[^1].Kind == kind) result[^1] = result[^1] with { Text = result[^1].Text + text };
        else result.Add(new DiffSegment(kind, text));
    }
}
