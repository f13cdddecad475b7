using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>案例库 (issue 10 §6): anonymised copies of closed cases, a draft a person confirms, shared with request staff of every unit.</summary>
public abstract class CaseLibraryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;

    public ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _ = _f.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage resp) => await resp.Content.ReadFromJsonAsync<JsonElement>();

    private static Task<HttpResponseMessage> Add(HttpClient c, int requestId, string? tags = null) =>
        c.PostAsJsonAsync("/api/v1/admin/requests/library", new { requestId, tags });

    // Everything identifying the applicant, also repeated in the texts as people write them.
    private const string Name = "欧阳建国", Representative = "李明华", Phone = "13912345678", Email = "ouyang.jg@example.com", IdNumber = "370102198507153215",
        Address = "山东省济南市市中区七里山路15号3单元201室", Postal = "250001";

    [Fact]
    public async Task Only_closed_cases_can_be_added_once()
    {
        var unit = await _f.CreateUnitAsync("案例局");
        var officer = await _f.LoginAsync(unit.Id, Roles.RequestOfficer);
        var open = await _f.AddCaseAsync(unit.Id, "在办申请", "尚未答复", RequestState.Processing);
        var resp = await Add(officer, open);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resp.StatusCode);
        Assert.Contains("只有已答复或已归档的申请可以加入案例库", await resp.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(db => db.CaseLibraryEntries.CountAsync()));

        var closed = await _f.AddCaseAsync(unit.Id, "已答复申请", "申请公开2025年区级预算", RequestState.Archived);
        resp = await Add(officer, closed);
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var draft = await Json(resp);
        Assert.True(draft.GetProperty("isDraft").GetBoolean());
        Assert.Equal("待确认", draft.GetProperty("status").GetString());
        // A draft is not in the shared library, nor is the case marked yet.
        Assert.Equal(0, (await Json(await officer.GetAsync("/api/v1/admin/requests/library"))).GetProperty("total").GetInt32());
        Assert.False(await InLibraryAsync(closed));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Add(officer, closed)).StatusCode);
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/admin/requests/library/{id}/confirm", new { })).StatusCode);
        Assert.True(await InLibraryAsync(closed));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Add(officer, closed)).StatusCode);
    }

    [Fact]
    public async Task Personal_data_never_appears_in_a_library_entry_or_on_the_library_pages()
    {
        var unit = await _f.CreateUnitAsync("征收办");
        var officer = await _f.LoginAsync(unit.Id, Roles.RequestOfficer);
        var id = await _f.AddCaseAsync(unit.Id, $"{Name}申请公开柳树屯村征地补偿安置方案",
            $"本人{Name}（身份证号{IdNumber}）系柳树屯村村民，住{Address}，邮编{Postal}，请将2024年柳树屯村征地补偿安置方案寄给我，联系电话{Phone}，邮箱{Email}。",
            RequestState.Replied, Outcome.Disclosed,
            reply: $"{Name}：你于2026年2月2日提出的申请收悉。经查，2024年柳树屯村征地补偿安置方案已主动公开，现提供。如有疑问请联系{Representative}或拨打{Phone}。",
            applicant: Name, phone: Phone, email: Email, idNumber: IdNumber, address: Address, postalCode: Postal, legalRepresentative: Representative);

        var resp = await Add(officer, id, "征地补偿");
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var draft = await Json(resp);
        var entryId = draft.GetProperty("id").GetInt32();
        // The draft shows what was replaced: kinds and counts, not values.
        var summary = draft.GetProperty("replacementSummary").GetString()!;
        foreach (var kind in new[] { "申请人姓名或名称", "法定代表人或联系人姓名", "电话号码", "电子邮箱", "身份证号码", "地址", "邮政编码" }) Assert.Contains(kind, summary);
        AssertClean(draft.GetRawText());
        Assert.Contains("申请人：你于2026年2月2日", draft.GetProperty("replyText").GetString());

        // A person reviews the draft page (placeholders marked) and confirms; the creator may confirm.
        var page = await officer.GetStringAsync($"/admin/requests/library/{entryId}");
        AssertClean(page);
        Assert.Contains("<mark class=\"replaced\">***</mark>", page);
        var confirmed = await officer.PostAsJsonAsync($"/api/v1/admin/requests/library/{entryId}/confirm", new { notes = $"答复中不应写申请人姓名{Name}" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var entry = await Json(confirmed);
        Assert.Equal("已入库", entry.GetProperty("status").GetString());
        Assert.Equal("答复中不应写申请人姓名申请人", entry.GetProperty("notes").GetString());

        // Staff of another unit find it through the search and read it: no personal data anywhere.
        var other = await _f.CreateUnitAsync("其他局");
        var reader = await _f.LoginAsync(other.Id, Roles.RequestOfficer);
        var search = await reader.GetStringAsync("/api/v1/admin/requests/library?q=" + Uri.EscapeDataString("征地补偿"));
        Assert.Contains("柳树屯村征地补偿安置方案", search);
        AssertClean(search);
        AssertClean(await reader.GetStringAsync($"/api/v1/admin/requests/library/{entryId}"));
        AssertClean(await reader.GetStringAsync("/admin/requests/library?q=" + Uri.EscapeDataString("柳树屯")));
        AssertClean(await reader.GetStringAsync($"/admin/requests/library/{entryId}"));
        // Stored copy and audit trail are clean as well.
        var stored = await _f.WithScopeAsync(async sp => JsonSerializer.Serialize(await sp.GetRequiredService<ZwgkDbContext>().CaseLibraryEntries.SingleAsync(e => e.Id == entryId)));
        AssertClean(stored);
        var audits = await _f.WithScopeAsync(async sp => await sp.GetRequiredService<ZwgkDbContext>().AuditEntries.Where(a => a.EntityType == "CaseLibraryEntry").Select(a => a.Action + a.Summary).ToListAsync());
        Assert.Contains(audits, a => a.StartsWith("request.library.draft"));
        Assert.Contains(audits, a => a.StartsWith("request.library.confirm"));
        Assert.All(audits, AssertClean);
    }

    [Fact]
    public async Task The_library_is_shared_but_drafts_and_actions_stay_with_the_cases_unit()
    {
        var unit = await _f.CreateUnitAsync("甲局");
        var other = await _f.CreateUnitAsync("乙局");
        var officer = await _f.LoginAsync(unit.Id, Roles.RequestOfficer);
        var outsider = await _f.LoginAsync(other.Id, Roles.RequestOfficer);
        var editor = await _f.LoginAsync(unit.Id, Roles.Editor);
        var platform = await _f.LoginAsync(unit.Id, Roles.PlatformAdmin);
        var disclosed = await _f.AddCaseAsync(unit.Id, "区教育局2023年部门预算", "申请公开区教育局2023年部门预算和三公经费", outcome: Outcome.Disclosed);
        var withheld = await _f.AddCaseAsync(unit.Id, "某企业环境违法案件执法案卷", "申请查阅行政处罚案卷", outcome: Outcome.WithheldEnforcementFile, reply: "该信息属于行政执法案卷信息，不予公开。");

        // Another unit cannot add this unit's case (it answers as missing); a platform administrator only looks.
        Assert.Equal(HttpStatusCode.NotFound, (await Add(outsider, disclosed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Add(platform, disclosed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/v1/admin/requests/library")).StatusCode);
        var editorPage = await editor.GetAsync("/admin/requests/library");
        Assert.NotEqual(HttpStatusCode.OK, editorPage.StatusCode); // refused (the cookie scheme answers with its access-denied redirect)
        Assert.DoesNotContain("依申请公开案例库", await editorPage.Content.ReadAsStringAsync());

        var d1 = (await Json(await Add(officer, disclosed))).GetProperty("id").GetInt32();
        var d2 = (await Json(await Add(officer, withheld))).GetProperty("id").GetInt32();
        // Drafts of another unit's case: not visible, not confirmable.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/admin/requests/library/{d1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/admin/requests/library/{d1}/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/requests/library/{d1}")).StatusCode);

        // The 公开办 confirms one, the unit's officer the other (confirming through the page form).
        var office = await _f.LoginAsync(other.Id, Roles.OpennessOffice);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/admin/requests/library/{d1}/confirm", new { })).StatusCode);
        var form = await Documents.DocumentTestSupport.PostFormAsync(officer, $"/admin/requests/library/{d2}", "Confirm", [
            new("Input.InformationTitle", "某企业环境违法案件执法案卷"), new("Input.Description", "申请查阅行政处罚案卷，经办人张某某电话13700001111"),
            new("Input.ReplyText", "该信息属于行政执法案卷信息，不予公开。"), new("Input.Tags", "执法案卷")]);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var entry2 = await Json(await outsider.GetAsync($"/api/v1/admin/requests/library/{d2}"));
        Assert.Equal("已入库", entry2.GetProperty("status").GetString());
        Assert.DoesNotContain("13700001111", entry2.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, entry2.GetProperty("requestId").ValueKind); // the case itself stays out of reach

        // Search: words (sub-words of long words match), outcome, unit, year.
        async Task<int[]> Ids(string query) => (await Json(await outsider.GetAsync("/api/v1/admin/requests/library?" + query))).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal([d1], await Ids("q=" + Uri.EscapeDataString("三公经费")));
        Assert.Equal([d1], await Ids("q=" + Uri.EscapeDataString("教育局 预算")));
        Assert.Equal([d2], await Ids("q=" + Uri.EscapeDataString("执法案卷")));
        Assert.Empty(await Ids("q=" + Uri.EscapeDataString("征地补偿")));
        Assert.Equal([d2], await Ids("outcome=Withheld"));
        // No topic was set on the cases: the entry is filed under the inferred one (预算, 三公经费 → 财政、金融、审计).
        Assert.Equal([d1], await Ids("topic=" + Uri.EscapeDataString("财政、金融、审计")));
        Assert.Equal([d1], await Ids("outcome=Disclosed&q=" + Uri.EscapeDataString("预算")));
        Assert.Equal(2, (await Ids($"unit={unit.Id}&year=2026")).Length);
        Assert.Empty(await Ids($"unit={other.Id}"));
        Assert.Empty(await Ids("year=2025"));
        var page = await outsider.GetStringAsync("/admin/requests/library?q=" + Uri.EscapeDataString("执法案卷"));
        Assert.Contains($"/admin/requests/library/{d2}", page);
        Assert.DoesNotContain($"/admin/requests/library/{d1}\"", page);
    }

    private static void AssertClean(string text)
    {
        foreach (var value in new[] { Name, Representative, Phone, Email, IdNumber, Address, "七里山路15号", Postal, "139-1234-5678" })
            Assert.DoesNotContain(value, text);
    }

    private Task<int> CountAsync(Func<ZwgkDbContext, Task<int>> q) => _f.WithScopeAsync(sp => q(sp.GetRequiredService<ZwgkDbContext>()));

    private Task<bool> InLibraryAsync(int id) => _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().InformationRequests.Where(r => r.Id == id).Select(r => r.InCaseLibrary).FirstAsync());
}

public sealed class SqliteCaseLibraryTests() : CaseLibraryTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseLibraryTests() : CaseLibraryTests(DatabaseProvider.Postgres);
