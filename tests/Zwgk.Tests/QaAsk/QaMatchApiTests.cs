using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Qa;
using Zwgk.Domain.Units;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Qa.Matching;

namespace Zwgk.Tests.QaAsk;

/// <summary>
/// GET /api/v1/qa/match: shape and order, problem details for a bad question, only offerable entries (a draft and an entry
/// resting on an abolished policy are never offered), the cached matcher rebuilt after an edit (and after its lifetime for a
/// basis document change), one build for concurrent callers. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class QaMatchApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ZwgkFactory _f = null!;
    private Unit _unit = null!;
    private HttpClient _client = null!;
    private QaItem _card = null!, _flexible = null!, _draft = null!, _abolished = null!;

    private const string LongAnswer = "社会保障卡遗失后，应先通过电子社保卡、服务热线或合作银行网点办理临时挂失。持本人居民身份证到任一社保卡服务网点或合作银行网点申请补卡，"
        + "补卡费用按规定收取，部分网点可即时制卡。补卡期间，医保结算可使用医保电子凭证。新卡启用后原卡自动作废，原卡上的个人账户余额自动转入新卡，无需另行办理。"
        + "如对补卡进度有疑问，可拨打区人力资源和社会保障局服务热线咨询。";

    public async ValueTask InitializeAsync()
    {
        _f = new ZwgkFactory(provider);
        _f.Settings["Zwgk:PublicForms:LookupsPerMinute"] = "10000";
        _unit = await _f.CreateUnitAsync("区人力资源和社会保障局");
        _client = _f.CreateClient();
        var abolishedDoc = await QaRows.AddDocumentAsync(_f, _unit.Id, "关于社会保障卡补换的通知", Validity.Abolished);
        _card = await QaRows.AddAsync(_f, "社会保障卡丢失了怎么补办？", LongAnswer, unitId: _unit.Id, basis: "《社会保障卡管理办法》",
            alternatives: "社保卡丢了怎么办\n社保卡挂失补卡");
        _flexible = await QaRows.AddAsync(_f, "灵活就业人员如何参加城镇职工基本养老保险？", "灵活就业人员可持居民身份证到社会保险经办机构办理参保登记。",
            unitName: "区社会保险事业管理中心", basis: "《中华人民共和国社会保险法》第十条");
        _draft = await QaRows.AddAsync(_f, "社会保障卡丢失后补卡要多少钱？", "补卡收取工本费。", unitId: _unit.Id, status: QaStatus.Draft);
        _abolished = await QaRows.AddAsync(_f, "社会保障卡损坏了怎么换卡？", "持身份证到网点换卡。", unitId: _unit.Id, basisDocumentId: abolishedDoc.Id,
            basis: "关于社会保障卡补换的通知");
        await QaRows.AddAsync(_f, "申请公共租赁住房需要什么条件？", "本区户籍、家庭人均收入低于规定标准且无自有住房的家庭可以申请。", unitName: "区住房和城乡建设局");
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Returns_offerable_matches_best_first_with_the_full_answer()
    {
        var r = await QaRows.MatchAsync(_client, "社保卡丢了去哪补办，要带啥");
        var items = r.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        var first = items[0];
        Assert.Equal(_card.Id, first.GetProperty("id").GetInt32());
        Assert.Equal(_card.Question, first.GetProperty("question").GetString());
        Assert.Equal(LongAnswer, first.GetProperty("answer").GetString()); // the full answer, not an excerpt
        Assert.Equal(_unit.Name, first.GetProperty("unit").GetString());
        Assert.Equal("《社会保障卡管理办法》", first.GetProperty("basis").GetString());
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToArray();
        Assert.All(scores, s => { Assert.InRange(s, 0, 1); Assert.Equal(Math.Round(s, 3), s); });
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.True(scores[0] >= Zwgk.Search.Qa.QaMatcher.GoodMatch, $"score {scores[0]}");

        // Never offered: the draft and the entry whose basis document was abolished, however closely they match.
        Assert.DoesNotContain(_draft.Id, QaRows.Ids(await QaRows.MatchAsync(_client, "社会保障卡丢失后补卡要多少钱？", 20)));
        Assert.DoesNotContain(_abolished.Id, QaRows.Ids(await QaRows.MatchAsync(_client, "社会保障卡损坏了怎么换卡？", 20)));

        // An entry whose unit is only known by the name an imported sheet wrote.
        var flex = await QaRows.MatchAsync(_client, "打零工的自己怎么交养老保险");
        Assert.Equal(_flexible.Id, QaRows.Ids(flex)[0]);
        Assert.Equal("区社会保险事业管理中心", flex.GetProperty("items")[0].GetProperty("unit").GetString());

        Assert.Single(QaRows.Ids(await QaRows.MatchAsync(_client, "社保卡丢了", 1)));
        Assert.Empty(QaRows.Ids(await QaRows.MatchAsync(_client, "护照过期了在哪里换发")));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("社保卡", 0)]
    [InlineData("社保卡", 21)]
    public async Task A_missing_question_or_a_bad_top_is_a_problem_in_Chinese(string q, int? top)
    {
        var url = "/api/v1/qa/match?q=" + Uri.EscapeDataString(q) + (top is { } t ? "&top=" + t : "");
        var r = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("提问参数有误", body.GetProperty("title").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task No_question_and_an_overlong_question_are_refused()
    {
        var missing = await _client.GetAsync("/api/v1/qa/match");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("请填写要咨询的问题", await missing.Content.ReadAsStringAsync());
        var tooLong = await QaRows.MatchAsync(_client, new string('问', Zwgk.Search.Qa.QaMatcher.MaxQuestionLength + 1), expected: HttpStatusCode.BadRequest);
        Assert.Contains("不能超过", tooLong.GetProperty("detail").GetString());
        // Exactly the maximum is fine.
        await QaRows.MatchAsync(_client, "社保卡丢了" + new string('啊', Zwgk.Search.Qa.QaMatcher.MaxQuestionLength - 5));
    }

    [Fact]
    public async Task Default_top_is_five()
    {
        for (int i = 0; i < 7; i++)
            await QaRows.AddAsync(_f, $"社会保障卡第{i + 1}类问题怎么办理？", $"社会保障卡问题{i + 1}的答复。", unitId: _unit.Id);
        Assert.Equal(5, QaRows.Ids(await QaRows.MatchAsync(_client, "社会保障卡")).Length);
        Assert.Equal(8, QaRows.Ids(await QaRows.MatchAsync(_client, "社会保障卡", 8)).Length);
    }

    [Fact]
    public async Task The_matcher_is_rebuilt_after_an_edit_and_a_basis_change_within_its_lifetime()
    {
        var service = _f.Services.GetRequiredService<QaMatchService>();
        await QaRows.MatchAsync(_client, "社保卡丢了");
        var builds = service.Builds;
        await QaRows.MatchAsync(_client, "社保卡丢了");
        Assert.Equal(builds, service.Builds); // nothing changed: no rebuild

        // A new published entry is offered at once.
        var rent = "廉租房租金补贴每月发多少？";
        await QaRows.MatchAsync(_client, rent);
        Assert.Equal(builds, service.Builds);
        var added = await QaRows.AddAsync(_f, "廉租住房租赁补贴标准是多少？", "租赁补贴按家庭人口和保障面积计算，每月发放。", unitName: "区住房和城乡建设局");
        Assert.Equal(added.Id, QaRows.Ids(await QaRows.MatchAsync(_client, rent))[0]);
        Assert.Equal(builds + 1, service.Builds);

        // Withdrawn: no longer offered.
        await _f.WithDbAsync(async db =>
        {
            var x = await db.QaItems.SingleAsync(i => i.Id == added.Id);
            x.Status = QaStatus.Withdrawn;
            x.UpdatedAt = _f.Clock.GetUtcNow().AddSeconds(1);
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(added.Id, QaRows.Ids(await QaRows.MatchAsync(_client, rent)));

        // The basis document is abolished: the entries do not change, so the matcher notices within its lifetime.
        var doc = await QaRows.AddDocumentAsync(_f, _unit.Id, "养老保险办法");
        await _f.WithDbAsync(async db =>
        {
            var x = await db.QaItems.SingleAsync(i => i.Id == _flexible.Id);
            x.BasisDocumentId = doc.Id;
            x.UpdatedAt = _f.Clock.GetUtcNow().AddSeconds(2);
            await db.SaveChangesAsync();
        });
        Assert.Contains(_flexible.Id, QaRows.Ids(await QaRows.MatchAsync(_client, "灵活就业人员参加养老保险")));
        await _f.WithDbAsync(async db =>
        {
            var d = await db.Documents.SingleAsync(x => x.Id == doc.Id);
            d.Validity = Validity.Abolished;
            d.ExpiresOn = new DateOnly(2026, 1, 1);
            await db.SaveChangesAsync();
        });
        Assert.Contains(_flexible.Id, QaRows.Ids(await QaRows.MatchAsync(_client, "灵活就业人员参加养老保险")));
        _f.Clock.Advance(QaMatchService.Lifetime + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(_flexible.Id, QaRows.Ids(await QaRows.MatchAsync(_client, "灵活就业人员参加养老保险")));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_build()
    {
        var service = _f.Services.GetRequiredService<QaMatchService>();
        await service.GetAsync();
        service.Invalidate();
        var before = service.Builds;
        var matchers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => service.GetAsync())));
        Assert.Equal(before + 1, service.Builds);
        Assert.All(matchers, m => Assert.Same(matchers[0], m));
    }
}

public sealed class SqliteQaMatchApiTests() : QaMatchApiTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresQaMatchApiTests() : QaMatchApiTests(DatabaseProvider.Postgres);
