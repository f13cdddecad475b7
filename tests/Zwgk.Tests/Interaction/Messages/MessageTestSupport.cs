using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Identity;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Messages;

/// <summary>Two units (A, B) each with a 互动交流经办 and a 单位管理员, the 公开办, a platform administrator; API helpers.</summary>
public sealed class MessageDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit A { get; init; }
    public required Unit B { get; init; }
    public required Dictionary<string, ZwgkUser> Users { get; init; }
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public HttpClient Office => Clients["office"];
    public HttpClient OfficerA => Clients["officerA"];
    public HttpClient AdminA => Clients["adminA"];
    public HttpClient OfficerB => Clients["officerB"];
    public HttpClient Platform => Clients["platform"];

    public static async Task<MessageDesk> CreateAsync(ZwgkFactory f)
    {
        var a = await f.CreateUnitAsync("区住房和城乡建设局");
        var b = await f.CreateUnitAsync("区教育和体育局");
        var office = await f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var users = new Dictionary<string, ZwgkUser>
        {
            ["office"] = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            ["officerA"] = await f.CreateUserAsync(a.Id, Roles.InteractionOfficer),
            ["adminA"] = await f.CreateUserAsync(a.Id, Roles.UnitAdmin),
            ["officerB"] = await f.CreateUserAsync(b.Id, Roles.InteractionOfficer),
            ["platform"] = await f.CreateUserAsync(office.Id, Roles.PlatformAdmin),
        };
        var d = new MessageDesk { Factory = f, A = a, B = b, Users = users };
        await d.LoginAllAsync();
        return d;
    }

    private async Task LoginAllAsync()
    {
        foreach (var (k, u) in Users) Clients[k] = await Factory.LoginAsync(u);
    }

    /// <summary>Moves the clock to 10:00 China time and signs everyone in again (the move outlasts the idle timeout).</summary>
    public async Task TodayAsync(string isoDate)
    {
        Factory.Clock.SetChinaDate(DateOnly.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture));
        await LoginAllAsync();
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {(int)expected}, got {(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Registers through the staff API (as the 公开办 by default).</summary>
    public async Task<(int Id, string Code, string DueOn)> RegisterAsync(string receivedOn, string type = "咨询", string? unit = null, string name = "张三丰",
        string contact = "13812345678", string title = "关于和平路小区停车难的咨询", string content = "和平路小区门口晚上停车很难，能否增设停车位？", HttpClient? as_ = null,
        string channel = "12345热线")
    {
        var r = await JsonAsync(await (as_ ?? Office).PostAsJsonAsync("/api/v1/admin/messages", new { channel, type, receivedOn, name, contact, title, content, unit }),
            HttpStatusCode.Created);
        return (r.GetProperty("id").GetInt32(), r.GetProperty("queryCode").GetString()!, r.GetProperty("dueOn").GetString()!);
    }

    /// <summary>Writes through the public API; returns the 查询码 and the id found by it.</summary>
    public async Task<(int Id, string Code, string DueOn)> SubmitAsync(string title = "关于学校放学时间的咨询", string content = "请问区属小学下学期的放学时间是否调整？",
        bool isPublic = true, string name = "李四光", string contact = "13912345678", string type = "咨询", HttpClient? client = null)
    {
        var r = await JsonAsync(await (client ?? Anonymous()).PostAsJsonAsync("/api/v1/messages", new { type, title, content, name, contact, @public = isPublic }), HttpStatusCode.Created);
        var code = r.GetProperty("queryCode").GetString()!;
        var hash = Zwgk.Web.Features.Requests.QueryCodes.Hash(code);
        var id = await DbAsync(db => db.Messages.Where(m => m.QueryCodeHash == hash).Select(m => m.Id).SingleAsync());
        return (id, code, r.GetProperty("dueOn").GetString()!);
    }

    public Task<HttpResponseMessage> PostAsync(int id, string action, object? body = null, HttpClient? as_ = null) =>
        (as_ ?? Office).PostAsJsonAsync($"/api/v1/admin/messages/{id}/{action}", body ?? new { });

    public async Task OkAsync(int id, string action, object? body = null, HttpClient? as_ = null) => await JsonAsync(await PostAsync(id, action, body, as_));

    public Task<T> DbAsync<T>(Func<ZwgkDbContext, Task<T>> action) => Factory.WithScopeAsync(sp => action(sp.GetRequiredService<ZwgkDbContext>()));

    public Task<Message> MessageAsync(int id) => DbAsync(db => db.Messages.AsNoTracking().Include(m => m.Events).SingleAsync(m => m.Id == id));

    /// <summary>Routes to A, drafts as A's officer, approves as A's administrator, publishes.</summary>
    public async Task AnswerAndPublishAsync(int id, string reply = "经核实，下学期放学时间不作调整。", bool publish = true)
    {
        await OkAsync(id, "route", new { unitId = A.Id });
        await OkAsync(id, "reply", new { text = reply }, OfficerA);
        await OkAsync(id, "reply/approve", null, AdminA);
        if (publish) await OkAsync(id, "publish", null, AdminA);
    }
}
