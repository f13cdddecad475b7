using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Requests;

/// <summary>Shared steps of the 依申请公开 tests: a unit with an officer, a head and a 公开办 user; registration through the API.</summary>
public sealed class RequestDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit Unit { get; init; }
    public required HttpClient Officer { get; set; }
    public required HttpClient Head { get; set; }
    public required HttpClient Office { get; set; }
    public required Infrastructure.Identity.ZwgkUser OfficerUser { get; init; }
    public required Infrastructure.Identity.ZwgkUser HeadUser { get; init; }
    public required Infrastructure.Identity.ZwgkUser OfficeUser { get; init; }

    public static async Task<RequestDesk> CreateAsync(ZwgkFactory f, string unitName = "区自然资源局")
    {
        var unit = await f.CreateUnitAsync(unitName);
        var officeUnit = await f.CreateUnitAsync("区政府办公室" + Guid.NewGuid().ToString("N")[..4], UnitKind.GovernmentOffice);
        var officer = await f.CreateUserAsync(unit.Id, Roles.RequestOfficer);
        var head = await f.CreateUserAsync(unit.Id, Roles.UnitAdmin);
        var office = await f.CreateUserAsync(officeUnit.Id, Roles.OpennessOffice);
        return new RequestDesk
        {
            Factory = f, Unit = unit, OfficerUser = officer, HeadUser = head, OfficeUser = office,
            Officer = await f.LoginAsync(officer), Head = await f.LoginAsync(head), Office = await f.LoginAsync(office),
        };
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Registers through the integration API and returns (id, caseNumber, queryCode, dueOn).</summary>
    public async Task<(int Id, string CaseNumber, string QueryCode, string? DueOn)> RegisterAsync(string receivedOn, string channel = "当面", string applicantType = "自然人",
        string name = "张三丰", string contact = "13812345678", string description = "请公开2024年本村征地补偿安置方案")
    {
        var r = await JsonAsync(await Officer.PostAsJsonAsync("/api/v1/admin/requests", new
        {
            channel, receivedOn, applicantType, applicantName = name, contact, description, unit = Unit.Code,
        }), HttpStatusCode.Created);
        var due = r.GetProperty("dueOn");
        return (r.GetProperty("id").GetInt32(), r.GetProperty("caseNumber").GetString()!, r.GetProperty("queryCode").GetString()!,
            due.ValueKind == JsonValueKind.Null ? null : due.GetString());
    }

    public async Task<JsonElement> DetailsAsync(int id, HttpClient? as_ = null) =>
        await JsonAsync(await (as_ ?? Officer).GetAsync($"/api/v1/admin/requests/{id}"));

    public async Task<HttpResponseMessage> PostAsync(int id, string action, object body, HttpClient? as_ = null) =>
        await (as_ ?? Officer).PostAsJsonAsync($"/api/v1/admin/requests/{id}/{action}", body);

    public async Task OkAsync(int id, string action, object body, HttpClient? as_ = null) =>
        await JsonAsync(await PostAsync(id, action, body, as_));

    /// <summary>Accepts the case with the officer as handler.</summary>
    public Task AcceptAsync(int id) => OkAsync(id, "accept", new { });

    /// <summary>Moves the clock and signs the three users in again (the move outlasts the idle timeout).</summary>
    public async Task TodayAsync(string isoDate)
    {
        Factory.Clock.SetChinaDate(DateOnly.Parse(isoDate));
        Officer = await Factory.LoginAsync(OfficerUser);
        Head = await Factory.LoginAsync(HeadUser);
        Office = await Factory.LoginAsync(OfficeUser);
    }
}
