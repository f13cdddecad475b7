using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Zwgk.Web.Features.Documents.Public;

/// <summary>
/// Prepares a stored (already sanitised) body for reading on the portal: tables get header scopes (WCAG 1.3.1), rows
/// padded to the table's width and a focusable scroll box so a wide table scrolls sideways on a phone instead of
/// squeezing; the 落款 (issuing agency and date under the text) is marked to be right-aligned as in a 公文.
/// Runs on render so documents stored before these rules benefit too; pages are output-cached.
/// </summary>
public static partial class BodyHtml
{
    private static readonly HtmlParser Parser = new();

    public static string ForPortal(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var doc = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = doc.Body!;
        body.InnerHtml = html;

        int n = 0;
        foreach (var table in body.QuerySelectorAll("table").ToList())
        {
            n++;
            MarkHeaders(table);
            PadRows(table);
            if (table.ParentElement is { } parent && parent.ClassList.Contains("table-scroll")) continue;
            var box = doc.CreateElement("div");
            box.ClassList.Add("table-scroll");
            box.SetAttribute("role", "region");
            box.SetAttribute("tabindex", "0");
            box.SetAttribute("aria-label", TableLabel(table, n));
            table.Parent!.ReplaceChild(box, table);
            box.AppendChild(table);
        }
        MarkSignatures(body);
        return body.InnerHtml;
    }

    /// <summary>The rows of a thead, or leading rows made only of th, are column headers; a th leading a body row heads that row.</summary>
    private static void MarkHeaders(IElement table)
    {
        var rows = Rows(table);
        bool inHeader = true;
        foreach (var row in rows)
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            if (cells.Count == 0) continue;
            bool headerRow = row.ParentElement?.LocalName == "thead" || (inHeader && cells.All(c => c.LocalName == "th"));
            if (!headerRow) inHeader = false;
            for (int i = 0; i < cells.Count; i++)
            {
                var c = cells[i];
                if (c.LocalName != "th" || c.HasAttribute("scope")) continue;
                if (headerRow) c.SetAttribute("scope", "col");
                else if (i == 0) c.SetAttribute("scope", "row");
            }
        }
    }

    /// <summary>Rows narrower than the widest row (counting col- and rowspans) get empty cells, so columns line up.</summary>
    private static void PadRows(IElement table)
    {
        var rows = Rows(table);
        if (rows.Count == 0) return;
        var widths = new int[rows.Count];
        var carried = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++)
        {
            foreach (var c in rows[r].Children.Where(c => c.LocalName is "td" or "th"))
            {
                int span = c.ColSpan();
                widths[r] += span;
                int down = Math.Min(c.RowSpan(), rows.Count - r);
                for (int k = 1; k < down; k++) widths[r + k] += span;
            }
        }
        int max = widths.Max();
        for (int r = 0; r < rows.Count; r++)
            for (int k = widths[r]; k < max; k++)
                rows[r].AppendChild(table.Owner!.CreateElement(rows[r].ParentElement?.LocalName == "thead" ? "th" : "td"));
    }

    private static List<IElement> Rows(IElement table) =>
        table.QuerySelectorAll("tr").Where(tr => tr.Closest("table") == table).ToList();

    private static string TableLabel(IElement table, int n)
    {
        var caption = table.QuerySelector("caption")?.TextContent.Trim();
        if (!string.IsNullOrEmpty(caption)) return caption;
        var heads = table.QuerySelectorAll("th[scope=col]").Select(th => WhiteSpace().Replace(th.TextContent, "")).Where(t => t.Length > 0).Take(6).ToList();
        return heads.Count > 0 ? $"表格{n}：{string.Join("、", heads)}" : $"表格{n}";
    }

    /// <summary>
    /// A paragraph holding only a date (2024年6月30日), right after one holding only an agency name, is a 落款: both are
    /// right-aligned. Joint documents put several agency names above one date.
    /// </summary>
    private static void MarkSignatures(IElement body)
    {
        var blocks = body.Children.ToList();
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].LocalName != "p" || !DateLine().IsMatch(Text(blocks[i]))) continue;
            int j = i - 1;
            while (j >= 0 && blocks[j].LocalName == "p" && AgencyLine().IsMatch(Text(blocks[j]))) j--;
            if (j == i - 1) continue;
            for (int k = j + 1; k <= i; k++) blocks[k].ClassList.Add("signature");
        }
    }

    private static string Text(IElement e) => WhiteSpace().Replace(e.TextContent, "");

    [GeneratedRegex(@"^(\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}（）()]{4,40}(政府|办公室|办公厅|局|委员会|委|办事处|街道|镇|厅|部|院|中心|管委会|公司|集团|学校|医院)$")]
    private static partial Regex AgencyLine();

    [GeneratedRegex(@"[\s\u00a0\u3000]+")]
    private static partial Regex WhiteSpace();

    private static int ColSpan(this IElement c) => int.TryParse(c.GetAttribute("colspan"), out var v) && v > 1 ? Math.Min(v, 1000) : 1;
    private static int RowSpan(this IElement c) => int.TryParse(c.GetAttribute("rowspan"), out var v) && v > 1 ? Math.Min(v, 65534) : 1;
}
