using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Requests;

/// <summary>The case documents (文书): printable pages from editable templates, access by personal-data rights, audit.</summary>
public sealed class NoticeFixture : IAsyncLifetime
{
    public ZwgkFactory Factory { get; } = new(DatabaseProvider.Sqlite);
    public ValueTask InitializeAsync() { _ = Factory.Server; return ValueTask.CompletedTask; }
    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class NoticeTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private ZwgkFactory F => fixture.Factory;

    private sealed record Case(int Id, string CaseNumber, string QueryCode, string DueOn);

    private static async Task<Case> RegisterAsync(HttpClient office, Unit unit, string name = "李明", string description = "2025年某某道路改造工程的环境影响评价批复", string receivedOn = "2026-03-02")
    {
        var resp = await office.PostAsJsonAsync("/api/v1/admin/requests", new
        {
            channel = "当面", receivedOn, applicantType = "自然人", applicantName = name, contact = "13800000000",
            description, unit = unit.Code, informationTitle = "某某道路改造工程环评批复",
        });
        Assert.True(resp.StatusCode == HttpStatusCode.Created, await resp.Content.ReadAsStringAsync());
        var json = await resp.Content.ReadFromJsonAsync<JsonElement>();
        return new Case(json.GetProperty("id").GetInt32(), json.GetProperty("caseNumber").GetString()!, json.GetProperty("queryCode").GetString()!, json.GetProperty("dueOn").GetString()!);
    }

    private static async Task PostOkAsync(HttpClient c, string url, object body)
    {
        var resp = await c.PostAsJsonAsync(url, body);
        Assert.True(resp.StatusCode == HttpStatusCode.OK, $"{url}: {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
    }

    private static async Task<(HttpStatusCode Status, string Html)> NoticeAsync(HttpClient c, int id, string kind, string query = "")
    {
        var resp = await c.GetAsync($"/admin/requests/{id}/notices/{kind}{query}");
        return (resp.StatusCode, await resp.Content.ReadAsStringAsync());
    }

    private static string Cn(string iso) => NoticeRendering.OfficialDate(DateOnly.ParseExact(iso, "yyyy-MM-dd"));

    private async Task<(Unit Unit, HttpClient Office)> SetupAsync(UnitKind kind = UnitKind.Department)
    {
        var unit = await F.CreateUnitAsync("文书测试局", kind);
        return (unit, await F.LoginAsync(unit.Id, Roles.OpennessOffice));
    }

    private Task<HttpResponseMessage> SaveSettingsAsync(HttpClient office, Dictionary<string, string> fields) =>
        PostFormAsync(office, "/admin/requests/templates", null, fields);

    [Fact]
    public async Task Receipt_names_the_case_number_receipt_date_and_due_date_and_is_audited()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit);

        var (status, html) = await NoticeAsync(office, c.Id, "receipt");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(c.CaseNumber, html);
        Assert.Contains("本机关于2026年3月2日收到", html);
        Assert.Contains(Cn(c.DueOn) + "前予以答复", html);
        Assert.Contains(unit.Name, html);
        Assert.Contains("第三十一条", html);
        // The 查询码 is shown once at registration and never reprinted.
        Assert.DoesNotContain(c.QueryCode, html);
        Assert.Contains("data-print", html);

        await F.WithDbAsync(async db =>
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "request.notice.generate" && a.EntityId == c.Id.ToString() && a.Summary.Contains("接收回执")));
            var e = await db.RequestEvents.SingleAsync(x => x.RequestId == c.Id && x.Kind == RequestEventKind.NoticeGenerated);
            Assert.False(e.Public);
        });
    }

    [Fact]
    public async Task Only_notices_the_case_state_supports_are_offered()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(office, c.Id, "reply")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(office, c.Id, "correction")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(office, c.Id, "fee")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(office, c.Id, "no-such-kind")).Status);

        var list = await office.GetFromJsonAsync<JsonElement>($"/api/v1/admin/requests/{c.Id}/notices");
        var kinds = list.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["registration", "receipt"], kinds);
        Assert.True(list.GetProperty("canOpen").GetBoolean());
        Assert.Equal($"/admin/requests/{c.Id}/notices/receipt", list.GetProperty("notices")[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Correction_notice_names_what_to_correct_the_time_limit_and_the_consequence()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit);
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/correction", new { on = "2026-03-02", content = "请写明所需文件的制作年份和项目名称", dueOn = "2026-03-20" });

        var (status, html) = await NoticeAsync(office, c.Id, "correction");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请写明所需文件的制作年份和项目名称", html);
        Assert.Contains("请您于2026年3月20日前", html);
        Assert.Contains("视为放弃申请", html);
        Assert.Contains("第三十条", html);
    }

    public static TheoryData<Outcome, string?> ReplyOutcomes => new()
    {
        { Outcome.Disclosed, null },
        { Outcome.PartlyDisclosed, null },
        { Outcome.WithheldThirdPartyRights, null },
        { Outcome.UnavailableNotHeld, "济南市某某管理局" },
        { Outcome.NotProcessedRepeated, null },
        { Outcome.OtherMisc, null },
    };

    [Theory]
    [MemberData(nameof(ReplyOutcomes))]
    public async Task Each_reply_cites_its_basis_and_ends_with_the_configured_remedy_clause(Outcome outcome, string? referred)
    {
        var (unit, office) = await SetupAsync();
        var settings = await SaveSettingsAsync(office, new()
        {
            ["Input.ReviewBody"] = "济南市市中区人民政府", ["Input.Court"] = "济南铁路运输法院",
            ["Input.GovernmentReviewBody"] = "济南市人民政府", ["Input.GovernmentCourt"] = "济南铁路运输中级法院",
        });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var c = await RegisterAsync(office, unit);
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/accept", new { handlerUserId = (string?)null });
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/reply", new { outcome = outcome.ToString(), text = "答复正文：相关情况说明。", referredAgency = referred });
        var approver = await F.LoginAsync(unit.Id, Roles.OpennessOffice);
        await PostOkAsync(approver, $"/api/v1/admin/requests/{c.Id}/reply/approve", new { repliedOn = "2026-03-02" });

        var (status, html) = await NoticeAsync(office, c.Id, "reply");
        Assert.Equal(HttpStatusCode.OK, status);
        var info = outcome.Info();
        Assert.Contains(info.Basis == "——" ? "根据《中华人民共和国政府信息公开条例》的规定" : info.Basis, html);
        if (info.Group is OutcomeGroup.Withheld or OutcomeGroup.Unavailable or OutcomeGroup.NotProcessed or OutcomeGroup.Other) Assert.Contains(info.Label, html);
        Assert.Contains("答复正文：相关情况说明。", html);
        Assert.Contains("六十日内向济南市市中区人民政府申请行政复议", html);
        Assert.Contains("六个月内向济南铁路运输法院提起行政诉讼", html);
        Assert.Contains("第二十条", html);
        Assert.Contains("第四十六条", html);
        Assert.Contains("2026年3月2日", html);
        if (referred is not null) Assert.Contains("负责公开该政府信息的行政机关为" + referred, html);
    }

    [Fact]
    public async Task The_district_governments_own_reply_names_the_government_above_and_a_unit_setting_wins()
    {
        var (gov, office) = await SetupAsync(UnitKind.DistrictGovernment);
        var dept = await F.CreateUnitAsync("另一局");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(office, new()
        {
            ["Input.ReviewBody"] = "济南市市中区人民政府", ["Input.GovernmentReviewBody"] = "济南市人民政府", ["Input.GovernmentCourt"] = "济南铁路运输中级法院",
            ["Units[0].UnitId"] = dept.Id.ToString(), ["Units[0].ReviewBody"] = "某某特设复议机关", ["Units[0].Court"] = "",
        })).StatusCode);

        async Task<string> ReplyAsync(Unit unit)
        {
            var c = await RegisterAsync(office, unit);
            await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/accept", new { handlerUserId = (string?)null });
            await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/reply", new { outcome = "Disclosed", text = "予以提供。" });
            var (status, html) = await NoticeAsync(office, c.Id, "reply");
            Assert.Equal(HttpStatusCode.OK, status);
            return html;
        }

        var own = await ReplyAsync(gov);
        Assert.Contains("向济南市人民政府申请行政复议", own);
        Assert.Contains("向济南铁路运输中级法院提起行政诉讼", own);
        var other = await ReplyAsync(dept);
        Assert.Contains("向某某特设复议机关申请行政复议", other);
    }

    [Fact]
    public async Task An_edited_template_is_used_a_bad_placeholder_is_refused_and_reset_restores_the_default()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit);
        const string page = "/admin/requests/templates/receipt";

        var bad = await PostFormAsync(office, page, "Save", [new("Input.Title", "接收回执"), new("Input.Body", "{申请人}：\n编号{受理编号}，{不存在的字段}"), new("Input.Version", "0")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("未知的占位符：{不存在的字段}", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var noRemedy = await PostFormAsync(office, "/admin/requests/templates/reply/Withheld", "Save",
            [new("Input.Title", "答复书"), new("Input.Body", "{申请人}：\n不予公开。"), new("Input.Version", "0")]);
        Assert.Contains("{复议机关}", WebUtility.HtmlDecode(await noRemedy.Content.ReadAsStringAsync()));

        var ok = await PostFormAsync(office, page, "Save", [new("Input.Title", "收件回执（本局格式）"), new("Input.Body", "{申请人}：\n本局已收到，编号{受理编号}，期限{答复期限}。"), new("Input.Version", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, html) = await NoticeAsync(office, c.Id, "receipt");
        Assert.Contains("收件回执（本局格式）", html);
        Assert.Contains($"本局已收到，编号{c.CaseNumber}，期限{Cn(c.DueOn)}。", html);

        // Saving from a stale version is refused.
        var stale = await PostFormAsync(office, page, "Save", [new("Input.Title", "再改"), new("Input.Body", "{受理编号}"), new("Input.Version", "0")]);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync());

        await F.WithDbAsync(async db =>
        {
            var t = await db.NoticeTemplates.SingleAsync(x => x.Kind == NoticeKind.Receipt);
            Assert.Equal(1, t.Version);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "request.notice.template" && a.Summary.Contains("接收回执")));
        });

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(office, page, "Reset", [])).StatusCode);
        (_, html) = await NoticeAsync(office, c.Id, "receipt");
        Assert.DoesNotContain("本局已收到", html);
        Assert.Contains("前予以答复", html);

        // Other roles do not edit templates.
        var unitAdmin = await F.LoginAsync(unit.Id, Roles.UnitAdmin);
        Assert.NotEqual(HttpStatusCode.OK, (await unitAdmin.GetAsync("/admin/requests/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await F.LoginAsync(unit.Id, Roles.PlatformAdmin)).GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Html_in_the_applicants_input_is_encoded()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit, name: "<script>alert(1)</script>", description: "<img src=x onerror=alert(2)>说明");

        var (status, html) = await NoticeAsync(office, c.Id, "registration");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;说明", html);
        Assert.Contains("<table class=\"notice-table\">", html);
    }

    [Fact]
    public async Task Another_units_user_gets_404_and_a_user_without_personal_data_rights_gets_403()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit);
        var other = await F.CreateUnitAsync("别的局");
        var stranger = await F.LoginAsync(other.Id, Roles.RequestOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(stranger, c.Id, "receipt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await NoticeAsync(stranger, c.Id + 100000, "receipt")).Status);

        var unitAdmin = await F.LoginAsync(unit.Id, Roles.UnitAdmin);
        var (status, html) = await NoticeAsync(unitAdmin, c.Id, "receipt");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("李明", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await NoticeAsync(await F.LoginAsync(unit.Id, Roles.PlatformAdmin), c.Id, "registration")).Status);

        // The unit's 依申请公开经办 may.
        Assert.Equal(HttpStatusCode.OK, (await NoticeAsync(await F.LoginAsync(unit.Id, Roles.RequestOfficer), c.Id, "registration")).Status);
        await F.WithDbAsync(async db =>
            Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == c.Id && e.Kind == RequestEventKind.NoticeGenerated)));
    }

    [Fact]
    public async Task Fee_notice_shows_basis_standard_tiers_amount_and_payment_period()
    {
        var (unit, office) = await SetupAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(office, new() { ["Input.PaymentMethod"] = "通过非税收入缴款码缴纳" })).StatusCode);
        var c = await RegisterAsync(office, unit);
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/accept", new { handlerUserId = (string?)null });
        // No fee route exists yet: the fee record is written as the fee step would write it (12 pieces after 25 this month).
        var fee = new RequestFee { RequestId = c.Id, Method = FeeMethod.PerPiece, Quantity = 12, EarlierPiecesThisMonth = 25, IssuedOn = new(2026, 3, 2), NoticeReceivedOn = new(2026, 3, 2), PayBy = new(2026, 3, 30) };
        fee.Amount = NoticeFees.Bands(fee).Sum(b => b.Subtotal);
        Assert.Equal(5 * 100 + 7 * 200, fee.Amount);
        await F.WithDbAsync(async db => { db.RequestFees.Add(fee); await db.SaveChangesAsync(); });

        var (status, html) = await NoticeAsync(office, c.Id, "fee");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("《政府信息公开信息处理费管理办法》", html);
        Assert.Contains("按件计收", html);
        Assert.Contains("第26—30件：5件", html);
        Assert.Contains("第31—37件：7件", html);
        Assert.Contains("应缴金额：1900元", html);
        Assert.Contains("20个工作日内，即2026年3月30日前", html);
        Assert.Contains("视为放弃申请", html);
        Assert.Contains("通过非税收入缴款码缴纳", html);
    }

    [Fact]
    public async Task Consultation_letters_and_extension_notice()
    {
        var (unit, office) = await SetupAsync();
        var c = await RegisterAsync(office, unit, name: "王某某");
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/accept", new { handlerUserId = (string?)null });
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/consultations", new { kind = "ThirdParty", party = "某某建设有限公司", matter = "是否同意公开环评报告中涉及你方的内容", sentOn = "2026-03-02" });
        await PostOkAsync(office, $"/api/v1/admin/requests/{c.Id}/consultations", new { kind = "Agency", party = "某某区生态环境分局", sentOn = "2026-03-02" });
        // 条例第三十三条: the handler does not approve their own extension.
        var head = await F.LoginAsync(unit.Id, Roles.OpennessOffice);
        await PostOkAsync(head, $"/api/v1/admin/requests/{c.Id}/extension", new { days = 10, reason = "需要调取档案并征求意见" });

        var (status, third) = await NoticeAsync(office, c.Id, "third-party");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("某某建设有限公司", third);
        Assert.Contains("第三十二条", third);
        Assert.Contains("15个工作日内", third);
        // The third party is not told who applied.
        Assert.DoesNotContain("王某某", third);

        var (_, agency) = await NoticeAsync(office, c.Id, "agency");
        Assert.Contains("第三十四条", agency);
        Assert.Contains("视为同意公开", agency);

        var (_, ext) = await NoticeAsync(office, c.Id, "extension");
        Assert.Contains("延长10个工作日", ext);
        Assert.Contains("需要调取档案并征求意见", ext);
        Assert.Contains("第三十三条第二款", ext);
    }
}
