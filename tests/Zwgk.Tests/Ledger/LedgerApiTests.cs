using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Ledger;

/// <summary>/api/v1/admin/ledger: plans and tasks scoped to the caller's unit, progress reports and verification with problem details.</summary>
public sealed class LedgerApiTests : IAsyncLifetime
{
    private readonly ZwgkFactory _f = new();
    private LedgerDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f.Clock.SetChinaDate(new DateOnly(2024, 5, 6));
        _d = await LedgerDesk.CreateAsync(_f);
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_unit_reads_its_own_tasks_reports_on_its_part_and_gets_problem_details_otherwise()
    {
        var plan = await _d.ImportAsync(_d.PlanMarkdown(2024));
        var onlyB = await _d.ImportAsync(_d.PlanMarkdown(2023).Replace(_d.A.Name, _d.B.Name));
        var (t2, parts) = await _d.TaskAsync(plan, "2");
        var a = await _f.LoginAsync(_d.EditorA);

        var plans = await a.GetFromJsonAsync<JsonElement>("/api/v1/admin/ledger/plans");
        var mine = Assert.Single(plans.EnumerateArray());
        Assert.Equal(plan, mine.GetProperty("id").GetInt32());
        Assert.Equal(2, mine.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/admin/ledger/plans/{onlyB}")).StatusCode);

        var view = await a.GetFromJsonAsync<JsonElement>($"/api/v1/admin/ledger/plans/{plan}");
        Assert.Equal(["1", "2"], view.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("number").GetString()));
        Assert.Equal("2024-12-31", view.GetProperty("tasks")[0].GetProperty("deadline").GetString());
        var bad = await a.GetAsync($"/api/v1/admin/ledger/plans/{plan}?status=Finished");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        // B's part is not a target A may act on; an empty report is refused field by field, in Chinese.
        var other = await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.B.Id]}/reports", new { text = "代报", markDone = false });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var empty = await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/reports", new { text = " ", markDone = true });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写完成情况", await empty.Content.ReadAsStringAsync());
        var badLink = await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/reports", new { text = "进展", links = new[] { "javascript:alert(1)" } });
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
        var tooMany = await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/reports", new { text = "进展", documentIds = Enumerable.Range(1, 21) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("每次最多关联20份文件", await tooMany.Content.ReadAsStringAsync());
        var ok = await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/reports", new { text = "已完成首批解读", markDone = true });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // A unit cannot verify; the office can, and the task's status follows.
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/verification", new { pass = true })).StatusCode);
        var office = await _f.LoginAsync(_d.OfficeUser);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/admin/ledger/assignments/{parts[_d.A.Id]}/verification", new { pass = true })).StatusCode);
        var after = await office.GetFromJsonAsync<JsonElement>($"/api/v1/admin/ledger/plans/{plan}");
        var task2 = after.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == t2);
        Assert.Equal("InProgress", task2.GetProperty("status").GetString()); // B has not finished
        Assert.Equal("Done", task2.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == _d.A.Id).GetProperty("status").GetString());
    }
}
