using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Interaction.Messages;
using Zwgk.Tests.SearchIndexing;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Concerns;

/// <summary>
/// 回应关切 on a moving clock: clock-hour deadlines from the API, statuses and reminders, statistics, unit scoping (404),
/// document links (only published public documents), the portal's /hygz (only public concerns). SQLite and PostgreSQL.
/// </summary>
public abstract class ConcernTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private MessageDesk _d = null!;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static DateTimeOffset Cn(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Clock.SetChinaDate(new DateOnly(2026, 3, 2)); // Monday 10:00
        _d = await MessageDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    /// <summary>Moves the clock to a China time and signs everyone in again (the move may outlast the idle timeout).</summary>
    private async Task AtAsync(DateTimeOffset at)
    {
        _f.Clock.Advance(at - _f.Clock.GetUtcNow());
        foreach (var (k, u) in _d.Users) _d.Clients[k] = await _f.LoginAsync(u);
    }

    private async Task<JsonElement> RegisterAsync(string discoveredAt, string level = "一般", string? unit = null, string topic = "菜市场价格上涨", HttpClient? as_ = null,
        HttpStatusCode expected = HttpStatusCode.Created) =>
        await MessageDesk.JsonAsync(await (as_ ?? _d.Office).PostAsJsonAsync("/api/v1/admin/concerns", new
        {
            source = "网络舆情", level, topic, summary = "网民关注辖区菜市场蔬菜价格上涨", field = "市场监管", unit = unit ?? _d.A.Code, discoveredAt,
            sourceUrl = "https://example.org/post/1",
        }), expected);

    private Task<HttpResponseMessage> RespondAsync(int id, string method, string at, HttpClient? as_ = null, int? documentId = null, string? url = null) =>
        (as_ ?? _d.OfficerA).PostAsJsonAsync($"/api/v1/admin/concerns/{id}/responses", new { method, respondedAt = at, summary = "发布情况说明", documentId, url, publisher = "区市场监管局" });

    private static async Task<JsonElement[]> RemindersAsync(HttpClient c) =>
        (await MessageDesk.JsonAsync(await c.GetAsync("/api/v1/admin/concerns/reminders"))).EnumerateArray().ToArray();

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDateTimeOffset();

    [Fact]
    public async Task Api_registers_with_clock_hour_deadlines_and_refuses_bad_input_in_Chinese()
    {
        var major = await RegisterAsync("2026-03-02T09:00", level: "重大");
        Assert.True(major.GetProperty("id").GetInt32() > 0);
        Assert.Equal(Cn(3, 2, 14), Time(major, "infoDueAt"));
        Assert.Equal(Cn(3, 3, 9), Time(major, "pressDueAt"));
        Assert.Null(Time(major, "responseDueAt"));
        var stored = await _d.DbAsync(db => db.PublicConcerns.AsNoTracking().SingleAsync(c => c.Id == major.GetProperty("id").GetInt32()));
        Assert.Equal(Cn(3, 2, 9), stored.DiscoveredAt);
        Assert.Equal(_d.A.Id, stored.UnitId);
        Assert.False(stored.IsPublic);

        // Over a weekend it is still clock hours: found Friday 17:30, due Sunday 17:30.
        await AtAsync(Cn(3, 7, 10));
        var general = await RegisterAsync("2026-03-06T17:30:00+08:00");
        Assert.Equal(Cn(3, 8, 17, 30), Time(general, "responseDueAt"));
        Assert.Null(Time(general, "infoDueAt"));

        var bad = await MessageDesk.JsonAsync(await _d.Office.PostAsJsonAsync("/api/v1/admin/concerns", new
        {
            source = "微博", level = "很大", topic = "", summary = "内容", unit = "不存在的局", discoveredAt = "昨天", sourceUrl = "javascript:alert(1)",
        }), HttpStatusCode.BadRequest);
        Assert.Equal("提交的内容有误", bad.GetProperty("title").GetString());
        foreach (var key in new[] { "source", "level", "topic", "unit", "discoveredAt", "sourceUrl" }) Assert.True(bad.GetProperty("errors").TryGetProperty(key, out _), key);
        var future = await RegisterAsync("2026-03-08T10:00", expected: HttpStatusCode.BadRequest);
        Assert.Contains("不能晚于当前时间", future.GetProperty("errors").GetProperty("discoveredAt")[0].GetString());

        // A unit registers only for itself; no sign-in is 401.
        var other = await RegisterAsync("2026-03-07T08:00", unit: _d.B.Code, as_: _d.OfficerA, expected: HttpStatusCode.BadRequest);
        Assert.True(other.GetProperty("errors").TryGetProperty("unit", out _));
        await RegisterAsync("2026-03-07T08:00", unit: _d.A.Code, as_: _d.OfficerA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _d.Anonymous().PostAsJsonAsync("/api/v1/admin/concerns", new { topic = "x" })).StatusCode);

        // A monitoring system registers with a bearer token issued for the 公开办.
        var issued = await _f.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Web.Features.Security.ApiTokens.ApiTokenService>()
            .IssueAsync(new Zwgk.Web.Features.Security.ApiTokens.ApiTokenRequest("舆情监测系统", Zwgk.Domain.Security.Roles.OpennessOffice, _d.Users["office"].UnitId, null)));
        Assert.True(issued.Value is not null, issued.Error);
        var monitor = _f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        monitor.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.Value!.Token);
        var fromMonitor = await RegisterAsync("2026-03-07T09:15", level: "一般", unit: _d.B.Name, as_: monitor);
        Assert.Equal(Cn(3, 9, 9, 15), Time(fromMonitor, "responseDueAt"));
    }

    [Fact]
    public async Task Statuses_reminders_and_statistics_follow_the_clock()
    {
        var general = (await RegisterAsync("2026-03-02T09:00", topic: "菜价上涨")).GetProperty("id").GetInt32();
        var major = (await RegisterAsync("2026-03-02T09:30", level: "重大", topic: "在建项目停工")).GetProperty("id").GetInt32();
        Assert.Empty(await RemindersAsync(_d.OfficerA));

        // 13:30: an hour left of the 5-hour milestone (due soon from 13:15).
        await AtAsync(Cn(3, 2, 13, 30));
        var soon = Assert.Single(await RemindersAsync(_d.OfficerA));
        Assert.Equal(major, soon.GetProperty("id").GetInt32());
        Assert.False(soon.GetProperty("overdue").GetBoolean());
        Assert.Equal("发布权威信息", soon.GetProperty("milestone").GetString());
        Assert.Single(await RemindersAsync(_d.Office));
        Assert.Empty(await RemindersAsync(_d.OfficerB));

        await MessageDesk.JsonAsync(await RespondAsync(major, "发布权威信息", "2026-03-02T13:20"));
        Assert.Empty(await RemindersAsync(_d.OfficerA));

        // Next day 10:00: no press conference within 24 hours.
        await AtAsync(Cn(3, 3, 10));
        var late = Assert.Single(await RemindersAsync(_d.OfficerA));
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal("举行新闻发布会", late.GetProperty("milestone").GetString());
        var home = WebUtility.HtmlDecode(await _d.OfficerA.GetStringAsync("/admin"));
        Assert.Contains("回应关切提醒", home);
        Assert.Contains($"舆情 #{major}", home);
        Assert.Contains("已超时", home);
        Assert.DoesNotContain("回应关切提醒", WebUtility.HtmlDecode(await (await _f.LoginAsync(_d.B.Id, Zwgk.Domain.Security.Roles.Editor)).GetStringAsync("/admin")));

        var list = await MessageDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/concerns"));
        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(major, items[0].GetProperty("id").GetInt32()); // overdue first
        Assert.Equal("已超时", items[0].GetProperty("status").GetString());
        Assert.Equal("待回应", items.Single(i => i.GetProperty("id").GetInt32() == general).GetProperty("status").GetString());
        var overdue = await MessageDesk.JsonAsync(await _d.Office.GetAsync("/api/v1/admin/concerns?status=Overdue"));
        Assert.Equal(major, Assert.Single(overdue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());

        await MessageDesk.JsonAsync(await RespondAsync(major, "新闻发布会", "2026-03-03T10:00"));
        await MessageDesk.JsonAsync(await RespondAsync(general, "网站回应", "2026-03-03T10:00"));
        var details = await MessageDesk.JsonAsync(await _d.OfficerA.GetAsync($"/api/v1/admin/concerns/{major}"));
        Assert.Equal("超时回应", details.GetProperty("status").GetString());
        Assert.Equal(["按时回应", "超时回应"], details.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("status").GetString()));
        Assert.Equal("按时回应", (await MessageDesk.JsonAsync(await _d.OfficerA.GetAsync($"/api/v1/admin/concerns/{general}"))).GetProperty("status").GetString());
        Assert.Empty(await RemindersAsync(_d.OfficerA));

        // A response in the future or before the discovery is refused.
        await MessageDesk.JsonAsync(await RespondAsync(general, "网站回应", "2026-03-04T10:00"), HttpStatusCode.BadRequest);
        await MessageDesk.JsonAsync(await RespondAsync(general, "网站回应", "2026-03-01T10:00"), HttpStatusCode.BadRequest);

        var stats = WebUtility.HtmlDecode(await _d.Office.GetStringAsync("/admin/concerns/stats?From=2026-03-01&To=2026-03-31"));
        // Unit A: 2 found, 2 responded, 1 on time, 1 late, 0 overdue, 0 waiting; first responses after 25 h and 3 h 50 min: 14.4 h on average.
        Assert.Contains($"<th scope=\"row\">{_d.A.Name}</th><td>2</td><td>2</td><td>1</td><td>1</td><td>0</td><td>0</td><td>14.4</td>", stats);

        // Closing needs a note; then no more responses.
        var noNote = await _d.OfficerA.PostAsJsonAsync($"/api/v1/admin/concerns/{major}/close", new { note = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        await MessageDesk.JsonAsync(await _d.OfficerA.PostAsJsonAsync($"/api/v1/admin/concerns/{major}/close", new { note = "项目已复工" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RespondAsync(major, "网站回应", "2026-03-03T10:00")).StatusCode);
        var audit = await _d.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "PublicConcern" && a.EntityId == major.ToString(CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["concern.close", "concern.create", "concern.respond"], audit.Distinct().Order());
    }

    [Fact]
    public async Task Another_units_concern_answers_like_a_missing_one_and_drafts_cannot_be_linked()
    {
        var id = (await RegisterAsync("2026-03-02T09:00")).GetProperty("id").GetInt32();
        foreach (var target in new[] { id, 999_999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerB.GetAsync($"/admin/concerns/{target}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _d.OfficerB.GetAsync($"/admin/concerns/edit/{target}")).StatusCode);
            var api = await MessageDesk.JsonAsync(await _d.OfficerB.GetAsync($"/api/v1/admin/concerns/{target}"), HttpStatusCode.NotFound);
            Assert.Equal("记录不存在", api.GetProperty("title").GetString());
            var post = await MessageDesk.JsonAsync(await RespondAsync(target, "网站回应", "2026-03-02T09:30", _d.OfficerB), HttpStatusCode.NotFound);
            Assert.Equal("记录不存在或无权访问", post.GetProperty("detail").GetString());
        }
        Assert.DoesNotContain("菜市场价格上涨", await _d.OfficerB.GetStringAsync("/admin/concerns"));
        Assert.Contains("菜市场价格上涨", await _d.OfficerA.GetStringAsync("/admin/concerns"));
        Assert.Equal(HttpStatusCode.OK, (await _d.Office.GetAsync($"/admin/concerns/{id}")).StatusCode);
        // The platform administrator looks but does not act.
        Assert.Equal(HttpStatusCode.Forbidden, (await RespondAsync(id, "网站回应", "2026-03-02T09:30", _d.Platform)).StatusCode);

        var draft = await SearchIndexingTests.AddDocumentAsync(_f, _d.A.Id, "市场监管局草稿", DocumentStatus.Draft);
        var exempt = await SearchIndexingTests.AddDocumentAsync(_f, _d.A.Id, "不予公开文件", disclosure: DisclosureAttribute.Withheld);
        var published = await SearchIndexingTests.AddDocumentAsync(_f, _d.A.Id, "关于开展价格专项检查的通告");
        foreach (var doc in new[] { draft, exempt, 999_999 })
        {
            var refused = await MessageDesk.JsonAsync(await RespondAsync(id, "网站回应", "2026-03-02T09:30", documentId: doc), HttpStatusCode.BadRequest);
            Assert.Equal($"文件 {doc} 不存在或尚未主动公开", refused.GetProperty("errors").GetProperty("documentId")[0].GetString());
        }
        await MessageDesk.JsonAsync(await RespondAsync(id, "网站回应", "2026-03-02T09:30", documentId: published));
        var details = await MessageDesk.JsonAsync(await _d.OfficerA.GetAsync($"/api/v1/admin/concerns/{id}"));
        var response = Assert.Single(details.GetProperty("responses").EnumerateArray());
        Assert.Equal("关于开展价格专项检查的通告", response.GetProperty("documentTitle").GetString());
    }

    [Fact]
    public async Task Portal_shows_only_public_concerns_and_links_only_published_documents()
    {
        var shown = (await RegisterAsync("2026-03-02T08:00", topic: "超市标价不一致")).GetProperty("id").GetInt32();
        var hidden = (await RegisterAsync("2026-03-02T08:30", topic: "内部敏感舆情")).GetProperty("id").GetInt32();
        var doc = await SearchIndexingTests.AddDocumentAsync(_f, _d.A.Id, "关于规范明码标价的通告");
        await MessageDesk.JsonAsync(await RespondAsync(shown, "网站回应", "2026-03-02T09:00", documentId: doc));
        await MessageDesk.JsonAsync(await RespondAsync(shown, "政务新媒体回应", "2026-03-02T09:30", url: "https://example.org/wx/123"));
        await MessageDesk.JsonAsync(await RespondAsync(hidden, "网站回应", "2026-03-02T09:40"));

        // The officer cannot publish; the unit administrator can.
        Assert.Equal(HttpStatusCode.Forbidden, (await _d.OfficerA.PostAsJsonAsync($"/api/v1/admin/concerns/{shown}/public", new { @public = true })).StatusCode);
        await MessageDesk.JsonAsync(await _d.AdminA.PostAsJsonAsync($"/api/v1/admin/concerns/{shown}/public", new { @public = true }));

        var visitor = _d.Anonymous();
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync("/hygz"));
        Assert.Contains("超市标价不一致", page);
        Assert.DoesNotContain("内部敏感舆情", page);
        Assert.Contains($"href=\"/hygz/{shown}\"", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/hygz/{hidden}")).StatusCode);
        var detail = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/hygz/{shown}"));
        Assert.Contains($"href=\"/doc/{doc}\"", detail);
        Assert.Contains("关于规范明码标价的通告", detail);
        Assert.Contains("href=\"https://example.org/wx/123\"", detail);
        Assert.Contains("政务新媒体回应", detail);

        var api = await MessageDesk.JsonAsync(await visitor.GetAsync("/api/v1/concerns"));
        Assert.Equal(1, api.GetProperty("total").GetInt32());
        var item = api.GetProperty("items")[0];
        Assert.Equal("超市标价不一致", item.GetProperty("topic").GetString());
        Assert.Equal($"/doc/{doc}", item.GetProperty("responses")[0].GetProperty("link").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/concerns/{hidden}")).StatusCode);

        // A withdrawn document loses its link; the response stays.
        await _d.DbAsync(db => db.Documents.Where(d => d.Id == doc).ExecuteUpdateAsync(x => x.SetProperty(d => d.Status, DocumentStatus.Withdrawn)));
        var after = WebUtility.HtmlDecode(await _d.Anonymous().GetStringAsync($"/api/v1/concerns/{shown}"));
        Assert.DoesNotContain($"/doc/{doc}", after);
        Assert.DoesNotContain("关于规范明码标价的通告", after);
        Assert.Contains("发布情况说明", after);

        Assert.Contains("href=\"/hygz\"", await visitor.GetStringAsync("/hdjl"));

        // Withdrawing it from the site evicts the cached portal pages at once.
        await MessageDesk.JsonAsync(await _d.AdminA.PostAsJsonAsync($"/api/v1/admin/concerns/{shown}/public", new { @public = false }));
        Assert.DoesNotContain("超市标价不一致", WebUtility.HtmlDecode(await _d.Anonymous().GetStringAsync("/hygz")));
        Assert.Equal(HttpStatusCode.NotFound, (await _d.Anonymous().GetAsync($"/hygz/{shown}")).StatusCode);
        await MessageDesk.JsonAsync(await _d.AdminA.PostAsJsonAsync($"/api/v1/admin/concerns/{shown}/public", new { @public = true }));

        // The shared sensitive-word screen warns staff before they decide to publish.
        await _d.DbAsync(db => db.PublicConcerns.Where(c => c.Id == hidden).ExecuteUpdateAsync(x => x.SetProperty(c => c.Summary, "网传有人代开发票")));
        Assert.Contains("内容筛查提示", await _d.AdminA.GetStringAsync($"/admin/concerns/{hidden}"));
        Assert.DoesNotContain("内容筛查提示", await _d.AdminA.GetStringAsync($"/admin/concerns/{shown}"));
        // Personal data in the text is pointed out too.
        Assert.DoesNotContain("个人信息提示", await _d.AdminA.GetStringAsync($"/admin/concerns/{shown}"));
        await _d.DbAsync(db => db.PublicConcerns.Where(c => c.Id == hidden).ExecuteUpdateAsync(x => x.SetProperty(c => c.Summary, "网民王某（13912345678，wang@example.com）反映")));
        var withPhone = WebUtility.HtmlDecode(await _d.AdminA.GetStringAsync($"/admin/concerns/{hidden}"));
        Assert.Contains("个人信息提示：舆情内容或回应中含有手机号码、电子邮箱", withPhone);
    }

    [Fact]
    public async Task Staff_register_and_edit_through_the_admin_form()
    {
        var created = await Forms.PostAsync(_d.Office, "/admin/concerns/edit", "/admin/concerns/edit", [
            new("Input.Level", "Major"), new("Input.Source", "MediaReport"), new("Input.Topic", "燃气管道泄漏"), new("Input.Summary", "媒体报道某小区燃气泄漏"),
            new("Input.Field", "安全生产"), new("Input.Unit", _d.B.Id.ToString(CultureInfo.InvariantCulture)), new("Input.DiscoveredAt", "2026-03-02T08:15")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var c = await _d.DbAsync(db => db.PublicConcerns.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(Zwgk.Domain.Concerns.ConcernLevel.Major, c.Level);
        Assert.Equal(_d.B.Id, c.UnitId);
        Assert.Equal(Cn(3, 2, 8, 15), c.DiscoveredAt);
        var page = WebUtility.HtmlDecode(await _d.OfficerB.GetStringAsync($"/admin/concerns/{id}"));
        Assert.Contains("2026-03-02 13:15", page); // 5 hours
        Assert.Contains("2026-03-03 08:15", page); // 24 hours

        // The unit's own officer edits; a unit field in the form is ignored (only the 公开办 assigns).
        var edited = await Forms.PostAsync(_d.OfficerB, $"/admin/concerns/edit/{id}", $"/admin/concerns/edit/{id}", [
            new("Input.Level", "General"), new("Input.Source", "MediaReport"), new("Input.Topic", "燃气管道泄漏（已核实）"), new("Input.Summary", "媒体报道某小区燃气泄漏"),
            new("Input.Unit", _d.A.Id.ToString(CultureInfo.InvariantCulture)), new("Input.DiscoveredAt", "2026-03-02T09:45")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        c = await _d.DbAsync(db => db.PublicConcerns.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(_d.B.Id, c.UnitId);
        Assert.Equal("燃气管道泄漏（已核实）", c.Topic);
        // Level and discovery time drive the 5h/24h clocks: the unit's edit keeps the stored ones; only the 公开办 changes them.
        Assert.Contains("id=\"concern-clock-locked\"", await _d.OfficerB.GetStringAsync($"/admin/concerns/edit/{id}"));
        Assert.DoesNotContain("id=\"concern-clock-locked\"", await _d.Office.GetStringAsync($"/admin/concerns/edit/{id}"));
        Assert.Equal(Zwgk.Domain.Concerns.ConcernLevel.Major, c.Level);
        Assert.Equal(Cn(3, 2, 8, 15), c.DiscoveredAt);
        var byOffice = await Forms.PostAsync(_d.Office, $"/admin/concerns/edit/{id}", $"/admin/concerns/edit/{id}", [
            new("Input.Level", "General"), new("Input.Source", "MediaReport"), new("Input.Topic", "燃气管道泄漏（已核实）"), new("Input.Summary", "媒体报道某小区燃气泄漏"),
            new("Input.Unit", _d.B.Id.ToString(CultureInfo.InvariantCulture)), new("Input.DiscoveredAt", "2026-03-02T08:15")]);
        Assert.Equal(HttpStatusCode.Redirect, byOffice.StatusCode);
        c = await _d.DbAsync(db => db.PublicConcerns.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(Zwgk.Domain.Concerns.ConcernLevel.General, c.Level);
        var audits = await _d.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "concern.update" && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audits.Count);
        static bool Changed(Zwgk.Domain.Audit.AuditEntry a, string field) => a.Changes is { } j && JsonDocument.Parse(j).RootElement.TryGetProperty(field, out _);
        Assert.True(Changed(audits[0], "主题"));
        Assert.False(Changed(audits[0], "等级"));
        Assert.True(Changed(audits[1], "等级"));
        Assert.Contains("等级", audits[1].Summary);
        Assert.Single(await _d.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "concern.create" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync()));

        var invalid = await Forms.PostAsync(_d.Office, "/admin/concerns/edit", "/admin/concerns/edit", [new("Input.Topic", "")]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("请填写舆情主题", html);
        Assert.Contains("请选择责任单位", html);
    }
}

public sealed class SqliteConcernTests() : ConcernTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConcernTests() : ConcernTests(DatabaseProvider.Postgres);
