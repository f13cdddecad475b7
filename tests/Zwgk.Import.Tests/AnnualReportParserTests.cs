using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;
using Zwgk.Import.Reports;
using Zwgk.Search.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Zwgk.Import.Tests;

/// <summary>
/// The same report (济南市市中区住房和城乡建设局, 2024; numbers that add up) in every layout sites publish, then the
/// broken variants: a wrong total, a table cut short, a file without a readable table.
/// </summary>
public class AnnualReportParserTests
{
    /// <summary>Row key → 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (as in the fixtures).</summary>
    internal static readonly (string Key, int[] Values)[] Expected =
    [
        ("new", [58, 7, 0, 0, 1, 0, 66]),
        ("carriedOver", [2, 0, 0, 0, 0, 0, 2]),
        ("disclosed", [15, 3, 0, 0, 1, 0, 19]),
        ("partlyDisclosed", [16, 1, 0, 0, 0, 0, 17]),
        ("withheldStateSecret", [0, 0, 0, 0, 0, 0, 0]),
        ("withheldProhibitedByLaw", [0, 0, 0, 0, 0, 0, 0]),
        ("withheldSecurityStability", [0, 0, 0, 0, 0, 0, 0]),
        ("withheldThirdPartyRights", [2, 0, 0, 0, 0, 0, 2]),
        ("withheldInternalAffairs", [1, 0, 0, 0, 0, 0, 1]),
        ("withheldProcessInformation", [1, 0, 0, 0, 0, 0, 1]),
        ("withheldEnforcementFile", [0, 0, 0, 0, 0, 0, 0]),
        ("withheldAdministrativeQuery", [1, 0, 0, 0, 0, 0, 1]),
        ("unavailableNotHeld", [9, 1, 0, 0, 0, 0, 10]),
        ("unavailableNeedsCreation", [2, 0, 0, 0, 0, 0, 2]),
        ("unavailableStillUnclear", [1, 0, 0, 0, 0, 0, 1]),
        ("notProcessedPetition", [3, 0, 0, 0, 0, 0, 3]),
        ("notProcessedRepeated", [2, 0, 0, 0, 0, 0, 2]),
        ("notProcessedPublication", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessedExcessive", [0, 0, 0, 0, 0, 0, 0]),
        ("notProcessedConfirmation", [1, 0, 0, 0, 0, 0, 1]),
        ("otherNoCorrection", [2, 0, 0, 0, 0, 0, 2]),
        ("otherFeeUnpaid", [0, 0, 0, 0, 0, 0, 0]),
        ("otherMisc", [1, 1, 0, 0, 0, 0, 2]),
        ("total", [57, 6, 0, 0, 1, 0, 64]),
        ("carriedForward", [3, 1, 0, 0, 0, 0, 4]),
    ];

    internal static readonly int[] ExpectedReview = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1];

    private static ParsedAnnualReport ReadFixture(string name)
    {
        using var stream = File.OpenRead(Fixtures.PathOf("reports/" + name));
        return AnnualReportParser.Read(stream, name, fold: ChineseNormalizer.Normalize);
    }

    internal static void AssertTheCorrectReport(ParsedAnnualReport r)
    {
        Assert.Null(r.Error);
        Assert.Equal("济南市市中区住房和城乡建设局", r.Unit);
        Assert.Equal(2024, r.Year);
        Assert.Empty(r.Missing);
        Assert.True(r.Complete);
        foreach (var (key, values) in Expected)
        {
            Assert.True(r.Tables.Applications.ContainsKey(key), $"row {key} not read");
            Assert.Equal(values, r.Tables.Applications[key]);
        }

        // Only the rows of the national table, no group heading (the national form prints no numbers there).
        Assert.Equal(Expected.Length, r.Tables.Applications.Count);
        Assert.Equal(ExpectedReview, r.Tables.Review);
        Assert.Equal([0m, 0m, 0m], r.Tables.Disclosure["rules"]);
        Assert.Equal([5m, 1m, 25m], r.Tables.Disclosure["normativeDocuments"]);
        Assert.Equal([1268m], r.Tables.Disclosure["licensing"]);
        Assert.Equal([342m], r.Tables.Disclosure["penalties"]);
        Assert.Equal([12m], r.Tables.Disclosure["coercion"]);
        Assert.Equal([20.3m], r.Tables.Disclosure["fees"]);
        Assert.Empty(AnnualReportChecks.Check(r.Tables, currentYear: 2025));
    }

    [Theory]
    [InlineData("report-2024.md")]            // markdown pipe tables
    [InlineData("report-2024-tabs.txt")]      // browser copy: tab-separated, CRLF, blank cells for 0
    [InlineData("report-2024-lines.txt")]     // one cell per line, wrapped labels, full-width digits, page footer
    [InlineData("report-2024-word.html")]     // Word-exported HTML: rowspan/colspan, <p><span> in cells, &nbsp;
    [InlineData("report-2024-traditional.txt")] // traditional characters, one cell per line
    public void Every_layout_of_the_same_report_reads_the_same_numbers(string fixture) =>
        AssertTheCorrectReport(ReadFixture(fixture));

    [Fact]
    public void A_docx_built_with_merged_cells_reads_the_same_numbers()
    {
        var bytes = BuildDocx();
        var r = AnnualReportParser.Read(new MemoryStream(bytes), "年报.docx", fold: ChineseNormalizer.Normalize);
        AssertTheCorrectReport(r);
    }

    [Fact]
    public void Traditional_characters_without_a_folder_are_not_recognised()
    {
        // Guards the fixture: it really is in traditional characters, the normaliser is what makes it readable.
        using var stream = File.OpenRead(Fixtures.PathOf("reports/report-2024-traditional.txt"));
        var r = AnnualReportParser.Read(stream, "report-2024-traditional.txt");
        Assert.False(r.Complete);
        Assert.NotEqual("济南市市中区住房和城乡建设局", r.Unit);
        Assert.Contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", r.Missing);
    }

    [Fact]
    public void A_wrong_total_reads_as_printed_and_fails_exactly_there()
    {
        var r = ReadFixture("report-2024-wrong-total.md");

        Assert.True(r.Complete);
        Assert.Equal([56, 6, 0, 0, 1, 0, 64], r.Tables.Applications["total"]);
        var failures = AnnualReportChecks.Check(r.Tables, currentYear: 2025);
        Assert.Equal(
        [
            new ReportCheckFailure(AnnualReportChecks.Balance, "自然人", 59, 60),
            new ReportCheckFailure(AnnualReportChecks.OutcomeTotal, "自然人", 56, 57),
            new ReportCheckFailure(AnnualReportChecks.RowTotal, "（七）总计", 64, 63),
        ], failures);
    }

    [Fact]
    public void A_table_cut_short_is_incomplete_lists_the_missing_rows_and_guesses_nothing()
    {
        var r = ReadFixture("report-2024-cut.md");

        Assert.Null(r.Error);
        Assert.False(r.Complete);
        Assert.Equal(
        [
            "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他", "（七）总计", "四、结转下年度继续办理", "四、政府信息公开行政复议、行政诉讼情况",
        ], r.Missing);
        Assert.False(r.Tables.Applications.ContainsKey("total"));
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], r.Tables.Applications["notProcessedRepeated"]);
        // Rows that are there still have their 总计 checked; nothing that needs an absent row is.
        Assert.Empty(AnnualReportChecks.Check(r.Tables, currentYear: 2025));
    }

    [Fact]
    public void A_report_whose_table_is_an_image_is_unreadable()
    {
        const string html = """
            <html><body><h1>济南市市中区审计局2024年政府信息公开工作年度报告</h1>
            <p>一、总体情况</p><p>2024年，我局依法做好政府信息公开工作。</p>
            <p>三、收到和处理政府信息公开申请情况</p><p><img src="table3.png"></p>
            </body></html>
            """;
        var r = AnnualReportParser.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html)), "nb.html", fold: ChineseNormalizer.Normalize);

        Assert.NotNull(r.Error);
        Assert.Contains("未找到", r.Error);
        Assert.Equal("济南市市中区审计局", r.Unit);
        Assert.Equal(2024, r.Year);
        Assert.Empty(r.Tables.Applications);
    }

    [Fact]
    public void Labels_without_numbers_are_unreadable_not_zero()
    {
        // The labels survived the copy, the numbers (an image or a lost column) did not.
        var text = string.Join('\n', AnnualReportFormat.ApplicationRows.Select(r => r.PrintedLabel).Prepend("济南市市中区审计局2024年政府信息公开工作年度报告"));
        var r = AnnualReportParser.Parse(text);

        Assert.NotNull(r.Error);
        Assert.Empty(r.Tables.Applications);
    }

    [Fact]
    public void A_binary_file_named_txt_is_unreadable_with_the_readers_reason()
    {
        var r = AnnualReportParser.Read(new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3]), "年报.txt");

        Assert.Equal("文件内容是PNG 图片，不是扩展名 .txt 所表示的文字文件", r.Error);
    }

    [Fact]
    public void A_row_whose_numbers_cannot_be_placed_is_missing_with_a_note()
    {
        // Free text where the blank cells of one row vanished: five numbers for seven columns.
        var lines = File.ReadAllText(Fixtures.PathOf("reports/report-2024-lines.txt"))
            .Replace("2.重复申请\n2\n0\n0\n0\n0\n0\n2\n", "2.重复申请\n2\n0\n0\n0\n2\n", StringComparison.Ordinal);
        var r = AnnualReportParser.Parse(lines);

        Assert.Equal(["2.重复申请"], r.Missing);
        Assert.Contains(r.Notes, n => n.Contains("2.重复申请", StringComparison.Ordinal) && n.Contains("5个数值", StringComparison.Ordinal));
        Assert.DoesNotContain(AnnualReportChecks.Check(r.Tables, 2025), f => f.Check == AnnualReportChecks.OutcomeTotal);
    }

    [Fact]
    public void One_cell_per_line_with_cell_borders_left_in_is_read()
    {
        // Some sites' text copies keep a border after every cell: “58 |”.
        var text = File.ReadAllText(Fixtures.PathOf("reports/report-2024-lines.txt"))
            .Split('\n').Select(l => l.Length > 0 && !l.StartsWith("本报告", StringComparison.Ordinal) ? l + " |" : l);
        AssertTheCorrectReport(AnnualReportParser.Parse(string.Join('\n', text)));
    }

    [Fact]
    public void Variant_labels_and_a_printed_group_row_are_read()
    {
        // Abbreviated labels, straight quotes, “本机关不掌握”, and a site that prints the （三） group total.
        var md = File.ReadAllText(Fixtures.PathOf("reports/report-2024.md"))
            .Replace("3.危及“三安全一稳定”", "3.危及\"三安全一稳定\"", StringComparison.Ordinal)
            .Replace("1.本机关不掌握相关政府信息", "1.本机关不掌握", StringComparison.Ordinal)
            .Replace("| （三）不予公开 | 1.属于国家秘密 |", "| （三）不予公开 | | 5 | 0 | 0 | 0 | 0 | 0 | 6 |\n| | 1.属于国家秘密 |", StringComparison.Ordinal);
        var r = AnnualReportParser.Parse(md);

        Assert.True(r.Complete);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], r.Tables.Applications["withheldSecurityStability"]);
        Assert.Equal([9, 1, 0, 0, 0, 0, 10], r.Tables.Applications["unavailableNotHeld"]);
        Assert.Equal([5, 0, 0, 0, 0, 0, 6], r.Tables.Applications["withheld"]);
        Assert.Equal(
        [
            new ReportCheckFailure(AnnualReportChecks.GroupTotalPrefix + "withheld", "总计", 6, 5),
            new ReportCheckFailure(AnnualReportChecks.RowTotal, "（三）不予公开", 6, 5),
        ], AnnualReportChecks.Check(r.Tables, 2025));
    }

    /// <summary>A Word document as units write it: title paragraph, body text, and the national table with vertical and horizontal merges.</summary>
    internal static byte[] BuildDocx()
    {
        var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            W.Paragraph P(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            W.TableCell Cell(string text, int span = 1, W.MergedCellValues? vmerge = null)
            {
                var props = new W.TableCellProperties();
                if (span > 1) props.Append(new W.GridSpan { Val = span });
                if (vmerge is { } v) props.Append(new W.VerticalMerge { Val = v });
                // Labels split over two runs and two paragraphs, as Word does with a manual line break.
                var cell = new W.TableCell(props);
                if (text.Length > 8 && !char.IsAsciiDigit(text[0]))
                {
                    cell.Append(P(text[..4]), new W.Paragraph(new W.Run(new W.Text(text[4..8])), new W.Run(new W.Text(text[8..]))));
                }
                else
                {
                    cell.Append(P(text));
                }

                return cell;
            }

            body.Append(P("济南市市中区住房和城乡建设局"), P("2024年政府信息公开工作年度报告"));
            body.Append(P("本报告所列数据的统计期限为2024年1月1日至2024年12月31日。"), P("一、总体情况"), P("2024年，我局全年新收政府信息公开申请66件。"), P("二、主动公开政府信息情况"));

            var t2 = new W.Table();
            void Row2(params string[] cells) => t2.Append(new W.TableRow(cells.Select((c, i) => Cell(c, i == cells.Length - 1 ? 4 - cells.Length + 1 : 1))));
            Row2("第二十条第（一）项");
            Row2("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
            Row2("规章", "0", "0", "0");
            Row2("行政规范性文件", "5", "1", "25");
            Row2("第二十条第（五）项");
            Row2("信息内容", "本年处理决定数量");
            Row2("行政许可", "1268");
            Row2("第二十条第（六）项");
            Row2("信息内容", "本年处理决定数量");
            Row2("行政处罚", "342");
            Row2("行政强制", "12");
            Row2("第二十条第（八）项");
            Row2("信息内容", "本年收费金额（单位：万元）");
            Row2("行政事业性收费", "20.3");
            body.Append(t2, P("三、收到和处理政府信息公开申请情况"));

            var t3 = new W.Table();
            t3.Append(new W.TableRow(Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, W.MergedCellValues.Restart), Cell("申请人情况", 7)));
            t3.Append(new W.TableRow(Cell("", 3, W.MergedCellValues.Continue), Cell("自然人", 1, W.MergedCellValues.Restart), Cell("法人或其他组织", 5), Cell("总计", 1, W.MergedCellValues.Restart)));
            t3.Append(new W.TableRow(new[] { Cell("", 3, W.MergedCellValues.Continue), Cell("", 1, W.MergedCellValues.Continue) }
                .Concat(new[] { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" }.Select(c => Cell(c)))
                .Append(Cell("", 1, W.MergedCellValues.Continue))));
            var groups = new Dictionary<string, string>
            {
                ["disclosed"] = "三、本年度办理结果", ["withheldStateSecret"] = "（三）不予公开", ["unavailableNotHeld"] = "（四）无法提供",
                ["notProcessedPetition"] = "（五）不予处理", ["otherNoCorrection"] = "（六）其他处理",
            };
            foreach (var (key, values) in Expected)
            {
                var row = AnnualReportFormat.Row(key);
                var cells = new List<W.TableCell>();
                if (row.Kind is ApplicationRowKind.Received or ApplicationRowKind.CarriedForward)
                {
                    cells.Add(Cell(row.PrintedLabel, 3));
                }
                else if (row.Kind == ApplicationRowKind.Total)
                {
                    cells.Add(Cell("", 1, W.MergedCellValues.Continue));
                    cells.Add(Cell(row.PrintedLabel, 2));
                }
                else
                {
                    cells.Add(Cell(key == "disclosed" ? "三、本年度办理结果" : "", 1, key == "disclosed" ? W.MergedCellValues.Restart : W.MergedCellValues.Continue));
                    if (row.Group is OutcomeGroup.Disclosed or OutcomeGroup.PartlyDisclosed)
                    {
                        cells.Add(Cell(row.PrintedLabel, 2));
                    }
                    else
                    {
                        cells.Add(Cell(groups.GetValueOrDefault(key, ""), 1, groups.ContainsKey(key) ? W.MergedCellValues.Restart : W.MergedCellValues.Continue));
                        cells.Add(Cell(row.PrintedLabel));
                    }
                }

                // Word users leave the organisation columns empty when they are 0.
                cells.AddRange(values.Select((v, i) => Cell(v == 0 && i is > 0 and < 6 ? "" : v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                t3.Append(new W.TableRow(cells));
            }

            body.Append(t3, P("四、政府信息公开行政复议、行政诉讼情况"));
            var t4 = new W.Table();
            t4.Append(new W.TableRow(Cell("行政复议", 5), Cell("行政诉讼", 10)));
            t4.Append(new W.TableRow(Cell("", 5), Cell("未经复议直接起诉", 5), Cell("复议后起诉", 5)));
            t4.Append(new W.TableRow(Enumerable.Repeat(AnnualReportFormat.ReviewColumns, 3).SelectMany(c => c).Select(c => Cell(c))));
            t4.Append(new W.TableRow(ExpectedReview.Select(v => Cell(v.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            body.Append(t4, P("五、存在的主要问题及改进情况"), P("政策解读形式较为单一。"), P("六、其他需要报告的事项"), P("本年度未收取信息处理费。"));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
