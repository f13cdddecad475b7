using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using static Zwgk.Tests.Documents.DocumentTestSupport;

namespace Zwgk.Tests.Documents;

/// <summary>Separation of duties in 三审 (issue 9 §1.2): the author never reviews, each level is another person.</summary>
public abstract class SeparationOfDutiesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<ZwgkFactory> _factories = [];

    private ZwgkFactory Start(string? singlePerson = null)
    {
        var f = new ZwgkFactory(provider);
        if (singlePerson is not null) f.Settings["Zwgk:SinglePersonReview"] = singlePerson;
        _ = f.Server;
        _factories.Add(f);
        return f;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var f in _factories) await f.DisposeAsync();
    }

    private static Task<HttpResponseMessage> Approve(HttpClient c, int id) => c.PostAsJsonAsync($"/api/v1/admin/documents/{id}/approve", new { comment = "同意" });

    private static async Task<DocumentStatus> StatusAsync(ZwgkFactory f, int id)
    {
        DocumentStatus s = default;
        await f.WithDbAsync(async db => s = await db.Documents.Where(d => d.Id == id).Select(d => d.Status).FirstAsync());
        return s;
    }

    [Fact]
    public async Task By_default_the_author_cannot_approve_and_nobody_approves_two_levels()
    {
        var f = Start();
        var unit = await f.CreateUnitAsync("审核分离局");
        var admin = await f.LoginAsync(unit.Id, Roles.UnitAdmin);
        var id = await CreateAsync(admin, await f.DraftAsync(unit.Id, "单位管理员起草的通知"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/documents/{id}/submit", null)).StatusCode);

        // The account: creator, submitter and would-be approver of every level.
        var own = await Approve(admin, id);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("起草人或提交人", await own.Content.ReadAsStringAsync());

        var first = await f.LoginAsync(unit.Id, Roles.Reviewer);
        var second = await f.LoginAsync(unit.Id, Roles.Reviewer);
        var third = await f.LoginAsync(unit.Id, Roles.UnitAdmin);
        Assert.Equal(HttpStatusCode.OK, (await Approve(first, id)).StatusCode);
        var again = await Approve(first, id);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("各级审核须由不同人员完成", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Approve(second, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Approve(second, id)).StatusCode);
        Assert.Equal(DocumentStatus.InReview, await StatusAsync(f, id));
        Assert.Equal(HttpStatusCode.OK, (await Approve(third, id)).StatusCode);
        Assert.Equal(DocumentStatus.Published, await StatusAsync(f, id));

        // A resubmission starts a new round: a reviewer of the last round may approve again, the new submitter may not.
        var id2 = await CreateAsync(admin, await f.DraftAsync(unit.Id, "退回后重新提交的通知"));
        await admin.PostAsync($"/api/v1/admin/documents/{id2}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await Approve(first, id2)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync($"/api/v1/admin/documents/{id2}/reject", new { comment = "请补充依据" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/documents/{id2}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Approve(first, id2)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Approve(admin, id2)).StatusCode);

        int waivers = -1;
        await f.WithDbAsync(async db => waivers = await db.AuditEntries.CountAsync(e => e.Action == "document.review.single-person"));
        Assert.Equal(0, waivers);
    }

    [Fact]
    public async Task Single_person_review_needs_the_site_setting_and_a_short_staffed_unit_and_is_audited()
    {
        var f = Start("WhenShortStaffed");
        var small = await f.CreateUnitAsync("一人局");
        var alone = await f.LoginAsync(small.Id, Roles.UnitAdmin);
        var id = await CreateAsync(alone, await f.DraftAsync(small.Id, "一人局的通知"));
        await alone.PostAsync($"/api/v1/admin/documents/{id}/submit", null);
        for (int level = 1; level <= 3; level++) Assert.Equal(HttpStatusCode.OK, (await Approve(alone, id)).StatusCode);
        Assert.Equal(DocumentStatus.Published, await StatusAsync(f, id));
        var waivers = new List<string>();
        await f.WithDbAsync(async db => waivers = await db.AuditEntries.Where(e => e.Action == "document.review.single-person" && e.EntityId == id.ToString())
            .Select(e => e.Summary).ToListAsync());
        Assert.Equal(3, waivers.Count);
        Assert.All(waivers, w => Assert.Contains("本单位可审核人员0人", w));

        // A unit with enough reviewers gets no waiver, whatever the setting.
        var staffed = await f.CreateUnitAsync("满编局");
        var author = await f.LoginAsync(staffed.Id, Roles.UnitAdmin);
        for (int i = 0; i < 3; i++) await f.CreateUserAsync(staffed.Id, Roles.Reviewer);
        var id2 = await CreateAsync(author, await f.DraftAsync(staffed.Id, "满编局的通知"));
        await author.PostAsync($"/api/v1/admin/documents/{id2}/submit", null);
        Assert.Equal(HttpStatusCode.Forbidden, (await Approve(author, id2)).StatusCode);
    }
}

public sealed class SqliteSeparationOfDutiesTests() : SeparationOfDutiesTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSeparationOfDutiesTests() : SeparationOfDutiesTests(DatabaseProvider.Postgres);
