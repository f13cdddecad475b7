namespace Zwgk.Domain.Reports;

/// <summary>
/// The numbers of an annual report, as generated or as read from a published one. A row that is absent (not printed,
/// or unreadable) is absent here too: nothing is ever filled in with a guessed 0. A printed blank cell is 0.
/// </summary>
public sealed class AnnualReportTables
{
    /// <summary>The year the report covers (not the year it was published).</summary>
    public int? Year { get; set; }

    /// <summary>Section 三: row key (<see cref="ApplicationRow.Key"/>) → one value per <see cref="AnnualReportFormat.ApplicationColumns"/>.</summary>
    public Dictionary<string, int[]> Applications { get; } = new(StringComparer.Ordinal);

    /// <summary>Section 二: row key (<see cref="DisclosureRow.Key"/>) → one value per column of its table.</summary>
    public Dictionary<string, decimal[]> Disclosure { get; } = new(StringComparer.Ordinal);

    /// <summary>Section 四: 15 values (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持 … 总计), or null when absent.</summary>
    public int[]? Review { get; set; }

    public void SetApplication(string key, params int[] values)
    {
        if (values.Length != AnnualReportFormat.ColumnCount)
        {
            throw new ArgumentException($"A row of the application table has {AnnualReportFormat.ColumnCount} values.", nameof(values));
        }

        _ = AnnualReportFormat.Row(key); // unknown keys are a programming error
        Applications[key] = values;
    }

    public int[]? Application(string key) => Applications.GetValueOrDefault(key);

    public int? Cell(string rowKey, int column) => Applications.TryGetValue(rowKey, out var v) ? v[column] : null;

    public int ReviewCell(int body, int column) => Review![body * AnnualReportFormat.ReviewColumns.Count + column];

    /// <summary>Labels of the national rows that are absent (required rows only; group headings are optional).</summary>
    public IReadOnlyList<string> MissingApplicationRows() =>
        AnnualReportFormat.ApplicationRows
            .Where(r => !Applications.ContainsKey(r.Key) && IsRequired(r))
            .Select(r => r.PrintedLabel)
            .ToList();

    /// <summary>
    /// 2019 试行 format (reports for 2019 and 2020): （六）其他处理 was one row without sub-rows. Such a report is complete
    /// with the group row printed instead of its three sub-rows.
    /// </summary>
    internal bool IsRequired(ApplicationRow row)
    {
        var olderFormat = Year is < AnnualReportFormat.FirstYear;
        if (row.Kind == ApplicationRowKind.Group)
        {
            return false;
        }

        if (row.Group is { } g && row.Kind == ApplicationRowKind.Outcome && AnnualReportFormat.GroupRow(g) is { } group
            && Applications.ContainsKey(group.Key) && !AnnualReportFormat.SubRows(g).Any(s => Applications.ContainsKey(s.Key)))
        {
            // The group is printed as one row with its own numbers and no sub-rows at all: only the older format did
            // that, and only for （六）.
            return !(olderFormat && g == Requests.OutcomeGroup.Other);
        }

        return true;
    }
}

/// <summary>
/// One check that does not add up. <see cref="Column"/> is a national label: an applicant column (自然人 … 总计), the
/// row label for a row total, or 行政复议 / 未经复议直接起诉 / 复议后起诉. <see cref="Printed"/> is the value the report
/// prints (for the balance: 三（七）+ 四), <see cref="Expected"/> what it must be.
/// </summary>
public sealed record ReportCheckFailure(string Check, string Column, decimal? Printed, decimal? Expected)
{
    /// <summary>A readable Chinese sentence: which rule, which column, the printed and the expected value.</summary>
    public string Describe() => $"{AnnualReportChecks.Describe(Check)}【{Column}】：表中为 {Printed?.ToString() ?? "（无）"}，应为 {Expected?.ToString() ?? "（合理年份）"}";
}
