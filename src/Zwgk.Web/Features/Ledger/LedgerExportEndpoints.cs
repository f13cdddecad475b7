using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Ledger;

/// <summary>GET /admin/ledger/plans/{id}/export.xlsx: the plan's ledger in the 任务分工 layout, scoped to what the user may see.</summary>
public static class LedgerExportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/ledger/plans/{id:int}/export.xlsx", Export).RequireAuthorization(Policies.BackOffice).ExcludeFromDescription();
    }

    /// <summary>
    /// The office and platform administrators get every task; unit staff get the tasks their unit carries, and a plan in which
    /// their unit carries nothing answers like a missing one. Filters: unit (unit id: tasks that unit carries) and status
    /// (未开始/推进中/待核查/已完成/逾期 or the English name). Every export is audited: the ledger leaves the system.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Export(int id, int? unit, string? status,
        ZwgkDbContext db, CurrentUser me, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!me.CanSeeLedger()) return TypedResults.NotFound();
        LedgerStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ParseStatus(status) is not { } s)
                return TypedResults.Problem("status 应为：" + string.Join("、", LedgerStatuses.All.Select(x => x.Label())), statusCode: 400, title: "参数不正确");
            wanted = s;
        }

        var plan = await db.WorkPlans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Year, p.Title }).FirstOrDefaultAsync(ct);
        if (plan is null) return TypedResults.NotFound();
        int? scopeUnit = me.SeesAllLedger() ? null : me.UnitId;
        if (scopeUnit is int own && !await db.LedgerAssignments.AnyAsync(a => a.UnitId == own && db.LedgerTasks.Any(t => t.Id == a.TaskId && t.PlanId == id), ct))
            return TypedResults.NotFound();

        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(PlanId: id, UnitId: scopeUnit), Formats.Today(clock), ct);
        IEnumerable<TaskRow> selected = rows;
        string? unitName = null;
        if (unit is int u)
        {
            selected = selected.Where(r => r.Assignments.Any(a => a.UnitId == u));
            unitName = await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.ShortName ?? x.Name).FirstOrDefaultAsync(ct) ?? $"单位{u}";
        }
        if (wanted is { } w) selected = selected.Where(r => r.Status == w);
        var list = selected.ToList();

        var filters = new List<string>();
        if (unitName is not null) filters.Add("单位：" + unitName);
        if (wanted is { } ws) filters.Add("状态：" + ws.Label());
        if (scopeUnit is not null) filters.Add("本单位承担的任务");
        var note = filters.Count == 0 ? null : string.Join("；", filters);

        var bytes = LedgerExcel.Build(plan.Title, list, note);
        audit.Add("ledger.export", "WorkPlan", plan.Id, $"导出《{plan.Title}》工作台账（{list.Count}项任务{(note is null ? "" : "，" + note)}）");
        await db.SaveChangesAsync(ct);
        // The download name is Chinese: ASP.NET writes it both as filename and as RFC 5987 filename*.
        return TypedResults.File(bytes, XlsxType, $"{plan.Year}年工作台账.xlsx");
    }

    public static LedgerStatus? ParseStatus(string text)
    {
        var t = text.Trim();
        foreach (var s in LedgerStatuses.All)
            if (s.Label() == t || string.Equals(s.ToString(), t, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }
}
