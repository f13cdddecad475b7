using Zwgk.Domain.Ledger;
using Zwgk.Domain.Units;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>
/// A 2025 work plan built directly in the database, with one task in each status on 2026-03-02 (the factory clock):
/// T1 done (A verified), T2 overdue (B owes it, A done), T3 in progress (ongoing), T4 awaiting verification,
/// T5 not started and carried by nobody (区数据局 unresolved; due 2026-06-30), T6 not public (B, not started).
/// Plus a 2024 plan, not published, carried by unit C only.
/// </summary>
public sealed class LedgerFixture
{
    public const string InternalProgress = "内部进展：已召开专题会议研究部署（经办人张三）";
    public const string SecretRequirement = "不公开的内部任务：整理内部考核台账";
    public static readonly DateTimeOffset VerifiedT1 = new(2025, 8, 20, 2, 0, 0, TimeSpan.Zero);

    public Unit A { get; private set; } = null!;
    public Unit B { get; private set; } = null!;
    public Unit C { get; private set; } = null!;
    public int Plan2025 { get; private set; }
    public int Plan2024 { get; private set; }
    public Dictionary<string, int> Tasks { get; } = [];

    public static async Task<LedgerFixture> SeedAsync(ZwgkFactory f, bool publish2025 = true)
    {
        var x = new LedgerFixture
        {
            A = await f.CreateUnitAsync("区财政局"),
            B = await f.CreateUnitAsync("区教育和体育局"),
            C = await f.CreateUnitAsync("区民政局"),
        };
        var now = f.Clock.GetUtcNow();
        await f.WithDbAsync(async db =>
        {
            var plan = new WorkPlan { Year = 2025, Title = "2025年市中区政务公开工作要点", PublishProgress = publish2025, CreatedAt = now, CreatedBy = "测试", UpdatedAt = now };
            var old = new WorkPlan { Year = 2024, Title = "2024年市中区政务公开工作要点", PublishProgress = false, CreatedAt = now, CreatedBy = "测试", UpdatedAt = now };
            db.WorkPlans.AddRange(plan, old);
            await db.SaveChangesAsync();
            x.Plan2025 = plan.Id;
            x.Plan2024 = old.Id;

            var s1 = new WorkPlanSection { PlanId = plan.Id, Level = 1, Number = "一、", Title = "深化重点领域信息公开", Order = 1 };
            var s2 = new WorkPlanSection { PlanId = plan.Id, Level = 1, Number = "二、", Title = "加强政务公开平台建设", Order = 3 };
            db.WorkPlanSections.AddRange(s1, s2);
            await db.SaveChangesAsync();
            var s11 = new WorkPlanSection { PlanId = plan.Id, Level = 2, ParentId = s1.Id, Number = "（一）", Title = "财政信息公开", Order = 2 };
            db.WorkPlanSections.Add(s11);
            await db.SaveChangesAsync();

            LedgerTask Task(int order, int? section, string requirement, string? lead, string? resp, DeadlineKind kind, DateOnly? due, string? deadlineText, bool isPublic = true) => new()
            {
                PlanId = plan.Id, SectionId = section, Order = order, Number = order.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Requirement = requirement, LeadUnitsText = lead, ResponsibleUnitsText = resp, DeadlineKind = kind, DueOn = due, DeadlineText = deadlineText,
                IsPublic = isPublic, CreatedAt = now, UpdatedAt = now,
            };

            var t1 = Task(1, s11.Id, "做好预算决算公开。按要求公开部门预决算和“三公”经费。", "区财政局", null, DeadlineKind.Date, new DateOnly(2025, 12, 31), "2025年12月底前");
            t1.Assignments.Add(new TaskAssignment { UnitId = x.A.Id, IsLead = true, StartedAt = new(2025, 3, 1, 2, 0, 0, TimeSpan.Zero), ReportedDoneAt = new(2025, 8, 1, 2, 0, 0, TimeSpan.Zero), ReportedDoneOn = new DateOnly(2025, 8, 1), VerifiedAt = VerifiedT1, VerifiedBy = "李四" });
            var t2 = Task(2, s11.Id, "推进政府债务信息公开；定期公开债务限额和余额", "区财政局", "区教体局", DeadlineKind.Date, new DateOnly(2025, 6, 30), "2025年6月底前");
            t2.Assignments.Add(new TaskAssignment { UnitId = x.A.Id, IsLead = true, ReportedDoneAt = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero), ReportedDoneOn = new DateOnly(2025, 6, 1), VerifiedAt = new(2025, 6, 5, 2, 0, 0, TimeSpan.Zero) });
            t2.Assignments.Add(new TaskAssignment { UnitId = x.B.Id, StartedAt = new(2025, 5, 1, 2, 0, 0, TimeSpan.Zero) });
            var t3 = Task(3, s1.Id, "持续做好政策解读工作\n1.落实解读方案与政策文件同步起草\n2.丰富解读形式", "区教体局", null, DeadlineKind.Ongoing, null, "长期坚持");
            var a3 = new TaskAssignment { UnitId = x.B.Id, IsLead = true, StartedAt = new(2025, 4, 1, 2, 0, 0, TimeSpan.Zero), LastReportAt = new(2025, 4, 1, 2, 0, 0, TimeSpan.Zero) };
            a3.Reports.Add(new TaskReport { Kind = TaskReportKind.Progress, Text = InternalProgress, At = new(2025, 4, 1, 2, 0, 0, TimeSpan.Zero), ActorName = "张三" });
            t3.Assignments.Add(a3);
            var t4 = Task(4, s2.Id, "优化政府网站政务公开专栏", "区财政局", null, DeadlineKind.Date, new DateOnly(2025, 12, 31), "2025年12月底前");
            t4.Assignments.Add(new TaskAssignment { UnitId = x.A.Id, IsLead = true, StartedAt = new(2025, 9, 1, 2, 0, 0, TimeSpan.Zero), ReportedDoneAt = new(2025, 12, 20, 2, 0, 0, TimeSpan.Zero), ReportedDoneOn = new DateOnly(2025, 12, 20) });
            var t5 = Task(5, s2.Id, "建设政务数据开放平台", "区数据局", null, DeadlineKind.Date, new DateOnly(2026, 6, 30), "2026年6月底前");
            t5.Mentions.Add(new TaskUnitMention { Role = UnitRole.Lead, Order = 1, Name = "区数据局", Resolution = ResolutionKind.Unresolved });
            var t6 = Task(6, s2.Id, SecretRequirement, "区教体局", null, DeadlineKind.Ongoing, null, "长期坚持", isPublic: false);
            t6.Assignments.Add(new TaskAssignment { UnitId = x.B.Id, IsLead = true });

            var o1 = new LedgerTask
            {
                PlanId = old.Id, Order = 1, Number = "1", Requirement = "2024年的任务", LeadUnitsText = "区民政局", DeadlineKind = DeadlineKind.Date,
                DueOn = new DateOnly(2024, 12, 31), DeadlineText = "2024年12月底前", CreatedAt = now, UpdatedAt = now,
            };
            o1.Assignments.Add(new TaskAssignment { UnitId = x.C.Id, IsLead = true });

            db.LedgerTasks.AddRange(t1, t2, t3, t4, t5, t6, o1);
            await db.SaveChangesAsync();
            foreach (var (name, t) in new[] { ("T1", t1), ("T2", t2), ("T3", t3), ("T4", t4), ("T5", t5), ("T6", t6), ("O1", o1) }) x.Tasks[name] = t.Id;
        });
        return x;
    }
}
