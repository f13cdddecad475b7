using System.Net;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>
/// Tracking on a moving clock through the admin pages: who may report on which part, status derivation, overdue detection,
/// verification with feedback and re-verification, separation of duties, 销号, confirming names, 回头看.
/// </summary>
public abstract class LedgerTrackingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private LedgerDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Clock.SetChinaDate(new DateOnly(2024, 7, 10));
        _d = await LedgerDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Import_ties_written_names_to_units_and_leaves_unknown_names_for_confirmation()
    {
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var t2 = await _d.TaskAsync(plan, "2");
        Assert.Equal([_d.A.Id, _d.B.Id], t2.AssignmentByUnit.Keys.Order());
        var t4 = await _d.TaskAsync(plan, "4");
        Assert.Empty(t4.AssignmentByUnit);
        var mention = await _d.DbAsync(db => db.LedgerMentions.SingleAsync(m => m.TaskId == t4.TaskId));
        Assert.Equal("区某某服务中心", mention.Name);
        Assert.Equal(ResolutionKind.Unresolved, mention.Resolution);
        // The milestone inside task 2's requirement, and task 3's ongoing deadline.
        var milestone = await _d.DbAsync(db => db.LedgerMilestones.SingleAsync(m => m.TaskId == t2.TaskId));
        Assert.Equal(new DateOnly(2024, 6, 30), milestone.DueOn);
        var t3 = await _d.DbAsync(db => db.LedgerTasks.SingleAsync(t => t.PlanId == plan && t.Number == "3"));
        Assert.Equal(DeadlineKind.Ongoing, t3.DeadlineKind);
        // The same file again finds the first plan.
        Assert.Equal(plan, await _d.ImportAsync(_d.PlanMarkdown(2024)));
        Assert.Equal(1, await _d.DbAsync(db => db.WorkPlans.CountAsync()));
    }

    [Fact]
    public async Task A_unit_reports_only_on_its_own_part_and_sees_only_its_own_tasks()
    {
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var (t1, parts1) = await _d.TaskAsync(plan, "1");
        var (t2, parts2) = await _d.TaskAsync(plan, "2");
        var (t3, _) = await _d.TaskAsync(plan, "3");
        var a = await _f.LoginAsync(_d.EditorA);
        var b = await _f.LoginAsync(_d.EditorB);
        var office = await _f.LoginAsync(_d.OfficeUser);

        Assert.Equal(LedgerStatus.NotStarted, await _d.StatusAsync(t1));
        var page = await LedgerDesk.FollowAsync(a, await LedgerDesk.PostAsync(a, t1, "Report", ("assignmentId", parts1[_d.A.Id].ToString()), ("text", "已梳理政策文件清单")));
        Assert.Contains("已报送进展", page);
        Assert.Equal(LedgerStatus.InProgress, await _d.StatusAsync(t1));

        // B does not carry task 1: its page and a report on A's part answer as missing.
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/admin/ledger/tasks/{t1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LedgerDesk.PostAsync(b, t1, "Report", ("assignmentId", parts1[_d.A.Id].ToString()), ("text", "冒名报送"))).StatusCode);
        // On a shared task, B sees A's status but not A's log; A's part is still not a target B may act on.
        var shared = await b.GetStringAsync($"/admin/ledger/tasks/{t2}");
        Assert.Contains(_d.A.Name, shared);
        Assert.Equal(HttpStatusCode.NotFound, (await LedgerDesk.PostAsync(b, t2, "Report", ("assignmentId", parts2[_d.A.Id].ToString()), ("text", "替甲局报送"))).StatusCode);
        // The office sees everything but does not report for a unit.
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/admin/ledger/tasks/{t3}")).StatusCode);
        Assert.Contains("只能报送本单位承担的任务进展", await LedgerDesk.FollowAsync(office, await LedgerDesk.PostAsync(office, t1, "Report", ("assignmentId", parts1[_d.A.Id].ToString()), ("text", "代报"))));
        // A part posted to another task's page is refused like a missing one, even the user's own part.
        Assert.Equal(HttpStatusCode.NotFound, (await LedgerDesk.PostAsync(a, t1, "Report", ("assignmentId", parts2[_d.A.Id].ToString()), ("text", "报错页面"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LedgerDesk.PostAsync(office, t3, "Verify", ("assignmentId", parts1[_d.A.Id].ToString()), ("pass", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LedgerDesk.PostAsync(office, t3, "Unassign", ("assignmentId", parts1[_d.A.Id].ToString()))).StatusCode);
        Assert.Equal(1, await _d.DbAsync(db => db.LedgerReports.CountAsync()));

        // "My tasks": A lists tasks 1 and 2, never 3.
        var mine = await a.GetStringAsync("/admin/ledger/mine");
        Assert.Contains("第一项任务", mine);
        Assert.Contains("第二项任务", mine);
        Assert.DoesNotContain("第三项任务", mine);
        // A unit user cannot confirm names or carry tasks over.
        Assert.Contains("/admin/denied", (await a.GetAsync("/admin/ledger/names")).Headers.Location?.OriginalString);
        Assert.Contains("/admin/denied", (await a.GetAsync("/admin/ledger/import")).Headers.Location?.OriginalString);
        // Every report is audited under the unit.
        Assert.True(await _d.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "ledger.progress" && e.UnitId == _d.A.Id)));
    }

    [Fact]
    public async Task Verification_sends_back_for_rectification_then_passes_and_the_last_unit_closes_the_task()
    {
        _f.Clock.SetChinaDate(new DateOnly(2024, 6, 3)); // before task 2's 6月底前 milestone
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var (t2, parts) = await _d.TaskAsync(plan, "2");
        var a = await _f.LoginAsync(_d.EditorA);
        var b = await _f.LoginAsync(_d.EditorB);
        var office = await _f.LoginAsync(_d.OfficeUser);
        string pa = parts[_d.A.Id].ToString(), pb = parts[_d.B.Id].ToString();

        // Nothing to verify before a report of completion.
        Assert.Contains("尚未报送完成", await LedgerDesk.FollowAsync(office, await LedgerDesk.PostAsync(office, t2, "Verify", ("assignmentId", pa), ("pass", "true"))));
        await LedgerDesk.PostAsync(a, t2, "Report", ("assignmentId", pa), ("text", "已完成政策解读"), ("markDone", "true"), ("links", "https://www.example.gov.cn/jd/1.html"));
        Assert.Equal(LedgerStatus.AwaitingVerification, await _d.StatusAsync(t2, _d.A.Id));
        // Task 2 also waits for B, so it is still in progress; a second report of completion is refused.
        Assert.Equal(LedgerStatus.InProgress, await _d.StatusAsync(t2));
        Assert.Contains("等待核查", await LedgerDesk.FollowAsync(a, await LedgerDesk.PostAsync(a, t2, "Report", ("assignmentId", pa), ("text", "再报一次"))));

        // 反馈: sending back needs a reason; then the part is back in progress and marked for rectification.
        Assert.Contains("请写明需要整改的问题", await LedgerDesk.FollowAsync(office, await LedgerDesk.PostAsync(office, t2, "Verify", ("assignmentId", pa), ("pass", "false"))));
        await LedgerDesk.PostAsync(office, t2, "Verify", ("assignmentId", pa), ("pass", "false"), ("comment", "解读材料未与政策同步发布"));
        Assert.Equal(LedgerStatus.InProgress, await _d.StatusAsync(t2, _d.A.Id));
        var aPage = await a.GetStringAsync($"/admin/ledger/tasks/{t2}");
        Assert.Contains("待整改", aPage);
        Assert.Contains("解读材料未与政策同步发布", aPage);

        // 整改 → 再核查.
        await LedgerDesk.PostAsync(a, t2, "Report", ("assignmentId", pa), ("text", "已整改：补发解读"), ("markDone", "true"));
        await LedgerDesk.PostAsync(office, t2, "Verify", ("assignmentId", pa), ("pass", "true"));
        Assert.Equal(LedgerStatus.Done, await _d.StatusAsync(t2, _d.A.Id));
        Assert.Null(await _d.DbAsync(db => db.LedgerTasks.Where(t => t.Id == t2).Select(t => t.ClosedAt).SingleAsync()));

        await LedgerDesk.PostAsync(b, t2, "Report", ("assignmentId", pb), ("text", "已完成"), ("markDone", "true"));
        await LedgerDesk.PostAsync(office, t2, "Verify", ("assignmentId", pb), ("pass", "true"));
        Assert.Equal(LedgerStatus.Done, await _d.StatusAsync(t2));
        var task = await _d.DbAsync(db => db.LedgerTasks.SingleAsync(t => t.Id == t2));
        Assert.NotNull(task.ClosedAt);
        Assert.Equal(1, await _d.DbAsync(db => db.LedgerAssignments.Where(x => x.Id == parts[_d.A.Id]).Select(x => x.Rounds).SingleAsync()));
        // A closed task takes no more reports.
        Assert.Contains("已销号", await LedgerDesk.FollowAsync(a, await LedgerDesk.PostAsync(a, t2, "Report", ("assignmentId", pa), ("text", "追加"))));
        Assert.Equal(["ledger.done", "ledger.feedback", "ledger.done", "ledger.verify", "ledger.done", "ledger.verify", "ledger.close"],
            await _d.DbAsync(db => db.AuditEntries.Where(e => e.EntityType == "LedgerTask" && e.EntityId == t2.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Whoever_reported_completion_cannot_verify_it()
    {
        // The office's own unit carries task 1 here; its officer reports, and only another officer may verify.
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024).Replace($"| {_d.A.Name} | 2024年12月底前 |", $"| {_d.Office.Name} | 2024年12月底前 |"));
        var (t1, parts) = await _d.TaskAsync(plan, "1");
        var own = parts[_d.Office.Id].ToString();
        var officer = await _f.LoginAsync(_d.OfficeUser);
        await LedgerDesk.PostAsync(officer, t1, "Report", ("assignmentId", own), ("text", "已完成"), ("markDone", "true"));
        Assert.Contains("不能核查自己报送的完成情况", await LedgerDesk.FollowAsync(officer, await LedgerDesk.PostAsync(officer, t1, "Verify", ("assignmentId", own), ("pass", "true"))));
        Assert.Equal(LedgerStatus.AwaitingVerification, await _d.StatusAsync(t1));
        var other = await _f.LoginAsync(_d.OfficeUser2);
        await LedgerDesk.PostAsync(other, t1, "Verify", ("assignmentId", own), ("pass", "true"));
        Assert.Equal(LedgerStatus.Done, await _d.StatusAsync(t1));
    }

    [Fact]
    public async Task Overdue_follows_the_clock_deadlines_and_milestones_but_never_ongoing_tasks()
    {
        _f.Clock.SetChinaDate(new DateOnly(2024, 5, 1));
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var (t1, p1) = await _d.TaskAsync(plan, "1");
        var (t2, _) = await _d.TaskAsync(plan, "2");
        var (t3, _) = await _d.TaskAsync(plan, "3");
        Assert.Equal(LedgerStatus.NotStarted, await _d.StatusAsync(t2));

        // 7月1日: task 2's 6月底前 milestone has passed unreached.
        _f.Clock.SetChinaDate(new DateOnly(2024, 7, 1));
        Assert.Equal(LedgerStatus.Overdue, await _d.StatusAsync(t2));
        Assert.Equal(LedgerStatus.NotStarted, await _d.StatusAsync(t1));

        // 12月20日: task 1 is due within 15 days, so it is reminded.
        _f.Clock.SetChinaDate(new DateOnly(2024, 12, 20));
        var a = await _f.LoginAsync(_d.EditorA);
        var home = await a.GetStringAsync("/admin/ledger");
        Assert.Contains("第一项任务", home);
        Assert.Contains("即将到期", home);

        // 2025年1月2日: past 12月31日; the ongoing task 3 is never overdue.
        _f.Clock.SetChinaDate(new DateOnly(2025, 1, 2));
        Assert.Equal(LedgerStatus.Overdue, await _d.StatusAsync(t1));
        Assert.Equal(LedgerStatus.NotStarted, await _d.StatusAsync(t3));
        a = await _f.LoginAsync(_d.EditorA);
        Assert.Contains("已逾期", await a.GetStringAsync("/admin/ledger"));
        // Done late: waits for verification, and is flagged 逾期完成.
        await LedgerDesk.PostAsync(a, t1, "Report", ("assignmentId", p1[_d.A.Id].ToString()), ("text", "已完成"), ("markDone", "true"));
        Assert.Equal(LedgerStatus.AwaitingVerification, await _d.StatusAsync(t1));
        Assert.Contains("逾期完成", await a.GetStringAsync($"/admin/ledger/tasks/{t1}"));
    }

    [Fact]
    public async Task Confirming_a_name_assigns_its_tasks_and_remembers_it_for_the_next_import()
    {
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var (t4, _) = await _d.TaskAsync(plan, "4");
        var office = await _f.LoginAsync(_d.OfficeUser);
        Assert.Contains("区某某服务中心", await office.GetStringAsync("/admin/ledger/names"));
        var r = await Zwgk.Tests.Security.Forms.PostAsync(office, "/admin/ledger/names", "/admin/ledger/names",
            [new("name", "区某某服务中心"), new("unitIds", _d.B.Id.ToString()), new("remember", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal([_d.B.Id], (await _d.TaskAsync(plan, "4")).AssignmentByUnit.Keys);
        Assert.Contains("没有待确认的单位名称", await office.GetStringAsync("/admin/ledger/names"));
        Assert.Contains("区某某服务中心", await _d.DbAsync(db => db.Units.Where(u => u.Id == _d.B.Id).Select(u => u.Aliases).SingleAsync()));

        var next = await _d.ImportAsync(_d.PlanMarkdown(2025));
        var mention = await _d.DbAsync(db => db.LedgerMentions.SingleAsync(m => m.Name == "区某某服务中心" && db.LedgerTasks.Any(t => t.Id == m.TaskId && t.PlanId == next)));
        Assert.Equal(ResolutionKind.Alias, mention.Resolution);
        Assert.Equal([_d.B.Id], (await _d.TaskAsync(next, "4")).AssignmentByUnit.Keys);
    }

    [Fact]
    public async Task Review_carries_last_years_unfinished_tasks_into_this_years_ledger_once()
    {
        var old = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var (t1, p1) = await _d.TaskAsync(old, "1");
        var (t3, _) = await _d.TaskAsync(old, "3");
        var office = await _f.LoginAsync(_d.OfficeUser);
        var officer2 = await _f.LoginAsync(_d.OfficeUser2);
        var a = await _f.LoginAsync(_d.EditorA);
        await LedgerDesk.PostAsync(a, t1, "Report", ("assignmentId", p1[_d.A.Id].ToString()), ("text", "已完成"), ("markDone", "true"));
        await LedgerDesk.PostAsync(officer2, t1, "Verify", ("assignmentId", p1[_d.A.Id].ToString()), ("pass", "true"));

        _f.Clock.SetChinaDate(new DateOnly(2025, 3, 1));
        var current = await _d.ImportAsync(_d.PlanMarkdown(2025, "区另一中心"));
        office = await _f.LoginAsync(_d.OfficeUser);
        var review = await office.GetStringAsync("/admin/ledger/review?year=2024");
        Assert.DoesNotContain("第一项任务", review); // done
        Assert.Contains("第三项任务", review);
        var post = await Zwgk.Tests.Security.Forms.PostAsync(office, "/admin/ledger/review?year=2024", "/admin/ledger/review?year=2024",
            [new("toPlanId", current.ToString()), new("taskIds", t3.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var copy = await _d.DbAsync(db => db.LedgerTasks.Include(t => t.Assignments).SingleAsync(t => t.PlanId == current && t.CarriedOverFromTaskId == t3));
        Assert.Equal([_d.B.Id], copy.Assignments.Select(x => x.UnitId));
        Assert.Equal(new DateOnly(2025, 12, 31), copy.DueOn);
        // Again: nothing new.
        await Zwgk.Tests.Security.Forms.PostAsync(office, "/admin/ledger/review?year=2024", "/admin/ledger/review?year=2024",
            [new("toPlanId", current.ToString()), new("taskIds", t3.ToString())]);
        Assert.Equal(1, await _d.DbAsync(db => db.LedgerTasks.CountAsync(t => t.CarriedOverFromTaskId == t3)));
        // A done task cannot be carried.
        var refused = await Zwgk.Tests.Security.Forms.PostAsync(office, "/admin/ledger/review?year=2024", "/admin/ledger/review?year=2024",
            [new("toPlanId", current.ToString()), new("taskIds", t1.ToString())]);
        Assert.Contains("已完成的任务无需转入", await office.GetStringAsync(refused.Headers.Location));
    }
}

public sealed class SqliteLedgerTrackingTests() : LedgerTrackingTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerTrackingTests() : LedgerTrackingTests(DatabaseProvider.Postgres);
