using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Catalog;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Shared;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Reports;

/// <summary>A report with its computed figures. <see cref="Report"/> is null when the API computes a year no one has opened.</summary>
public sealed record AnnualReportView(AnnualReport? Report, int? UnitId, string UnitName, string? UnitCode, int Year, AnnualReportFigures Figures)
{
    public string Title => $"{UnitName}{Year}年政府信息公开工作年度报告";
}

/// <summary>A line of the report list.</summary>
public sealed record AnnualReportListItem(int Id, int? UnitId, string UnitName, int Year, AnnualReportStatus Status, int? PublishedDocumentId, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>What staff write and enter on the edit page.</summary>
public sealed class AnnualReportInput
{
    [Display(Name = "一、总体情况")] public string? Overview { get; set; }
    [Display(Name = "五、政府信息公开工作存在的主要问题及改进情况")] public string? Problems { get; set; }
    [Display(Name = "六、其他需要报告的事项")] public string? OtherMatters { get; set; }
    [Display(Name = "行政许可 本年处理决定数量")] public int? Licensing { get; set; }
    [Display(Name = "行政处罚 本年处理决定数量")] public int? Penalties { get; set; }
    [Display(Name = "行政强制 本年处理决定数量")] public int? Coercion { get; set; }
    [Display(Name = "行政事业性收费 本年收费金额（万元）")] public decimal? FeesAmount { get; set; }

    public static AnnualReportInput From(AnnualReport r) => new()
    {
        Overview = r.Overview, Problems = r.Problems, OtherMatters = r.OtherMatters,
        Licensing = r.Licensing, Penalties = r.Penalties, Coercion = r.Coercion, FeesAmount = r.FeesAmount,
    };
}

/// <summary>Annual reports (政府信息公开工作年度报告): open one per unit and year, write it, check it, publish it, export it.</summary>
public sealed class AnnualReportService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, DocumentService documents,
    ILogger<AnnualReportService> log)
{
    /// <summary>The slug of the 政府信息公开年报 column in the default catalog (条例第四十九条).</summary>
    public const string ReportColumnSlug = "gknb";

    /// <summary>Upper bound for an entered count and for the fee amount in 万元: anything larger is a typing error.</summary>
    public const int MaxEnteredCount = 10_000_000;
    public const decimal MaxFeesAmount = 100_000_000m;

    private int CurrentYear => clock.GetUtcNow().ToOffset(Formats.ChinaOffset).Year;

    public async Task<List<AnnualReportListItem>> ListAsync(int? year, CancellationToken ct = default)
    {
        var q = user.Scope(db.AnnualReports.AsNoTracking());
        if (year is int y) q = q.Where(r => r.Year == y);
        var rows = await q.OrderByDescending(r => r.Year).ThenBy(r => r.UnitId).Take(1000).ToListAsync(ct);
        var names = await UnitNamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(r => new AnnualReportListItem(r.Id, r.UnitId, r.UnitId is int u ? names.GetValueOrDefault(u, "") : names[0],
            r.Year, r.Status, r.PublishedDocumentId, r.UpdatedAt, r.UpdatedBy)).ToList();
    }

    public const string DistrictFallbackName = "全区";

    /// <summary>Names by unit id; key 0 holds the district's name (the 区政府 unit, when there is one).</summary>
    private async Task<Dictionary<int, string>> UnitNamesAsync(IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        names[0] = await DistrictNameAsync(ct);
        return names;
    }

    private async Task<string> DistrictNameAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.DistrictGovernment).OrderBy(u => u.SortOrder).Select(u => u.Name).FirstOrDefaultAsync(ct)
        ?? DistrictFallbackName;

    /// <summary>Units the user may open a report for (null entry: the district).</summary>
    public async Task<List<(int? Id, string Name)>> CreatableUnitsAsync(CancellationToken ct = default)
    {
        var list = new List<(int?, string)>();
        if (user.CanWriteReport(null)) list.Add((null, await DistrictNameAsync(ct) + "（全区）"));
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        list.AddRange(units.Where(u => user.CanWriteReport(u.Id)).Select(u => ((int?)u.Id, u.Name)));
        return list;
    }

    /// <summary>Opens the report of a unit (null: the district) and year, or finds the one already opened.</summary>
    public async Task<ServiceResult> OpenAsync(int? unitId, int year, CancellationToken ct = default)
    {
        if (!user.CanWriteReport(unitId)) return unitId is int u && !user.CanSeeReport(u) ? ServiceResult.NotFound() : ServiceResult.Forbidden("没有编写该年度报告的权限");
        // 条例第五十条: a report covers a past or the current calendar year.
        if (year < AnnualReportFormat.EarliestYear || year > CurrentYear)
            return ServiceResult.Invalid(new Dictionary<string, string> { ["Year"] = $"报告年度应在{AnnualReportFormat.EarliestYear}年至{CurrentYear}年之间" });
        if (unitId is int id && !await db.Units.AnyAsync(x => x.Id == id, ct)) return ServiceResult.NotFound();
        var existing = await db.AnnualReports.Where(r => r.UnitId == unitId && r.Year == year).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (existing is int found) return ServiceResult.Success(found);
        var now = clock.GetUtcNow();
        var report = new AnnualReport
        {
            UnitId = unitId, Year = year, CreatedAt = now, UpdatedAt = now,
            UpdatedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName), UpdatedByUserId = user.UserId,
        };
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(ct);
        var names = await UnitNamesAsync([unitId], ct);
        audit.Add("report.annual.create", "AnnualReport", report.Id, $"新建{names.GetValueOrDefault(unitId ?? 0, "")}{year}年政府信息公开工作年度报告", unitId: unitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(report.Id);
    }

    /// <summary>The report with its computed tables, or null when it does not exist or the user may not see it.</summary>
    public async Task<AnnualReportView?> GetAsync(int id, CancellationToken ct = default)
    {
        var report = await user.Scope(db.AnnualReports.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !user.CanSeeReport(report.UnitId)) return null;
        return await ViewAsync(report, report.UnitId, report.Year, ct);
    }

    /// <summary>
    /// The API's report: the unit by code (null: the district), computed now; entered figures and text come from the
    /// report opened for that unit and year, if any. Null when the unit does not exist or the user may not see it.
    /// </summary>
    public async Task<AnnualReportView?> ComputeAsync(string? unitCode, int year, CancellationToken ct = default)
    {
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var code = unitCode.Trim();
            unitId = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null) return null;
        }

        if (!user.CanSeeReport(unitId)) return null;
        var report = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unitId && r.Year == year, ct);
        return await ViewAsync(report, unitId, year, ct);
    }

    private async Task<AnnualReportView> ViewAsync(AnnualReport? report, int? unitId, int year, CancellationToken ct)
    {
        var entered = report is null ? EnteredFigures.None : new EnteredFigures(report.Licensing, report.Penalties, report.Coercion, report.FeesAmount);
        var figures = await AnnualReportQuery.ComputeAsync(db, unitId, year, entered, CurrentYear, ct);
        string name;
        string? code = null;
        if (unitId is int u)
        {
            var unit = await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => new { x.Name, x.Code }).FirstAsync(ct);
            (name, code) = (unit.Name, unit.Code);
        }
        else
        {
            name = await DistrictNameAsync(ct);
        }

        return new AnnualReportView(report, unitId, name, code, year, figures);
    }

    public async Task<ServiceResult> SaveAsync(int id, AnnualReportInput input, CancellationToken ct = default)
    {
        var report = await user.Scope(db.AnnualReports).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return ServiceResult.NotFound();
        if (!user.CanWriteReport(report.UnitId)) return ServiceResult.Forbidden("没有编写该年度报告的权限");
        var errors = Validate(input);
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var before = Snapshot(report);
        report.Overview = Blank(input.Overview);
        report.Problems = Blank(input.Problems);
        report.OtherMatters = Blank(input.OtherMatters);
        report.Licensing = input.Licensing;
        report.Penalties = input.Penalties;
        report.Coercion = input.Coercion;
        report.FeesAmount = input.FeesAmount;
        report.UpdatedAt = clock.GetUtcNow();
        report.UpdatedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
        report.UpdatedByUserId = user.UserId;
        var changes = AuditLog.Diff(before, Snapshot(report));
        // A change after publication waits for the next 发布, which updates the same document.
        if (changes.Count > 0 && report.Status == AnnualReportStatus.Published) report.Status = AnnualReportStatus.Draft;
        if (changes.Count > 0)
            audit.Add("report.annual.update", "AnnualReport", report.Id, $"修改{report.Year}年政府信息公开工作年度报告", changes, report.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(report.Id);
    }

    private static Dictionary<string, string> Validate(AnnualReportInput input)
    {
        var errors = new Dictionary<string, string>();
        void Text(string field, string label, string? value)
        {
            if (value is { Length: > FieldLengths.ReportSection }) errors[field] = $"{label}不能超过{FieldLengths.ReportSection}个字（当前{value.Length}个字）";
        }

        void Count(string field, string label, int? value)
        {
            if (value is < 0 or > MaxEnteredCount) errors[field] = $"{label}应为0至{MaxEnteredCount}之间的整数";
        }

        Text(nameof(input.Overview), "总体情况", input.Overview);
        Text(nameof(input.Problems), "存在的主要问题及改进情况", input.Problems);
        Text(nameof(input.OtherMatters), "其他需要报告的事项", input.OtherMatters);
        Count(nameof(input.Licensing), "行政许可本年处理决定数量", input.Licensing);
        Count(nameof(input.Penalties), "行政处罚本年处理决定数量", input.Penalties);
        Count(nameof(input.Coercion), "行政强制本年处理决定数量", input.Coercion);
        if (input.FeesAmount is { } f && (f < 0 || f > MaxFeesAmount || decimal.Round(f, 4) != f))
            errors[nameof(input.FeesAmount)] = "行政事业性收费金额应为不小于0的数（单位：万元，最多4位小数）";
        return errors;
    }

    private static Dictionary<string, object?> Snapshot(AnnualReport r) => new()
    {
        ["总体情况"] = r.Overview, ["存在的主要问题及改进情况"] = r.Problems, ["其他需要报告的事项"] = r.OtherMatters,
        ["行政许可"] = r.Licensing, ["行政处罚"] = r.Penalties, ["行政强制"] = r.Coercion, ["行政事业性收费（万元）"] = r.FeesAmount,
    };

    /// <summary>
    /// 发布: refused while a check fails or an entered figure is blank. Publishing creates (or updates) the published
    /// document in the 政府信息公开年报 column, owned by the report's unit (the district's by the 区政府), whose body is the
    /// rendered report. It goes through DocumentService like an import with --publish: the document is saved with the
    /// user's rights, then published with its 索引号 from the allocator, every step audited; all in one transaction.
    /// </summary>
    public async Task<ServiceResult> PublishAsync(int id, CancellationToken ct = default)
    {
        var report = await user.Scope(db.AnnualReports).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return ServiceResult.NotFound();
        if (!user.CanPublishReport(report.UnitId)) return ServiceResult.Forbidden("年度报告须由本单位管理员或公开办发布");
        var view = await ViewAsync(report, report.UnitId, report.Year, ct);
        if (!view.Figures.Publishable)
        {
            var reasons = view.Figures.Failures.Select(f => f.Describe())
                .Concat(view.Figures.MissingEntered.Select(m => $"“{m}”尚未填写（没有的填0）")).ToList();
            return ServiceResult.Conflict("年度报告未通过核对，不能发布：" + string.Join("；", reasons.Take(5)) + (reasons.Count > 5 ? $"等{reasons.Count}项" : ""));
        }

        var columnId = await db.Columns.Where(c => c.Slug == ReportColumnSlug && c.Type == ColumnType.DocumentList).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (columnId is null) return ServiceResult.Invalid("未找到“政府信息公开年报”栏目，请先在栏目管理中恢复该栏目");
        var owner = report.UnitId ?? await DistrictOwnerAsync(ct);
        if (owner is null) return ServiceResult.Invalid("系统中没有区政府或区政府办公室单位，无法发布全区年度报告");

        var today = Formats.Today(clock);
        var input = new DocumentInput
        {
            Title = view.Title,
            WrittenOn = today,
            Genre = "报告",
            TopicCategory = "综合政务\\政务公开",
            Keywords = "政府信息公开 年度报告",
            BodyHtml = AnnualReportRenderer.Body(view),
            OwnerUnitId = owner.Value,
            IssuerUnitIds = [owner.Value],
            ColumnIds = [columnId.Value],
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = report.PublishedDocumentId is int docId
            ? await db.Documents.AsNoTracking().Where(d => d.Id == docId).Select(d => new { d.Id, d.Status, d.Version, d.WrittenOn }).FirstOrDefaultAsync(ct)
            : null;
        ServiceResult saved;
        bool update = existing is { Status: DocumentStatus.Published or DocumentStatus.Draft or DocumentStatus.Rejected };
        if (update)
        {
            // A republication corrects the same document (its 索引号 and address stay); the 成文日期 stays the first one.
            input.WrittenOn = existing!.WrittenOn ?? today;
            input.Version = existing.Version;
            saved = await documents.SaveAsync(existing.Id, input, ct);
        }
        else
        {
            // None yet, or the earlier one was withdrawn: a new document (a withdrawn 索引号 is never reused).
            saved = await documents.SaveAsync(null, input, ct);
        }

        if (!saved.Ok) return Fail(saved);
        if (!(update && existing!.Status == DocumentStatus.Published))
        {
            var published = await documents.PublishAsSystemAsync(saved.Id!.Value, $"发布{report.Year}年政府信息公开工作年度报告", ct);
            if (!published.Ok) return Fail(published);
        }

        var wasPublished = report.Status == AnnualReportStatus.Published;
        report.Status = AnnualReportStatus.Published;
        report.PublishedDocumentId = saved.Id;
        report.PublishedAt = clock.GetUtcNow();
        report.UpdatedAt = report.PublishedAt.Value;
        report.UpdatedBy = FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);
        report.UpdatedByUserId = user.UserId;
        audit.Add("report.annual.publish", "AnnualReport", report.Id,
            $"{(wasPublished ? "更新发布" : "发布")}《{view.Title}》（文件 {saved.Id}）", unitId: report.UnitId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Annual report {Id} published as document {DocumentId}", report.Id, saved.Id);
        return ServiceResult.Success(report.Id);

        ServiceResult Fail(ServiceResult r)
        {
            db.ChangeTracker.Clear();
            var message = string.Join("；", r.Errors.Values);
            return r.Status == ResultStatus.Forbidden ? r : ServiceResult.Invalid("发布文件失败：" + message);
        }
    }

    /// <summary>The district's report is the 区政府's; the 区政府办公室 publishes it where there is no 区政府 unit.</summary>
    private async Task<int?> DistrictOwnerAsync(CancellationToken ct) =>
        await db.Units.Where(u => u.Kind == UnitKind.DistrictGovernment || u.Kind == UnitKind.GovernmentOffice)
            .OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>Writes an audit entry for an export or print (the report's numbers leave the system).</summary>
    public async Task AuditExportAsync(AnnualReportView view, string what, CancellationToken ct = default)
    {
        audit.Add("report.annual.export", "AnnualReport", view.Report?.Id, $"{what}《{view.Title}》", unitId: view.UnitId);
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
