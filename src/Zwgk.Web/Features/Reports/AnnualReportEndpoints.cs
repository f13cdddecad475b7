using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zwgk.Domain.Reports;
using Zwgk.Web.Features.Security;

namespace Zwgk.Web.Features.Reports;

/// <summary>One row of a table: its national label and one value per column label.</summary>
public sealed record ReportRowJson(string Label, string? Group, IReadOnlyDictionary<string, decimal> Values);

/// <summary>A section 二 table: the item of 条例第二十条 it reports, its columns and rows.</summary>
public sealed record DisclosureTableJson(string Item, IReadOnlyList<string> Columns, IReadOnlyList<ReportRowJson> Rows);

/// <summary>A table with its column labels (section 三: 自然人 … 总计; section 四: 结果维持 … 总计).</summary>
public sealed record ReportTableJson(IReadOnlyList<string> Columns, IReadOnlyList<ReportRowJson> Rows);

public sealed record ReportSectionsJson(
    [property: JsonPropertyName("二")] IReadOnlyList<DisclosureTableJson> Disclosure,
    [property: JsonPropertyName("三")] ReportTableJson Applications,
    [property: JsonPropertyName("四")] ReportTableJson Review);

/// <summary>A rule that does not add up, or an entered figure still blank (check "entered").</summary>
public sealed record ReportCheckJson(string Check, string Rule, string Column, decimal? Printed, decimal? Expected);

/// <summary>GET /api/v1/admin/reports/annual: the report's tables with the official labels.</summary>
public sealed record AnnualReportJson(string Unit, string? UnitCode, int Year, string Status, ReportSectionsJson Sections, string FeeSentence,
    IReadOnlyList<ReportCheckJson> Checks, bool Publishable);

public static class AnnualReportEndpoints
{
    public const string EnteredCheck = "entered";

    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/reports").WithTags("年度报告").RequireAuthorization(Policies.BackOffice);
        admin.MapGet("/annual", Get).WithSummary("政府信息公开工作年度报告的表格（year 年度；unit 单位编码，不填为全区），行列名称与全国统一格式一致");
    }

    public static async Task<Results<Ok<AnnualReportJson>, ProblemHttpResult>> Get(int? year, string? unit, AnnualReportService reports, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToOffset(Shared.Formats.ChinaOffset).Year;
        if (year is not int y || y < AnnualReportFormat.EarliestYear || y > now)
            return TypedResults.Problem($"year 应为{AnnualReportFormat.EarliestYear}年至{now}年之间的年份", statusCode: 400, title: "参数不正确");
        if (unit is { Length: > 64 }) return TypedResults.Problem("unit 单位编码过长", statusCode: 400, title: "参数不正确");
        var view = await reports.ComputeAsync(unit, y, ct);
        // A unit that does not exist and one the caller may not see answer alike.
        return view is null ? TypedResults.Problem("单位不存在或无权访问", statusCode: 404, title: "记录不存在") : TypedResults.Ok(ToJson(view));
    }

    public static AnnualReportJson ToJson(AnnualReportView v)
    {
        var t = v.Figures.Tables;
        var disclosure = AnnualReportFormat.DisclosureTables.Select(table => new DisclosureTableJson(table.Provision, table.Columns,
            table.Rows.Where(r => t.Disclosure.ContainsKey(r.Key)).Select(r => new ReportRowJson(r.Label, null,
                table.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => t.Disclosure[r.Key][x.i]))).ToList())).ToList();

        var columns = AnnualReportFormat.ApplicationColumns;
        var applications = new ReportTableJson(columns.Select(c => c.Label).ToList(),
            AnnualReportFormat.ApplicationRows.Where(r => t.Application(r.Key) is not null).Select(r => new ReportRowJson(r.PrintedLabel,
                r.Group is { } g && AnnualReportFormat.GroupRow(g) is { } group ? group.PrintedLabel : null,
                columns.ToDictionary(c => c.Label, c => (decimal)t.Application(r.Key)![c.Index]))).ToList());

        var reviewColumns = AnnualReportFormat.ReviewColumns;
        var review = new ReportTableJson(reviewColumns, AnnualReportFormat.ReviewBodies.Select(b => new ReportRowJson(b.Label,
            b.Index == 0 ? null : AnnualReportFormat.LitigationHeader,
            reviewColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (decimal)(t.Review is null ? 0 : t.ReviewCell(b.Index, x.i))))).ToList());

        var checks = v.Figures.Failures.Select(f => new ReportCheckJson(f.Check, AnnualReportChecks.Describe(f.Check), f.Column, f.Printed, f.Expected))
            .Concat(v.Figures.MissingEntered.Select(m => new ReportCheckJson(EnteredCheck, "须填写（没有的填0）", m, null, null)))
            .ToList();
        var status = v.Report?.Status == AnnualReportStatus.Published ? "已发布" : v.Report is null ? "未编写" : "草稿";
        return new AnnualReportJson(v.UnitName, v.UnitCode, v.Year, status, new ReportSectionsJson(disclosure, applications, review),
            v.Figures.FeeSentence, checks, v.Figures.Publishable);
    }
}
