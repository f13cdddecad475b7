using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Identity;
using Zwgk.Infrastructure.Search;
using Zwgk.Tests.Documents;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Documents;

namespace Zwgk.Tests.Qa;

/// <summary>Two units (A, B) each with an 编辑, a 审核 and a 单位管理员; the 公开办 (two people); helpers for entries and policies.</summary>
public sealed class QaDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit A { get; init; }
    public required Unit B { get; init; }
    public required Dictionary<string, ZwgkUser> Users { get; init; }
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public HttpClient Office => Clients["office"];
    public HttpClient Office2 => Clients["office2"];
    public HttpClient EditorA => Clients["editorA"];
    public HttpClient ReviewerA => Clients["reviewerA"];
    public HttpClient AdminA => Clients["adminA"];
    public HttpClient EditorB => Clients["editorB"];
    public HttpClient ReviewerB => Clients["reviewerB"];

    public static async Task<QaDesk> CreateAsync(ZwgkFactory f)
    {
        var a = await f.CreateUnitAsync("区人力资源和社会保障局");
        var b = await f.CreateUnitAsync("区教育和体育局");
        var office = await f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var users = new Dictionary<string, ZwgkUser>
        {
            ["office"] = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            ["office2"] = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            ["editorA"] = await f.CreateUserAsync(a.Id, Roles.Editor),
            ["reviewerA"] = await f.CreateUserAsync(a.Id, Roles.Reviewer),
            ["adminA"] = await f.CreateUserAsync(a.Id, Roles.UnitAdmin),
            ["editorB"] = await f.CreateUserAsync(b.Id, Roles.Editor),
            ["reviewerB"] = await f.CreateUserAsync(b.Id, Roles.Reviewer),
        };
        var d = new QaDesk { Factory = f, A = a, B = b, Users = users };
        await d.LoginAllAsync();
        return d;
    }

    public async Task LoginAllAsync()
    {
        foreach (var (k, u) in Users) Clients[k] = await Factory.LoginAsync(u);
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {(int)expected}, got {(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    public async Task<int> CreateAsync(HttpClient as_, string question, string answer = "按规定办理。", int? unitId = null, int? basisDocumentId = null,
        string? topic = "社会保障", string? reviewOn = null)
    {
        var r = await JsonAsync(await as_.PostAsJsonAsync("/api/v1/admin/qa", new { question, answer, unitId, basisDocumentId, topic, reviewOn, basis = "测试依据" }),
            HttpStatusCode.Created);
        return r.GetProperty("id").GetInt32();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient as_, int id, string step, object? body = null) =>
        as_.PostAsJsonAsync($"/api/v1/admin/qa/{id}/{step}", body ?? new { });

    /// <summary>Written by A's editor, approved by A's reviewer: published.</summary>
    public async Task<int> PublishedAsync(string question, int? basisDocumentId = null, string answer = "按规定办理。")
    {
        var id = await CreateAsync(EditorA, question, answer, basisDocumentId: basisDocumentId);
        await JsonAsync(await StepAsync(EditorA, id, "submit"));
        await JsonAsync(await StepAsync(ReviewerA, id, "approve"));
        return id;
    }

    /// <summary>A published policy of unit A (written by A's administrator, published by the system).</summary>
    public async Task<int> PolicyAsync(string title, string number)
    {
        var body = await Factory.DraftAsync(A.Id, title, number);
        var created = await JsonAsync(await AdminA.PostAsJsonAsync("/api/v1/admin/documents", body), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var r = await Factory.WithScopeAsync(sp => sp.GetRequiredService<DocumentService>().PublishAsSystemAsync(id, "测试发布"));
        Assert.True(r.Ok, r.Message);
        return id;
    }

    public Task CatchUpAsync() => Factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();

    public async Task<int> UnitIdAsync(string code)
    {
        int id = 0;
        await Factory.WithDbAsync(async db => id = await db.Units.Where(u => u.Code == code).Select(u => u.Id).FirstAsync());
        return id;
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "qa", name);
}
