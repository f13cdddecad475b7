using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Security;
using Zwgk.Tests.Security;
using Zwgk.Web.Features.Requests;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>
/// The citizen's 依申请公开 pages on the portal (issue 10 §1): the form creates a case awaiting confirmation and shows the
/// 查询码 once; invalid input comes back with Chinese messages next to the fields and nothing lost; the status page opens
/// with the code only and never shows personal data; form posts are rate-limited with a Chinese page.
/// </summary>
public sealed partial class PublicRequestPagesTests : IAsyncLifetime
{
    private readonly List<ZwgkFactory> _factories = [];

    private const string Name = "王秀兰";
    private const string IdNumber = "370103198001011233";
    private const string Phone = "13905310001";
    private const string Email = "wangxl@example.com";
    private const string Address = "济南市市中区英雄山路100号3单元201室";

    private ZwgkFactory Start(Action<ZwgkFactory>? configure = null)
    {
        var f = new ZwgkFactory();
        configure?.Invoke(f);
        _ = f.Server;
        _factories.Add(f);
        return f;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var f in _factories) await f.DisposeAsync();
    }

    private static Dictionary<string, string> ValidForm() => new()
    {
        ["Input.Kind"] = "person",
        ["Input.ApplicantName"] = Name,
        ["Input.IdType"] = RequestRules.ResidentIdCard,
        ["Input.IdNumber"] = IdNumber,
        ["Input.Phone"] = Phone,
        ["Input.Email"] = Email,
        ["Input.Address"] = Address,
        ["Input.PostalCode"] = "250002",
        ["Input.InformationTitle"] = "英雄山路拓宽工程建设用地规划许可证",
        ["Input.DocumentNumber"] = "",
        ["Input.Description"] = "2023年英雄山路（二环南路至旅游路段）拓宽工程的规划许可文件",
        ["Input.Medium"] = "Electronic",
        ["Input.Delivery"] = "Online",
    };

    private static HttpClient Browser(ZwgkFactory f) => f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    private static async Task<string> SubmitAsync(HttpClient client, Dictionary<string, string> form)
    {
        var resp = await Forms.PostAsync(client, "/ysqgk/apply", "/ysqgk/apply", form);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("/ysqgk/done", resp.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await resp.Content.ReadAsStringAsync();
        var code = CodeOnPage().Match(html);
        Assert.True(code.Success, "the receipt shows the 查询码");
        // The code travels in the (protected) TempData cookie, never in an address.
        Assert.DoesNotContain(code.Groups[1].Value, resp.RequestMessage.RequestUri.ToString());
        return code.Groups[1].Value;
    }

    private static Task<HttpResponseMessage> QueryAsync(HttpClient client, string code) =>
        Forms.PostAsync(client, "/ysqgk/query", "/ysqgk/query", [new("Code", code)]);

    [Fact]
    public async Task Submitting_the_form_creates_a_case_awaiting_confirmation_and_shows_the_code_once()
    {
        var f = Start();
        var client = Browser(f);
        var apply = await client.GetStringAsync("/ysqgk/apply");
        Assert.Contains("济南市市中区人民政府", apply);
        Assert.Contains("autocomplete=\"tel\"", apply);
        Assert.Contains("个人信息保护说明", apply);

        var code = await SubmitAsync(client, ValidForm());

        InformationRequest? r = null;
        await f.WithDbAsync(async db => r = await db.InformationRequests.Include(x => x.Events).SingleAsync());
        Assert.Equal(RequestState.Submitted, r!.State);
        Assert.Equal(RequestChannel.Online, r.Channel);
        Assert.Null(r.ReceivedOn); // 条例第三十一条: the clock starts when both sides confirm, not on submission
        Assert.Equal(ApplicantType.NaturalPerson, r.ApplicantType);
        Assert.Equal(Name, r.ApplicantName);
        Assert.Equal(IdNumber, r.IdNumber);
        Assert.Equal(DeliveryMethod.Online, r.Delivery);
        Assert.Equal(RequestedMedium.Electronic, r.Medium);
        Assert.Equal(QueryCodes.Hash(code), r.QueryCodeHash);
        Assert.Contains(r.Events, e => e.Kind == RequestEventKind.Submitted);
        var units = await f.WithScopeAsync(sp => sp.GetRequiredService<Zwgk.Infrastructure.Data.ZwgkDbContext>().Units.Where(u => u.Id == r.UnitId).Select(u => u.Name).FirstAsync());
        Assert.Equal("济南市市中区人民政府", units);

        // Shown once: the receipt cannot be reloaded.
        var again = await client.GetStringAsync("/ysqgk/done");
        Assert.DoesNotContain(code, again);
        Assert.Contains("不能再次显示", again);
    }

    [Fact]
    public async Task An_organisation_is_recorded_with_its_sub_type_and_credit_code()
    {
        var f = Start();
        var client = Browser(f);
        var form = ValidForm();
        form["Input.Kind"] = "org";
        form["Input.OrganizationType"] = "LegalService";
        form["Input.ApplicantName"] = "山东某某律师事务所";
        form["Input.IdType"] = RequestRules.CreditCode;
        form["Input.IdNumber"] = "91350100M000100Y43";
        form["Input.LegalRepresentative"] = "李明";
        form["Input.ContactPerson"] = "赵敏";
        await SubmitAsync(client, form);
        await f.WithDbAsync(async db =>
        {
            var r = await db.InformationRequests.SingleAsync();
            Assert.Equal(ApplicantType.LegalService, r.ApplicantType);
            Assert.Equal(RequestRules.CreditCode, r.IdType);
            Assert.Equal("李明", r.LegalRepresentative);
            Assert.Equal("赵敏", r.ContactPerson);
        });
    }

    [Fact]
    public async Task Invalid_input_shows_the_messages_next_to_the_fields_and_keeps_what_was_typed()
    {
        var f = Start();
        var client = Browser(f);
        var form = ValidForm();
        form["Input.Kind"] = "org"; // without its sub-type
        form["Input.IdType"] = RequestRules.CreditCode;
        form["Input.IdNumber"] = "91350100M000100Y44"; // wrong check character
        form["Input.Phone"] = "电话13905310001";
        form["Input.PostalCode"] = "2500";
        form["Input.InformationTitle"] = "";
        form["Input.Description"] = "";
        form["Input.Delivery"] = "Post";
        form["Input.Address"] = "";
        var resp = await Forms.PostAsync(client, "/ysqgk/apply", "/ysqgk/apply", form);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("/ysqgk/apply", resp.RequestMessage!.RequestUri!.AbsolutePath);
        var html = WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());

        // Each message sits in the field's own error element, tied to the input by aria-describedby.
        Assert.Contains("id=\"e-OrganizationType\"><span class=\"visually-hidden\">错误：</span>请选择法人或其他组织的类型", html);
        Assert.Contains("id=\"e-IdNumber\"><span class=\"visually-hidden\">错误：</span>统一社会信用代码不正确", html);
        Assert.Contains("id=\"e-Phone\"><span class=\"visually-hidden\">错误：</span>联系电话格式不正确", html);
        Assert.Contains("id=\"e-PostalCode\"><span class=\"visually-hidden\">错误：</span>邮政编码应为6位数字", html);
        Assert.Contains("id=\"e-Address\"><span class=\"visually-hidden\">错误：</span>选择邮寄的，请填写通信地址", html);
        Assert.Contains("id=\"e-Description\"><span class=\"visually-hidden\">错误：</span>请填写所需政府信息的名称、文号或者便于查询的其他特征性描述", html);
        Assert.Matches("id=\"f-Phone\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"h-Phone e-Phone\"", html);
        Assert.Contains("申请未提交，请修改以下", html);

        // Nothing typed is lost, including the choices.
        Assert.Contains($"value=\"{Name}\"", html);
        Assert.Contains("value=\"电话13905310001\"", html);
        Assert.Contains("value=\"2500\"", html);
        Assert.Contains("value=\"91350100M000100Y44\"", html);
        Assert.Contains($"value=\"{Email}\"", html);
        Assert.Matches("id=\"f-Kind-org\"[^>]*value=\"org\"[^>]*checked=\"checked\"", html);
        Assert.Matches("value=\"统一社会信用代码\"[^>]*selected=\"selected\"", html);
        Assert.Matches("id=\"f-Delivery-Post\"[^>]*checked=\"checked\"", html);

        await f.WithDbAsync(async db => Assert.Equal(0, await db.InformationRequests.CountAsync()));
    }

    [Fact]
    public async Task The_public_form_requires_an_identity_document_number()
    {
        var f = Start();
        var form = ValidForm();
        form["Input.IdNumber"] = " ";
        var html = WebUtility.HtmlDecode(await (await Forms.PostAsync(Browser(f), "/ysqgk/apply", "/ysqgk/apply", form)).Content.ReadAsStringAsync());
        Assert.Contains("请填写证件号码", html);
        await f.WithDbAsync(async db => Assert.Equal(0, await db.InformationRequests.CountAsync()));
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, Dictionary<string, string> form, params (string Name, byte[] Content)[] files)
    {
        var token = await Forms.TokenAsync(client, "/ysqgk/apply");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in form) content.Add(new StringContent(v), k);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "attachments", name);
        }
        return await client.PostAsync("/ysqgk/apply", content);
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    [Fact]
    public async Task Identity_proof_scans_are_attached_to_the_new_case_and_a_refused_file_creates_nothing()
    {
        var f = Start();
        var client = Browser(f);

        var refused = await PostMultipartAsync(client, ValidForm(), ("身份证.png", Png), ("setup.exe", [0x4D, 0x5A, 0x90, 0]));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal("/ysqgk/apply", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("id=\"e-Attachments\"", refusedHtml);
        Assert.Contains("setup.exe：不允许上传该类型的文件", refusedHtml);
        Assert.Contains($"value=\"{Name}\"", refusedHtml);
        await f.WithDbAsync(async db => Assert.Equal(0, await db.InformationRequests.CountAsync()));

        var ok = await PostMultipartAsync(client, ValidForm(), ("身份证正面.png", Png));
        Assert.Equal("/ysqgk/done", ok.RequestMessage!.RequestUri!.AbsolutePath);
        await f.WithDbAsync(async db =>
        {
            var r = await db.InformationRequests.Include(x => x.Files).SingleAsync();
            var file = Assert.Single(r.Files);
            Assert.Equal(RequestFileKind.Application, file.Kind);
            Assert.Equal("身份证正面.png", file.FileName);
            Assert.Equal(Png.Length, file.Size);
        });
    }

    [Fact]
    public async Task The_query_page_shows_the_status_without_personal_data_and_refuses_a_wrong_code()
    {
        var f = Start();
        var client = Browser(f);
        var code = await SubmitAsync(client, ValidForm());

        // A new visitor (no cookies from the submission) with the code typed in lower case and without dashes.
        var visitor = Browser(f);
        var resp = await QueryAsync(visitor, code.Replace("-", "").ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("/ysqgk/query", resp.RequestMessage!.RequestUri!.PathAndQuery);
        var html = WebUtility.HtmlDecode(await resp.Content.ReadAsStringAsync());
        string caseNumber = "";
        await f.WithDbAsync(async db => caseNumber = await db.InformationRequests.Select(r => r.CaseNumber).SingleAsync());
        Assert.Contains($"申请 {caseNumber} 的办理情况", html);
        Assert.Contains("待确认", html);
        Assert.Contains("济南市市中区人民政府", html);
        Assert.Contains("网上提交", html);
        foreach (var personal in new[] { Name, "王", IdNumber, Phone, Email, Address, "英雄山路100号", "250002" })
            Assert.DoesNotContain(personal, html);

        var wrong = WebUtility.HtmlDecode(await (await QueryAsync(visitor, "2345-6789-ABCD")).Content.ReadAsStringAsync());
        Assert.Contains("没有找到与该查询码对应的申请", wrong);
        Assert.DoesNotContain(caseNumber, wrong);
        var malformed = WebUtility.HtmlDecode(await (await QueryAsync(visitor, "not a code")).Content.ReadAsStringAsync());
        Assert.Contains("查询码格式不正确", malformed);
    }

    [Fact]
    public async Task After_the_reply_the_applicant_sees_the_outcome_and_downloads_the_released_file_by_post()
    {
        var f = Start();
        var code = await SubmitAsync(Browser(f), ValidForm());
        int id = 0, unitId = 0;
        await f.WithDbAsync(async db => (id, unitId) = await db.InformationRequests.Select(r => ValueTuple.Create(r.Id, r.UnitId)).SingleAsync());
        var handler = await f.LoginAsync(unitId, Roles.OpennessOffice);
        var approver = await f.LoginAsync(unitId, Roles.OpennessOffice);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/confirm", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/accept", new { })).StatusCode);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var upload = await handler.PostAsync($"/api/v1/admin/requests/{id}/files?kind=Released&fileName={Uri.EscapeDataString("规划许可证.pdf")}",
            new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply",
            new { outcome = "Disclosed", text = "经审查，您申请的信息予以公开，详见附件。" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/api/v1/admin/requests/{id}/reply/approve", new { })).StatusCode);

        var visitor = Browser(f);
        var html = WebUtility.HtmlDecode(await (await QueryAsync(visitor, code)).Content.ReadAsStringAsync());
        Assert.Contains("已答复", html);
        Assert.Contains("予以公开", html);
        Assert.Contains("经审查，您申请的信息予以公开，详见附件。", html);
        Assert.Contains("下载：规划许可证.pdf", html);
        Assert.DoesNotContain("/api/v1/requests/", html); // downloads are posted, the code stays out of addresses

        var fileId = int.Parse(Regex.Match(html, "name=\"fileId\" value=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var token = await Forms.TokenAsync(visitor, "/ysqgk/query");
        var download = await visitor.PostAsync("/ysqgk/query?handler=File", new FormUrlEncodedContent(
            [new("Code", code), new("fileId", fileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Another case's code does not open this file.
        var other = await SubmitAsync(Browser(f), ValidForm());
        var token2 = await Forms.TokenAsync(visitor, "/ysqgk/query");
        var refused = await visitor.PostAsync("/ysqgk/query?handler=File", new FormUrlEncodedContent(
            [new("Code", other), new("fileId", fileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token2)]));
        Assert.Contains("文件不存在或查询码不正确", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Too_many_submissions_from_one_address_get_a_Chinese_page_and_viewing_the_form_does_not_count()
    {
        var f = Start(x => x.Settings["Zwgk:PublicForms:SubmitsPerTenMinutes"] = "3");
        var client = Browser(f);
        for (var i = 0; i < 3; i++)
        {
            // Forms.PostAsync views the form first: those GETs are not counted against the limit.
            var ok = await Forms.PostAsync(client, "/ysqgk/apply", "/ysqgk/apply", ValidForm());
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ysqgk/apply")).StatusCode);

        var refused = await Forms.PostAsync(client, "/ysqgk/apply", "/ysqgk/apply", ValidForm());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType?.ToString());
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("操作过于频繁", html);
        Assert.Contains("本次内容没有提交", html);
        Assert.Contains("分钟后再试", html);
        await f.WithDbAsync(async db => Assert.Equal(3, await db.InformationRequests.CountAsync()));

        // The JSON API keeps its problem details.
        var api = await client.PostAsJsonAsync("/api/v1/requests", new { applicantName = "张三", phone = Phone, description = "某文件" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_entry_page_explains_the_rules_and_links_to_the_form_the_query_and_the_guide()
    {
        var f = Start();
        var client = Browser(f);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ysqgk"));
        Assert.Contains("href=\"/ysqgk/apply\"", html);
        Assert.Contains("href=\"/ysqgk/query\"", html);
        Assert.Contains("20个工作日", html);
        Assert.Contains("第二十九条", html);
        Assert.Contains("第三十三条", html);
        Assert.Contains("政府信息公开信息处理费管理办法", html);
        Assert.Contains("济南市市中区人民政府办公室", html); // the office from site settings
        Assert.Matches("<a href=\"/column/\\d+\">政府信息公开指南</a>", html);
        Assert.Contains("href=\"/ysqgk\"", WebUtility.HtmlDecode(await client.GetStringAsync("/xxgk")));
    }

    [GeneratedRegex("id=\"query-code\"[^>]*>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<")]
    private static partial Regex CodeOnPage();
}
