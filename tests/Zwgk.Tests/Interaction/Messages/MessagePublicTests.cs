using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Infrastructure.Data;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Messages;

/// <summary>
/// The public side: API shapes and problems, masking in the list, detail and API, held and private messages never public,
/// satisfaction once, duplicate marking, the write form keeping what was typed, and 429 after the submit limit.
/// </summary>
public abstract class MessagePublicTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private MessageDesk _d = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Settings["Zwgk:PublicForms:SubmitsPerTenMinutes"] = "1000";
        _f.Clock.SetChinaDate(new DateOnly(2026, 4, 30));
        _d = await MessageDesk.CreateAsync(_f);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_API_answers_201_with_code_and_due_date_and_Chinese_problems_for_bad_input()
    {
        var anon = _d.Anonymous();
        var created = await anon.PostAsJsonAsync("/api/v1/messages", new { type = "咨询", title = "放学时间", content = "下学期放学时间是否调整？", name = "李四光", contact = "13912345678", @public = true });
        var body = await MessageDesk.JsonAsync(created, HttpStatusCode.Created);
        var code = body.GetProperty("queryCode").GetString()!;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Equal("2026-05-11", body.GetProperty("dueOn").GetString());
        Assert.Equal($"/api/v1/messages/{code}", created.Headers.Location?.ToString());

        var status = await MessageDesk.JsonAsync(await anon.GetAsync($"/api/v1/messages/{code.Replace("-", "").ToLowerInvariant()}"));
        Assert.Equal("李**", status.GetProperty("name").GetString());
        Assert.Equal("139****5678", status.GetProperty("contact").GetString());
        Assert.Equal("已收到，待分办", status.GetProperty("status").GetString());
        Assert.DoesNotContain("13912345678", status.GetRawText());

        var unknown = await anon.GetAsync("/api/v1/messages/ABCD-EFGH-JK23");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到留言", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var bad = await anon.PostAsJsonAsync("/api/v1/messages", new { type = "闲聊", title = "", content = new string('长', 6000), name = "王五", contact = "12", @public = true });
        var problem = await MessageDesk.JsonAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal("提交的内容有误", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        foreach (var key in new[] { "type", "title", "content", "contact" }) Assert.True(errors.TryGetProperty(key, out _), key);
        Assert.Contains("不能超过", errors.GetProperty("content")[0].GetString());

        // Staff API: 201 {id, queryCode, dueOn}; bad dates and unknown units are 400; no token is 401.
        var reg = await MessageDesk.JsonAsync(await _d.Office.PostAsJsonAsync("/api/v1/admin/messages", new
        {
            channel = "12345热线", type = "咨询", receivedOn = "2026-04-30", name = "赵六", contact = "13600001111", title = "公交线路", content = "希望增开一条公交线路", unit = _d.A.Name,
        }), HttpStatusCode.Created);
        Assert.True(reg.GetProperty("id").GetInt32() > 0);
        Assert.Equal("2026-05-11", reg.GetProperty("dueOn").GetString());
        Assert.Equal(_d.A.Id, (await _d.MessageAsync(reg.GetProperty("id").GetInt32())).UnitId);
        var badReg = await MessageDesk.JsonAsync(await _d.Office.PostAsJsonAsync("/api/v1/admin/messages", new
        {
            channel = "微信", type = "咨询", receivedOn = "2026/04/30", name = "赵六", contact = "13600001111", title = "公交", content = "内容", unit = "不存在的局",
        }), HttpStatusCode.BadRequest);
        foreach (var key in new[] { "channel", "receivedOn", "unit" }) Assert.True(badReg.GetProperty("errors").TryGetProperty(key, out _), key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/admin/messages", new { type = "咨询" })).StatusCode);
    }

    [Fact]
    public async Task Published_messages_show_masked_names_while_private_and_held_ones_never_appear()
    {
        var shown = await _d.SubmitAsync(title: "关于放学时间的咨询", name: "李四光", contact: "13912345678");
        await _d.AnswerAndPublishAsync(shown.Id);
        var priv = await _d.SubmitAsync(title: "私人事项的咨询", isPublic: false, name: "王小明", contact: "13700001111");
        await _d.AnswerAndPublishAsync(priv.Id, publish: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _d.PostAsync(priv.Id, "publish", null, _d.AdminA)).StatusCode);
        var held = await _d.SubmitAsync(title: "有人代开发票", content: "小区门口有人张贴代开发票广告", name: "钱多多", contact: "13500002222");
        Assert.True((await _d.MessageAsync(held.Id)).Held);
        await _d.AnswerAndPublishAsync(held.Id, publish: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _d.PostAsync(held.Id, "publish", null, _d.AdminA)).StatusCode);

        var anon = _d.Anonymous();
        var list = WebUtility.HtmlDecode(await anon.GetStringAsync("/hdjl/xx"));
        Assert.Contains("关于放学时间的咨询", list);
        Assert.Contains("李**", list);
        Assert.Contains("经核实，下学期放学时间不作调整", list);
        Assert.DoesNotContain("李四光", list);
        Assert.DoesNotContain("13912345678", list);
        Assert.DoesNotContain("私人事项", list);
        Assert.DoesNotContain("代开发票", list);
        var detail = WebUtility.HtmlDecode(await anon.GetStringAsync($"/hdjl/xx/{shown.Id}"));
        Assert.Contains("李**", detail);
        Assert.DoesNotContain("李四光", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/hdjl/xx/{priv.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/hdjl/xx/{held.Id}")).StatusCode);
        Assert.Contains("关于放学时间的咨询", WebUtility.HtmlDecode(await anon.GetStringAsync($"/hdjl/xx?type={MessageType.Inquiry}&unit={_d.A.Id}")));
        Assert.DoesNotContain("关于放学时间的咨询", WebUtility.HtmlDecode(await anon.GetStringAsync($"/hdjl/xx?type={MessageType.Complaint}")));

        // A unit cannot release the hold; the office looks, releases, and then the unit may publish.
        var refusedRelease = await Forms.PostAsync(_d.AdminA, "/admin/messages", $"/admin/messages/{held.Id}?handler=Release", []);
        Assert.Contains("没有权限", WebUtility.HtmlDecode(await _d.AdminA.GetStringAsync(refusedRelease.Headers.Location)));
        Assert.True((await _d.MessageAsync(held.Id)).Held);
        var released = await Forms.PostAsync(_d.Office, "/admin/messages", $"/admin/messages/{held.Id}?handler=Release", []);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.False((await _d.MessageAsync(held.Id)).Held);
        await _d.OkAsync(held.Id, "publish", null, _d.AdminA);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/hdjl/xx/{held.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_writer_rates_once_with_the_code_on_the_query_page()
    {
        var (id, code, _) = await _d.SubmitAsync();
        var visitor = _d.Anonymous();
        async Task<string> RateAsync(string value)
        {
            var token = await Forms.TokenAsync(visitor, "/hdjl/xx/query");
            var r = await visitor.PostAsync("/hdjl/xx/query?handler=Rate", new FormUrlEncodedContent(
                [new("Code", code), new("satisfaction", value), new("comment", "答复及时"), new("__RequestVerificationToken", token)]));
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }
        // Not answered yet: no rating.
        Assert.Contains("答复后才能评价", await RateAsync("满意"));
        await _d.AnswerAndPublishAsync(id);

        var token0 = await Forms.TokenAsync(visitor, "/hdjl/xx/query");
        var shown = WebUtility.HtmlDecode(await (await visitor.PostAsync("/hdjl/xx/query", new FormUrlEncodedContent([new("Code", code), new("__RequestVerificationToken", token0)]))).Content.ReadAsStringAsync());
        Assert.Contains("经核实，下学期放学时间不作调整", shown);
        Assert.Contains("提交评价", shown);

        Assert.Contains("感谢您的评价", await RateAsync("基本满意"));
        Assert.Contains("每条留言只能评价一次", await RateAsync("不满意"));
        var m = await _d.MessageAsync(id);
        Assert.Equal(Satisfaction.FairlySatisfied, m.Satisfaction);
        Assert.Single(m.Events, e => e.Kind == MessageEventKind.Rated);
        var status = await MessageDesk.JsonAsync(await visitor.GetAsync($"/api/v1/messages/{code}"));
        Assert.Equal("基本满意", status.GetProperty("satisfaction").GetString());
        Assert.False(status.GetProperty("canRate").GetBoolean());
    }

    [Fact]
    public async Task The_same_contact_with_near_identical_text_is_marked_as_a_duplicate_for_staff()
    {
        var first = await _d.SubmitAsync(title: "和平路停车难", content: "和平路小区门口晚上停车很难，希望增设停车位。", contact: "13912345678");
        var again = await _d.SubmitAsync(title: "和平路 停车难！", content: "和平路小区门口晚上停车很难，希望增设停车位", contact: "139 1234 5678");
        var other = await _d.SubmitAsync(title: "和平路停车难", content: "和平路小区门口晚上停车很难，希望增设停车位。", contact: "13700009999");
        var different = await _d.SubmitAsync(title: "路灯不亮", content: "和平路东段路灯已经坏了一周。", contact: "13912345678");
        Assert.Equal(first.Id, (await _d.MessageAsync(again.Id)).DuplicateOfId);
        Assert.Null((await _d.MessageAsync(other.Id)).DuplicateOfId);
        Assert.Null((await _d.MessageAsync(different.Id)).DuplicateOfId);
        Assert.Null((await _d.MessageAsync(first.Id)).DuplicateOfId);

        // Staff clear the mark, or confirm it (the message closes as 重复留言).
        var cleared = await Forms.PostAsync(_d.Office, "/admin/messages", $"/admin/messages/{again.Id}?handler=Duplicate", [new("confirm", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null((await _d.MessageAsync(again.Id)).DuplicateOfId);
        var third = await _d.SubmitAsync(title: "和平路停车难", content: "和平路小区门口晚上停车很难，希望增设停车位。", contact: "13912345678");
        Assert.Equal(first.Id, (await _d.MessageAsync(third.Id)).DuplicateOfId);
        await Forms.PostAsync(_d.Office, "/admin/messages", $"/admin/messages/{third.Id}?handler=Duplicate", [new("confirm", "true")]);
        Assert.Equal(MessageState.Duplicate, (await _d.MessageAsync(third.Id)).State);
        var inbox = WebUtility.HtmlDecode(await _d.Office.GetStringAsync("/admin/messages?Duplicates=true"));
        Assert.Contains($"疑似重复 #{first.Id}", inbox);

        // Outside the 30-day window it is a new message.
        _f.Clock.SetChinaDate(new DateOnly(2026, 6, 15));
        var later = await _d.SubmitAsync(title: "和平路停车难", content: "和平路小区门口晚上停车很难，希望增设停车位。", contact: "13912345678");
        Assert.Null((await _d.MessageAsync(later.Id)).DuplicateOfId);
    }

    [Fact]
    public async Task The_write_form_keeps_what_was_typed_shows_Chinese_errors_and_shows_the_code_once()
    {
        var browser = _f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var form = new Dictionary<string, string>
        {
            ["Input.Type"] = "SiteError", ["Input.Unit"] = "", ["Input.Title"] = "政策解读链接打不开", ["Input.Content"] = "", ["Input.PageUrl"] = "https://example.gov.cn/zcjd",
            ["Input.Name"] = "孙悟空", ["Input.Phone"] = "13812345678", ["Input.Email"] = "", ["Input.Public"] = "yes",
        };
        var refused = WebUtility.HtmlDecode(await (await Forms.PostAsync(browser, "/hdjl/xx/write", "/hdjl/xx/write", form)).Content.ReadAsStringAsync());
        Assert.Contains("留言未提交", refused);
        Assert.Contains("请填写留言内容", refused);
        Assert.Contains("value=\"政策解读链接打不开\"", refused);
        Assert.Contains("value=\"孙悟空\"", refused);
        Assert.Equal(0, await _d.DbAsync(db => db.Messages.CountAsync()));

        form["Input.Content"] = "首页“政策解读”栏目第二条链接打开是404。";
        var done = await Forms.PostAsync(browser, "/hdjl/xx/write", "/hdjl/xx/write", form);
        Assert.Equal("/hdjl/xx/done", done.RequestMessage!.RequestUri!.AbsolutePath);
        var html = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        var code = System.Text.RegularExpressions.Regex.Match(html, "id=\"query-code\" lang=\"en\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Contains("2026年05月08日", html); // 找错: 3 working days
        var m = await _d.DbAsync(db => db.Messages.SingleAsync());
        Assert.Equal((MessageType.SiteError, "https://example.gov.cn/zcjd", true, true), (m.Type, m.PageUrl, m.ToLeader, m.WantsPublic));
        // Shown once.
        Assert.DoesNotContain(code, WebUtility.HtmlDecode(await browser.GetStringAsync("/hdjl/xx/done")));
        // The 找错 page offers the form.
        Assert.Contains("/hdjl/xx/write?type=SiteError", await browser.GetStringAsync("/jiucuo"));
        Assert.Contains("/hdjl/yjzj", await browser.GetStringAsync("/hdjl"));
    }

    [Fact]
    public async Task Submissions_beyond_the_limit_get_429_and_every_201_is_found_by_its_code()
    {
        await using var f = new ZwgkFactory(provider);
        f.Settings["Zwgk:PublicForms:SubmitsPerTenMinutes"] = "3";
        var client = f.CreateClient();
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var r = await MessageDesk.JsonAsync(await client.PostAsJsonAsync("/api/v1/messages", new { type = "建言", title = $"建议{i}", content = $"第{i}条建议的内容", name = "周八", contact = "13800000000", @public = false }), HttpStatusCode.Created);
            codes.Add(r.GetProperty("queryCode").GetString()!);
        }
        var refused = await client.PostAsJsonAsync("/api/v1/messages", new { type = "建言", title = "建议", content = "内容", name = "周八", contact = "13800000000", @public = false });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("操作过于频繁", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        foreach (var code in codes) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/messages/{code}")).StatusCode);
    }
}

public sealed class SqliteMessagePublicTests() : MessagePublicTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMessagePublicTests() : MessagePublicTests(DatabaseProvider.Postgres);
