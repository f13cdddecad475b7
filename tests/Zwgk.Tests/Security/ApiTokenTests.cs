using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Documents;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Security.ApiTokens;

namespace Zwgk.Tests.Security;

/// <summary>Bearer tokens for integrations (issue 10 §9): issued by the CLI or the admin page, only for /api, scoped like a user.</summary>
public abstract class ApiTokenTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory f = null!;

    public ValueTask InitializeAsync()
    {
        f = new ZwgkFactory(provider);
        _ = f.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    /// <summary>Runs `token ...` as the command line would: parsed by the real parser, run against the test host's services.</summary>
    private async Task<(int Exit, string Out, string Err)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(args, "/srv/caller", stdout, stderr);
        if (parsed.ExitCode is int code) return (code, stdout.ToString(), stderr.ToString());
        Assert.Equal("token", parsed.Command!.Verb);
        var exit = await f.WithScopeAsync(sp => ApiTokenCommand.RunAsync(sp, (TokenArguments)parsed.Command.Arguments, stdout, stderr));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> IssueAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliAsync(["token", "create", .. args]);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    private HttpClient Bearer(string token)
    {
        var c = f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    private static async Task<List<string>> TitlesAsync(HttpClient c)
    {
        var resp = await c.GetAsync("/api/v1/admin/documents");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var body = await resp.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage resp, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);
        Assert.Equal("application/problem+json", resp.Content.Headers.ContentType?.MediaType);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("接口令牌无效或已失效", problem.GetProperty("title").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.StartsWith("Bearer", resp.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_CLI_token_reads_only_its_units_documents_and_writes_as_the_token()
    {
        var unitA = await f.CreateUnitAsync("令牌局");
        var unitB = await f.CreateUnitAsync("别的局");
        var adminA = await f.LoginAsync(unitA.Id, Roles.UnitAdmin);
        var adminB = await f.LoginAsync(unitB.Id, Roles.UnitAdmin);
        await DocumentTestSupport.CreateAsync(adminA, await f.DraftAsync(unitA.Id, "令牌局的通知"));
        var otherId = await DocumentTestSupport.CreateAsync(adminB, await f.DraftAsync(unitB.Id, "别的局的通知"));

        var token = await IssueAsync("12345热线", "--role", "Editor", "--unit", unitA.Code);
        Assert.Matches("^zwgk_[A-Za-z0-9_-]{43}$", token);
        var api = Bearer(token);

        Assert.Equal(["令牌局的通知"], await TitlesAsync(api));
        // Another unit's document answers like a missing one.
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/admin/documents/{otherId}", await f.DraftAsync(unitB.Id, "改掉别人的"))).StatusCode);

        var me = await (await api.GetAsync("/api/v1/auth/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("接口：12345热线", me.GetProperty("displayName").GetString());
        Assert.Equal(unitA.Id, me.GetProperty("unitId").GetInt32());

        // A write done with the token is audited under the token's name and id.
        var id = await DocumentTestSupport.CreateAsync(api, await f.DraftAsync(unitA.Id, "热线转来的通知"));
        int tokenId = 0;
        await f.WithDbAsync(async db =>
        {
            tokenId = await db.ApiTokens.Where(t => t.Name == "12345热线").Select(t => t.Id).SingleAsync();
            var entries = await db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.EntityType == "Document").ToListAsync();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal("接口：12345热线", e.UserName));
            Assert.All(entries, e => Assert.Equal("token:" + tokenId, e.UserId));
            var doc = await db.Documents.SingleAsync(d => d.Id == id);
            Assert.Equal("接口：12345热线", doc.CreatedBy);
            Assert.Equal(unitA.Id, doc.OwnerUnitId);
        });
        // Policies apply to the token's role: an editor token is forbidden (403, not 401) what an editor is.
        var forbidden = await api.GetAsync("/api/v1/admin/search/terms");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("没有权限执行此操作", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // …and the token cannot put a document into another unit.
        var foreign = await api.PostAsJsonAsync("/api/v1/admin/documents", await f.DraftAsync(unitB.Id, "塞给别的局"));
        Assert.NotEqual(HttpStatusCode.Created, foreign.StatusCode);
    }

    [Fact]
    public async Task An_openness_office_token_spans_all_units_without_a_unit()
    {
        var unitA = await f.CreateUnitAsync("甲局");
        var unitB = await f.CreateUnitAsync("乙局");
        await DocumentTestSupport.CreateAsync(await f.LoginAsync(unitA.Id, Roles.UnitAdmin), await f.DraftAsync(unitA.Id, "甲局的通知"));
        await DocumentTestSupport.CreateAsync(await f.LoginAsync(unitB.Id, Roles.UnitAdmin), await f.DraftAsync(unitB.Id, "乙局的通知"));

        var token = await IssueAsync("依申请公开平台", "--role", "OpennessOffice", "--json");
        var json = JsonDocument.Parse(token).RootElement;
        var titles = await TitlesAsync(Bearer(json.GetProperty("token").GetString()!));
        Assert.Contains("甲局的通知", titles);
        Assert.Contains("乙局的通知", titles);
        Assert.Equal("OpennessOffice", json.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Revoked_expired_and_malformed_tokens_get_401_problem_details()
    {
        var unit = await f.CreateUnitAsync("吊销局");
        var revoked = await IssueAsync("将吊销", "--role", "Reviewer", "--unit", unit.Code);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(revoked).GetAsync("/api/v1/admin/documents")).StatusCode);
        var (exit, stdout, _) = await CliAsync("token", "revoke", "将吊销");
        Assert.Equal(0, exit);
        Assert.Contains("已吊销", stdout);
        await AssertUnauthorizedAsync(await Bearer(revoked).GetAsync("/api/v1/admin/documents"), "令牌已被吊销");
        Assert.Equal(1, (await CliAsync("token", "revoke", "将吊销")).Exit);

        // Valid through the given day, China time: the clock starts at 2026-03-02 10:00 +08:00.
        var expiring = await IssueAsync("短期", "--role", "Editor", "--unit", unit.Code, "--expires", "2026-03-02");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(expiring).GetAsync("/api/v1/admin/documents")).StatusCode);
        f.Clock.Advance(TimeSpan.FromHours(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(expiring).GetAsync("/api/v1/admin/documents")).StatusCode);
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        await AssertUnauthorizedAsync(await Bearer(expiring).GetAsync("/api/v1/admin/documents"), "令牌已过期");
        Assert.Equal(2, (await CliAsync("token", "create", "过去", "--role", "Editor", "--unit", unit.Code, "--expires", "2026-03-01")).Exit);

        await AssertUnauthorizedAsync(await Bearer("abc").GetAsync("/api/v1/admin/documents"), "令牌格式不正确");
        await AssertUnauthorizedAsync(await Bearer(revoked + "x").GetAsync("/api/v1/admin/documents"), "令牌格式不正确");
        // Well formed, never issued.
        var (unknown, _, _) = ApiTokenRules.Generate();
        await AssertUnauthorizedAsync(await Bearer(unknown).GetAsync("/api/v1/admin/documents"), "令牌无效");
        // No credentials at all on an API still answers 401 problem details.
        var anonymous = f.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/documents")).StatusCode);
        // A bad token does not block public endpoints.
        Assert.Equal(HttpStatusCode.OK, (await Bearer("abc").GetAsync("/api/v1/documents")).StatusCode);
    }

    [Fact]
    public async Task Platform_admin_tokens_and_unit_roles_without_a_unit_are_refused()
    {
        var unit = await f.CreateUnitAsync("规则局");
        var (exit, stdout, stderr) = await CliAsync("token", "create", "超级", "--role", "PlatformAdmin");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("不能授予平台管理员", stderr);
        Assert.Equal(2, (await CliAsync("token", "create", "超级2", "--role", "PlatformAdmin", "--unit", unit.Code)).Exit);

        foreach (var role in new[] { "UnitAdmin", "Editor", "Reviewer" })
        {
            (exit, stdout, stderr) = await CliAsync("token", "create", "无单位" + role, "--role", role);
            Assert.Equal(2, exit);
            Assert.Contains("必须指定所属单位", stderr);
        }
        Assert.Equal(2, (await CliAsync("token", "create", "乱写", "--role", "Root", "--unit", unit.Code)).Exit);
        Assert.Equal(2, (await CliAsync("token", "create", "无此单位", "--role", "Editor", "--unit", "NOSUCHUNIT")).Exit);
        // --role is required; the parser refuses before anything runs.
        Assert.Equal(2, (await CliAsync("token", "create", "无角色")).Exit);
        await f.WithDbAsync(async db => Assert.Equal(0, await db.ApiTokens.CountAsync()));

        // A row that somehow holds PlatformAdmin (written before the rule, edited by hand) still authenticates nobody.
        var (token, hash, prefix) = ApiTokenRules.Generate();
        await f.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(new ApiToken { Name = "手工", Prefix = prefix, SecretHash = hash, Role = Roles.PlatformAdmin, CreatedAt = f.Clock.GetUtcNow(), CreatedBy = "手工" });
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/v1/admin/documents")).StatusCode);
    }

    [Fact]
    public async Task A_token_never_opens_admin_pages()
    {
        var token = await IssueAsync("后台试探", "--role", "OpennessOffice");
        var api = Bearer(token);
        foreach (var page in new[] { "/admin", "/admin/documents", "/admin/tokens", "/admin/users" })
        {
            var resp = await api.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
            Assert.StartsWith("/admin/login", resp.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        }
        // The same token on the API works, so the refusal above is about the path, not the token.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/admin/documents")).StatusCode);
    }

    [Fact]
    public async Task The_row_keeps_only_the_hash_and_LastUsedAt_is_written_at_most_once_a_minute()
    {
        var unit = await f.CreateUnitAsync("摘要局");
        var token = await IssueAsync("摘要", "--role", "Editor", "--unit", unit.Code);
        ApiToken row = null!;
        async Task<ApiToken> RowAsync() { ApiToken r = null!; await f.WithDbAsync(async db => r = await db.ApiTokens.AsNoTracking().SingleAsync()); return r; }

        row = await RowAsync();
        Assert.Equal(ApiTokenRules.Hash(token), row.SecretHash);
        Assert.Equal(64, row.SecretHash.Length);
        Assert.Equal(token[..9], row.Prefix);
        var secret = token["zwgk_".Length..];
        Assert.DoesNotContain(new[] { row.Name, row.Prefix, row.SecretHash, row.Role, row.CreatedBy }, v => v.Contains(secret[..12]));
        Assert.Null(row.LastUsedAt);
        // Nowhere else either: the audit entry of the issue names the prefix, never the token.
        await f.WithDbAsync(async db =>
        {
            var audit = await db.AuditEntries.Where(e => e.Action == "apitoken.create").SingleAsync();
            Assert.DoesNotContain(secret, audit.Summary + audit.Changes);
            Assert.Equal("命令行（服务器操作员）", audit.UserName);
        });

        var (listExit, list, _) = await CliAsync("token", "list", "--json");
        Assert.Equal(0, listExit);
        Assert.DoesNotContain(secret, list);
        Assert.Equal("摘要", JsonDocument.Parse(list).RootElement[0].GetProperty("name").GetString());

        var api = Bearer(token);
        var first = f.Clock.GetUtcNow();
        await api.GetAsync("/api/v1/admin/documents");
        Assert.Equal(first, (await RowAsync()).LastUsedAt);
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        await api.GetAsync("/api/v1/admin/documents");
        Assert.Equal(first, (await RowAsync()).LastUsedAt);
        f.Clock.Advance(TimeSpan.FromSeconds(31));
        await api.GetAsync("/api/v1/admin/documents");
        Assert.Equal(f.Clock.GetUtcNow(), (await RowAsync()).LastUsedAt);
    }

    [Fact]
    public async Task Supervisors_issue_and_revoke_on_the_admin_page_and_it_is_audited()
    {
        var unit = await f.CreateUnitAsync("页面局");
        var office = await f.LoginAsync(unit.Id, Roles.OpennessOffice);
        var resp = await Forms.PostAsync(office, "/admin/tokens", "/admin/tokens?handler=Issue",
            [new("Input.Name", "页面签发"), new("Input.Role", "Editor"), new("Input.UnitId", unit.Id.ToString()), new("Input.ExpiresOn", "")]);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.True(resp.Headers.CacheControl?.NoStore);
        var html = await resp.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "value=\"(zwgk_[A-Za-z0-9_-]{43})\"").Groups[1].Value;
        Assert.Contains("只显示这一次", html);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/v1/admin/documents")).StatusCode);

        // The list shows the prefix, never the token again.
        var listing = await office.GetStringAsync("/admin/tokens");
        Assert.Contains(token[..9] + "…", listing);
        Assert.DoesNotContain(token, listing);

        // Refused on the page as well: no platform administrator, no unit role without a unit.
        var refused = await Forms.PostAsync(office, "/admin/tokens", "/admin/tokens?handler=Issue",
            [new("Input.Name", "没单位"), new("Input.Role", "Editor"), new("Input.UnitId", "")]);
        Assert.Contains("必须指定所属单位", await refused.Content.ReadAsStringAsync());
        refused = await Forms.PostAsync(office, "/admin/tokens", "/admin/tokens?handler=Issue",
            [new("Input.Name", "超级"), new("Input.Role", "PlatformAdmin"), new("Input.UnitId", "")]);
        Assert.Contains("不能授予平台管理员", await refused.Content.ReadAsStringAsync());

        int id = 0;
        await f.WithDbAsync(async db => id = await db.ApiTokens.Where(t => t.Name == "页面签发").Select(t => t.Id).SingleAsync());
        var revoke = await Forms.PostAsync(office, "/admin/tokens", $"/admin/tokens?handler=Revoke&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).GetAsync("/api/v1/admin/documents")).StatusCode);

        await f.WithDbAsync(async db =>
        {
            var actions = await db.AuditEntries.Where(e => e.EntityType == "ApiToken" && e.EntityId == id.ToString()).Select(e => new { e.Action, e.UserName }).ToListAsync();
            Assert.Equal(["apitoken.create", "apitoken.revoke"], actions.Select(a => a.Action).Order());
            Assert.All(actions, a => Assert.Equal("测试用户", a.UserName));
            Assert.Equal(1, await db.ApiTokens.CountAsync());
        });

        // Unit staff may not manage tokens.
        var editor = await f.LoginAsync(unit.Id, Roles.UnitAdmin);
        var denied = await editor.GetAsync("/admin/tokens");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/admin/denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Token_subcommands_parse_and_mistakes_exit_2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parsed = CliCommand.Parse(["token", "create", "热线", "--role", "Editor", "--unit", "SZQ", "--expires", "2027-01-31", "--json", "--Zwgk:Database=Postgres"], "/srv", stdout, stderr);
        var args = Assert.IsType<TokenArguments>(parsed.Command!.Arguments);
        Assert.Equal(new TokenArguments(TokenAction.Create, "热线", "Editor", "SZQ", new DateOnly(2027, 1, 31), true), args);
        Assert.Equal(["--Zwgk:Database=Postgres"], parsed.HostArgs);

        Assert.Equal(new TokenArguments(TokenAction.List, Json: true), CliCommand.Parse(["token", "list", "--json"], "/srv", stdout, stderr).Command!.Arguments);
        Assert.Equal(new TokenArguments(TokenAction.Revoke, Target: "7"), CliCommand.Parse(["token", "revoke", "7"], "/srv", stdout, stderr).Command!.Arguments);

        foreach (var bad in new[] { new[] { "token" }, ["token", "create", "x", "--role", "Editor", "--expires", "2027/01/31"], ["token", "revoke"], ["token", "delete", "1"] })
        {
            var err = new StringWriter();
            var r = CliCommand.Parse(bad, "/srv", new StringWriter(), err);
            Assert.True(r.ExitCode == 2, string.Join(' ', bad) + " → " + err);
            Assert.Null(r.Command);
        }
    }
}

public sealed class SqliteApiTokenTests() : ApiTokenTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTokenTests() : ApiTokenTests(DatabaseProvider.Postgres);
