using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Search;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Search;

namespace Zwgk.Tests.Qa;

/// <summary>
/// The shipped plain-language dictionary reaches existing sites: terms shipped later are added at start-up, terms staff
/// deleted or renamed are not put back, staff edits stay. Also for a site seeded before the record of shipped terms existed.
/// </summary>
public abstract class PlainLanguageTopUpTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private HttpClient _office = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        var unit = await _f.CreateUnitAsync("区政府办公室");
        _office = await _f.LoginAsync(unit.Id, Roles.OpennessOffice);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private Task SeedAsync() => _f.WithScopeAsync(async sp => { await SearchSeed.SeedAsync(sp.GetRequiredService<ZwgkDbContext>(), sp.GetRequiredService<TimeProvider>()); return 0; });

    private async Task<int> TermIdAsync(string term)
    {
        var list = await _office.GetFromJsonAsync<JsonElement>("/api/v1/admin/search/terms?q=" + Uri.EscapeDataString(term));
        return list.EnumerateArray().First(t => t.GetProperty("term").GetString() == term).GetProperty("id").GetInt32();
    }

    private async Task<Dictionary<string, string>> TermsAsync()
    {
        var d = new Dictionary<string, string>();
        await _f.WithDbAsync(async db => d = await db.PlainLanguageTerms.AsNoTracking().ToDictionaryAsync(t => t.Term, t => t.Official));
        return d;
    }

    /// <summary>Makes a shipped term look as if it shipped after this site was seeded (never given to it).</summary>
    private Task ForgetAsync(string term) => _f.WithDbAsync(async db =>
    {
        await db.PlainLanguageTerms.Where(t => t.Term == term).ExecuteDeleteAsync();
        await db.PlainLanguageShippedTerms.Where(t => t.Term == term).ExecuteDeleteAsync();
    });

    [Fact]
    public async Task Later_shipped_terms_are_added_and_deleted_or_edited_ones_are_left_as_staff_left_them()
    {
        var shipped = await TermsAsync();
        Assert.Equal("就医|诊疗", shipped["看病"]);
        await ForgetAsync("看病");
        await ForgetAsync("外地看病报销");
        (await _office.DeleteAsync($"/api/v1/admin/search/terms/{await TermIdAsync("孩子")}")).EnsureSuccessStatusCode();
        (await _office.PutAsJsonAsync($"/api/v1/admin/search/terms/{await TermIdAsync("房子")}", new { category = "住房保障", term = "房子", official = "住房|商品房", enabled = true })).EnsureSuccessStatusCode();

        await SeedAsync();
        var after = await TermsAsync();
        Assert.Equal("就医|诊疗", after["看病"]);
        Assert.True(after.ContainsKey("外地看病报销"));
        Assert.False(after.ContainsKey("孩子"));
        Assert.Equal("住房|商品房", after["房子"]);
        Assert.Equal(shipped.Count - 1, after.Count);

        // Staff delete a topped-up term: the next start leaves it deleted.
        (await _office.DeleteAsync($"/api/v1/admin/search/terms/{await TermIdAsync("看病")}")).EnsureSuccessStatusCode();
        await SeedAsync();
        Assert.False((await TermsAsync()).ContainsKey("看病"));
    }

    [Fact]
    public async Task A_site_seeded_before_the_record_existed_gets_new_terms_but_not_the_ones_its_audit_log_shows_deleted()
    {
        (await _office.DeleteAsync($"/api/v1/admin/search/terms/{await TermIdAsync("孩子")}")).EnsureSuccessStatusCode();
        (await _office.PutAsJsonAsync($"/api/v1/admin/search/terms/{await TermIdAsync("领钱")}", new { category = "社会保障", term = "领补贴", official = "发放|领取", enabled = true })).EnsureSuccessStatusCode();
        await _f.WithDbAsync(async db =>
        {
            await db.PlainLanguageTerms.Where(t => t.Term == "看病").ExecuteDeleteAsync();
            await db.PlainLanguageShippedTerms.ExecuteDeleteAsync();
        });

        await SeedAsync();
        var after = await TermsAsync();
        Assert.Equal("就医|诊疗", after["看病"]);
        Assert.False(after.ContainsKey("孩子"));
        Assert.False(after.ContainsKey("领钱"));
        Assert.Equal("发放|领取", after["领补贴"]);
        await _f.WithDbAsync(async db => Assert.True(await db.PlainLanguageShippedTerms.AnyAsync(t => t.Term == "孩子")));
    }
}

public sealed class SqlitePlainLanguageTopUpTests() : PlainLanguageTopUpTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlainLanguageTopUpTests() : PlainLanguageTopUpTests(DatabaseProvider.Postgres);
