using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Interaction.Consultations;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Security;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Interaction.Consultations;

/// <summary>Two units (甲 drafts, 乙 is another unit) and an office; consultations written straight to the database.</summary>
public sealed class ConsultationDesk
{
    public required ZwgkFactory Factory { get; init; }
    public required Unit Office { get; init; }
    public required Unit A { get; init; }
    public required Unit B { get; init; }

    public static async Task<ConsultationDesk> CreateAsync(ZwgkFactory f) => new()
    {
        Factory = f,
        Office = await f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice),
        A = await f.CreateUnitAsync("区甲局"),
        B = await f.CreateUnitAsync("区乙局"),
    };

    public DateOnly Today => Zwgk.Web.Features.Shared.Formats.Today(Factory.Clock);

    public Task<HttpClient> OfficeAsync() => Factory.LoginAsync(Office.Id, Roles.OpennessOffice);
    public Task<HttpClient> HandlerAAsync() => Factory.LoginAsync(A.Id, Roles.InteractionOfficer);

    /// <summary>Moves the clock (past the idle timeout) and signs in again as a new handler of unit A.</summary>
    public async Task<HttpClient> AdvanceAsync(TimeSpan by)
    {
        Factory.Clock.Advance(by);
        return await HandlerAAsync();
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A published consultation of unit A open from <paramref name="opens"/> to <paramref name="closes"/>.</summary>
    public async Task<int> SeedAsync(string title, DateOnly opens, DateOnly closes, ConsultationState state = ConsultationState.Published, int? unitId = null)
    {
        var c = new Consultation
        {
            Title = title, UnitId = unitId ?? A.Id, DraftText = "第一条 为了规范公园管理，制定本办法。\n第二条 公园开放时间由管理单位公布。", Explanation = "一、起草背景\n二、主要内容",
            OpensOn = opens, ClosesOn = closes, State = state, ContactEmail = "yjzj@example.gov.cn",
            CreatedAt = Factory.Clock.GetUtcNow(), CreatedBy = "测试", UpdatedAt = Factory.Clock.GetUtcNow(),
            PublishedAt = state == ConsultationState.Draft ? null : Factory.Clock.GetUtcNow(),
        };
        await Factory.WithDbAsync(async db => { db.Consultations.Add(c); await db.SaveChangesAsync(); });
        return c.Id;
    }

    public Task<T> DbAsync<T>(Func<ZwgkDbContext, Task<T>> action) => Factory.WithScopeAsync(sp => action(sp.GetRequiredService<ZwgkDbContext>()));

    public Task<List<ConsultationComment>> CommentsAsync(int id) => DbAsync(db => db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == id).OrderBy(x => x.Number).ToListAsync());

    /// <summary>Posts the public comment form (antiforgery token from the page).</summary>
    public static Task<HttpResponseMessage> CommentAsync(HttpClient client, int id, string name, string phone, string content, bool wantsPublic = true) =>
        Forms.PostAsync(client, $"/hdjl/yjzj/{id}", $"/hdjl/yjzj/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Phone"] = phone, ["Input.Content"] = content,
            ["Input.WantsPublic"] = wantsPublic ? "true" : "false", ["Input.Agree"] = "true",
        });

    /// <summary>Posts a staff handler on the consultation's admin page; returns the page shown after the redirect.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> StaffAsync(HttpClient client, int id, string handler, params (string Key, string Value)[] fields)
    {
        var r = await Forms.PostAsync(client, "/admin/account/password", $"/admin/consultations/{id}?handler={handler}",
            fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        if (r.StatusCode != HttpStatusCode.Redirect) return (r.StatusCode, await r.Content.ReadAsStringAsync());
        return (r.StatusCode, WebUtility.HtmlDecode(await client.GetStringAsync(r.Headers.Location)));
    }
}
