using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Calendar;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Calendar;

namespace Zwgk.Tests.Calendar;

/// <summary>The working-day calendar: office edits change deadlines, only the 公开办/platform administrators edit, every edit is audited.</summary>
public abstract class CalendarTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;

    public ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _ = _f.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<string> DueAsync(HttpClient c, string from, int days = 20) =>
        (await JsonAsync(await c.GetAsync($"/api/v1/calendar/deadline?from={from}&days={days}"))).GetProperty("due").GetString()!;

    [Fact]
    public async Task An_office_edit_changes_computed_deadlines_and_is_audited()
    {
        var unit = await _f.CreateUnitAsync("区政府办公室");
        var office = await _f.LoginAsync(unit.Id, Roles.OpennessOffice);
        var anyone = _f.CreateClient();
        Assert.Equal("2024-10-09", await DueAsync(anyone, "2024-09-04"));

        var put = await office.PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-08", new { kind = "Holiday", name = "国庆节", note = "测试：假设延长一天" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // Public API and the service others use both see the edit at once.
        Assert.Equal("2024-10-10", await DueAsync(anyone, "2024-09-04"));
        var cal = await _f.WithScopeAsync(sp => sp.GetRequiredService<CalendarService>().GetAsync());
        Assert.Equal(new DateOnly(2024, 10, 10), cal.AddWorkingDays(new DateOnly(2024, 9, 4), 20));
        Assert.Equal("国庆节", cal.NameOf(new DateOnly(2024, 10, 8)));

        var entries = new List<Zwgk.Domain.Audit.AuditEntry>();
        await _f.WithDbAsync(async db => entries = await db.AuditEntries.Where(e => e.EntityType == "CalendarDay").ToListAsync());
        var set = Assert.Single(entries);
        Assert.Equal("calendar.day.set", set.Action);
        Assert.Equal("2024-10-08", set.EntityId);
        Assert.Contains("工作日", set.Summary);
        Assert.Contains("节假日（国庆节）", set.Summary);
        Assert.Contains("假设延长一天", set.Summary);
        CalendarDayOverride? row = null;
        await _f.WithDbAsync(async db => row = await db.CalendarDayOverrides.SingleAsync());
        Assert.Equal("测试用户", row!.ChangedBy);
        Assert.Equal(_f.Clock.GetUtcNow(), row.ChangedAt);

        // Cancelling a shipped holiday: 2024-10-07 back to a plain Monday.
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-07", new { kind = "Plain", note = "测试" })).StatusCode);
        Assert.Equal("2024-10-09", await DueAsync(anyone, "2024-09-04"));

        // Removing both edits restores the State Council arrangement.
        Assert.Equal(HttpStatusCode.OK, (await office.DeleteAsync("/api/v1/admin/calendar/days/2024-10-08")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.DeleteAsync("/api/v1/admin/calendar/days/2024-10-07")).StatusCode);
        Assert.Equal("2024-10-09", await DueAsync(anyone, "2024-09-04"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync("/api/v1/admin/calendar/days/2024-10-07")).StatusCode);
        var actions = new List<string>();
        await _f.WithDbAsync(async db => actions = await db.AuditEntries.Where(e => e.EntityType == "CalendarDay").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["calendar.day.set", "calendar.day.set", "calendar.day.remove", "calendar.day.remove"], actions);

        // A 调休 working day must be a weekend day.
        var bad = await office.PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-08", new { kind = "MakeUpWorkday", name = "国庆节" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("周六或周日", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_editor_reads_the_calendar_but_cannot_edit_it()
    {
        var unit = await _f.CreateUnitAsync("区水务局");
        var editor = await _f.LoginAsync(unit.Id, Roles.Editor);
        var unitAdmin = await _f.LoginAsync(unit.Id, Roles.UnitAdmin);

        var put = await editor.PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-08", new { kind = "Holiday", name = "国庆节" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unitAdmin.PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-08", new { kind = "Holiday", name = "国庆节" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/v1/admin/calendar/2027/import", new { text = "2027-01-01 假 元旦" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync("/api/v1/admin/calendar/days/2024-10-08")).StatusCode);

        // The page is readable, without the forms; posting to it anyway is refused.
        var page = await editor.GetStringAsync("/admin/calendar?year=2024");
        Assert.Contains("国务院办公厅关于2024年部分节假日安排的通知", page);
        Assert.Contains("调休上班", page);
        Assert.DoesNotContain("修改某一天", page);
        var post = await Forms.PostAsync(editor, "/admin/calendar?year=2024", "/admin/calendar?handler=Set&year=2024",
            [new("Day.Date", "2024-10-08"), new("Day.Kind", "Holiday"), new("Day.Name", "国庆节")]);
        // Pages answer a refusal with the access-denied page (the API above answers 403).
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/admin/denied", post.Headers.Location!.OriginalString);

        var rows = -1;
        await _f.WithDbAsync(async db => rows = await db.CalendarDayOverrides.CountAsync());
        Assert.Equal(0, rows);
        Assert.Equal("2024-10-09", await DueAsync(editor, "2024-09-04"));
        // Not signed in: no admin API at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _f.CreateClient().PutAsJsonAsync("/api/v1/admin/calendar/days/2024-10-08", new { kind = "Holiday", name = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_office_imports_a_new_year_on_the_admin_page()
    {
        var unit = await _f.CreateUnitAsync("区政府办公室");
        var office = await _f.LoginAsync(unit.Id, Roles.OpennessOffice);
        var anyone = _f.CreateClient();
        var before = await JsonAsync(await anyone.GetAsync("/api/v1/calendar/2027"));
        Assert.False(before.GetProperty("covered").GetBoolean());
        Assert.False((await JsonAsync(await anyone.GetAsync("/api/v1/calendar/deadline?from=2026-12-30&days=20"))).GetProperty("covered").GetBoolean());
        Assert.Equal("2027-01-27", await DueAsync(anyone, "2026-12-30"));

        var page = await office.GetStringAsync("/admin/calendar?year=2027");
        Assert.Contains("导入2027年安排", page);
        var text = "2027-01-01~2027-01-03 假 元旦\n2027-01-04 假 元旦\n2027-01-10 班 元旦";
        var post = await Forms.PostAsync(office, "/admin/calendar?year=2027", "/admin/calendar?handler=Import&year=2027",
            [new("Import.Text", text), new("Import.Notice", "国办发明电〔2026〕测试号")]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);

        var after = await JsonAsync(await anyone.GetAsync("/api/v1/calendar/2027"));
        Assert.True(after.GetProperty("covered").GetBoolean());
        var days = after.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(5, days.Count);
        Assert.Equal("MakeUpWorkday", days[^1].GetProperty("kind").GetString());
        Assert.Equal("2027-01-10", days[^1].GetProperty("date").GetString());
        // 2026-12-30 + 20: 1/1–1/4 off (1/2, 1/3 were a weekend anyway; 1/4 a Monday), Sunday 1/10 counted.
        var d = await JsonAsync(await anyone.GetAsync("/api/v1/calendar/deadline?from=2026-12-30&days=20"));
        Assert.Equal("2027-01-28", d.GetProperty("due").GetString());
        Assert.True(d.GetProperty("covered").GetBoolean());
        Assert.Contains(d.GetProperty("specialDays").EnumerateArray(), s => s.GetProperty("date").GetString() == "2027-01-10" && s.GetProperty("counted").GetBoolean());
        Assert.Contains(d.GetProperty("specialDays").EnumerateArray(), s => s.GetProperty("date").GetString() == "2027-01-04" && s.GetProperty("name").GetString() == "元旦");

        string? summary = null;
        await _f.WithDbAsync(async db => summary = await db.AuditEntries.Where(e => e.Action == "calendar.year.import").Select(e => e.Summary).SingleAsync());
        Assert.Contains("放假4天，调休上班1天", summary);

        // A bad line is reported with its number and nothing is stored; shipped years are not imported over.
        var bad = await office.PostAsJsonAsync("/api/v1/admin/calendar/2027/import", new { text = "2027-01-01 假 元旦\n2027-01-05 班 元旦" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第2行", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/v1/admin/calendar/2024/import", new { text = "2024-01-01 假 元旦" })).StatusCode);
        // A re-import replaces the year.
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync("/api/v1/admin/calendar/2027/import", new { text = "2027-01-01 假 元旦" })).StatusCode);
        Assert.Single((await JsonAsync(await anyone.GetAsync("/api/v1/calendar/2027"))).GetProperty("days").EnumerateArray());
    }

    [Fact]
    public async Task The_public_api_answers()
    {
        var c = _f.CreateClient();
        var y = await JsonAsync(await c.GetAsync("/api/v1/calendar/2024"));
        Assert.True(y.GetProperty("covered").GetBoolean());
        Assert.Contains("国办发明电〔2023〕7号", y.GetProperty("source").GetString());
        var days = y.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(28, days.Count(d => d.GetProperty("kind").GetString() == "Holiday"));
        Assert.Equal(8, days.Count(d => d.GetProperty("kind").GetString() == "MakeUpWorkday"));
        var apr28 = days.Single(d => d.GetProperty("date").GetString() == "2024-04-28");
        Assert.Equal("调休上班", apr28.GetProperty("kindLabel").GetString());
        Assert.Equal("劳动节", apr28.GetProperty("name").GetString());

        var d = await JsonAsync(await c.GetAsync("/api/v1/calendar/deadline?from=2024-04-01&days=20"));
        Assert.Equal("2024-04-29", d.GetProperty("due").GetString());
        Assert.Equal(20, d.GetProperty("workingDays").GetInt32());
        var counted = d.GetProperty("specialDays").EnumerateArray().Where(s => s.GetProperty("counted").GetBoolean()).Select(s => s.GetProperty("date").GetString()).ToList();
        Assert.Equal(["2024-04-07", "2024-04-28"], counted);
        Assert.Equal("2024-02-06", await DueAsync(c, "2024-01-10"));
        // days defaults to 20 (条例第三十三条).
        Assert.Equal("2024-10-09", (await JsonAsync(await c.GetAsync("/api/v1/calendar/deadline?from=2024-09-04"))).GetProperty("due").GetString());

        foreach (var q in new[] { "from=2024-13-01", "from=2024-09-04&days=0", "from=2024-09-04&days=201", "days=20", "from=x" })
        {
            var r = await c.GetAsync("/api/v1/calendar/deadline?" + q);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("参数有误", await r.Content.ReadAsStringAsync());
        }
    }
}

public sealed class SqliteCalendarTests() : CalendarTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCalendarTests() : CalendarTests(DatabaseProvider.Postgres);
