using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Security;
using Zwgk.Tests.Search;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Consultations;

public abstract class ConsultationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ZwgkFactory _f = new(provider);
    private ConsultationDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _ = _f.Server;
        _d = await ConsultationDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static async Task<string> PageAsync(HttpClient c, string url) => WebUtility.HtmlDecode(await c.GetStringAsync(url));

    [Fact]
    public async Task A_major_decision_draft_needs_thirty_days_and_the_refusal_is_in_Chinese()
    {
        var office = await _d.OfficeAsync();
        var start = _d.Today.AddDays(1);
        Dictionary<string, string> Form(DateOnly closes, string reason = "") => new()
        {
            ["Input.Title"] = "关于某某公园管理办法（征求意见稿）", ["Input.UnitId"] = _d.A.Id.ToString(), ["Input.DraftText"] = "第一条 正文", ["Input.Explanation"] = "说明",
            ["Input.OpensOn"] = start.ToString("yyyy-MM-dd"), ["Input.ClosesOn"] = closes.ToString("yyyy-MM-dd"), ["Input.IsMajorDecision"] = "true",
            ["Input.ContactEmail"] = "a@example.gov.cn", ["Input.ShortenedReason"] = reason,
        };
        var refused = await Forms.PostAsync(office, "/admin/consultations/edit", "/admin/consultations/edit", Form(start.AddDays(19)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("重大行政决策事项公开征求意见的期限一般不少于30日", html);
        Assert.Contains("当前为20日", html);
        Assert.Contains("关于某某公园管理办法（征求意见稿）", html); // input kept
        Assert.Equal(0, await _d.DbAsync(db => db.Consultations.CountAsync()));

        var shortWithReason = await Forms.PostAsync(office, "/admin/consultations/edit", "/admin/consultations/edit", Form(start.AddDays(19), "防汛形势紧急，须在汛期前出台"));
        Assert.Equal(HttpStatusCode.Redirect, shortWithReason.StatusCode);
        var ok = await Forms.PostAsync(office, "/admin/consultations/edit", "/admin/consultations/edit", Form(start.AddDays(29)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await _d.DbAsync(db => db.Consultations.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.All(saved, c => Assert.Equal(_d.A.Id, c.UnitId));
        Assert.Equal(30, saved[1].PeriodDays);
        Assert.Contains(await _d.DbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "consultation.create");

        // Separation of duties: the drafter does not publish their own draft; another officer of the office does.
        var id = saved[1].Id;
        var own = await Forms.PostAsync(office, $"/admin/consultations/{id}", $"/admin/consultations/{id}?handler=Publish", []);
        Assert.Contains("起草人不能发布自己起草的意见征集", WebUtility.HtmlDecode(await office.GetStringAsync(own.Headers.Location!.OriginalString)));
        Assert.Equal(ConsultationState.Draft, await _d.DbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
        var colleague = await _d.OfficeAsync();
        await Forms.PostAsync(colleague, $"/admin/consultations/{id}", $"/admin/consultations/{id}?handler=Publish", []);
        Assert.Equal(ConsultationState.Published, await _d.DbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Comments_are_refused_after_the_close_by_the_injected_clock()
    {
        var id = await _d.SeedAsync("关于停车收费标准的意见征集", _d.Today.AddDays(-3), _d.Today.AddDays(5));
        var citizen = _d.Anonymous();
        var accepted = await ConsultationDesk.CommentAsync(citizen, id, "张三", "13812345678", "建议夜间免费。");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Single(await _d.CommentsAsync(id));

        var page = await citizen.GetStringAsync($"/hdjl/yjzj/{id}");
        _f.Clock.Advance(TimeSpan.FromDays(6));
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var late = await citizen.PostAsync($"/hdjl/yjzj/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "李四", ["Input.Phone"] = "13912345678", ["Input.Content"] = "迟到的意见", ["Input.Agree"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        var closesOn = _d.Today.AddDays(-1);
        Assert.Contains($"本次意见征集已于{closesOn.Year}年{closesOn.Month}月{closesOn.Day}日结束，不再接收意见", html);
        Assert.Single(await _d.CommentsAsync(id));
        // No form once closed.
        Assert.DoesNotContain("name=\"Input.Content\"", await citizen.GetStringAsync($"/hdjl/yjzj/{id}"));
    }

    [Fact]
    public async Task Comments_are_public_only_after_moderation_with_the_name_masked_and_held_ones_need_a_person()
    {
        var id = await _d.SeedAsync("关于社区养老服务的意见征集", _d.Today, _d.Today.AddDays(20));
        var citizen = _d.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await ConsultationDesk.CommentAsync(citizen, id, "张三丰", "13812345678", "建议增加助餐点。")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConsultationDesk.CommentAsync(citizen, id, "王五", "13700001111", "专业代开发票，联系我")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ConsultationDesk.CommentAsync(citizen, id, "赵六", "13600002222", "不愿公开的意见内容", wantsPublic: false)).StatusCode);
        var comments = await _d.CommentsAsync(id);
        Assert.False(comments[0].Held);
        Assert.True(comments[1].Held);

        var before = await PageAsync(citizen, $"/hdjl/yjzj/{id}");
        Assert.DoesNotContain("建议增加助餐点", before);
        Assert.Contains("公开的意见（0 条）", before);

        var handler = await _d.HandlerAAsync();
        var staffPage = await PageAsync(handler, $"/admin/consultations/{id}");
        Assert.Contains("张**", staffPage);
        Assert.Contains("138****5678", staffPage);
        Assert.DoesNotContain("13812345678", staffPage);
        Assert.Contains("须人工审核", staffPage);

        Assert.Contains("已审核：公开", (await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", comments[0].Id.ToString()), ("makePublic", "true"))).Page);
        Assert.Contains("不予公开须说明理由", (await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", comments[1].Id.ToString()), ("makePublic", "false"))).Page);
        await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", comments[1].Id.ToString()), ("makePublic", "false"), ("reason", "广告信息"));
        await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", comments[2].Id.ToString()), ("makePublic", "true"));

        var after = await PageAsync(citizen, $"/hdjl/yjzj/{id}");
        Assert.Contains("建议增加助餐点", after);
        Assert.Contains("张**", after);
        Assert.DoesNotContain("张三丰", after);
        Assert.DoesNotContain("13812345678", after);
        Assert.DoesNotContain("代开发票", after);
        Assert.DoesNotContain("不愿公开的意见内容", after); // approved, but its writer did not want it public
        var api = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}");
        Assert.Equal(1, api.GetProperty("comments").GetArrayLength());
        Assert.Equal("张**", api.GetProperty("comments")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_units_consultation_answers_404_and_contact_details_are_for_the_handlers_only_and_audited()
    {
        var id = await _d.SeedAsync("甲局的意见征集", _d.Today, _d.Today.AddDays(20));
        Assert.Equal(HttpStatusCode.Redirect, (await ConsultationDesk.CommentAsync(_d.Anonymous(), id, "张三", "13812345678", "意见")).StatusCode);
        var commentId = (await _d.CommentsAsync(id))[0].Id;

        var otherUnit = await _f.LoginAsync(_d.B.Id, Roles.UnitAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/admin/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/admin/consultations/comments/{commentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ConsultationDesk.StaffAsync(otherUnit, id, "Moderate", ("commentId", commentId.ToString()), ("makePublic", "true"))).Status);
        Assert.DoesNotContain("甲局的意见征集", await PageAsync(otherUnit, "/admin/consultations"));
        Assert.Equal(CommentModeration.Pending, (await _d.CommentsAsync(id))[0].Moderation);

        // The platform administrator sees every unit's consultations, never the commenters' contacts.
        var platform = await _f.LoginAsync(_d.Office.Id, Roles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/admin/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/admin/consultations/comments/{commentId}")).StatusCode);

        var handler = await _d.HandlerAAsync();
        var contact = await PageAsync(handler, $"/admin/consultations/comments/{commentId}");
        Assert.Contains("13812345678", contact);
        Assert.Equal(1, await _d.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "consultation.comment.contact" && a.EntityId == commentId.ToString())));
    }

    [Fact]
    public async Task Feedback_cannot_be_published_until_every_comment_or_its_group_is_decided_with_reasons()
    {
        var id = await _d.SeedAsync("关于公园开放时间的意见征集", _d.Today, _d.Today.AddDays(10));
        var citizen = _d.Anonymous();
        await ConsultationDesk.CommentAsync(citizen, id, "张三", "13812345678", "建议延长到晚上十点。");
        await ConsultationDesk.CommentAsync(citizen, id, "李四", "13912345678", "希望晚上开放更久。");
        await ConsultationDesk.CommentAsync(citizen, id, "王五", "13700001111", "建议增加停车位。");
        var c = await _d.CommentsAsync(id);
        var handler = await _d.HandlerAAsync();

        var early = await ConsultationDesk.StaffAsync(handler, id, "Feedback", ("feedbackText", "感谢参与"));
        Assert.Contains("意见征集结束后才能发布采纳情况反馈", early.Page);
        handler = await _d.AdvanceAsync(TimeSpan.FromDays(11));

        var blocked = await ConsultationDesk.StaffAsync(handler, id, "Feedback", ("feedbackText", "感谢参与"));
        Assert.Contains("还有3条意见未审核", blocked.Page);
        Assert.Contains("还有3条意见未作采纳决定", blocked.Page);
        foreach (var x in c) await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", x.Id.ToString()), ("makePublic", "true"));

        var grouped = await ConsultationDesk.StaffAsync(handler, id, "Group", ("summary", "建议延长夜间开放时间"), ("commentIds", c[0].Id.ToString()), ("commentIds", c[1].Id.ToString()));
        Assert.Contains("已归并为意见组", grouped.Page);
        var groupId = await _d.DbAsync(db => db.OpinionGroups.Where(g => g.ConsultationId == id).Select(g => g.Id).SingleAsync());
        Assert.Contains("该意见已归入意见组", (await ConsultationDesk.StaffAsync(handler, id, "Decide", ("commentId", c[0].Id.ToString()), ("adoption", "Adopted"))).Page);
        Assert.Contains("部分采纳须说明理由", (await ConsultationDesk.StaffAsync(handler, id, "DecideGroup", ("groupId", groupId.ToString()), ("adoption", "PartlyAdopted"))).Page);
        await ConsultationDesk.StaffAsync(handler, id, "DecideGroup", ("groupId", groupId.ToString()), ("adoption", "PartlyAdopted"), ("reason", "夏季延长至21时，冬季维持现状"));

        blocked = await ConsultationDesk.StaffAsync(handler, id, "Feedback", ("feedbackText", "感谢参与"));
        Assert.Contains("还有1条意见未作采纳决定（意见3）", blocked.Page);
        Assert.Equal(ConsultationState.Published, await _d.DbAsync(db => db.Consultations.Where(x => x.Id == id).Select(x => x.State).SingleAsync()));
    }

    [Fact]
    public async Task Published_feedback_shows_counts_reasons_and_the_final_document_to_the_public()
    {
        var id = await _d.SeedAsync("关于垃圾分类管理办法的意见征集", _d.Today, _d.Today.AddDays(10));
        var citizen = _d.Anonymous();
        await ConsultationDesk.CommentAsync(citizen, id, "张三", "13812345678", "建议增加分类指导员。");
        await ConsultationDesk.CommentAsync(citizen, id, "李四", "13912345678", "建议取消罚款。");
        var c = await _d.CommentsAsync(id);
        var handler = await _d.HandlerAAsync();
        foreach (var x in c) await ConsultationDesk.StaffAsync(handler, id, "Moderate", ("commentId", x.Id.ToString()), ("makePublic", "true"));
        await ConsultationDesk.StaffAsync(handler, id, "Decide", ("commentId", c[0].Id.ToString()), ("adoption", "Adopted"));
        await ConsultationDesk.StaffAsync(handler, id, "Decide", ("commentId", c[1].Id.ToString()), ("adoption", "NotAdopted"), ("reason", "罚款依据上位法设定，本办法无权取消"));
        handler = await _d.AdvanceAsync(TimeSpan.FromDays(11));
        Assert.Contains("已发布采纳情况反馈", (await ConsultationDesk.StaffAsync(handler, id, "Feedback", ("feedbackText", "共收到意见2条，经研究采纳1条。"))).Page);

        // A draft document cannot be linked; a published one can.
        Assert.Contains("文件不存在或尚未主动公开发布", (await ConsultationDesk.StaffAsync(handler, id, "FinalDocument", ("documentId", "999999"))).Page);
        var docId = await SearchTestSupport.AddDocumentAsync(_f, _d.A.Id, "区垃圾分类管理办法");
        Assert.Contains("已关联正式文件", (await ConsultationDesk.StaffAsync(handler, id, "FinalDocument", ("documentId", docId.ToString()))).Page);

        var page = await PageAsync(citizen, $"/hdjl/yjzj/{id}");
        Assert.Contains("意见采纳情况", page);
        Assert.Matches("id=\"count-received\">2<", page);
        Assert.Matches("id=\"count-adopted\">1<", page);
        Assert.Matches("id=\"count-not\">1<", page);
        Assert.Contains("罚款依据上位法设定，本办法无权取消", page);
        Assert.Contains($"href=\"/doc/{docId}\">区垃圾分类管理办法", page);
        Assert.Contains("共收到意见2条，经研究采纳1条。", page);

        var api = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}");
        Assert.Equal("FeedbackPublished", api.GetProperty("phase").GetString());
        Assert.Equal(1, api.GetProperty("feedback").GetProperty("counts").GetProperty("notAdopted").GetInt32());
        Assert.Equal(docId, api.GetProperty("finalDocument").GetProperty("id").GetInt32());
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/consultations?phase=FeedbackPublished");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync("/api/v1/consultations?phase=Draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/api/v1/consultations/999999")).StatusCode);
        Assert.Contains(await _d.DbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "consultation.feedback");
    }

    [Fact]
    public async Task A_draft_is_not_public_and_a_closed_one_without_feedback_turns_overdue_for_the_office()
    {
        var draft = await _d.SeedAsync("尚未发布的草稿", _d.Today, _d.Today.AddDays(30), ConsultationState.Draft);
        var closed = await _d.SeedAsync("已结束未反馈的征集", _d.Today.AddDays(-60), _d.Today.AddDays(-40));
        var citizen = _d.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/hdjl/yjzj/{draft}")).StatusCode);
        var list = await PageAsync(citizen, "/hdjl/yjzj");
        Assert.DoesNotContain("尚未发布的草稿", list);
        Assert.Contains("已结束未反馈的征集", list);
        var office = await _d.OfficeAsync();
        var admin = await PageAsync(office, "/admin/consultations");
        Assert.Contains("逾期未公布采纳情况反馈：已结束未反馈的征集", admin);
        Assert.Contains("反馈逾期", await PageAsync(office, $"/admin/consultations/{closed}"));
    }
}

public sealed class SqliteConsultationTests() : ConsultationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsultationTests() : ConsultationTests(DatabaseProvider.Postgres);
