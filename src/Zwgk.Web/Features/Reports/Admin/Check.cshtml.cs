using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Security;
using Zwgk.Import;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports.Admin;

/// <summary>
/// 年报核查: upload a published annual report, see its tables as read and what does not add up.
/// Who may: the 公开办 and platform administrators, who receive every unit's report and must make sure it is
/// 「体例规范、数据准确」; and unit administrators, who sign off their own unit's report and should find the errors
/// before the 公开办 does. The check reads the uploaded file only and stores nothing, so it needs no unit scoping;
/// editors and reviewers draft the text and use the generator, whose publishing runs the same checks.
/// </summary>
[AttachmentUpload] // request size follows Zwgk:MaxAttachmentMegabytes, refused in Chinese before the body is read
public sealed class CheckModel(ReportCheckService checker, ZwgkDbContext db, AuditLog audit, CurrentUser me,
    IOptions<ImportLimits> importLimits, IOptions<ZwgkOptions> options, ILogger<CheckModel> log) : AdminPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ReportCheckResult? Result { get; private set; }
    public string? Error { get; private set; }

    public bool CanCheck => me.SpansAllUnits || me.IsInRole(Roles.UnitAdmin);

    /// <summary>The smaller of the upload limit and the importer's file limit.</summary>
    public int MaxMegabytes => Math.Min(options.Value.MaxAttachmentMegabytes, importLimits.Value.MaxFileMegabytes);

    /// <summary>Cells to highlight: (row key or review body key, column index).</summary>
    public HashSet<(string Row, int Column)> FailedCells { get; } = [];

    public IActionResult OnGet() => CanCheck ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanCheck) return Forbid();
        var name = Path.GetFileName(Upload?.FileName ?? "");
        if (Upload is null || name.Length == 0) Error = "请选择要核查的年度报告文件";
        else if (!ImportFormats.IsSupported(name)) Error = ImportFormats.UnsupportedMessage(name);
        else if (Upload.Length == 0) Error = "文件为空";
        else if (Upload.Length > MaxMegabytes * 1024L * 1024L) Error = $"文件大小 {Formats.FileSize(Upload.Length)}，超过{MaxMegabytes}MB的限制";
        if (Error is not null) return Page();

        try
        {
            await using var stream = Upload!.OpenReadStream();
            Result = checker.Check(stream, name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Annual report check of {File} failed", name);
            Error = "读取文件时发生错误，请检查文件内容后重试";
            return Page();
        }

        MarkFailedCells(Result);
        var report = Result.Report;
        var outcome = report.Error is not null ? "无法读取" : Result.Passed ? "通过" : $"不符{Result.Failures.Count}处，缺行{report.Missing.Count}行";
        audit.Add("report.check", "AnnualReport", null, $"核查年度报告“{name}”（{report.Unit ?? "单位未识别"}，{report.Year?.ToString() ?? "年度未识别"}）：{outcome}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private void MarkFailedCells(ReportCheckResult r)
    {
        var columns = AnnualReportFormat.ApplicationColumns;
        var totalColumn = columns.Single(c => c.IsTotal).Index;
        foreach (var f in r.Failures)
        {
            var column = columns.FirstOrDefault(c => c.Label == f.Column)?.Index;
            switch (f.Check)
            {
                case AnnualReportChecks.Balance when column is int c:
                    foreach (var key in new[] { AnnualReportFormat.NewKey, AnnualReportFormat.CarriedOverKey, AnnualReportFormat.TotalKey, AnnualReportFormat.CarriedForwardKey })
                        FailedCells.Add((key, c));
                    break;
                case AnnualReportChecks.OutcomeTotal when column is int c:
                    FailedCells.Add((AnnualReportFormat.TotalKey, c));
                    break;
                case AnnualReportChecks.RowTotal:
                    if (AnnualReportFormat.ApplicationRows.FirstOrDefault(row => row.PrintedLabel == f.Column) is { } row) FailedCells.Add((row.Key, totalColumn));
                    break;
                case AnnualReportChecks.ReviewTotal:
                    if (AnnualReportFormat.ReviewBodies.FirstOrDefault(b => b.Label == f.Column) is { } body)
                        FailedCells.Add((body.Key, AnnualReportFormat.ReviewColumns.Count - 1));
                    break;
                default:
                    if (f.Check.StartsWith(AnnualReportChecks.GroupTotalPrefix, StringComparison.Ordinal) && column is int g)
                        FailedCells.Add((f.Check[AnnualReportChecks.GroupTotalPrefix.Length..], g));
                    break;
            }
        }
    }

    public bool Failed(string row, int column) => FailedCells.Contains((row, column));
}
