using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Ledger;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Ledger;

namespace Zwgk.Tests.Ledger;

/// <summary>
/// A small district for ledger tests: an office (公开办) and two departments with their staff, and a helper that imports
/// a markdown 工作要点 naming them.
/// </summary>
public sealed class LedgerDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit Office { get; init; }
    public required Unit A { get; init; }
    public required Unit B { get; init; }
    public required ZwgkUser OfficeUser { get; init; }
    public required ZwgkUser OfficeUser2 { get; init; }
    public required ZwgkUser EditorA { get; init; }
    public required ZwgkUser EditorB { get; init; }

    public static async Task<LedgerDesk> CreateAsync(ZwgkFactory f)
    {
        var office = await f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var a = await f.CreateUnitAsync("区甲局");
        var b = await f.CreateUnitAsync("区乙局");
        return new LedgerDesk
        {
            Factory = f, Office = office, A = a, B = b,
            OfficeUser = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            OfficeUser2 = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            EditorA = await f.CreateUserAsync(a.Id, Roles.Editor),
            EditorB = await f.CreateUserAsync(b.Id, Roles.Editor),
        };
    }

    /// <summary>Four tasks: 1 for A by 2024-12-31; 2 for A and B with a 6月底前 milestone; 3 for B ongoing; 4 for a name in no directory.</summary>
    public string PlanMarkdown(int year, string extraName = "区某某服务中心") => $"""
        # {year}年测试区政务公开工作要点

        一、加强政策发布

        （一）做好政策发布工作。

        附件：{year}年测试区政务公开重点工作任务分工

        | 序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 |
        |---|---|---|---|---|
        | 1 | 一、加强政策发布 | 第一项任务：及时发布政策文件。 | {A.Name} | {year}年12月底前 |
        | 2 | 一、加强政策发布 | 第二项任务：{year}年6月底前完成首批政策解读，全年持续推进。 | {A.Name}、{B.Name} | {year}年12月底前 |
        | 3 | 一、加强政策发布 | 第三项任务：常态化回应关切。 | {B.Name} | 长期坚持 |
        | 4 | 一、加强政策发布 | 第四项任务：完善政务服务专区。 | {extraName} | {year}年9月底前 |
        """;

    public async Task<int> ImportAsync(string markdown, string fileName = "plan.md")
    {
        return await Factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<LedgerImportService>();
            var preview = await service.PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(markdown)), fileName, null);
            var (result, _) = await service.SaveAsync(preview, "测试");
            Assert.True(result.Ok, result.Message);
            return result.Id!.Value;
        });
    }

    public Task<T> DbAsync<T>(Func<ZwgkDbContext, Task<T>> action) => Factory.WithScopeAsync(sp => action(sp.GetRequiredService<ZwgkDbContext>()));

    /// <summary>The task with the given 序号 in the plan, and its assignment ids by unit.</summary>
    public Task<(int TaskId, Dictionary<int, int> AssignmentByUnit)> TaskAsync(int planId, string number) => DbAsync(async db =>
    {
        var t = await db.LedgerTasks.Include(x => x.Assignments).SingleAsync(x => x.PlanId == planId && x.Number == number);
        return (t.Id, t.Assignments.ToDictionary(a => a.UnitId, a => a.Id));
    });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int taskId, string handler, params (string Key, string Value)[] fields) =>
        await Forms.PostAsync(client, "/admin/account/password", $"/admin/ledger/tasks/{taskId}?handler={handler}",
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The flash message shown after the redirect (success or refusal).</summary>
    public static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return await client.GetStringAsync(posted.Headers.Location);
    }

    public Task<LedgerStatus> StatusAsync(int taskId, int? unitId = null) => Factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ZwgkDbContext>();
        var today = Zwgk.Web.Features.Shared.Formats.Today(sp.GetRequiredService<TimeProvider>());
        var row = (await LedgerSnapshot.LoadAsync(db, new LedgerScope(TaskIds: [taskId]), today)).Single();
        return unitId is int u ? row.Assignments.Single(a => a.UnitId == u).Status : row.Status;
    });
}
