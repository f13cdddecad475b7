using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Interaction.Events;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Tests.Interaction.Events;

/// <summary>
/// Open-day bookings on both databases: full days refuse (no waitlist), the last place booked twice at once goes to one
/// person only, one booking per phone, the clock closes registration, cancelling with the 查询码 frees the places, and the
/// check-in list is for the owning unit's handlers and the 公开办 only, audited.
/// </summary>
public abstract partial class OpenDayTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private EventDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _d = await EventDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private Task<(ServiceResult Result, string? Code)> RegisterAsync(int id, string name, string phone, int size = 1) =>
        _f.WithScopeAsync(sp => sp.GetRequiredService<OpenDayService>().RegisterAsync(id, name, phone, size, CancellationToken.None));

    private Task<OpenDay> DayAsync(int id) => _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().OpenDays.AsNoTracking().SingleAsync(d => d.Id == id));

    [GeneratedRegex(@"id=""query-code""[^>]*>([A-Z0-9-]+)<")]
    private static partial Regex CodeOnPage();

    [Fact]
    public async Task A_booking_over_the_form_shows_the_code_once_and_a_full_day_refuses()
    {
        var id = await OpenDayAsync(capacity: 3);
        var citizen = _d.Anonymous();
        var posted = await EventDesk.PostAsync(citizen, $"/hdjl/kfr/{id}", $"/hdjl/kfr/{id}", ("Input.Name", "张三"), ("Input.Phone", "13812345678"), ("Input.PartySize", "2"));
        var done = await EventDesk.FollowAsync(citizen, posted);
        Assert.Contains("报名成功", done);
        Assert.Matches(CodeOnPage(), done);
        // Shown once only.
        Assert.DoesNotContain("id=\"query-code\"", await citizen.GetStringAsync("/hdjl/kfr/done"));
        Assert.Equal(1, (await DayAsync(id)).PlacesLeft);

        var tooMany = await EventDesk.PostAsync(citizen, $"/hdjl/kfr/{id}", $"/hdjl/kfr/{id}", ("Input.Name", "李四"), ("Input.Phone", "13900001111"), ("Input.PartySize", "2"));
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("剩余名额不足，目前还剩1个", await tooMany.Content.ReadAsStringAsync());
        Assert.True((await RegisterAsync(id, "李四", "13900001111")).Result.Ok);
        var full = await RegisterAsync(id, "王五", "13900002222");
        Assert.Equal("名额已满，报名已停止", full.Result.Message);
        Assert.Contains("名额已满", await citizen.GetStringAsync($"/hdjl/kfr/{id}"));
        await _f.WithDbAsync(async db => Assert.Equal(2, await db.OpenDayRegistrations.CountAsync(r => r.OpenDayId == id)));
    }

    private Task<int> OpenDayAsync(int capacity) => _d.OpenDayAsync(capacity);

    [Fact]
    public async Task Concurrent_bookings_of_the_last_places_never_overbook()
    {
        var id = await OpenDayAsync(capacity: 3);
        Assert.True((await RegisterAsync(id, "先来的人", "13700000000")).Result.Ok);
        // Eight people at once for the two places left.
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            start.Wait();
            return await RegisterAsync(id, $"访客{n}", $"1390000{n:D4}");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);
        Assert.Equal(2, results.Count(r => r.Result.Ok));
        Assert.All(results.Where(r => !r.Result.Ok), r => Assert.Contains(r.Result.Message, new[] { "名额已满，报名已停止", "剩余名额不足，目前还剩0个", "报名人数较多，请稍后再试" }));
        var day = await DayAsync(id);
        Assert.Equal(3, day.Taken);
        await _f.WithDbAsync(async db => Assert.Equal(3, await db.OpenDayRegistrations.Where(r => r.OpenDayId == id && r.Status == RegistrationStatus.Registered).SumAsync(r => r.PartySize)));
    }

    [Fact]
    public async Task One_booking_per_phone_and_the_clock_closes_registration()
    {
        var id = await OpenDayAsync(capacity: 20);
        Assert.True((await RegisterAsync(id, "张三", "13812345678")).Result.Ok);
        var again = await RegisterAsync(id, "张三的家人", "138 1234 5678");
        Assert.False(again.Result.Ok);
        Assert.StartsWith("该手机号码已报名本次活动", again.Result.Message);
        Assert.Equal("请填写正确的手机或固定电话号码", (await RegisterAsync(id, "李四", "12345")).Result.Message);
        Assert.Equal("每次报名人数为1到3人", (await RegisterAsync(id, "李四", "13900001111", size: 4)).Result.Message);

        _f.Clock.Advance(TimeSpan.FromDays(9));
        var late = await RegisterAsync(id, "赵六", "13600001111");
        Assert.Equal("报名已截止", late.Result.Message);
        Assert.Contains("报名已截止", await _d.Anonymous().GetStringAsync($"/hdjl/kfr/{id}"));
        Assert.Equal(1, (await DayAsync(id)).Taken);
    }

    [Fact]
    public async Task Cancelling_with_the_code_frees_the_places_for_the_next_person()
    {
        var id = await OpenDayAsync(capacity: 2);
        var (ok, code) = await RegisterAsync(id, "张三", "13812345678", size: 2);
        Assert.True(ok.Ok);
        Assert.False((await RegisterAsync(id, "李四", "13900001111")).Result.Ok);

        var citizen = _d.Anonymous();
        var looked = await EventDesk.PostAsync(citizen, "/hdjl/kfr/query", "/hdjl/kfr/query", ("Code", code!.Replace("-", "").ToLowerInvariant()));
        var page = await looked.Content.ReadAsStringAsync();
        Assert.Contains("张*", page);
        Assert.Contains("138****5678", page);
        Assert.DoesNotContain("13812345678", page);
        Assert.Contains("已报名", page);

        var cancelled = await EventDesk.PostAsync(citizen, "/hdjl/kfr/query", "/hdjl/kfr/query?handler=Cancel", ("Code", code!));
        var after = await cancelled.Content.ReadAsStringAsync();
        Assert.Contains("报名已取消，名额已释放", after);
        Assert.Contains("已取消", after);
        Assert.Equal(2, (await DayAsync(id)).PlacesLeft);
        Assert.True((await RegisterAsync(id, "李四", "13900001111")).Result.Ok);
        // The same phone may book again once its booking is cancelled.
        Assert.True((await RegisterAsync(id, "张三", "13812345678")).Result.Ok);
        Assert.Equal(0, (await DayAsync(id)).PlacesLeft);

        var wrong = await EventDesk.PostAsync(citizen, "/hdjl/kfr/query", "/hdjl/kfr/query?handler=Cancel", ("Code", "2345-6789-ABCD"));
        Assert.Contains("没有找到与该查询码对应的报名", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_check_in_list_and_full_details_are_for_the_owning_units_handlers_and_the_office_only_and_audited()
    {
        var id = await OpenDayAsync(capacity: 10);
        await RegisterAsync(id, "张三", "13812345678", size: 2);
        var (r2, _) = await RegisterAsync(id, "=HYPERLINK(\"x\")", "13900001111");

        var editor = await _f.LoginAsync(_d.EditorA);
        var list = await editor.GetStringAsync($"/admin/opendays/{id}");
        Assert.Contains("138****5678", list);
        Assert.DoesNotContain("13812345678", list);
        Assert.DoesNotContain("checkin.csv", list);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/opendays/{id}/checkin.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/opendays/{id}/registrations/{r2.Id}")).StatusCode);

        var otherUnit = await _f.LoginAsync(_d.OfficerB);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/admin/opendays/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/admin/opendays/{id}/checkin.csv")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await _d.Anonymous().GetAsync($"/admin/opendays/{id}/checkin.csv")).StatusCode);

        var officer = await _f.LoginAsync(_d.OfficerA);
        var csv = await officer.GetAsync($"/admin/opendays/{id}/checkin.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("\"张三\",\"13812345678\",2", text);
        // A typed formula is neutralised.
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text);
        Assert.Contains("合计,,,,3", text);

        var detail = await officer.GetStringAsync($"/admin/opendays/{id}/registrations/{r2.Id}");
        Assert.Contains("13900001111", detail);
        var office = await _f.LoginAsync(_d.OfficeUser);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/admin/opendays/{id}/checkin.csv")).StatusCode);

        await _f.WithDbAsync(async db =>
        {
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "openday.export" && e.EntityId == id.ToString()));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "openday.registration.view" && e.EntityId == r2.Id.ToString()));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Summary.Contains("13812345678") || e.Summary.Contains("张三")));
        });

        // Staff cancel with a reason: audited, places freed.
        var cancel = await EventDesk.PostAsync(officer, $"/admin/opendays/{id}", $"/admin/opendays/{id}?handler=Cancel", ("registrationId", r2.Id!.Value.ToString()), ("reason", "本人来电取消"));
        Assert.Contains("报名已取消，名额已释放", await EventDesk.FollowAsync(officer, cancel));
        Assert.Equal(2, (await DayAsync(id)).Taken);
        await _f.WithDbAsync(async db => Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "openday.registration.cancel")));
    }
}

public sealed class SqliteOpenDayTests() : OpenDayTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOpenDayTests() : OpenDayTests(DatabaseProvider.Postgres);
