using System.Net;
using Zwgk.Domain.Interaction.Events;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Identity;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Events;

/// <summary>A district for event tests: the office (公开办), unit A holding the events, unit B that must not see them.</summary>
public sealed class EventDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit Office { get; init; }
    public required Unit A { get; init; }
    public required Unit B { get; init; }
    public required ZwgkUser OfficeUser { get; init; }
    public required ZwgkUser EditorA { get; init; }
    public required ZwgkUser OfficerA { get; init; }
    public required ZwgkUser OfficerB { get; init; }

    public static async Task<EventDesk> CreateAsync(ZwgkFactory f)
    {
        var office = await f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var a = await f.CreateUnitAsync("区教育和体育局");
        var b = await f.CreateUnitAsync("区民政局");
        return new EventDesk
        {
            Factory = f, Office = office, A = a, B = b,
            OfficeUser = await f.CreateUserAsync(office.Id, Roles.OpennessOffice),
            EditorA = await f.CreateUserAsync(a.Id, Roles.Editor),
            OfficerA = await f.CreateUserAsync(a.Id, Roles.InteractionOfficer),
            OfficerB = await f.CreateUserAsync(b.Id, Roles.InteractionOfficer),
        };
    }

    /// <summary>An interview of unit A starting in <paramref name="startsIn"/> from the factory clock, one hour long, with one guest.</summary>
    public async Task<int> InterviewAsync(TimeSpan startsIn, string title = "义务教育招生政策解读")
    {
        var now = Factory.Clock.GetUtcNow();
        var i = new Interview
        {
            UnitId = A.Id, Title = title, Topic = "今年招生有哪些变化", StartsAt = now + startsIn, EndsAt = now + startsIn + TimeSpan.FromHours(1),
            CreatedAt = now, CreatedBy = "测试", UpdatedAt = now,
            Guests = [new InterviewGuest { Name = "王建国", Position = "区教育和体育局局长", Order = 1 }],
        };
        await Factory.WithDbAsync(async db => { db.Interviews.Add(i); await db.SaveChangesAsync(); });
        return i.Id;
    }

    /// <summary>A published open day of unit A in ten days, registration open now until the day before.</summary>
    public async Task<int> OpenDayAsync(int capacity, int maxParty = 3)
    {
        var now = Factory.Clock.GetUtcNow();
        var d = new OpenDay
        {
            UnitId = A.Id, Title = "走进区教育和体育局", Place = "区政务服务中心三楼", Capacity = capacity, MaxPartySize = maxParty, IsPublished = true,
            StartsAt = now.AddDays(10), EndsAt = now.AddDays(10).AddHours(3), RegistrationOpensAt = now.AddHours(-1), RegistrationClosesAt = now.AddDays(9),
            CreatedAt = now, CreatedBy = "测试", UpdatedAt = now,
        };
        await Factory.WithDbAsync(async db => { db.OpenDays.Add(d); await db.SaveChangesAsync(); });
        return d.Id;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string postUrl, params (string Key, string Value)[] fields) =>
        Forms.PostAsync(client, pageUrl, postUrl, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Follows a redirect and returns the page (a staff action's flash, a public form's result).</summary>
    public static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return await client.GetStringAsync(posted.Headers.Location);
    }

    public HttpClient Anonymous() => Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
