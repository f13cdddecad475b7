using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Reports;
using Zwgk.Import;
using Zwgk.Import.Reports;
using Zwgk.Search.Text;

namespace Zwgk.Web.Features.Reports;

/// <summary>A published report as read and checked (年报核查).</summary>
public sealed record ReportCheckResult(string File, ParsedAnnualReport Report, IReadOnlyList<ReportCheckFailure> Failures)
{
    /// <summary>Readable, every national row present, and every rule adds up.</summary>
    public bool Passed => Report.Complete && Failures.Count == 0;
}

/// <summary>
/// Reads a published annual report with the importer's readers and limits, folds traditional characters with the
/// search library's normaliser, and runs the same checks as the report generator.
/// </summary>
public sealed class ReportCheckService(IOptions<ImportLimits> limits, TimeProvider clock)
{
    /// <exception cref="NotSupportedException">The file type is not one the importer reads (message in Chinese).</exception>
    public ReportCheckResult Check(Stream stream, string fileName)
    {
        var report = AnnualReportParser.Read(stream, fileName, limits.Value, ChineseNormalizer.Normalize);
        // An unreadable report is reported as such, never as failures of numbers it does not have.
        var failures = report.Readable ? AnnualReportChecks.Check(report.Tables, clock.GetUtcNow().ToOffset(Shared.Formats.ChinaOffset).Year) : [];
        return new ReportCheckResult(Path.GetFileName(fileName), report, failures);
    }

    /// <summary>
    /// <c>{"unit","year","tables":{…},"failures":[{"check","column","printed","expected"}]}</c>, plus
    /// <c>"complete": false, "missing": […]</c> when rows are absent and <c>"error"</c> when the report is unreadable.
    /// </summary>
    public static JsonObject ToJson(ReportCheckResult r)
    {
        var report = r.Report;
        var json = new JsonObject
        {
            ["unit"] = report.Unit,
            ["year"] = report.Year,
            ["tables"] = TablesJson(report.Tables),
            ["failures"] = new JsonArray(r.Failures.Select(f => (JsonNode)new JsonObject
            {
                ["check"] = f.Check,
                ["column"] = f.Column,
                ["printed"] = f.Printed,
                ["expected"] = f.Expected,
            }).ToArray()),
        };
        if (report.Error is not null)
        {
            json["complete"] = false;
            json["error"] = report.Error;
        }
        else if (report.Missing.Count > 0)
        {
            json["complete"] = false;
            json["missing"] = new JsonArray(report.Missing.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());
        }

        return json;
    }

    /// <summary>The tables with the national row and column labels; rows that were not read are left out.</summary>
    public static JsonObject TablesJson(AnnualReportTables t)
    {
        var applications = new JsonArray();
        foreach (var row in AnnualReportFormat.ApplicationRows)
        {
            if (t.Application(row.Key) is not { } values) continue;
            var cells = new JsonObject();
            foreach (var c in AnnualReportFormat.ApplicationColumns) cells[c.Label] = values[c.Index];
            applications.Add(new JsonObject { ["key"] = row.Key, ["label"] = row.PrintedLabel, ["values"] = cells });
        }

        var disclosure = new JsonArray();
        foreach (var (table, row) in AnnualReportFormat.DisclosureRows)
        {
            if (!t.Disclosure.TryGetValue(row.Key, out var values)) continue;
            var cells = new JsonObject();
            for (var i = 0; i < table.Columns.Count; i++) cells[table.Columns[i]] = values[i];
            disclosure.Add(new JsonObject { ["key"] = row.Key, ["label"] = row.Label, ["provision"] = table.Provision, ["values"] = cells });
        }

        JsonObject? review = null;
        if (t.Review is not null)
        {
            review = [];
            foreach (var body in AnnualReportFormat.ReviewBodies)
            {
                var cells = new JsonObject();
                for (var i = 0; i < AnnualReportFormat.ReviewColumns.Count; i++) cells[AnnualReportFormat.ReviewColumns[i]] = t.ReviewCell(body.Index, i);
                review[body.Label] = cells;
            }
        }

        return new JsonObject { ["applications"] = applications, ["disclosure"] = disclosure, ["review"] = review };
    }

    /// <summary>The readable Chinese summary of the command line.</summary>
    public static string ToText(ReportCheckResult r)
    {
        var report = r.Report;
        var lines = new List<string>
        {
            $"文件：{r.File}",
            $"单位：{report.Unit ?? "（未识别）"}",
            $"年度：{(report.Year is int y ? y + "年" : "（未识别）")}",
        };
        if (report.Error is not null)
        {
            lines.Add($"结论：无法读取——{report.Error}");
            return string.Join('\n', lines);
        }

        lines.Add("结论：" + (r.Passed ? "通过，表格完整，数据勾稽关系正确"
            : string.Join("；", new[]
            {
                r.Failures.Count > 0 ? $"有{r.Failures.Count}处数据不符" : null,
                report.Missing.Count > 0 ? $"表格不完整，缺少{report.Missing.Count}行（缺少的行不参与核对）" : null,
            }.Where(s => s is not null))));
        lines.Add($"读取：申请情况表 {report.Tables.Applications.Count} 行，主动公开表 {report.Tables.Disclosure.Count} 行，行政复议行政诉讼表{(report.Tables.Review is null ? "未读到" : "已读取")}");
        if (r.Failures.Count > 0)
        {
            lines.Add("数据不符：");
            lines.AddRange(r.Failures.Select(f => "  ✗ " + f.Describe()));
        }

        if (report.Missing.Count > 0)
        {
            lines.Add("缺少或无法读取的行：");
            lines.AddRange(report.Missing.Select(m => "  · " + m));
        }

        lines.AddRange(report.Notes.Select(n => "说明：" + n));
        return string.Join('\n', lines);
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable
    };
}
