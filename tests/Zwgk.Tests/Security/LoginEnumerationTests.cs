using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.Security;

/// <summary>
/// Sign-in answers tell nothing about which user names exist: an unknown (or disabled) name locks after the same
/// failures as an account, with the same answers, and its lockout lives in the database (shared by app nodes).
/// </summary>
public abstract class LoginEnumerationTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    protected static async Task<string> AttemptAsync(HttpClient client, string userName, string password)
    {
        var resp = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        if (resp.StatusCode == HttpStatusCode.OK) return "200";
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)resp.StatusCode} {problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
    }

    protected static async Task<List<string>> SixFailuresAsync(HttpClient client, string userName)
    {
        var answers = new List<string>();
        for (int i = 0; i < 6; i++) answers.Add(await AttemptAsync(client, userName, "Wrong-pass-" + i));
        return answers;
    }

    [Fact]
    public async Task Six_failed_attempts_answer_the_same_for_an_existing_and_an_unknown_name()
    {
        var unit = await Factory.CreateUnitAsync("枚举测试局");
        var user = await Factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = Factory.CreateClient();

        var existing = await SixFailuresAsync(client, user.UserName!);
        var unknown = await SixFailuresAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(existing, unknown);
        Assert.Equal(["401", "401", "401", "401", "423", "423"], existing.Select(a => a[..3]));
        Assert.Contains("账号已锁定，请15分钟后再试", existing[4]);
    }

    [Fact]
    public async Task A_disabled_account_answers_like_an_unknown_name_even_with_its_password()
    {
        var unit = await Factory.CreateUnitAsync("停用测试局");
        var user = await Factory.CreateUserAsync(unit.Id, Roles.Editor);
        await Factory.WithDbAsync(async db => await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var client = Factory.CreateClient();
        Assert.StartsWith("401", await AttemptAsync(client, user.UserName!, ZwgkFactory.Password));
        var unknown = await SixFailuresAsync(client, "ghost-" + Guid.NewGuid().ToString("N")[..8]);
        var disabled = await SixFailuresAsync(client, user.UserName!.ToUpperInvariant()); // names compare case-insensitively
        Assert.Equal(unknown.Skip(1), disabled.Take(5)); // the first attempt above already counted
    }

    [Fact]
    public async Task An_unknown_name_is_unlocked_after_the_lockout_like_an_account()
    {
        var client = Factory.CreateClient();
        var name = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        await SixFailuresAsync(client, name);
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.StartsWith("423", await AttemptAsync(client, name, "Wrong-pass-x"));
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("401", await AttemptAsync(client, name, "Wrong-pass-x"));
    }

    [Fact]
    public async Task Failed_logins_keep_the_name_only_when_it_belongs_to_an_account()
    {
        var unit = await Factory.CreateUnitAsync("审计测试局");
        var user = await Factory.CreateUserAsync(unit.Id, Roles.Editor);
        var client = Factory.CreateClient();
        const string typedPassword = "MySecret#Pass77";   // typed into the user-name box by mistake
        for (int i = 0; i < 5; i++) await AttemptAsync(client, typedPassword, "anything-1");
        await AttemptAsync(client, user.UserName!, "Wrong-pass-1");

        var entries = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("account.")).ToListAsync());
        Assert.DoesNotContain(entries, a => (a.UserName + a.Summary + a.Changes).Contains("MySecret", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(entries, a => a.Action == "account.login-failed" && a.UserName == user.UserName && a.Summary.Contains(user.UserName!));
        Assert.Equal(4, entries.Count(a => a.Action == "account.login-failed" && a.UserName!.StartsWith("未知用户名#")));
        Assert.Contains(entries, a => a.Action == "account.locked" && a.UserName!.StartsWith("未知用户名#"));
        var throttled = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ZwgkDbContext>().LoginThrottles.AsNoTracking().Select(t => t.NameHash).ToListAsync());
        Assert.All(throttled, h => Assert.Matches("^[0-9a-f]{64}$", h));
    }
}

public sealed class SqliteLoginEnumerationTests() : LoginEnumerationTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLoginEnumerationTests() : LoginEnumerationTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_app_nodes_share_the_lockout_of_a_name()
    {
        await using var second = ZwgkFactory.SecondNode(Factory);
        var a = Factory.CreateClient();
        var b = second.CreateClient();
        var name = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        for (int i = 0; i < 2; i++) Assert.StartsWith("401", await AttemptAsync(a, name, "Wrong-pass-1"));
        for (int i = 0; i < 2; i++) Assert.StartsWith("401", await AttemptAsync(b, name, "Wrong-pass-1"));
        Assert.StartsWith("423", await AttemptAsync(a, name, "Wrong-pass-1"));
        Assert.StartsWith("423", await AttemptAsync(b, name, "Wrong-pass-1"));

        // Concurrent failures on both nodes are all counted: four at once, and the fifth locks a fresh name.
        var other = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => AttemptAsync(i % 2 == 0 ? a : b, other, "Wrong-pass-1")));
        Assert.StartsWith("423", await AttemptAsync(b, other, "Wrong-pass-1"));
    }
}
