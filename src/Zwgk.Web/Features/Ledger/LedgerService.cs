using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Audit;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;
using Zwgk.Web.Features.Shared.Portal;

namespace Zwgk.Web.Features.Ledger;

/// <summary>A file to attach to a progress report.</summary>
public sealed record EvidenceUpload(string FileName, Stream Content);

/// <summary>A unit's progress report: text, evidence (library documents by id, web addresses, files), and whether its part is done.</summary>
public sealed record ProgressInput(string? Text, bool MarkDone, IReadOnlyList<int>? DocumentIds = null, IReadOnlyList<string>? Links = null,
    IReadOnlyList<EvidenceUpload>? Files = null, IReadOnlyList<int>? ReachedMilestoneIds = null);

/// <summary>
/// Tracking the ledger: units report progress with evidence and mark their part done; the supervising office verifies
/// (核查 → 反馈 → 整改 → 再核查) and closes the task (销号) — automatically when the last unit passes. The office also
/// assigns units, confirms names the importer could not resolve, edits tasks, carries last year's unfinished tasks over
/// (回头看) and publishes the yearly progress. Every change is audited; a target the user may not see answers as missing.
/// </summary>
public sealed class LedgerService(ZwgkDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ContentStore files, IOutputCacheStore cache)
{
    public const int MaxFilesPerReport = 10;
    public const int MaxLinksPerReport = 10;
    public const int MaxDocumentsPerReport = 20;

    public DateOnly Today => Formats.Today(clock);
    private string Actor => FieldLengths.Clip(user.UserName ?? "系统", FieldLengths.PersonName);

    /// <summary>The assignment, when the user may see it (its unit's staff, or the supervising office / platform admins).</summary>
    private async Task<TaskAssignment?> VisibleAssignmentAsync(int assignmentId, CancellationToken ct)
    {
        if (!user.CanSeeLedger()) return null;
        var a = await db.LedgerAssignments.FirstOrDefaultAsync(x => x.Id == assignmentId, ct);
        if (a is null) return null;
        return user.SeesAllLedger() || a.UnitId == user.UnitId ? a : null;
    }

    private async Task<LedgerTask?> ManagedTaskAsync(int taskId, CancellationToken ct) =>
        user.CanManageLedger() ? await db.LedgerTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) : null;

    public async Task<ServiceResult> ReportAsync(int assignmentId, ProgressInput input, CancellationToken ct = default)
    {
        var a = await VisibleAssignmentAsync(assignmentId, ct);
        if (a is null) return ServiceResult.NotFound();
        // A unit reports only on its own part; the office sees other units' parts but does not report for them.
        if (!user.CanReportFor(a.UnitId)) return ServiceResult.Forbidden("只能报送本单位承担的任务进展");
        var task = await db.LedgerTasks.FirstAsync(t => t.Id == a.TaskId, ct);
        if (task.ClosedAt is not null) return ServiceResult.Conflict("该任务已销号，不能再报送进展");
        if (a.VerifiedAt is not null) return ServiceResult.Conflict("本单位承担的部分已核查通过，不能再报送");
        if (a.ReportedDoneAt is not null) return ServiceResult.Conflict("已报送完成，正在等待核查；如需补充，请先撤回完成报送");

        var text = input.Text?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (text.Length == 0) errors["Text"] = input.MarkDone ? "请填写完成情况" : "请填写进展情况";
        else if (text.Length > FieldLengths.TaskReportText) errors["Text"] = $"进展情况不能超过{FieldLengths.TaskReportText}字";
        var links = (input.Links ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        if (links.Count > MaxLinksPerReport) errors["Links"] = $"每次最多附{MaxLinksPerReport}个链接";
        foreach (var l in links)
            if (l.Length > FieldLengths.Url || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            { errors["Links"] = $"链接无效（只接受 http 或 https 网址，{FieldLengths.Url}字符以内）：{Formats.Cut(l, 60)}"; break; }
        var uploads = input.Files ?? [];
        if (uploads.Count > MaxFilesPerReport) errors["Files"] = $"每次最多上传{MaxFilesPerReport}个文件";
        var docIds = (input.DocumentIds ?? []).Distinct().ToList();
        if (docIds.Count > MaxDocumentsPerReport) return ServiceResult.Invalid(new Dictionary<string, string> { ["DocumentIds"] = $"每次最多关联{MaxDocumentsPerReport}份文件" });
        // Evidence documents: published ones anybody can see, or the reporting unit's own drafts. Anything else is "not found".
        var docs = docIds.Count == 0 ? [] : await db.Documents.AsNoTracking()
            .Where(d => docIds.Contains(d.Id)).Where(DocumentVisibility.OwnedByOrPublic(a.UnitId))
            .Select(d => new { d.Id, d.Title }).ToListAsync(ct);
        if (docs.Count != docIds.Count) errors["DocumentIds"] = "引用的文件不存在，或不是已发布文件、本单位文件";
        var milestoneIds = (input.ReachedMilestoneIds ?? []).Distinct().Take(100).ToList();
        var milestones = milestoneIds.Count == 0 ? [] : await db.LedgerMilestones.Where(m => m.TaskId == a.TaskId && milestoneIds.Contains(m.Id)).ToListAsync(ct);
        if (milestones.Count != milestoneIds.Count) errors["Milestones"] = "时间节点不属于该任务";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        var now = clock.GetUtcNow();
        var report = new TaskReport { AssignmentId = a.Id, Kind = input.MarkDone ? TaskReportKind.Done : TaskReportKind.Progress, Text = text, At = now, ActorName = Actor, ActorUserId = user.UserId };
        foreach (var d in docs) report.Evidence.Add(new TaskEvidence { Kind = EvidenceKind.Document, DocumentId = d.Id, Title = FieldLengths.Clip(d.Title, FieldLengths.EvidenceTitle) });
        foreach (var l in links) report.Evidence.Add(new TaskEvidence { Kind = EvidenceKind.Link, Url = l, Title = FieldLengths.Clip(l, FieldLengths.EvidenceTitle) });
        foreach (var f in uploads)
        {
            StoredFile stored;
            try { stored = await files.SaveAsync(f.Content, f.FileName, ct); }
            catch (FileRejectedException e) { return ServiceResult.Invalid(new Dictionary<string, string> { ["Files"] = $"{Path.GetFileName(f.FileName)}：{e.Message}" }); }
            var name = FieldLengths.Clip(Path.GetFileName(f.FileName), FieldLengths.FileName);
            report.Evidence.Add(new TaskEvidence { Kind = EvidenceKind.File, FileName = name, Title = FieldLengths.Clip(name, FieldLengths.EvidenceTitle), ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256 });
        }
        db.LedgerReports.Add(report);
        a.StartedAt ??= now;
        a.LastReportAt = now;
        if (input.MarkDone)
        {
            a.ReportedDoneAt = now;
            a.ReportedDoneOn = Today;
        }
        foreach (var m in milestones.Where(m => m.ReachedOn is null)) { m.ReachedOn = Today; m.ReachedBy = Actor; }
        task.UpdatedAt = now;
        audit.Add(input.MarkDone ? "ledger.done" : "ledger.progress", "LedgerTask", task.Id,
            $"{(input.MarkDone ? "报送完成" : "报送进展")}：任务{task.Number ?? task.Order.ToString()}（{report.Evidence.Count}项佐证）", unitId: a.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(report.Id);
    }

    /// <summary>The unit takes back its report of completion before the office verifies it.</summary>
    public async Task<ServiceResult> WithdrawDoneAsync(int assignmentId, string? reason, CancellationToken ct = default)
    {
        var a = await VisibleAssignmentAsync(assignmentId, ct);
        if (a is null) return ServiceResult.NotFound();
        if (!user.CanReportFor(a.UnitId)) return ServiceResult.Forbidden("只能撤回本单位的完成报送");
        if (a.ReportedDoneAt is null || a.VerifiedAt is not null) return ServiceResult.Conflict("没有待核查的完成报送可撤回");
        a.ReportedDoneAt = null;
        a.ReportedDoneOn = null;
        var text = string.IsNullOrWhiteSpace(reason) ? "撤回完成报送" : FieldLengths.Clip("撤回完成报送：" + reason.Trim(), FieldLengths.TaskReportText);
        db.LedgerReports.Add(new TaskReport { AssignmentId = a.Id, Kind = TaskReportKind.Withdrawn, Text = text, At = clock.GetUtcNow(), ActorName = Actor, ActorUserId = user.UserId });
        audit.Add("ledger.withdraw", "LedgerTask", a.TaskId, "撤回完成报送", unitId: a.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(a.Id);
    }

    /// <summary>
    /// 核查: the office passes a unit's reported completion, or sends it back with what to fix (反馈 → 整改 → 再核查).
    /// Whoever reported completion may not verify it. The last unit passing closes (销号) the task.
    /// </summary>
    public async Task<ServiceResult> VerifyAsync(int assignmentId, bool pass, string? comment, CancellationToken ct = default)
    {
        var a = await VisibleAssignmentAsync(assignmentId, ct);
        if (a is null) return ServiceResult.NotFound();
        if (!user.CanManageLedger()) return ServiceResult.Forbidden("只有政务公开办可以核查");
        if (a.ReportedDoneAt is null) return ServiceResult.Conflict("该单位尚未报送完成，无需核查");
        var reporter = await db.LedgerReports.Where(r => r.AssignmentId == a.Id && r.Kind == TaskReportKind.Done)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ActorUserId).FirstOrDefaultAsync(ct);
        if (reporter is not null && reporter == user.UserId) return ServiceResult.Forbidden("不能核查自己报送的完成情况（报送与核查须由不同人员办理）");
        var text = comment?.Trim() ?? "";
        if (!pass && text.Length == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["Comment"] = "退回整改时请写明需要整改的问题" });
        if (text.Length > FieldLengths.TaskReportText) return ServiceResult.Invalid(new Dictionary<string, string> { ["Comment"] = $"核查意见不能超过{FieldLengths.TaskReportText}字" });

        var now = clock.GetUtcNow();
        var task = await db.LedgerTasks.FirstAsync(t => t.Id == a.TaskId, ct);
        if (pass)
        {
            a.VerifiedAt = now;
            a.VerifiedBy = Actor;
        }
        else
        {
            a.ReportedDoneAt = null;
            a.ReportedDoneOn = null;
            a.FeedbackAt = now;
            a.Feedback = text;
            a.Rounds++;
        }
        db.LedgerReports.Add(new TaskReport { AssignmentId = a.Id, Kind = pass ? TaskReportKind.Verified : TaskReportKind.Feedback, Text = text.Length > 0 ? text : "核查通过", At = now, ActorName = Actor, ActorUserId = user.UserId });
        audit.Add(pass ? "ledger.verify" : "ledger.feedback", "LedgerTask", task.Id, pass ? "核查通过" : $"退回整改（第{a.Rounds}次）", unitId: a.UnitId);
        if (pass && task.ClosedAt is null && !await db.LedgerAssignments.AnyAsync(x => x.TaskId == task.Id && x.Id != a.Id && x.VerifiedAt == null, ct))
        {
            task.ClosedAt = now;
            task.ClosedBy = Actor;
            task.ClosingNote = "全部责任单位核查通过，销号";
            audit.Add("ledger.close", "LedgerTask", task.Id, "全部责任单位核查通过，自动销号");
        }
        task.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(a.Id);
    }

    /// <summary>销号 by the office's decision (the task was merged, cancelled by a later document …); a note is required.</summary>
    public async Task<ServiceResult> CloseAsync(int taskId, string? note, CancellationToken ct = default)
    {
        var task = await ManagedTaskAsync(taskId, ct);
        if (task is null) return user.CanSeeLedger() && user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以销号") : ServiceResult.NotFound();
        if (task.ClosedAt is not null) return ServiceResult.Conflict("该任务已销号");
        var text = note?.Trim() ?? "";
        if (text.Length == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["Note"] = "请写明销号说明" });
        task.ClosedAt = clock.GetUtcNow();
        task.ClosedBy = Actor;
        task.ClosingNote = FieldLengths.Clip(text, FieldLengths.ClosingNote);
        task.UpdatedAt = task.ClosedAt.Value;
        audit.Add("ledger.close", "LedgerTask", task.Id, $"销号：{text}");
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(task.Id);
    }

    /// <summary>Undoes 销号 (a later check found the task not really done).</summary>
    public async Task<ServiceResult> ReopenAsync(int taskId, string? reason, CancellationToken ct = default)
    {
        var task = await ManagedTaskAsync(taskId, ct);
        if (task is null) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以撤销销号") : ServiceResult.NotFound();
        if (task.ClosedAt is null) return ServiceResult.Conflict("该任务未销号");
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["Reason"] = "请写明撤销销号的原因" });
        task.ClosedAt = null;
        task.ClosedBy = null;
        task.ClosingNote = null;
        task.UpdatedAt = clock.GetUtcNow();
        audit.Add("ledger.reopen", "LedgerTask", task.Id, FieldLengths.Clip($"撤销销号：{text}", FieldLengths.AuditSummary));
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(task.Id);
    }

    public async Task<ServiceResult> AssignAsync(int taskId, int unitId, bool isLead, CancellationToken ct = default)
    {
        var task = await ManagedTaskAsync(taskId, ct);
        if (task is null) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以调整责任单位") : ServiceResult.NotFound();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.IsActive).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null) return ServiceResult.Invalid(new Dictionary<string, string> { ["UnitId"] = "请选择有效的单位" });
        var existing = await db.LedgerAssignments.FirstOrDefaultAsync(a => a.TaskId == taskId && a.UnitId == unitId, ct);
        if (existing is not null)
        {
            if (existing.IsLead == isLead) return ServiceResult.Conflict($"{unit.Name}已是该任务的{(isLead ? "牵头" : "责任")}单位");
            existing.IsLead = isLead;
        }
        else db.LedgerAssignments.Add(new TaskAssignment { TaskId = taskId, UnitId = unitId, IsLead = isLead });
        task.UpdatedAt = clock.GetUtcNow();
        audit.Add("ledger.assign", "LedgerTask", taskId, $"{(isLead ? "牵头" : "责任")}单位：{unit.Name}", unitId: unitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(taskId);
    }

    /// <summary>Removes a unit from a task; a unit that has already reported keeps its record (its reports are evidence).</summary>
    public async Task<ServiceResult> UnassignAsync(int assignmentId, CancellationToken ct = default)
    {
        var a = await VisibleAssignmentAsync(assignmentId, ct);
        if (a is null) return ServiceResult.NotFound();
        if (!user.CanManageLedger()) return ServiceResult.Forbidden("只有政务公开办可以调整责任单位");
        if (await db.LedgerReports.AnyAsync(r => r.AssignmentId == a.Id, ct)) return ServiceResult.Conflict("该单位已报送进展，不能移除");
        db.LedgerAssignments.Remove(a);
        audit.Add("ledger.unassign", "LedgerTask", a.TaskId, "移除责任单位", unitId: a.UnitId);
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(a.TaskId);
    }

    /// <summary>
    /// A person confirms what a name in the document means: the units it stands for. Every unconfirmed mention of the same
    /// name (in every plan) is resolved at once; with <paramref name="remember"/> and a single unit the name becomes that
    /// unit's alias, so later imports resolve it by themselves.
    /// </summary>
    public async Task<ServiceResult> ConfirmNameAsync(string name, IReadOnlyList<int> unitIds, bool remember, CancellationToken ct = default)
    {
        if (!user.CanManageLedger()) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以确认单位名称") : ServiceResult.NotFound();
        name = name.Trim();
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0) return ServiceResult.Invalid(new Dictionary<string, string> { ["UnitIds"] = "请选择该名称对应的单位" });
        var units = await db.Units.Where(u => ids.Contains(u.Id) && u.IsActive).ToListAsync(ct);
        if (units.Count != ids.Count) return ServiceResult.Invalid(new Dictionary<string, string> { ["UnitIds"] = "请选择有效的单位" });
        var mentions = await db.LedgerMentions.Where(m => m.Name == name && m.ConfirmedAt == null
            && (m.Resolution == ResolutionKind.Unresolved || m.Resolution == ResolutionKind.Ambiguous || m.Resolution == ResolutionKind.Unspecified)).ToListAsync(ct);
        if (mentions.Count == 0) return ServiceResult.NotFound();
        var now = clock.GetUtcNow();
        var taskIds = mentions.Select(m => m.TaskId).Distinct().ToList();
        var existing = await db.LedgerAssignments.Where(a => taskIds.Contains(a.TaskId)).ToListAsync(ct);
        foreach (var m in mentions)
        {
            m.Resolution = ResolutionKind.Alias;
            m.Explanation = FieldLengths.Clip($"人工确认：{name} → {string.Join("、", units.Select(u => u.Name))}", FieldLengths.ResolutionExplanation);
            m.ConfirmedAt = now;
            m.ConfirmedBy = Actor;
            foreach (var u in units)
            {
                var a = existing.FirstOrDefault(x => x.TaskId == m.TaskId && x.UnitId == u.Id);
                if (a is not null) { a.IsLead |= m.Role == UnitRole.Lead; continue; }
                a = new TaskAssignment { TaskId = m.TaskId, UnitId = u.Id, IsLead = m.Role == UnitRole.Lead, MentionId = m.Id };
                existing.Add(a);
                db.LedgerAssignments.Add(a);
            }
        }
        if (remember && units.Count == 1)
        {
            var unit = units[0];
            var aliases = Zwgk.Domain.Units.UnitAliases.Split(unit.Aliases).ToList();
            if (!aliases.Contains(name) && name != unit.Name && name != unit.ShortName)
            {
                aliases.Add(name);
                var joined = string.Join('\n', aliases);
                if (joined.Length <= FieldLengths.UnitAliases) unit.Aliases = joined;
            }
        }
        audit.Add("ledger.confirm-name", "TaskUnitMention", name, FieldLengths.Clip($"确认单位名称「{name}」→ {string.Join("、", units.Select(u => u.Name))}（{taskIds.Count}项任务）", FieldLengths.AuditSummary));
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(taskIds.Count);
    }

    /// <summary>Edits what the office may correct after import: the requirement, the deadline (re-read from its text) and public visibility.</summary>
    public async Task<ServiceResult> EditAsync(int taskId, string? requirement, string? deadlineText, bool isPublic, CancellationToken ct = default)
    {
        var task = await ManagedTaskAsync(taskId, ct);
        if (task is null) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以修改任务") : ServiceResult.NotFound();
        var errors = new Dictionary<string, string>();
        var req = requirement?.Trim() ?? "";
        if (req.Length == 0) errors["Requirement"] = "请填写具体要求";
        else if (req.Length > FieldLengths.TaskRequirement) errors["Requirement"] = $"具体要求不能超过{FieldLengths.TaskRequirement}字";
        var dl = deadlineText?.Trim();
        if (dl is { Length: > FieldLengths.DeadlineText }) errors["DeadlineText"] = $"完成时限不能超过{FieldLengths.DeadlineText}字";
        var year = await db.WorkPlans.Where(p => p.Id == task.PlanId).Select(p => p.Year).FirstAsync(ct);
        var deadline = DeadlineParser.Parse(dl, year);
        if (!string.IsNullOrEmpty(dl) && deadline.Kind == DeadlineKind.None) errors["DeadlineText"] = "无法识别完成时限，请写成“2024年12月底前”“7月15日前”或“长期坚持”等形式";
        if (errors.Count > 0) return ServiceResult.Invalid(errors);
        var before = new Dictionary<string, object?> { ["具体要求"] = task.Requirement, ["完成时限"] = task.DeadlineText, ["公开"] = task.IsPublic };
        task.Requirement = req;
        task.DeadlineText = string.IsNullOrEmpty(dl) ? null : dl;
        task.DeadlineKind = deadline.Kind;
        task.DueOn = deadline.Date;
        task.IsPublic = isPublic;
        task.UpdatedAt = clock.GetUtcNow();
        var after = new Dictionary<string, object?> { ["具体要求"] = task.Requirement, ["完成时限"] = task.DeadlineText, ["公开"] = task.IsPublic };
        audit.Add("ledger.edit", "LedgerTask", task.Id, $"修改任务{task.Number ?? task.Order.ToString()}", AuditLog.Diff(before, after));
        await db.SaveChangesAsync(ct);
        return ServiceResult.Success(task.Id);
    }

    public async Task<ServiceResult> PublishAsync(int planId, bool publish, CancellationToken ct = default)
    {
        if (!user.CanManageLedger()) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以公开落实情况") : ServiceResult.NotFound();
        var plan = await db.WorkPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return ServiceResult.NotFound();
        plan.PublishProgress = publish;
        plan.UpdatedAt = clock.GetUtcNow();
        audit.Add(publish ? "ledger.publish" : "ledger.unpublish", "WorkPlan", plan.Id, $"{(publish ? "公开" : "取消公开")}《{plan.Title}》落实情况");
        await db.SaveChangesAsync(ct);
        // The 政府信息公开 page links the published years and is output-cached.
        await cache.InvalidatePortalAsync(ct);
        return ServiceResult.Success(plan.Id);
    }

    /// <summary>Deletes a plan imported by mistake; refused once any unit has reported on it.</summary>
    public async Task<ServiceResult> DeletePlanAsync(int planId, CancellationToken ct = default)
    {
        if (!user.CanManageLedger()) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以删除台账") : ServiceResult.NotFound();
        var plan = await db.WorkPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return ServiceResult.NotFound();
        if (await db.LedgerReports.AnyAsync(r => db.LedgerAssignments.Any(a => a.Id == r.AssignmentId && db.LedgerTasks.Any(t => t.Id == a.TaskId && t.PlanId == planId)), ct))
            return ServiceResult.Conflict("已有单位报送进展，台账不能删除");
        if (await db.LedgerTasks.AnyAsync(t => t.CarriedOverFromTaskId != null && t.PlanId != planId && db.LedgerTasks.Any(o => o.Id == t.CarriedOverFromTaskId && o.PlanId == planId), ct))
            return ServiceResult.Conflict("该台账的任务已转入其他年度（回头看），不能删除");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Tasks point at sections and at each other with restricting keys: remove tasks first, then the plan with its sections.
        await db.LedgerTasks.Where(t => t.PlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CarriedOverFromTaskId, (int?)null), ct);
        await db.LedgerTasks.Where(t => t.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.WorkPlanSections.Where(s => s.PlanId == planId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ParentId, (int?)null), ct);
        db.WorkPlans.Remove(plan);
        audit.Add("ledger.delete", "WorkPlan", planId, $"删除工作台账《{plan.Title}》");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Success(planId);
    }

    /// <summary>
    /// 回头看: carries unfinished tasks of an earlier plan into <paramref name="toPlanId"/> under a section
    /// "上年度未完成任务（回头看）"; the same units carry them, and the new task links back to the old one. A task already
    /// carried into that plan is skipped, so the action can be repeated safely.
    /// </summary>
    public async Task<ServiceResult> CarryOverAsync(int toPlanId, IReadOnlyList<int> taskIds, CancellationToken ct = default)
    {
        if (!user.CanManageLedger()) return user.SeesAllLedger() ? ServiceResult.Forbidden("只有政务公开办可以转入回头看任务") : ServiceResult.NotFound();
        var target = await db.WorkPlans.FirstOrDefaultAsync(p => p.Id == toPlanId, ct);
        if (target is null) return ServiceResult.NotFound();
        var ids = taskIds.Distinct().ToList();
        if (ids.Count == 0) return ServiceResult.Invalid("请选择要转入的任务");
        var sources = await db.LedgerTasks.AsNoTracking().Include(t => t.Assignments)
            .Where(t => ids.Contains(t.Id) && db.WorkPlans.Any(p => p.Id == t.PlanId && p.Year < target.Year)).ToListAsync(ct);
        if (sources.Count != ids.Count) return ServiceResult.Invalid("只能转入往年台账中的任务");
        var rows = await LedgerSnapshot.LoadAsync(db, new LedgerScope(TaskIds: ids), Today, ct);
        if (rows.Any(r => r.Status == LedgerStatus.Done)) return ServiceResult.Invalid("已完成的任务无需转入");
        var already = await db.LedgerTasks.Where(t => t.PlanId == toPlanId && t.CarriedOverFromTaskId != null && ids.Contains(t.CarriedOverFromTaskId.Value))
            .Select(t => t.CarriedOverFromTaskId!.Value).ToListAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        const string reviewTitle = "上年度未完成任务（回头看）";
        var section = await db.WorkPlanSections.FirstOrDefaultAsync(s => s.PlanId == toPlanId && s.Title == reviewTitle && s.ParentId == null, ct);
        if (section is null)
        {
            var maxOrder = await db.WorkPlanSections.Where(s => s.PlanId == toPlanId).MaxAsync(s => (int?)s.Order, ct) ?? 0;
            section = new WorkPlanSection { PlanId = toPlanId, Level = 1, Number = "", Title = reviewTitle, Order = maxOrder + 1 };
            db.WorkPlanSections.Add(section);
            await db.SaveChangesAsync(ct);
        }
        var order = await db.LedgerTasks.Where(t => t.PlanId == toPlanId).MaxAsync(t => (int?)t.Order, ct) ?? 0;
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var s in sources.OrderBy(s => s.PlanId).ThenBy(s => s.Order).Where(s => !already.Contains(s.Id)))
        {
            var copy = new LedgerTask
            {
                PlanId = toPlanId,
                SectionId = section.Id,
                Order = ++order,
                Number = $"回{++added}",
                Requirement = s.Requirement,
                LeadUnitsText = s.LeadUnitsText,
                ResponsibleUnitsText = s.ResponsibleUnitsText,
                // The old deadline has passed; the office sets the new one (年底前 of the new year until it does).
                DeadlineText = $"{target.Year}年12月底前",
                DeadlineKind = DeadlineKind.Date,
                DueOn = new DateOnly(target.Year, 12, 31),
                Source = FieldLengths.Clip($"回头看：{s.Source ?? "往年任务"}", FieldLengths.TaskSource),
                CarriedOverFromTaskId = s.Id,
                IsPublic = s.IsPublic,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var a in s.Assignments) copy.Assignments.Add(new TaskAssignment { UnitId = a.UnitId, IsLead = a.IsLead });
            db.LedgerTasks.Add(copy);
        }
        audit.Add("ledger.carry-over", "WorkPlan", toPlanId, $"回头看：转入往年未完成任务{added}项");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ServiceResult.Success(added);
    }

    /// <summary>An evidence file, when the user may see the task it belongs to; the download is audited.</summary>
    public async Task<(TaskEvidence Evidence, Stream Content)?> OpenEvidenceAsync(int evidenceId, CancellationToken ct = default)
    {
        if (!user.CanSeeLedger()) return null;
        var row = await (from e in db.LedgerEvidence
                         join r in db.LedgerReports on e.ReportId equals r.Id
                         join a in db.LedgerAssignments on r.AssignmentId equals a.Id
                         where e.Id == evidenceId && e.Kind == EvidenceKind.File
                         select new { e, a.UnitId, a.TaskId }).FirstOrDefaultAsync(ct);
        if (row is null || row.e.Sha256 is null) return null;
        if (!user.SeesAllLedger() && row.UnitId != user.UnitId) return null;
        var stream = files.Open(row.e.Sha256);
        if (stream is null) return null;
        audit.Add("ledger.evidence-download", "LedgerTask", row.TaskId, FieldLengths.Clip($"下载佐证材料：{row.e.FileName}", FieldLengths.AuditSummary), unitId: row.UnitId);
        await db.SaveChangesAsync(ct);
        return (row.e, stream);
    }
}
