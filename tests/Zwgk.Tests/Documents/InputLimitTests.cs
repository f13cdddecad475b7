using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Documents;

/// <summary>
/// Bad input never 500s (issue 9 §2.3, §2.4): the same over-long text and out-of-range dates get a 400 naming the field on
/// SQLite (which used to store 100k characters) and PostgreSQL (which used to fail with 22001), by the API and by the form.
/// </summary>
public abstract class InputLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>JSON field, form field, error key, and a value one past the limit (a typed 发文字号 keeps its shape).</summary>
    public static TheoryData<string, string, string, int> OverLongFields => new()
    {
        { "documentNumber", "Input.DocumentNumber", "DocumentNumber", FieldLengths.DocumentNumber },
        { "keywords", "Input.Keywords", "Keywords", FieldLengths.Keywords },
        { "summary", "Input.Summary", "Summary", FieldLengths.Summary },
        { "indexNumber", "Input.IndexNumber", "IndexNumber", FieldLengths.IndexNumber },
        { "title", "Input.Title", "Title", FieldLengths.Title },
        { "disclosureMethod", "Input.DisclosureMethod", "DisclosureMethod", FieldLengths.DisclosureMethod },
        { "normativeRegistrationNumber", "Input.NormativeRegistrationNumber", "NormativeRegistrationNumber", FieldLengths.NormativeRegistrationNumber },
    };

    private static string Long(int max, string field) => field == "indexNumber" ? "X/" + new string('1', max) : new string('长', max + 1);

    [Theory]
    [MemberData(nameof(OverLongFields))]
    public async Task Over_long_text_is_a_400_naming_the_field_by_api_and_form(string json, string form, string key, int max)
    {
        var unit = await Factory.CreateUnitAsync("长度局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        var body = await Factory.DraftAsync(unit.Id, "长度测试");
        body["isNormative"] = json == "normativeRegistrationNumber";
        body[json] = Long(max, json);
        var resp = await editor.PostAsJsonAsync("/api/v1/admin/documents", body);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Equal("application/problem+json", resp.Content.Headers.ContentType?.MediaType);
        var errors = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains($"不能超过{max}个字", errors.GetProperty(key)[0].GetString());

        // The same through the back-office form, on a saved draft (an edit) — the page answers 400 with the message.
        var id = await CreateAsync(editor, await Factory.DraftAsync(unit.Id, "长度测试草稿"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "长度测试草稿"), new("Input.OwnerUnitId", unit.Id.ToString()), new("Input.Disclosure", "Proactive"),
            new("Input.IsNormative", json == "normativeRegistrationNumber" ? "true" : "false"),
        };
        fields.RemoveAll(f => f.Key == form);
        fields.Add(new(form, Long(max, json)));
        var page = await PostFormAsync(editor, $"/admin/documents/{id}/edit", null, fields);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains($"不能超过{max}个字", await page.Content.ReadAsStringAsync());

        int stored = -1;
        await Factory.WithDbAsync(async db => stored = await db.Documents.CountAsync(d => d.OwnerUnitId == unit.Id && d.Title != "长度测试草稿"));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Over_long_reasons_comments_and_notes_are_400s_and_the_body_has_a_generous_limit()
    {
        var unit = await Factory.CreateUnitAsync("意见局");
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var reviewer = await Factory.LoginAsync(unit.Id, Roles.Reviewer);

        var big = await Factory.DraftAsync(unit.Id, "正文很长的文件");
        big["bodyHtml"] = "<p>" + new string('文', 500_000) + "</p>";
        var id = await CreateAsync(admin, big); // half a million characters of body are fine
        var tooBig = await Factory.DraftAsync(unit.Id, "正文过长的文件");
        tooBig["bodyHtml"] = "<p>" + new string('文', FieldLengths.BodyHtml) + "</p>";
        var bodyResp = await admin.PostAsJsonAsync("/api/v1/admin/documents", tooBig);
        Assert.Equal(HttpStatusCode.BadRequest, bodyResp.StatusCode);
        Assert.True((await bodyResp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("BodyHtml", out _));

        async Task ExpectField(HttpResponseMessage r, string key)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(key, out _), key);
        }
        var other = await CreateAsync(admin, await Factory.DraftAsync(unit.Id, "被关联的文件"));
        await ExpectField(await admin.PostAsJsonAsync($"/api/v1/admin/documents/{id}/relations",
            new { targetId = other, type = "Amends", note = new string('注', FieldLengths.RelationNote + 1) }), "Note");

        await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        await ExpectField(await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = new string('意', FieldLengths.ReviewComment + 1) }), "Comment");
        await ExpectField(await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/reject", new { comment = new string('退', FieldLengths.ReviewComment + 1) }), "Comment");
        var pageReject = await PostFormAsync(reviewer, $"/admin/documents/{id}", "Reject", [new("Comment", new string('退', FieldLengths.ReviewComment + 1))]);
        Assert.Equal(HttpStatusCode.BadRequest, pageReject.StatusCode);
        Assert.Contains($"退回意见不能超过{FieldLengths.ReviewComment}个字", await pageReject.Content.ReadAsStringAsync());

        await Factory.ApproveLevelsAsync(unit.Id, id);
        await ExpectField(await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/withdraw", new { comment = new string('撤', FieldLengths.Reason + 1) }), "Comment");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/documents/{id}/withdraw", new { comment = new string('撤', FieldLengths.Reason) })).StatusCode);
    }

    [Theory]
    [InlineData("scheduledAt", "9999-12-31T23:59:59Z", "ScheduledAt")]
    [InlineData("scheduledAt", "1900-01-01T00:00:00Z", "ScheduledAt")]
    [InlineData("writtenOn", "9999-12-31", "WrittenOn")]
    [InlineData("writtenOn", "1800-01-01", "WrittenOn")]
    [InlineData("effectiveOn", "9999-12-31", "EffectiveOn")]
    [InlineData("expiresOn", "9999-12-31", "ExpiresOn")]
    public async Task Dates_out_of_range_are_a_400_naming_the_field(string json, string value, string key)
    {
        var unit = await Factory.CreateUnitAsync("日期局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        var body = await Factory.DraftAsync(unit.Id, "日期测试");
        if (json == "writtenOn") body.Remove("documentNumber");
        body[json] = value;
        var resp = await editor.PostAsJsonAsync("/api/v1/admin/documents", body);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.True((await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(key, out _), key);
    }

    [Fact]
    public async Task A_schedule_in_year_9999_is_refused_by_the_form_and_the_document_pages_keep_working()
    {
        var unit = await Factory.CreateUnitAsync("定时局");
        var editor = await Factory.LoginAsync(unit.Id, Roles.Editor);
        var id = await CreateAsync(editor, await Factory.DraftAsync(unit.Id, "定时发布测试"));
        List<KeyValuePair<string, string>> Form(string scheduled) =>
            [new("Input.Title", "定时发布测试"), new("Input.OwnerUnitId", unit.Id.ToString()), new("Input.Disclosure", "Proactive"), new("ScheduledLocal", scheduled)];

        var far = await PostFormAsync(editor, $"/admin/documents/{id}/edit", null, Form("9999-12-31T23:59"));
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("定时发布时间不能晚于", await far.Content.ReadAsStringAsync());
        var early = await PostFormAsync(editor, $"/admin/documents/{id}/edit", null, Form("0001-01-01T00:00"));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/documents/{id}/edit")).StatusCode);

        // A schedule within range is accepted.
        var ok = await PostFormAsync(editor, $"/admin/documents/{id}/edit", null, Form("2027-03-01T09:00"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }
}

public sealed class SqliteInputLimitTests() : InputLimitTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInputLimitTests() : InputLimitTests(DatabaseProvider.Postgres);
