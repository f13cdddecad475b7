using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Reports;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Web.Features.Reports;

/// <summary>The numbers of one report, computed, with what blocks publishing.</summary>
public sealed record AnnualReportFigures(AnnualReportTables Tables, ProcessingFeeSummary Fees, IReadOnlyList<ReportCheckFailure> Failures, IReadOnlyList<string> MissingEntered)
{
    public string FeeSentence => AnnualReportComputation.FeeSentence(Fees);
    /// <summary>Publishing needs every rule to add up and every entered figure to be entered (0 is a value; blank is not).</summary>
    public bool Publishable => Failures.Count == 0 && MissingEntered.Count == 0;
}

/// <summary>
/// Reads what the annual report counts, grouped by the database: the cases are never loaded one by one (a district has
/// tens of thousands a year), only one row per applicant type and outcome with the four year conditions summed
/// (<see cref="AnnualReportComputation"/> states the rules). The page, the API, the export and the benchmark use this.
/// </summary>
public static class AnnualReportQuery
{
    /// <param name="unitId">The unit whose cases and documents count; null for the whole district (all units).</param>
    public static async Task<AnnualReportFigures> ComputeAsync(ZwgkDbContext db, int? unitId, int year, EnteredFigures entered, int currentYear, CancellationToken ct = default)
    {
        var tables = new AnnualReportTables { Year = year };
        AnnualReportComputation.FillApplications(tables, await ApplicationCountsAsync(db, unitId, year, ct));
        AnnualReportComputation.FillDisclosure(tables, await RuleDocumentsAsync(db, unitId, ct), entered, year);
        tables.Review = AnnualReportComputation.Review(await ChallengesAsync(db, unitId, year, ct), year);
        var fees = await FeesAsync(db, unitId, year, ct);
        return new AnnualReportFigures(tables, fees, AnnualReportChecks.Check(tables, currentYear), entered.Missing());
    }

    public static async Task<List<ApplicationCountRow>> ApplicationCountsAsync(ZwgkDbContext db, int? unitId, int year, CancellationToken ct = default)
    {
        var first = AnnualReportComputation.FirstDay(year);
        var last = AnnualReportComputation.LastDay(year);
        var cases = db.InformationRequests.AsNoTracking();
        if (unitId is int u) cases = cases.Where(r => r.UnitId == u);
        // Rows that can count anywhere: received by the year's end, or replied in the year. A NULL date compares as
        // unknown in SQL, so an unconfirmed online submission (no ReceivedOn) counts in none of the receipt conditions.
        var rows = await cases
            .Where(r => r.ReceivedOn <= last || (r.RepliedOn >= first && r.RepliedOn <= last))
            .GroupBy(r => new { r.ApplicantType, r.Outcome })
            .Select(g => new
            {
                g.Key.ApplicantType,
                g.Key.Outcome,
                // 一、本年新收.
                New = g.Sum(r => r.ReceivedOn >= first && r.ReceivedOn <= last ? 1 : 0),
                // 二、上年结转: received before the year, not replied before it began.
                CarriedOver = g.Sum(r => r.ReceivedOn < first && (r.RepliedOn == null || r.RepliedOn >= first) ? 1 : 0),
                // 三、办理结果: replied in the year.
                Replied = g.Sum(r => r.RepliedOn >= first && r.RepliedOn <= last ? 1 : 0),
                // 四、结转下年度: received by the year's end, not replied by then.
                CarriedForward = g.Sum(r => r.ReceivedOn <= last && (r.RepliedOn == null || r.RepliedOn > last) ? 1 : 0),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ApplicationCountRow(r.ApplicantType, r.Outcome, r.New, r.CarriedOver, r.Replied, r.CarriedForward)).ToList();
    }

    public static async Task<List<ChallengeRow>> ChallengesAsync(ZwgkDbContext db, int? unitId, int year, CancellationToken ct = default)
    {
        var first = AnnualReportComputation.FirstDay(year);
        var last = AnnualReportComputation.LastDay(year);
        var challenges = db.RequestChallenges.AsNoTracking().Where(c => c.FiledOn >= first && c.FiledOn <= last);
        if (unitId is int u) challenges = challenges.Where(c => db.InformationRequests.Any(r => r.Id == c.RequestId && r.UnitId == u));
        return await challenges.Select(c => new ChallengeRow(c.Kind, c.Result, c.FiledOn, c.DecidedOn)).ToListAsync(ct);
    }

    /// <summary>Published 规范性文件 and 命令（令） of the unit(s), with the date an abolishing relation took effect.</summary>
    public static async Task<List<RuleDocumentRow>> RuleDocumentsAsync(ZwgkDbContext db, int? unitId, CancellationToken ct = default)
    {
        var docs = db.Documents.AsNoTracking().Where(d => d.Status == DocumentStatus.Published && (d.IsNormative || d.Genre == "命令（令）"));
        if (unitId is int u) docs = docs.Where(d => d.OwnerUnitId == u);
        var list = await docs.Select(d => new { d.Id, d.IsNormative, d.Genre, d.WrittenOn, d.PublishedAt, d.EffectiveOn, d.ExpiresOn, d.Validity }).ToListAsync(ct);
        if (list.Count == 0) return [];

        // A 废止 or 替代 relation takes effect when its source is published and, across units, once confirmed; the day
        // is the source's 生效日期, else its publication day (as DocumentService applies it).
        var ids = list.Select(d => d.Id).ToList();
        var relations = await db.DocumentRelations.AsNoTracking()
            .Where(DocumentRelation.InEffect)
            .Where(r => (r.Type == RelationType.Abolishes || r.Type == RelationType.Replaces) && r.FromDocument!.Status == DocumentStatus.Published
                && ids.Contains(r.ToDocumentId))
            .Select(r => new { r.ToDocumentId, r.FromDocument!.EffectiveOn, r.FromDocument.PublishedAt })
            .ToListAsync(ct);
        var abolished = relations
            .Select(r => (r.ToDocumentId, On: r.EffectiveOn ?? ChinaDate(r.PublishedAt)))
            .Where(r => r.On is not null)
            .GroupBy(r => r.ToDocumentId)
            .ToDictionary(g => g.Key, g => g.Min(r => r.On));
        return list.Select(d => new RuleDocumentRow(d.IsNormative, d.Genre, d.WrittenOn, ChinaDate(d.PublishedAt), d.EffectiveOn, d.ExpiresOn, d.Validity,
            abolished.GetValueOrDefault(d.Id))).ToList();
    }

    /// <summary>Fee notices issued in the year and the amount paid in it (the payable amount after a recorded 减免).</summary>
    public static async Task<ProcessingFeeSummary> FeesAsync(ZwgkDbContext db, int? unitId, int year, CancellationToken ct = default)
    {
        var first = AnnualReportComputation.FirstDay(year);
        var last = AnnualReportComputation.LastDay(year);
        var fees = db.RequestFees.AsNoTracking().Where(f => (f.IssuedOn >= first && f.IssuedOn <= last) || (f.PaidOn >= first && f.PaidOn <= last));
        if (unitId is int u) fees = fees.Where(f => db.InformationRequests.Any(r => r.Id == f.RequestId && r.UnitId == u));
        // Few rows; decimals are summed here because SQLite has no decimal arithmetic.
        var rows = await fees.Select(f => new { f.IssuedOn, f.PaidOn, f.Amount, f.ReducedTo }).ToListAsync(ct);
        var notices = rows.Count(f => f.IssuedOn >= first && f.IssuedOn <= last);
        var paid = rows.Where(f => f.PaidOn is { } p && p >= first && p <= last).Sum(f => f.ReducedTo ?? f.Amount);
        return new ProcessingFeeSummary(notices, paid);
    }

    private static DateOnly? ChinaDate(DateTimeOffset? at) =>
        at is { } v ? DateOnly.FromDateTime(v.ToOffset(Shared.Formats.ChinaOffset).DateTime) : null;
}
