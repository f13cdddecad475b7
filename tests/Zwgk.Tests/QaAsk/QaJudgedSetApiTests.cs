using System.Net.Http.Json;
using Zwgk.Domain.Security;
using Zwgk.Domain.Units;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.QaAsk;

/// <summary>
/// The matcher's judged set (tests/Zwgk.Search.Tests/Qa/Data, copied to Fixtures/qa) end to end: the entries as QaItem rows,
/// each paraphrase asked through GET /api/v1/qa/match with the site's dictionary from the database. And an edit of that
/// dictionary changes matching without a restart.
/// </summary>
public sealed class QaJudgedSetApiTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory();
        _f.Settings["Zwgk:PublicForms:LookupsPerMinute"] = "100000";
        _ = _f.Server;
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "qa", file);

    [Fact]
    public async Task Judged_paraphrases_find_their_entry_in_the_top_three()
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Fixture("qa-entries.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split('\t');
            var item = await QaRows.AddAsync(_f, c[1], c[2], unitName: c[3], basis: c[4], alternatives: c.Length > 5 && c[5].Length > 0 ? c[5].Replace('|', '\n') : null);
            ids[c[0]] = item.Id;
        }
        Assert.True(ids.Count >= 60);
        var client = _f.CreateClient();
        int inScope = 0, top3 = 0, top1 = 0, outOfScope = 0, falseConfident = 0;
        foreach (var line in File.ReadLines(Fixture("qa-judged.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split('\t');
            var result = await QaRows.MatchAsync(client, c[0], 3);
            var got = QaRows.Ids(result);
            if (c[1] == "-")
            {
                outOfScope++;
                if (got.Length > 0 && result.GetProperty("items")[0].GetProperty("score").GetDouble() >= Zwgk.Search.Qa.QaMatcher.GoodMatch) falseConfident++;
                continue;
            }
            inScope++;
            var want = ids[c[1]];
            if (got.Contains(want)) top3++;
            else output.WriteLine($"miss: {c[0]} → want {c[1]}");
            if (got.Length > 0 && got[0] == want) top1++;
        }
        output.WriteLine($"through the API: {inScope} in scope, top-1 {top1 / (double)inScope:0.000}, top-3 {top3 / (double)inScope:0.000}; "
            + $"out of scope confidently answered {falseConfident} of {outOfScope}");
        Assert.True(inScope >= 120);
        Assert.True(top3 / (double)inScope >= 0.9, $"top-3 {top3}/{inScope}");
    }

    [Fact]
    public async Task A_dictionary_term_added_by_staff_changes_matching_without_a_restart()
    {
        var office = await _f.CreateUnitAsync("区政府办公室", UnitKind.GovernmentOffice);
        var staff = await _f.LoginAsync(office.Id, Roles.OpennessOffice);
        var entry = await QaRows.AddAsync(_f, "城乡居民最低生活保障怎么申请？", "由申请人向户籍所在地乡镇（街道）提出书面申请，经审核审批后按月发放最低生活保障金。",
            unitName: "区民政局", basis: "《社会救助暂行办法》");
        await QaRows.AddAsync(_f, "临时救助的对象有哪些？", "因火灾、交通事故等意外事件导致基本生活暂时出现严重困难的家庭可以申请临时救助。", unitName: "区民政局");
        await QaRows.AddAsync(_f, "特困人员供养标准是多少？", "特困人员基本生活标准按不低于当地最低生活保障标准的1.3倍确定。", unitName: "区民政局");
        var client = _f.CreateClient();
        const string question = "托底钱找谁要";

        Assert.DoesNotContain(entry.Id, QaRows.Ids(await QaRows.MatchAsync(client, question)));

        var r = await staff.PostAsJsonAsync("/api/v1/admin/search/terms", new { category = "社会救助", term = "托底钱", official = "最低生活保障" });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());

        var after = QaRows.Ids(await QaRows.MatchAsync(client, question));
        Assert.Equal(entry.Id, Assert.Single(after.Take(1)));
    }
}
