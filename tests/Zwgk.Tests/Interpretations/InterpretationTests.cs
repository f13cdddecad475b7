using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Tests.Interpretations;

/// <summary>
/// 政策解读: links both ways on the public pages, the rule checks (pending then overdue across the National Day holiday,
/// late by working days, forms below the minimum incl. the 区政府 5-form rule, text overlap), the accessibility gate on
/// media, unit scoping and the per-unit report. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class InterpretationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private Unit _a = null!, _b = null!, _gov = null!;
    private HttpClient _office = null!, _adminA = null!, _adminB = null!, _anon = null!;
    private Zwgk.Infrastructure.Identity.ZwgkUser _officeUser = null!, _adminAUser = null!, _adminBUser = null!;

    private const string PolicyBody = """
        第一条 鼓励企业吸纳就业。对本区中小微企业招用毕业年度或离校2年内未就业高校毕业生，与其签订1年以上劳动合同并按规定缴纳社会保险费的，按每人1500元标准给予一次性吸纳就业补贴。
        第二条 支持自主创业。对在本区首次创办小微企业或从事个体经营，且自工商登记注册之日起正常运营6个月以上的高校毕业生，给予一次性创业补贴5000元。
        第三条 加大创业担保贷款支持。符合条件的高校毕业生个人可申请最高30万元的创业担保贷款，小微企业可申请最高400万元的创业担保贷款，按规定给予贴息。
        """;
    private const string CopiedBody = """
        一、鼓励企业吸纳就业。对本区中小微企业招用毕业年度或离校2年内未就业高校毕业生，与其签订1年以上劳动合同并按规定缴纳社会保险费的，按每人1500元标准给予一次性吸纳就业补贴。
        二、支持自主创业。对在本区首次创办小微企业或从事个体经营，且自工商登记注册之日起正常运营6个月以上的高校毕业生，给予一次性创业补贴5000元。
        """;
    private const string OwnWordsBody = """
        问：企业招一名毕业生能拿到多少钱？答：中小微企业每招一名毕业两年内还没工作的大学生，签满一年合同并给他交社保，就可以领一次性补贴一千五百元。
        问：想自己开店的毕业生有什么支持？答：第一次在本区开店、正常经营满半年，可以拿五千元；缺钱的个人最多能贷三十万元，利息由财政帮着贴。
        """;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Clock.SetChinaDate(new DateOnly(2025, 9, 30));
        _a = await _f.CreateUnitAsync("区人社局");
        _b = await _f.CreateUnitAsync("区民政局");
        _gov = await _f.CreateUnitAsync("区人民政府", UnitKind.DistrictGovernment);
        _officeUser = await _f.CreateUserAsync(_gov.Id, Roles.OpennessOffice);
        _adminAUser = await _f.CreateUserAsync(_a.Id, Roles.UnitAdmin);
        _adminBUser = await _f.CreateUserAsync(_b.Id, Roles.UnitAdmin);
        await LoginAllAsync();
        _anon = _f.CreateClient();
    }

    private async Task LoginAllAsync()
    {
        _office = await _f.LoginAsync(_officeUser);
        _adminA = await _f.LoginAsync(_adminAUser);
        _adminB = await _f.LoginAsync(_adminBUser);
    }

    /// <summary>Moves the clock to a China date and signs in again (the jump outlasts the idle timeout).</summary>
    private async Task TodayAsync(int year, int month, int day)
    {
        _f.Clock.SetChinaDate(new DateOnly(year, month, day));
        await LoginAllAsync();
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static DateTimeOffset ChinaTime(string day, int hour = 10) =>
        new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>A document created and (when a day is given) published by the system on that China day.</summary>
    private Task<int> DocAsync(Unit unit, string title, string body, string? publishedOn, bool normative = false, bool major = false,
        int? interprets = null, InterpretationForm? form = null) => _f.WithScopeAsync(async sp =>
    {
        var docs = sp.GetRequiredService<DocumentService>();
        var r = await docs.SaveAsync(null, new DocumentInput
        {
            Title = title, OwnerUnitId = unit.Id, IssuerUnitIds = [unit.Id], IsNormative = normative, IsMajorPolicy = major,
            NormativeRegistrationNumber = normative ? "SZDR-2025-0010001" : null, EffectiveOn = normative ? new DateOnly(2025, 9, 1) : null, Genre = interprets is null ? "通知" : "解读",
            BodyHtml = string.Concat(body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{p}</p>")),
        }, default, systemImport: true);
        Assert.True(r.Ok, r.Message);
        var id = r.Id!.Value;
        var db = sp.GetRequiredService<ZwgkDbContext>();
        if (interprets is int policy) db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = id, ToDocumentId = policy, Type = RelationType.Interprets });
        if (form is { } f) db.InterpretationProfiles.Add(new InterpretationProfile { DocumentId = id, Form = f, InterpretingUnitId = unit.Id, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        if (publishedOn is not null)
        {
            var p = await docs.PublishAsSystemAsync(id, "测试", default, ChinaTime(publishedOn));
            Assert.True(p.Ok, p.Message);
        }
        return id;
    });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage resp)
    {
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, $"{(int)resp.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ReportRowAsync(HttpClient c, int unitId)
    {
        var report = await JsonAsync(await c.GetAsync("/api/v1/admin/interpretations/report"));
        return report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == unitId);
    }

    private static async Task<string> PageAsync(HttpClient c, string url)
    {
        var resp = await c.GetAsync(url);
        var html = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, $"{url}: {(int)resp.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task Policy_and_interpretation_link_each_other_and_an_unpublished_interpretation_stays_off_the_portal()
    {
        var policy = await DocAsync(_a, "高校毕业生就业创业若干措施", PolicyBody, "2025-09-30", normative: true);
        var graphic = await DocAsync(_a, "一图读懂就业创业措施", "用一张图看懂三项补贴。", "2025-09-30", interprets: policy, form: InterpretationForm.Graphic);
        var draft = await DocAsync(_a, "就业创业措施视频解读（草稿）", "视频脚本", null, interprets: policy, form: InterpretationForm.Video);
        await _f.WithDbAsync(async db =>
        {
            var p = await db.InterpretationProfiles.Include(x => x.Points).SingleAsync(x => x.DocumentId == graphic);
            p.InterpreterName = "王建华"; p.InterpreterTitle = "局长";
            p.Points.Add(new InterpretationPoint { Order = 1, Clause = "第一条", Text = "企业每招一名毕业生补贴1500元" });
            await db.SaveChangesAsync();
        });

        var policyPage = await PageAsync(_anon, $"/doc/{policy}");
        Assert.Contains("相关解读", policyPage);
        Assert.Contains($"/doc/{graphic}", policyPage);
        Assert.Contains("图解", policyPage);
        Assert.DoesNotContain("视频解读（草稿）", policyPage);
        Assert.DoesNotContain($"/doc/{draft}\"", policyPage);

        var interpretationPage = await PageAsync(_anon, $"/doc/{graphic}");
        Assert.Contains("解读的政策文件", interpretationPage);
        Assert.Contains($"href=\"/doc/{policy}\"", interpretationPage);
        Assert.Contains("解读要点", interpretationPage);
        Assert.Contains("第一条", interpretationPage);
        Assert.Contains("主要负责人解读", interpretationPage);
        Assert.Equal(HttpStatusCode.NotFound, (await _anon.GetAsync($"/doc/{draft}")).StatusCode);

        // The admin list shows both to the owner unit.
        var list = await PageAsync(_adminA, "/admin/interpretations");
        Assert.Contains("一图读懂就业创业措施", list);
        Assert.Contains("就业创业措施视频解读（草稿）", list);
    }

    [Fact]
    public async Task A_document_with_an_interpretation_profile_is_in_the_interpretation_search_facet()
    {
        // Neither linked nor of the 解读 genre nor in the 政策解读 column: the profile alone makes it an interpretation.
        var id = await _f.WithScopeAsync(async sp =>
        {
            var docs = sp.GetRequiredService<DocumentService>();
            var r = await docs.SaveAsync(null, new DocumentInput { Title = "养犬管理规定图解说明", OwnerUnitId = _a.Id, IssuerUnitIds = [_a.Id], Genre = "通知", BodyHtml = "<p>养犬登记办理方式</p>" },
                default, systemImport: true);
            var db = sp.GetRequiredService<ZwgkDbContext>();
            db.InterpretationProfiles.Add(new InterpretationProfile { DocumentId = r.Id!.Value, Form = InterpretationForm.Graphic, InterpretingUnitId = _a.Id, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            Assert.True((await docs.PublishAsSystemAsync(r.Id!.Value, "测试", default, ChinaTime("2025-09-30"))).Ok);
            return r.Id!.Value;
        });
        var plain = await DocAsync(_a, "养犬管理规定", "养犬登记办理方式", "2025-09-30");
        await _f.Services.GetRequiredService<Zwgk.Infrastructure.Search.SearchIndexer>().CatchUpAsync();
        var found = await JsonAsync(await _anon.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("养犬管理规定") + "&type=interpretation"));
        var urls = found.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("url").GetString()).ToList();
        Assert.Contains($"/doc/{id}", urls);
        Assert.DoesNotContain($"/doc/{plain}", urls);
    }

    [Fact]
    public async Task Missing_interpretation_is_pending_until_the_deadline_after_the_national_day_holiday_then_overdue()
    {
        // Published Tuesday 30 September 2025: 10/1–10/8 off, 10/9, 10/10 and the 调休 Saturday 10/11 are the three working days.
        var policy = await DocAsync(_a, "关于做好节后就业服务的通知", PolicyBody, "2025-09-30", major: true);
        await TodayAsync(2025, 10, 8);
        var row = await ReportRowAsync(_adminA, _a.Id);
        Assert.Equal(1, row.GetProperty("required").GetInt32());
        Assert.Equal(1, row.GetProperty("pending").GetInt32());
        Assert.Equal(0, row.GetProperty("overdue").GetInt32());
        Assert.Contains("待解读（截止2025年10月11日）", await PageAsync(_adminA, $"/admin/documents/{policy}"));

        await TodayAsync(2025, 10, 11);
        Assert.Equal(1, (await ReportRowAsync(_adminA, _a.Id)).GetProperty("pending").GetInt32());

        await TodayAsync(2025, 10, 14);
        row = await ReportRowAsync(_adminA, _a.Id);
        Assert.Equal(0, row.GetProperty("pending").GetInt32());
        Assert.Equal(1, row.GetProperty("overdue").GetInt32());
        Assert.Contains("逾期未解读（已超2个工作日）", await PageAsync(_adminA, $"/admin/documents/{policy}"));
        var overdue = await JsonAsync(await _adminA.GetAsync("/api/v1/admin/interpretations/policies?check=overdue"));
        Assert.Equal(policy, Assert.Single(overdue.EnumerateArray()).GetProperty("id").GetInt32());
        // A policy that is neither normative nor major needs no interpretation.
        await DocAsync(_a, "关于召开工作会议的通知", "会议安排。", "2025-10-14");
        Assert.Equal(1, (await ReportRowAsync(_adminA, _a.Id)).GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task Late_interpretations_and_too_few_forms_are_reported_with_five_forms_for_government_documents()
    {
        await TodayAsync(2025, 12, 1);
        // Friday 14 November 2025: deadline Wednesday 19 November; Friday 21 November is two working days late.
        var policy = await DocAsync(_a, "就业补贴办法", PolicyBody, "2025-11-14", normative: true);
        await DocAsync(_a, "就业补贴办法解读", OwnWordsBody, "2025-11-14", interprets: policy, form: InterpretationForm.Text);
        var late = await DocAsync(_a, "一图读懂就业补贴办法", "图解说明", "2025-11-21", interprets: policy, form: InterpretationForm.Graphic);
        var row = await ReportRowAsync(_adminA, _a.Id);
        Assert.Equal(1, row.GetProperty("interpreted").GetInt32());
        Assert.Equal(1, row.GetProperty("onTime").GetInt32()); // the first interpretation came the same day
        Assert.Equal(1, row.GetProperty("belowForms").GetInt32()); // 2 forms < 3
        var details = await PageAsync(_adminA, $"/admin/documents/{policy}");
        Assert.Contains("逾期发布（晚2个工作日）", details);
        Assert.Contains("解读形式不足：2种", details);
        Assert.Contains($"/admin/documents/{late}", details);

        await DocAsync(_a, "就业补贴办法简明问答", "问答", "2025-11-17", interprets: policy, form: InterpretationForm.BriefQa);
        Assert.Equal(0, (await ReportRowAsync(_adminA, _a.Id)).GetProperty("belowForms").GetInt32());

        // Only a late interpretation: the policy counts as late by its working days.
        var solo = await DocAsync(_a, "养老服务补贴办法", PolicyBody, "2025-11-14", major: true);
        await DocAsync(_a, "养老服务补贴办法解读", OwnWordsBody, "2025-11-24", interprets: solo, form: InterpretationForm.Text);
        row = await ReportRowAsync(_adminA, _a.Id);
        Assert.Equal(1, row.GetProperty("late").GetInt32());
        var lateList = await JsonAsync(await _adminA.GetAsync($"/api/v1/admin/interpretations/policies?unit={_a.Id}&check=late"));
        var item = Assert.Single(lateList.EnumerateArray());
        Assert.Equal(solo, item.GetProperty("id").GetInt32());
        Assert.Equal("逾期发布（晚3个工作日）", item.GetProperty("timeliness").GetString());

        // 区政府名义: three forms are not enough, five are.
        var gov = await DocAsync(_gov, "区政府关于促进消费的若干措施", PolicyBody, "2025-11-14", normative: true);
        InterpretationForm[] forms = [InterpretationForm.Text, InterpretationForm.Graphic, InterpretationForm.Video];
        foreach (var f in forms) await DocAsync(_gov, $"促消费措施{f}解读", OwnWordsBody, "2025-11-14", interprets: gov, form: f);
        var govRow = await ReportRowAsync(_office, _gov.Id);
        Assert.Equal(1, govRow.GetProperty("belowForms").GetInt32());
        Assert.Contains("区政府名义文件要求不少于5种", await PageAsync(_office, $"/admin/documents/{gov}"));
        foreach (var f in new[] { InterpretationForm.PressConference, InterpretationForm.H5 })
            await DocAsync(_gov, $"促消费措施{f}解读", OwnWordsBody, "2025-11-14", interprets: gov, form: f);
        Assert.Equal(0, (await ReportRowAsync(_office, _gov.Id)).GetProperty("belowForms").GetInt32());

        // The report page drills down to the policies behind a figure.
        var page = await PageAsync(_office, $"/admin/interpretations/report?Unit={_a.Id}&Check=late");
        Assert.Contains("逾期发布的文件（1）", page);
        Assert.Contains("养老服务补贴办法", page);
    }

    [Fact]
    public async Task An_interpretation_that_repeats_the_policy_is_flagged_and_one_in_its_own_words_is_not()
    {
        var policy = await DocAsync(_a, "创业扶持措施", PolicyBody, "2025-09-30", normative: true);
        var copy = await DocAsync(_a, "创业扶持措施图解", CopiedBody, "2025-09-30", interprets: policy, form: InterpretationForm.Graphic);
        var own = await DocAsync(_a, "创业扶持措施问答", OwnWordsBody, "2025-09-30", interprets: policy, form: InterpretationForm.BriefQa);
        var copyPage = await PageAsync(_adminA, $"/admin/documents/{copy}");
        Assert.Matches("文字重复度 (9\\d|100)%，过高", copyPage);
        var ownPage = await PageAsync(_adminA, $"/admin/documents/{own}");
        Assert.Matches("文字重复度 [0-2]?\\d%", ownPage);
        Assert.DoesNotContain("过高", ownPage);
        Assert.Equal(1, (await ReportRowAsync(_adminA, _a.Id)).GetProperty("highOverlap").GetInt32());
        var items = await JsonAsync(await _adminA.GetAsync("/api/v1/admin/interpretations/policies?check=overlap"));
        var interps = Assert.Single(items.EnumerateArray()).GetProperty("interpretations").EnumerateArray().ToList();
        Assert.True(interps.Single(i => i.GetProperty("id").GetInt32() == copy).GetProperty("overlap").GetDouble() >= 0.9);
        Assert.True(interps.Single(i => i.GetProperty("id").GetInt32() == own).GetProperty("overlap").GetDouble() < 0.3);

        // Overlap is remembered per document version: a rewritten interpretation (a save bumps the version) is measured again.
        await _f.WithDbAsync(async db =>
        {
            // The body lives in a split table: change it through the tracked entity.
            var d = await db.Documents.SingleAsync(x => x.Id == copy);
            d.BodyHtml = "<p>问：招一名毕业生能拿多少？答：一千五百元。</p>";
            d.Version++;
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await ReportRowAsync(_adminA, _a.Id)).GetProperty("highOverlap").GetInt32());
    }

    [Fact]
    public async Task Media_without_alt_text_or_transcript_is_refused_at_submission_with_the_reason()
    {
        var policy = await DocAsync(_a, "就业见习管理办法", PolicyBody, "2025-09-30", normative: true);
        // One click from the policy: a draft of the policy's unit, genre 解读, linked.
        var created = await JsonAsync(await _adminA.PostAsync($"/api/v1/admin/interpretations/for/{policy}", null));
        var id = created.GetProperty("id").GetInt32();
        await _f.WithDbAsync(async db =>
        {
            var d = await db.Documents.Include(x => x.Relations).SingleAsync(x => x.Id == id);
            Assert.Equal(_a.Id, d.OwnerUnitId);
            Assert.Equal("解读", d.Genre);
            Assert.Contains(d.Relations, r => r.ToDocumentId == policy && r.Type == RelationType.Interprets);
            Assert.Equal(_a.Id, (await db.InterpretationProfiles.SingleAsync(p => p.DocumentId == id)).InterpretingUnitId);
        });

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        byte[] mp4 = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2', 0, 0, 0, 0];
        async Task<int> UploadAsync(byte[] bytes, string name)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/octet-stream");
            await JsonAsync(await _adminA.PostAsync($"/api/v1/admin/documents/{id}/attachments?fileName={name}", content));
            return await _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Attachments.Where(a => a.DocumentId == id && a.FileName == name).Select(a => a.Id).SingleAsync());
        }
        var image = await UploadAsync(png, "tujie.png");
        var video = await UploadAsync(mp4, "jiedu.mp4");

        var save = await _adminA.PutAsJsonAsync($"/api/v1/admin/interpretations/{id}", new
        {
            form = "Video", interpreterName = "王建华", interpreterTitle = "局长",
            points = new[] { new { clause = "第二条", text = "见习补贴按最低工资标准60%发放" } },
            media = new object[] { new { attachmentId = image, kind = "Image" }, new { attachmentId = video, kind = "Video" } },
        });
        await JsonAsync(save);
        var submit = await _adminA.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        var problem = JsonDocument.Parse(await submit.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("图片「tujie.png」缺少替代文字", problem);
        Assert.Contains("视频「jiedu.mp4」缺少文字实录或字幕文件", problem);
        Assert.Contains("缺少替代文字", await PageAsync(_adminA, $"/admin/documents/{id}"));

        await JsonAsync(await _adminA.PutAsJsonAsync($"/api/v1/admin/interpretations/{id}", new
        {
            form = "Video",
            media = new object[] { new { attachmentId = image, kind = "Image", altText = "见习补贴标准图解" }, new { attachmentId = video, kind = "Video", transcript = "主持人：各位网友好……" } },
        }));
        // The declared kind must match the file: a video is not an audio file nor a picture.
        var wrongKind = await _adminA.PutAsJsonAsync($"/api/v1/admin/interpretations/{id}", new
        {
            form = "Video", media = new object[] { new { attachmentId = video, kind = "Audio", transcript = "实录" }, new { attachmentId = image, kind = "Video", transcript = "实录" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Contains("不是", await wrongKind.Content.ReadAsStringAsync());
        await JsonAsync(await _adminA.PostAsync($"/api/v1/admin/documents/{id}/submit", null));
        // Every change is in the document's audit trail.
        var actions = await _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().AuditEntries.Where(a => a.EntityType == "Document" && a.EntityId == id.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Contains("interpretation.create", actions);
        Assert.Contains("interpretation.update", actions);

        // Once live (or scheduled), editing the profile cannot drop what the accessibility gate required.
        await _f.WithDbAsync(db => db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(x => x.SetProperty(d => d.Status, DocumentStatus.Published)));
        var stripped = await _adminA.PutAsJsonAsync($"/api/v1/admin/interpretations/{id}", new
        {
            form = "Video", media = new object[] { new { attachmentId = image, kind = "Image" }, new { attachmentId = video, kind = "Video", transcript = "主持人：各位网友好……" } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stripped.StatusCode);
        Assert.Contains("图片「tujie.png」缺少替代文字", JsonDocument.Parse(await stripped.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal("见习补贴标准图解", await _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().InterpretationMedia.Where(m => m.ProfileDocumentId == id && m.AttachmentId == image)
            .Select(m => m.AltText).SingleAsync()));

        // A media file must be an attachment of the same document.
        var other = await DocAsync(_a, "其他文件", "正文", null);
        var foreign = await _adminA.PutAsJsonAsync($"/api/v1/admin/interpretations/{other}", new { form = "Text", media = new[] { new { attachmentId = image, kind = "Image", altText = "x" } } });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Fact]
    public async Task A_unit_interprets_only_its_own_policies_and_sees_only_its_own_report()
    {
        var publicPolicy = await DocAsync(_a, "人社局公开文件", PolicyBody, "2025-09-30", normative: true);
        var draftPolicy = await DocAsync(_a, "人社局草稿文件", PolicyBody, null, normative: true);
        var interpretation = await DocAsync(_a, "人社局解读", OwnWordsBody, null, interprets: publicPolicy, form: InterpretationForm.Text);
        var ownB = await DocAsync(_b, "民政局规范性文件", PolicyBody, "2025-09-30", normative: true);

        Assert.Equal(HttpStatusCode.NotFound, (await _adminB.PostAsync($"/api/v1/admin/interpretations/for/{draftPolicy}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _adminB.PostAsync($"/api/v1/admin/interpretations/for/{publicPolicy}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _adminB.PutAsJsonAsync($"/api/v1/admin/interpretations/{interpretation}", new { form = "Text" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _adminB.GetAsync($"/admin/interpretations/{interpretation}")).StatusCode);
        // B's own document may still be linked as an interpretation of A's public policy (a drafting department interpreting
        // a policy issued by another unit, as RelationConfirmationTests expects); it stays B's, and A's checks do not see B's draft.
        var bDoc = await DocAsync(_b, "民政局的解读稿", OwnWordsBody, null);
        await JsonAsync(await _adminB.PostAsJsonAsync($"/api/v1/admin/documents/{bDoc}/relations", new { targetId = publicPolicy, type = "Interprets" }));
        Assert.DoesNotContain("民政局的解读稿", await PageAsync(_adminA, $"/admin/documents/{publicPolicy}"));
        Assert.Contains("民政局的解读稿", await PageAsync(_office, $"/admin/documents/{publicPolicy}"));
        // The 公开办 may create an interpretation for any unit's policy; it belongs to the policy's unit.
        var byOffice = (await JsonAsync(await _office.PostAsync($"/api/v1/admin/interpretations/for/{publicPolicy}", null))).GetProperty("id").GetInt32();
        Assert.Equal(_a.Id, await _f.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().Documents.Where(d => d.Id == byOffice).Select(d => d.OwnerUnitId).SingleAsync()));

        var reportB = await JsonAsync(await _adminB.GetAsync("/api/v1/admin/interpretations/report"));
        var unitsB = reportB.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetInt32()).ToList();
        Assert.Equal([_b.Id], unitsB);
        Assert.Equal(1, reportB.GetProperty("total").GetProperty("required").GetInt32());
        var reportOffice = await JsonAsync(await _office.GetAsync("/api/v1/admin/interpretations/report"));
        var unitsOffice = reportOffice.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetInt32()).ToList();
        Assert.Contains(_a.Id, unitsOffice);
        Assert.Contains(_b.Id, unitsOffice);
        Assert.DoesNotContain("人社局公开文件", await PageAsync(_adminB, "/admin/interpretations/report?Check=required"));
        Assert.Contains("民政局规范性文件", await PageAsync(_adminB, "/admin/interpretations/report?Check=required"));
        Assert.True(ownB > 0);
    }
}

public sealed class SqliteInterpretationTests() : InterpretationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresInterpretationTests() : InterpretationTests(DatabaseProvider.Postgres);
