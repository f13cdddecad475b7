using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Interaction.Events;

namespace Zwgk.Tests.Interaction.Events;

/// <summary>
/// Online interviews end to end over HTTP: public questions wait for moderation and appear only selected and answered, with
/// the asker masked; questions are refused once the interview has ended; the live feed; another unit's interview is 404.
/// </summary>
public abstract class InterviewTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ZwgkFactory _f = new(provider);
    private EventDesk _d = null!;

    public async ValueTask InitializeAsync() => _d = await EventDesk.CreateAsync(_f);
    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private async Task<HttpResponseMessage> AskAsync(HttpClient client, int id, string content, string? name = null, string? phone = null) =>
        // The token comes from a page that always has a form: an ended interview shows none.
        await EventDesk.PostAsync(client, "/hdjl/kfr/query", $"/hdjl/ft/{id}", ("Input.Content", content), ("Input.Name", name ?? ""), ("Input.Phone", phone ?? ""));

    private static Task<HttpResponseMessage> StaffAsync(HttpClient staff, int id, string handler, params (string Key, string Value)[] fields) =>
        EventDesk.PostAsync(staff, $"/admin/interviews/{id}", $"/admin/interviews/{id}?handler={handler}", fields);

    private Task<int> QuestionIdAsync(int id, string content) =>
        _f.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().InterviewQuestions.Where(q => q.InterviewId == id && q.Content == content).Select(q => q.Id).SingleAsync());

    [Fact]
    public async Task Unmoderated_questions_never_show_and_answered_ones_show_with_the_asker_masked()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromHours(1));
        var citizen = _d.Anonymous();
        var posted = await AskAsync(citizen, id, "今年学区划分有没有调整？", "张三丰", "13812345678");
        Assert.Contains("提问已提交", await EventDesk.FollowAsync(citizen, posted));
        await AskAsync(citizen, id, "代开发票，联系微信", "李四");
        await AskAsync(citizen, id, "随迁子女入学需要哪些材料？");

        var page = await citizen.GetStringAsync($"/hdjl/ft/{id}");
        Assert.DoesNotContain("学区划分", page);
        Assert.DoesNotContain("随迁子女", page);

        // The sensitive-word screen flags the advert for the moderator; it is not published either way.
        var held = await _f.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().InterviewQuestions.SingleAsync(q => q.Content.StartsWith("代开")));
        Assert.Contains("代开发票", held.ScreenNote);
        Assert.Equal(QuestionStatus.Pending, held.Status);

        var staff = await _f.LoginAsync(_d.EditorA);
        var q1 = await QuestionIdAsync(id, "今年学区划分有没有调整？");
        var q3 = await QuestionIdAsync(id, "随迁子女入学需要哪些材料？");
        Assert.Contains("已选用", await EventDesk.FollowAsync(staff, await StaffAsync(staff, id, "Moderate", ("questionId", q1.ToString()), ("select", "true"))));
        await StaffAsync(staff, id, "Moderate", ("questionId", held.Id.ToString()), ("select", "false"), ("reason", "广告"));
        // Selected but not answered: still not public.
        Assert.DoesNotContain("学区划分", await citizen.GetStringAsync($"/hdjl/ft/{id}"));

        Assert.Contains("访谈已开始直播", await EventDesk.FollowAsync(staff, await StaffAsync(staff, id, "Start")));
        Assert.Contains("答复已发布", await EventDesk.FollowAsync(staff,
            await StaffAsync(staff, id, "Answer", ("questionId", q1.ToString()), ("guest", "王建国"), ("answer", "今年学区总体保持稳定。"))));
        // An answer to an unselected question is refused.
        Assert.Contains("只能答复已选用的问题", await EventDesk.FollowAsync(staff,
            await StaffAsync(staff, id, "Answer", ("questionId", q3.ToString()), ("guest", "王建国"), ("answer", "需要户口簿。"))));

        page = await citizen.GetStringAsync($"/hdjl/ft/{id}");
        Assert.Contains("今年学区划分有没有调整？", page);
        Assert.Contains("今年学区总体保持稳定。", page);
        Assert.Contains("张** 问：", page);
        Assert.DoesNotContain("张三丰", page);
        Assert.DoesNotContain("13812345678", page);
        Assert.DoesNotContain("随迁子女", page);
        Assert.DoesNotContain("代开发票", page);
        Assert.DoesNotContain("需要户口簿", page);

        await _f.WithDbAsync(async db =>
        {
            var actions = await db.AuditEntries.Where(e => e.EntityType == nameof(Interview) && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
            Assert.Contains("interview.question.select", actions);
            Assert.Contains("interview.question.reject", actions);
            Assert.Contains("interview.start", actions);
            Assert.Contains("interview.question.answer", actions);
            // No asker's name or phone in any audit entry.
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Summary.Contains("张三丰") || e.Summary.Contains("13812345678")));
        });
    }

    [Fact]
    public async Task Questions_are_refused_once_the_interview_has_ended_or_its_time_has_passed()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromMinutes(-10));
        var citizen = _d.Anonymous();
        var staff = await _f.LoginAsync(_d.EditorA);
        await StaffAsync(staff, id, "Start");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(citizen, id, "直播中可以提问吗？")).StatusCode);
        Assert.Contains("访谈已结束", await EventDesk.FollowAsync(staff, await StaffAsync(staff, id, "End")));

        var refused = await AskAsync(citizen, id, "结束后还能提问吗？");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("访谈已结束，不再接受提问", await refused.Content.ReadAsStringAsync());

        // Never started, but its end time is behind the clock: ended for the public too.
        var other = await _d.InterviewAsync(TimeSpan.FromHours(1), "另一场访谈");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(citizen, other, "提前提问")).StatusCode);
        _f.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Contains("访谈已结束，不再接受提问", await (await AskAsync(citizen, other, "迟到的提问")).Content.ReadAsStringAsync());

        await _f.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.InterviewQuestions.CountAsync(q => q.InterviewId == id));
            Assert.Equal(1, await db.InterviewQuestions.CountAsync(q => q.InterviewId == other));
        });
    }

    [Fact]
    public async Task The_live_feed_lists_only_selected_answered_questions_in_answer_order()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromMinutes(-5));
        var citizen = _d.Anonymous();
        foreach (var text in new[] { "问题一", "问题二", "问题三", "问题四" }) await AskAsync(citizen, id, text, "赵六");
        var staff = await _f.LoginAsync(_d.EditorA);
        await StaffAsync(staff, id, "Start");
        var ids = new Dictionary<string, int>();
        foreach (var text in new[] { "问题一", "问题二", "问题三", "问题四" }) ids[text] = await QuestionIdAsync(id, text);
        foreach (var text in new[] { "问题一", "问题二", "问题三" }) await StaffAsync(staff, id, "Moderate", ("questionId", ids[text].ToString()), ("select", "true"));
        await StaffAsync(staff, id, "Moderate", ("questionId", ids["问题四"].ToString()), ("select", "false"), ("reason", "重复"));
        // Answered in the order 三, 一; 二 is selected but not yet answered.
        await StaffAsync(staff, id, "Answer", ("questionId", ids["问题三"].ToString()), ("guest", "王建国"), ("answer", "答三"));
        await StaffAsync(staff, id, "Answer", ("questionId", ids["问题一"].ToString()), ("guest", "王建国"), ("answer", "答一"));

        var feed = await citizen.GetFromJsonAsync<QaFeed>($"/api/v1/interviews/{id}/qa");
        Assert.NotNull(feed);
        Assert.True(feed.Live);
        Assert.Equal(["问题三", "问题一"], feed.Items.Select(x => x.Question));
        Assert.Equal(["答三", "答一"], feed.Items.Select(x => x.Answer));
        Assert.All(feed.Items, x => Assert.Equal("赵*", x.Asker));
        Assert.Equal(2, feed.Last);

        var after = await citizen.GetFromJsonAsync<QaFeed>($"/api/v1/interviews/{id}/qa?after=1");
        Assert.Equal(["问题一"], after!.Items.Select(x => x.Question));
        await StaffAsync(staff, id, "Answer", ("questionId", ids["问题二"].ToString()), ("guest", "王建国"), ("answer", "答二"));
        var next = await citizen.GetFromJsonAsync<QaFeed>($"/api/v1/interviews/{id}/qa?after=2");
        Assert.Equal(["问题二"], next!.Items.Select(x => x.Question));

        var raw = await citizen.GetStringAsync($"/api/v1/interviews/{id}/qa");
        Assert.DoesNotContain("问题四", raw);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/api/v1/interviews/999999/qa")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync($"/api/v1/interviews/{id}/qa?after=-1")).StatusCode);
    }

    [Fact]
    public async Task Another_units_interview_answers_like_a_missing_one()
    {
        var id = await _d.InterviewAsync(TimeSpan.FromHours(1));
        await AskAsync(_d.Anonymous(), id, "一个问题");
        var q = await QuestionIdAsync(id, "一个问题");
        var b = await _f.LoginAsync(_d.OfficerB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/admin/interviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/admin/interviews/edit/{id}")).StatusCode);
        Assert.DoesNotContain("义务教育招生政策解读", await b.GetStringAsync("/admin/interviews"));
        // A forged moderation from unit B (a token from its own list page) changes nothing.
        var forged = await EventDesk.PostAsync(b, "/admin/interviews", $"/admin/interviews/{id}?handler=Moderate", ("questionId", q.ToString()), ("select", "true"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await _f.WithDbAsync(async db => Assert.Equal(QuestionStatus.Pending, (await db.InterviewQuestions.SingleAsync(x => x.Id == q)).Status));

        var office = await _f.LoginAsync(_d.OfficeUser);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/admin/interviews/{id}")).StatusCode);
        Assert.Contains("义务教育招生政策解读", await office.GetStringAsync("/admin/interviews"));
        var a = await _f.LoginAsync(_d.EditorA);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/admin/interviews/{id}")).StatusCode);
    }

    [Fact]
    public async Task Staff_schedule_an_interview_with_guests_and_publish_its_record_after_it_ends()
    {
        var staff = await _f.LoginAsync(_d.EditorA);
        var bad = await EventDesk.PostAsync(staff, "/admin/interviews/edit", "/admin/interviews/edit",
            ("Input.Title", "访谈"), ("Input.StartsAt", "2026-03-05T10:00"), ("Input.EndsAt", "2026-03-05T09:00"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("结束时间应晚于开始时间", await bad.Content.ReadAsStringAsync());

        // Related documents are published public ones: another unit's draft is refused like a missing id.
        var draftId = await _f.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>();
            var draft = new Zwgk.Domain.Documents.Document { Title = "乙局草稿", OwnerUnitId = _d.B.Id, Status = Zwgk.Domain.Documents.DocumentStatus.Draft,
                CreatedAt = _f.Clock.GetUtcNow(), UpdatedAt = _f.Clock.GetUtcNow() };
            db.Documents.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        var probe = await EventDesk.PostAsync(staff, "/admin/interviews/edit", "/admin/interviews/edit",
            ("Input.Title", "访谈"), ("Input.StartsAt", "2026-03-05T10:00"), ("Input.EndsAt", "2026-03-05T11:00"), ("Input.RelatedDocumentIds", draftId.ToString()));
        Assert.Contains("文件不存在或尚未主动公开", System.Net.WebUtility.HtmlDecode(await probe.Content.ReadAsStringAsync()));

        var created = await EventDesk.PostAsync(staff, "/admin/interviews/edit", "/admin/interviews/edit",
            ("Input.Title", "老旧小区改造政策解读"), ("Input.Topic", "改什么、怎么改"), ("Input.StartsAt", "2026-03-05T10:00"), ("Input.EndsAt", "2026-03-05T11:30"),
            ("Input.Guests", "王建国，区住房城乡建设局局长\n李红，城建科科长"), ("Input.UnitId", _d.B.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var saved = await _f.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().Interviews.Include(i => i.Guests).SingleAsync(i => i.Id == id));
        // A unit's staff cannot schedule for another unit: the unit field is ignored.
        Assert.Equal(_d.A.Id, saved.UnitId);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 2, 0, 0, TimeSpan.Zero), saved.StartsAt);
        Assert.Equal(["王建国", "李红"], saved.Guests.OrderBy(g => g.Order).Select(g => g.Name));
        Assert.Equal("城建科科长", saved.Guests.Single(g => g.Name == "李红").Position);

        var citizen = _d.Anonymous();
        Assert.Contains("老旧小区改造政策解读", await citizen.GetStringAsync("/hdjl/ft"));
        Assert.Contains("访谈结束后才能发布实录", await EventDesk.FollowAsync(staff, await StaffAsync(staff, id, "Record", ("summary", "摘要"))));
        await StaffAsync(staff, id, "Start");
        await StaffAsync(staff, id, "End");
        Assert.Contains("访谈实录已发布", await EventDesk.FollowAsync(staff,
            await StaffAsync(staff, id, "Record", ("summary", "本次访谈介绍了老旧小区改造的范围。"), ("transcript", "主持人：各位网友大家好。<script>alert(1)</script>"))));
        var page = await citizen.GetStringAsync($"/hdjl/ft/{id}");
        Assert.Contains("本次访谈介绍了老旧小区改造的范围。", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        await _f.WithDbAsync(async db => Assert.Equal(["interview.create", "interview.start", "interview.end", "interview.record"],
            await db.AuditEntries.Where(e => e.EntityType == nameof(Interview) && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }
}

public sealed class SqliteInterviewTests() : InterviewTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInterviewTests() : InterviewTests(DatabaseProvider.Postgres);
