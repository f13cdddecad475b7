using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Reports;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Security.ApiTokens;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Reports;

/// <summary>
/// The annual report generated from cases and documents (issue 10 §7, §9): a hand-written fixture for 2025 whose every
/// cell of section 三 is asserted, section 二 from the document library, section 四 from challenges, publishing blocked by
/// the checks, the Excel export, the API's labels and unit scoping.
/// </summary>
public abstract class AnnualReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory f = null!;
    private Unit unitA = null!, unitB = null!;
    private int caseNo;

    public async ValueTask InitializeAsync()
    {
        f = new ZwgkFactory(provider);
        _ = f.Server; // the clock stands at 2026-03-02: the 2025 reports are being written
        unitA = await f.CreateUnitAsync("市中区住房和城乡建设局");
        unitB = await f.CreateUnitAsync("市中区教育和体育局");
        await SeedAsync();
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private InformationRequest Case(int unitId, ApplicantType type, string? received, string? replied, Outcome? outcome)
    {
        caseNo++;
        return new InformationRequest
        {
            CaseNumber = $"YSQ-T-{caseNo:D5}", QueryCodeHash = $"hash-{caseNo}-{Guid.NewGuid():N}", UnitId = unitId,
            State = replied is null ? (received is null ? RequestState.Submitted : RequestState.Processing) : RequestState.Replied,
            Channel = received is null ? RequestChannel.Online : RequestChannel.InPerson,
            SubmittedAt = new DateTimeOffset((received is null ? D("2025-12-30") : D(received)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            ReceivedOn = received is null ? null : D(received), ClockStartsOn = received is null ? null : D(received),
            RepliedOn = replied is null ? null : D(replied), Outcome = outcome,
            RegisteredBy = "测试", ApplicantType = type, ApplicantName = "申请人" + caseNo, ApplicantKey = "key" + caseNo,
            InformationTitle = "所需信息" + caseNo, Description = "描述", UpdatedAt = DateTimeOffset.UtcNow,
        };
    }

    private Document Doc(int unitId, string title, bool normative, string written, string? effective = null, string? expires = null,
        Validity validity = Validity.InForce, DocumentStatus status = DocumentStatus.Published, string genre = "通知") => new()
    {
        Title = title, OwnerUnitId = unitId, IsNormative = normative, NormativeRegistrationNumber = normative ? "SZQ-" + title : null,
        Genre = genre, WrittenOn = D(written), EffectiveOn = effective is null ? null : D(effective), ExpiresOn = expires is null ? null : D(expires),
        Validity = validity, Status = status, BodyHtml = "<p>正文</p>",
        PublishedAt = status == DocumentStatus.Published ? new DateTimeOffset(D(written).AddDays(3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>The fixture: unit A's cases of 2024–2026 around the 2025 report, one case of unit B, challenges, fees, documents.</summary>
    private async Task SeedAsync()
    {
        var a = unitA.Id;
        await f.WithDbAsync(async db =>
        {
            var c1 = Case(a, ApplicantType.NaturalPerson, "2025-02-10", "2025-03-01", Outcome.Disclosed);
            var c2 = Case(a, ApplicantType.NaturalPerson, "2025-03-05", "2025-03-20", Outcome.PartlyDisclosed);
            var c3 = Case(a, ApplicantType.Business, "2025-04-01", "2025-04-20", Outcome.WithheldStateSecret);
            var c4 = Case(a, ApplicantType.Research, "2025-05-06", "2025-05-30", Outcome.UnavailableNotHeld);
            var c5 = Case(a, ApplicantType.PublicWelfare, "2025-06-02", "2025-06-25", Outcome.NotProcessedRepeated);
            var c6 = Case(a, ApplicantType.LegalService, "2025-07-01", "2025-07-20", Outcome.OtherFeeUnpaid);
            var c7 = Case(a, ApplicantType.OtherOrganization, "2025-08-01", "2025-08-22", Outcome.WithheldThirdPartyRights);
            // 上年结转: received in 2024, replied in 2025.
            var c8 = Case(a, ApplicantType.NaturalPerson, "2024-12-20", "2025-01-15", Outcome.Disclosed);
            var c9 = Case(a, ApplicantType.Business, "2024-12-28", "2025-01-20", Outcome.OtherNoCorrection);
            // 结转下年度: received in 2025, not replied by 31 December (one still open, one replied in 2026).
            var c10 = Case(a, ApplicantType.NaturalPerson, "2025-12-22", null, null);
            var c11 = Case(a, ApplicantType.NaturalPerson, "2025-12-15", "2026-01-10", Outcome.UnavailableNeedsCreation);
            // Before the year entirely: counts nowhere.
            var c12 = Case(a, ApplicantType.NaturalPerson, "2024-11-01", "2024-11-20", Outcome.Disclosed);
            // Unconfirmed online submission: not received yet, counts nowhere.
            var c13 = Case(a, ApplicantType.NaturalPerson, null, null, null);
            // Received in 2024, replied in 2026: carried over into 2025 and carried forward out of it.
            var c14 = Case(a, ApplicantType.LegalService, "2024-12-30", "2026-01-05", Outcome.Disclosed);
            var c16 = Case(a, ApplicantType.NaturalPerson, "2025-09-01", "2025-09-15", Outcome.NotProcessedPetition);
            var c17 = Case(a, ApplicantType.Research, "2025-10-09", "2025-10-30", Outcome.OtherMisc);
            // Another unit: only in the district's report.
            var b1 = Case(unitB.Id, ApplicantType.NaturalPerson, "2025-03-01", "2025-03-10", Outcome.Disclosed);

            c1.Challenges.Add(new RequestChallenge { Kind = ChallengeKind.AdministrativeReview, Result = ChallengeResult.Upheld, FiledOn = D("2025-04-01"), DecidedOn = D("2025-06-01") });
            // Decided after the year: 尚未审结 in the 2025 report.
            c3.Challenges.Add(new RequestChallenge { Kind = ChallengeKind.AdministrativeReview, Result = ChallengeResult.Corrected, FiledOn = D("2025-05-10"), DecidedOn = D("2026-01-20") });
            c2.Challenges.Add(new RequestChallenge { Kind = ChallengeKind.LitigationDirect, Result = ChallengeResult.Other, FiledOn = D("2025-05-01"), DecidedOn = D("2025-09-01") });
            c7.Challenges.Add(new RequestChallenge { Kind = ChallengeKind.LitigationAfterReview, Result = ChallengeResult.Pending, FiledOn = D("2025-10-01") });
            // Filed in 2024: that year's report.
            c12.Challenges.Add(new RequestChallenge { Kind = ChallengeKind.LitigationDirect, Result = ChallengeResult.Corrected, FiledOn = D("2024-12-01"), DecidedOn = D("2025-02-01") });

            c2.Fees.Add(new RequestFee { Method = FeeMethod.PerPiece, Quantity = 11, Amount = 100, IssuedOn = D("2025-03-10"), NoticeReceivedOn = D("2025-03-10"), PayBy = D("2025-04-08"), PaidOn = D("2025-03-15") });
            c6.Fees.Add(new RequestFee { Method = FeeMethod.PerVolume, Quantity = 50, Amount = 200, IssuedOn = D("2025-07-05"), NoticeReceivedOn = D("2025-07-05"), PayBy = D("2025-08-01"), LapsedOn = D("2025-08-02") });
            c8.Fees.Add(new RequestFee { Method = FeeMethod.PerVolume, Quantity = 60, Amount = 300, IssuedOn = D("2024-12-25"), NoticeReceivedOn = D("2024-12-26"), PayBy = D("2025-01-24"), PaidOn = D("2025-01-05") });

            db.InformationRequests.AddRange(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c16, c17, b1);

            var n1 = Doc(a, "规范1", true, "2025-03-01", "2025-04-01", "2030-03-31");
            var n2 = Doc(a, "规范2（期满失效）", true, "2022-05-01", "2022-06-01", "2025-05-31", Validity.Expired);
            // Abolished by n4 (effective 2025-08-01) while its planned end date stays in 2026.
            var n3 = Doc(a, "规范3（被废止）", true, "2021-01-10", "2021-02-01", "2026-01-31", Validity.Abolished);
            var n4 = Doc(a, "规范4", true, "2025-07-01", "2025-08-01");
            var n5 = Doc(a, "规范5", true, "2023-01-01", "2023-02-01");
            var n6 = Doc(a, "规范6（次年生效）", true, "2025-12-20", "2026-01-15");
            var n7 = Doc(unitB.Id, "他单位规范", true, "2025-03-01", "2025-04-01");
            var n8 = Doc(a, "草稿规范", true, "2025-03-01", "2025-04-01", status: DocumentStatus.Draft);
            var n9 = Doc(a, "政府令", false, "2025-02-01", "2025-03-01", genre: "命令（令）");
            var n10 = Doc(a, "撤稿规范", true, "2025-04-01", "2025-05-01", status: DocumentStatus.Withdrawn);
            var other = Doc(a, "普通通知", false, "2025-02-01");
            db.Documents.AddRange(n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, other);
            await db.SaveChangesAsync();
            db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = n4.Id, ToDocumentId = n3.Id, Type = RelationType.Abolishes });
            await db.SaveChangesAsync();
        });
    }

    private static readonly string[] Columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    /// <summary>Unit A, 2025, by hand: (row label, 自然人 … 其他, 总计).</summary>
    private static readonly (string Label, int[] Values)[] ExpectedA =
    [
        ("一、本年新收政府信息公开申请数量", [5, 1, 2, 1, 1, 1, 11]),
        ("二、上年结转政府信息公开申请数量", [1, 1, 0, 0, 1, 0, 3]),
        ("（一）予以公开", [2, 0, 0, 0, 0, 0, 2]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
        ("1.属于国家秘密", [0, 1, 0, 0, 0, 0, 1]),
        ("2.其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0, 0]),
        ("3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0, 0]),
        ("4.保护第三方合法权益", [0, 0, 0, 0, 0, 1, 1]),
        ("5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0, 0]),
        ("6.属于四类过程性信息", [0, 0, 0, 0, 0, 0, 0]),
        ("7.属于行政执法案卷", [0, 0, 0, 0, 0, 0, 0]),
        ("8.属于行政查询事项", [0, 0, 0, 0, 0, 0, 0]),
        ("1.本机关不掌握相关政府信息", [0, 0, 1, 0, 0, 0, 1]),
        ("2.没有现成信息需要另行制作", [0, 0, 0, 0, 0, 0, 0]),
        ("3.补正后申请内容仍不明确", [0, 0, 0, 0, 0, 0, 0]),
        ("1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0, 1]),
        ("2.重复申请", [0, 0, 0, 1, 0, 0, 1]),
        ("3.要求提供公开出版物", [0, 0, 0, 0, 0, 0, 0]),
        ("4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0, 0]),
        ("5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0, 0]),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0, 1, 0, 0, 0, 0, 1]),
        ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 1, 0, 1]),
        ("3.其他", [0, 0, 1, 0, 0, 0, 1]),
        ("（七）总计", [4, 2, 2, 1, 1, 1, 11]),
        ("四、结转下年度继续办理", [2, 0, 0, 0, 1, 0, 3]),
    ];

    private async Task<JsonElement> GetJsonAsync(HttpClient client, string query)
    {
        var resp = await client.GetAsync("/api/v1/admin/reports/annual?" + query);
        Assert.True(resp.StatusCode == HttpStatusCode.OK, $"{(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await resp.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<(string Label, string? Group, int[] Values)> Rows(JsonElement table) =>
        table.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("label").GetString()!,
            r.GetProperty("group").ValueKind == JsonValueKind.Null ? null : r.GetProperty("group").GetString(),
            r.GetProperty("values").EnumerateObject().Select(p => p.Value.GetInt32()).ToArray())).ToList();

    [Fact]
    public async Task Every_cell_of_the_application_table_follows_the_date_rules()
    {
        var office = await f.LoginAsync(unitA.Id, Roles.OpennessOffice);
        var json = await GetJsonAsync(office, $"year=2025&unit={unitA.Code}");

        Assert.Equal(unitA.Name, json.GetProperty("unit").GetString());
        Assert.Equal(unitA.Code, json.GetProperty("unitCode").GetString());
        Assert.Equal(2025, json.GetProperty("year").GetInt32());
        var table = json.GetProperty("sections").GetProperty("三");
        Assert.Equal(Columns, table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = Rows(table);
        Assert.Equal(ExpectedA.Select(e => e.Label), rows.Select(r => r.Label));
        foreach (var (label, values) in ExpectedA)
        {
            Assert.True(values.SequenceEqual(rows.Single(r => r.Label == label).Values), $"{label}: {string.Join(",", rows.Single(r => r.Label == label).Values)}");
        }

        Assert.Equal(Columns, table.GetProperty("rows")[0].GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.Equal("（三）不予公开", rows.Single(r => r.Label == "1.属于国家秘密").Group);
        Assert.Equal("（六）其他处理", rows.Single(r => r.Label == "3.其他").Group);
        // Every rule adds up; only the entered figures are still blank.
        var checks = json.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.Equal("entered", c.GetProperty("check").GetString()));
        Assert.Equal(["行政许可", "行政处罚", "行政强制", "行政事业性收费"], checks.Select(c => c.GetProperty("column").GetString()));
        Assert.False(json.GetProperty("publishable").GetBoolean());

        // The district: every unit, so unit B's case is in the 自然人 column too.
        var district = Rows((await GetJsonAsync(office, "year=2025")).GetProperty("sections").GetProperty("三"));
        Assert.Equal([6, 1, 2, 1, 1, 1, 12], district.Single(r => r.Label == "一、本年新收政府信息公开申请数量").Values);
        Assert.Equal([3, 0, 0, 0, 0, 0, 3], district.Single(r => r.Label == "（一）予以公开").Values);
        Assert.Equal([5, 2, 2, 1, 1, 1, 12], district.Single(r => r.Label == "（七）总计").Values);

        // 2026 so far: what 2025 carried forward is carried over.
        var next = Rows((await GetJsonAsync(office, $"year=2026&unit={unitA.Code}")).GetProperty("sections").GetProperty("三"));
        Assert.Equal([2, 0, 0, 0, 1, 0, 3], next.Single(r => r.Label == "二、上年结转政府信息公开申请数量").Values);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], next.Single(r => r.Label == "一、本年新收政府信息公开申请数量").Values);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], next.Single(r => r.Label == "四、结转下年度继续办理").Values);
    }

    [Fact]
    public async Task Sections_two_four_and_the_fee_sentence_come_from_documents_challenges_and_fees()
    {
        var office = await f.LoginAsync(unitA.Id, Roles.OpennessOffice);
        var json = await GetJsonAsync(office, $"year=2025&unit={unitA.Code}");
        var two = json.GetProperty("sections").GetProperty("二").EnumerateArray().ToList();
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], two.Select(t => t.GetProperty("item").GetString()));
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], two[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rules = two[0].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("规章", rules[0].GetProperty("label").GetString());
        // The 政府令 of 2025: made and in force.
        Assert.Equal([1, 0, 1], rules[0].GetProperty("values").EnumerateObject().Select(p => p.Value.GetInt32()));
        Assert.Equal("行政规范性文件", rules[1].GetProperty("label").GetString());
        // Made: 规范1, 规范4, 规范6. Abolished: 规范2 (expired 2025-05-31), 规范3 (abolished by 规范4 from 2025-08-01 although its
        // planned end is 2026). In force at year end: 规范1, 规范4, 规范5 (规范6 takes effect in 2026). Drafts, withdrawn
        // documents and unit B's are not counted.
        Assert.Equal([3, 2, 3], rules[1].GetProperty("values").EnumerateObject().Select(p => p.Value.GetInt32()));
        // Entered rows are absent until entered.
        Assert.Empty(two[1].GetProperty("rows").EnumerateArray());

        var four = json.GetProperty("sections").GetProperty("四");
        Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], four.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var review = Rows(four);
        Assert.Equal(["行政复议", "未经复议直接起诉", "复议后起诉"], review.Select(r => r.Label));
        Assert.Equal([null, "行政诉讼", "行政诉讼"], review.Select(r => r.Group));
        Assert.Equal([1, 0, 0, 1, 2], review[0].Values);
        Assert.Equal([0, 0, 1, 0, 1], review[1].Values);
        Assert.Equal([0, 0, 0, 1, 1], review[2].Values);

        // Notices issued in 2025: two; paid in 2025: 100 + 300 (the 2024 notice paid in January).
        Assert.Equal("依据《政府信息公开信息处理费管理办法》，本年度共发出信息处理费收费通知2件，实际收取信息处理费400元。", json.GetProperty("feeSentence").GetString());
    }

    private async Task<int> OpenReportAsync(HttpClient client, int? unitId)
    {
        var resp = await PostFormAsync(client, "/admin/reports/annual", null, [new("UnitId", unitId?.ToString() ?? ""), new("NewYear", "2025")]);
        Assert.True(resp.StatusCode == HttpStatusCode.Redirect, $"{(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        return int.Parse(resp.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, string licensing) =>
        PostFormAsync(client, $"/admin/reports/annual/{id}", null,
        [
            new("Input.Overview", "2025年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。\n全年主动公开政府信息120条。"),
            new("Input.Problems", "依申请公开答复规范性有待提高。"), new("Input.OtherMatters", "无。"),
            new("Input.Licensing", licensing), new("Input.Penalties", "3"), new("Input.Coercion", "0"), new("Input.FeesAmount", "1.25"),
        ]);

    private async Task<AnnualReport> ReportAsync(int id)
    {
        AnnualReport r = null!;
        await f.WithDbAsync(async db => r = await db.AnnualReports.AsNoTracking().SingleAsync(x => x.Id == id));
        return r;
    }

    [Fact]
    public async Task Publishing_is_blocked_while_a_check_fails_and_creates_the_document_in_the_report_column_when_they_pass()
    {
        var admin = await f.LoginAsync(unitA.Id, Roles.UnitAdmin);
        var id = await OpenReportAsync(admin, unitA.Id);
        Assert.Equal(id, await OpenReportAsync(admin, unitA.Id)); // one report per unit and year

        // Entered figures blank: refused.
        var page = await admin.GetStringAsync($"/admin/reports/annual/{id}");
        Assert.Contains("“行政许可”尚未填写", page);
        Assert.Contains("id=\"publish\" disabled", page);
        var refused = await PostFormAsync(admin, $"/admin/reports/annual/{id}", "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(AnnualReportStatus.Draft, (await ReportAsync(id)).Status);
        Assert.Null((await ReportAsync(id)).PublishedDocumentId);

        // A negative count is refused by validation, not stored.
        var bad = await SaveAsync(admin, id, "-1");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("行政许可本年处理决定数量应为0至", await bad.Content.ReadAsStringAsync());
        Assert.Null((await ReportAsync(id)).Licensing);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, id, "12")).StatusCode);
        page = await admin.GetStringAsync($"/admin/reports/annual/{id}");
        Assert.Contains("勾稽关系和各项合计正确", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, $"/admin/reports/annual/{id}", "Publish", [])).StatusCode);

        var report = await ReportAsync(id);
        Assert.Equal(AnnualReportStatus.Published, report.Status);
        var docId = Assert.IsType<int>(report.PublishedDocumentId);
        var columnId = await f.ColumnIdAsync("gknb");
        await f.WithDbAsync(async db =>
        {
            var doc = await db.Documents.Include(d => d.Columns).Include(d => d.Issuers).AsNoTracking().SingleAsync(d => d.Id == docId);
            Assert.Equal(DocumentStatus.Published, doc.Status);
            Assert.Equal($"{unitA.Name}2025年政府信息公开工作年度报告", doc.Title);
            Assert.Equal(unitA.Id, doc.OwnerUnitId);
            Assert.Equal([columnId], doc.Columns.Select(c => c.ColumnId));
            Assert.False(string.IsNullOrEmpty(doc.IndexNumber));
            Assert.StartsWith(unitA.Code + "/", doc.IndexNumber);
            Assert.Contains("一、本年新收政府信息公开申请数量", doc.BodyHtml);
            Assert.Contains("colspan", doc.BodyHtml); // the merged cells survive the sanitizer
            Assert.Contains("本年度共发出信息处理费收费通知2件", doc.BodyHtml);
            Assert.Contains("全年主动公开政府信息120条。", doc.BodyHtml);
            var actions = await db.AuditEntries.Where(e => e.EntityType == "AnnualReport" && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
            Assert.Contains("report.annual.create", actions);
            Assert.Contains("report.annual.update", actions);
            Assert.Contains("report.annual.publish", actions);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "document.publish" && e.EntityId == docId.ToString()));
        });

        // A case with inconsistent data (replied without an outcome) breaks the balance: republishing is refused.
        await f.WithDbAsync(async db =>
        {
            db.InformationRequests.Add(Case(unitA.Id, ApplicantType.NaturalPerson, "2025-04-01", "2025-05-01", null));
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, id, "13")).StatusCode);
        Assert.Equal(AnnualReportStatus.Draft, (await ReportAsync(id)).Status);
        page = await admin.GetStringAsync($"/admin/reports/annual/{id}");
        Assert.Contains("一＋二＝三（七）＋四（勾稽关系）【自然人】：表中为 6，应为 7", page);
        var blocked = await PostFormAsync(admin, $"/admin/reports/annual/{id}", "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal(AnnualReportStatus.Draft, (await ReportAsync(id)).Status);
        await f.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "report.annual.publish" && e.EntityId == id.ToString()));
            Assert.DoesNotContain("13", (await db.Documents.SingleAsync(d => d.Id == docId)).BodyHtml.Split("行政许可")[1][..40]);
        });
    }

    [Fact]
    public async Task The_Excel_export_has_the_national_headers_merged_and_the_values()
    {
        var office = await f.LoginAsync(unitA.Id, Roles.OpennessOffice);
        var id = await OpenReportAsync(office, unitA.Id);
        var resp = await office.GetAsync($"/admin/reports/annual/{id}?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", resp.Content.Headers.ContentType!.MediaType);
        using var wb = new XLWorkbook(await resp.Content.ReadAsStreamAsync());
        Assert.Equal(["二、主动公开政府信息情况", "三、收到和处理申请情况", "四、行政复议行政诉讼情况"], wb.Worksheets.Select(w => w.Name));

        var ws = wb.Worksheet("三、收到和处理申请情况");
        Assert.Equal("申请人情况", ws.Cell("D2").GetString());
        Assert.Equal("D2:J2", ws.Cell("D2").MergedRange().RangeAddress.ToString());
        Assert.Equal("自然人", ws.Cell("D3").GetString());
        Assert.Equal("D3:D4", ws.Cell("D3").MergedRange().RangeAddress.ToString());
        Assert.Equal("法人或其他组织", ws.Cell("E3").GetString());
        Assert.Equal("E3:I3", ws.Cell("E3").MergedRange().RangeAddress.ToString());
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], Enumerable.Range(5, 5).Select(c => ws.Cell(4, c).GetString()));
        Assert.Equal("总计", ws.Cell("J3").GetString());
        Assert.Equal("J3:J4", ws.Cell("J3").MergedRange().RangeAddress.ToString());
        Assert.Equal("一、本年新收政府信息公开申请数量", ws.Cell("A5").GetString());
        Assert.Equal([5, 1, 2, 1, 1, 1, 11], Enumerable.Range(4, 7).Select(c => ws.Cell(5, c).GetValue<int>()));
        Assert.Equal("三、本年度办理结果", ws.Cell("A7").GetString());
        Assert.Equal("（三）不予公开", ws.Cell("B9").GetString());
        Assert.Equal("B9:B16", ws.Cell("B9").MergedRange().RangeAddress.ToString());
        Assert.Equal("4.保护第三方合法权益", ws.Cell("C12").GetString());
        Assert.Equal(1, ws.Cell("I12").GetValue<int>());
        var last = ws.LastRowUsed()!.RowNumber();
        Assert.Equal("四、结转下年度继续办理", ws.Cell(last, 1).GetString());
        Assert.Equal(3, ws.Cell(last, 10).GetValue<int>());

        var review = wb.Worksheet("四、行政复议行政诉讼情况");
        Assert.Equal("行政复议", review.Cell("A2").GetString());
        Assert.Equal("A2:E2", review.Cell("A2").MergedRange().RangeAddress.ToString());
        Assert.Equal("行政诉讼", review.Cell("F2").GetString());
        Assert.Equal("未经复议直接起诉", review.Cell("F3").GetString());
        Assert.Equal("复议后起诉", review.Cell("K3").GetString());
        Assert.Equal([1, 0, 0, 1, 2], Enumerable.Range(1, 5).Select(c => review.Cell(5, c).GetValue<int>()));

        var two = wb.Worksheet("二、主动公开政府信息情况");
        Assert.Equal("第二十条第（一）项", two.Cell("A2").GetString());
        Assert.Equal("行政规范性文件", two.Cell("A5").GetString());
        Assert.Equal([3, 2, 3], Enumerable.Range(2, 3).Select(c => two.Cell(5, c).GetValue<int>()));
    }

    private async Task<HttpClient> BearerAsync(string role, string? unitCode)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = unitCode is null ? ["token", "create", "年报接口" + Guid.NewGuid().ToString("N")[..6], "--role", role] : ["token", "create", "年报接口" + Guid.NewGuid().ToString("N")[..6], "--role", role, "--unit", unitCode];
        var parsed = CliCommand.Parse(args, "/srv/caller", stdout, stderr);
        var exit = await f.WithScopeAsync(sp => ApiTokenCommand.RunAsync(sp, (TokenArguments)parsed.Command!.Arguments, stdout, stderr));
        Assert.True(exit == 0, stderr.ToString());
        var c = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stdout.ToString().Trim());
        return c;
    }

    [Fact]
    public async Task A_unit_sees_only_its_own_reports_by_page_export_and_api()
    {
        var office = await f.LoginAsync(unitA.Id, Roles.OpennessOffice);
        var idA = await OpenReportAsync(office, unitA.Id);
        var district = await OpenReportAsync(office, null);
        Assert.Null((await ReportAsync(district)).UnitId);

        var adminB = await f.LoginAsync(unitB.Id, Roles.UnitAdmin);
        foreach (var url in new[] { $"/admin/reports/annual/{idA}", $"/admin/reports/annual/{idA}?handler=Excel", $"/admin/reports/annual/{idA}/print", $"/admin/reports/annual/{district}" })
            Assert.Equal(HttpStatusCode.NotFound, (await adminB.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(adminB, "/admin/reports/annual", null, [new("UnitId", unitA.Id.ToString()), new("NewYear", "2025")])).StatusCode);
        var list = await adminB.GetStringAsync("/admin/reports/annual");
        Assert.DoesNotContain($"/admin/reports/annual/{idA}\"", list);

        // A request officer of unit A writes but does not publish.
        var officerA = await f.LoginAsync(unitA.Id, Roles.RequestOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officerA.GetAsync($"/admin/reports/annual/{idA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(officerA, idA, "5")).StatusCode);
        Assert.Equal(5, (await ReportAsync(idA)).Licensing);
        var denied = await PostFormAsync(officerA, $"/admin/reports/annual/{idA}", "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("denied", denied.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase); // forbidden, not published
        Assert.Equal(AnnualReportStatus.Draft, (await ReportAsync(idA)).Status);

        // Bearer tokens: a unit token gets its own unit only; the district and other units answer 404.
        var tokenB = await BearerAsync(Roles.UnitAdmin, unitB.Code);
        var own = await GetJsonAsync(tokenB, $"year=2025&unit={unitB.Code}");
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], Rows(own.GetProperty("sections").GetProperty("三"))[0].Values);
        Assert.Equal(HttpStatusCode.NotFound, (await tokenB.GetAsync($"/api/v1/admin/reports/annual?year=2025&unit={unitA.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tokenB.GetAsync("/api/v1/admin/reports/annual?year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tokenB.GetAsync("/api/v1/admin/reports/annual?year=2025&unit=NO-SUCH-UNIT")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tokenB.GetAsync("/api/v1/admin/reports/annual?year=2030")).StatusCode);
        var anonymous = f.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/reports/annual?year=2025")).StatusCode);

        var officeToken = await BearerAsync(Roles.OpennessOffice, null);
        var all = await GetJsonAsync(officeToken, "year=2025");
        Assert.Equal(JsonValueKind.Null, all.GetProperty("unitCode").ValueKind);
        Assert.Equal("草稿", all.GetProperty("status").GetString());
    }
}

public sealed class SqliteAnnualReportTests() : AnnualReportTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAnnualReportTests() : AnnualReportTests(DatabaseProvider.Postgres);
