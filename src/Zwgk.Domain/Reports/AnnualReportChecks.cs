using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Reports;

/// <summary>
/// The consistency rules of the annual report tables (体例规范、数据准确), independent of where the numbers come from:
/// the generator runs them before publishing, the 年报核查 runs them on a published report. A rule is checked only when
/// every number it needs is present: an absent row is never taken as 0.
/// </summary>
public static class AnnualReportChecks
{
    /// <summary>一 + 二 = 三（七）+ 四, in every column (the national form prints this 勾稽关系 above the table).</summary>
    public const string Balance = "balance";

    /// <summary>（七）总计 = （一）+（二）+ the sub-rows of （三）to（六）.</summary>
    public const string OutcomeTotal = "outcomeTotal";

    /// <summary>A printed group row （三）…（六）= the sum of its sub-rows; the check is <c>groupTotal.{group key}</c>.</summary>
    public const string GroupTotalPrefix = "groupTotal.";

    /// <summary>总计 column = the sum of the six applicant columns, for every printed row.</summary>
    public const string RowTotal = "rowTotal";

    /// <summary>Section 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of the three bodies.</summary>
    public const string ReviewTotal = "reviewTotal";

    /// <summary>The year is present and plausible.</summary>
    public const string Year = "year";

    public const string YearColumn = "年份";

    /// <param name="currentYear">The calendar year now (from the caller's clock); a report cannot cover a later year.</param>
    public static IReadOnlyList<ReportCheckFailure> Check(AnnualReportTables tables, int? currentYear = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var failures = new List<ReportCheckFailure>();
        CheckYear(tables, currentYear, failures);

        var columns = AnnualReportFormat.ApplicationColumns;
        var total = tables.Application(AnnualReportFormat.TotalKey);

        // 一 + 二 = 三（七）+ 四.
        if (tables.Application(AnnualReportFormat.NewKey) is { } received && tables.Application(AnnualReportFormat.CarriedOverKey) is { } carried
            && total is not null && tables.Application(AnnualReportFormat.CarriedForwardKey) is { } forward)
        {
            foreach (var c in columns)
            {
                int expected = received[c.Index] + carried[c.Index], printed = total[c.Index] + forward[c.Index];
                if (printed != expected) failures.Add(new(Balance, c.Label, printed, expected));
            }
        }

        // Printed group rows against their sub-rows; the value each group contributes to （七）.
        var groupValues = new Dictionary<OutcomeGroup, int[]?>();
        foreach (var group in Enum.GetValues<OutcomeGroup>())
        {
            var groupRow = AnnualReportFormat.GroupRow(group);
            var subRows = AnnualReportFormat.ApplicationRows.Where(r => r.Group == group && r.Kind == ApplicationRowKind.Outcome).ToList();
            var subValues = subRows.Select(r => tables.Application(r.Key)).ToList();
            int[]? sum = subValues.All(v => v is not null) ? Sum(subValues!) : null;
            var printedGroup = groupRow is null ? null : tables.Application(groupRow.Key);
            if (groupRow is not null && printedGroup is not null && sum is not null)
            {
                foreach (var c in columns.Where(c => printedGroup[c.Index] != sum[c.Index]))
                    failures.Add(new(GroupTotalPrefix + groupRow.Key, c.Label, printedGroup[c.Index], sum[c.Index]));
            }

            // Without all its sub-rows a group counts by its printed row only where the sub-rows are all absent (the
            // 2019 format printed （六）其他处理 as one row); a partly printed group is not guessed at.
            groupValues[group] = sum ?? (subValues.All(v => v is null) ? printedGroup : null);
        }

        // （七）总计 = the outcome rows.
        if (total is not null && groupValues.Values.All(v => v is not null))
        {
            var expected = Sum(groupValues.Values.ToList()!);
            foreach (var c in columns.Where(c => total[c.Index] != expected[c.Index]))
                failures.Add(new(OutcomeTotal, c.Label, total[c.Index], expected[c.Index]));
        }

        // 总计 column = the six applicant columns, row by row.
        var totalColumn = columns.Single(c => c.IsTotal).Index;
        foreach (var row in AnnualReportFormat.ApplicationRows)
        {
            if (tables.Application(row.Key) is not { } values) continue;
            var expected = columns.Where(c => !c.IsTotal).Sum(c => values[c.Index]);
            if (values[totalColumn] != expected) failures.Add(new(RowTotal, row.PrintedLabel, values[totalColumn], expected));
        }

        // Section 四.
        if (tables.Review is { Length: var n } && n == AnnualReportFormat.ReviewCellCount)
        {
            var last = AnnualReportFormat.ReviewColumns.Count - 1;
            foreach (var body in AnnualReportFormat.ReviewBodies)
            {
                var expected = Enumerable.Range(0, last).Sum(i => tables.ReviewCell(body.Index, i));
                var printed = tables.ReviewCell(body.Index, last);
                if (printed != expected) failures.Add(new(ReviewTotal, body.Label, printed, expected));
            }
        }

        return failures;
    }

    private static void CheckYear(AnnualReportTables tables, int? currentYear, List<ReportCheckFailure> failures)
    {
        // 条例第五十条: a report covers the previous calendar year; the 条例 itself dates from 2008.
        if (tables.Year is not { } year)
        {
            failures.Add(new(Year, YearColumn, null, null));
        }
        else if (year < AnnualReportFormat.EarliestYear || (currentYear is { } now && year > now))
        {
            failures.Add(new(Year, YearColumn, year, null));
        }
    }

    private static int[] Sum(IReadOnlyList<int[]> rows)
    {
        var result = new int[AnnualReportFormat.ColumnCount];
        foreach (var r in rows)
        {
            for (var i = 0; i < result.Length; i++) result[i] += r[i];
        }

        return result;
    }

    /// <summary>The rule a check key stands for, in Chinese.</summary>
    public static string Describe(string check) => check switch
    {
        Balance => "一＋二＝三（七）＋四（勾稽关系）",
        OutcomeTotal => "（七）总计＝各项办理结果之和",
        RowTotal => "总计＝各类申请人之和",
        ReviewTotal => "行政复议、行政诉讼：总计＝结果维持＋结果纠正＋其他结果＋尚未审结",
        Year => "报告年度",
        _ when check.StartsWith(GroupTotalPrefix, StringComparison.Ordinal)
            && AnnualReportFormat.ApplicationRows.FirstOrDefault(r => r.Key == check[GroupTotalPrefix.Length..]) is { } row
            => $"{row.PrintedLabel}＝其下各项之和",
        _ => check,
    };
}
