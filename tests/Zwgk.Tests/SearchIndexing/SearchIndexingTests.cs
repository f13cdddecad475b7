using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Security;
using Zwgk.Infrastructure.Data;
using Zwgk.Infrastructure.Search;
using Zwgk.Tests.Support;

namespace Zwgk.Tests.SearchIndexing;

/// <summary>The index follows the database through the task table, on each provider: what is public is found, nothing
/// else ever is, and an update committed before a crash is indexed at the next start.</summary>
public abstract class SearchIndexingTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected ZwgkFactory Factory = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new ZwgkFactory(provider);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    internal static async Task<int> AddDocumentAsync(ZwgkFactory factory, int unitId, string title, DocumentStatus status = DocumentStatus.Published,
        DisclosureAttribute disclosure = DisclosureAttribute.Proactive, string? topic = "综合政务\\政务公开", string body = "<p>正文。</p>", string? number = null)
    {
        int id = 0;
        await factory.WithDbAsync(async db =>
        {
            var column = await db.Columns.Where(c => c.Slug == "qtwj").Select(c => c.Id).FirstAsync();
            var doc = new Document
            {
                Title = title, DocumentNumber = number, OwnerUnitId = unitId, Status = status, Disclosure = disclosure,
                DisclosureReason = disclosure == DisclosureAttribute.Proactive ? null : "涉及个人隐私", TopicCategory = topic, Genre = "通知",
                BodyHtml = body, WrittenOn = new DateOnly(2026, 2, 20), PublishedAt = status == DocumentStatus.Published ? factory.Clock.GetUtcNow() : null,
                CreatedAt = factory.Clock.GetUtcNow(), UpdatedAt = factory.Clock.GetUtcNow(),
            };
            doc.Issuers.Add(new DocumentIssuer { UnitId = unitId });
            doc.Columns.Add(new DocumentColumn { ColumnId = column });
            db.Documents.Add(doc);
            await db.SaveChangesAsync();
            id = doc.Id;
        });
        return id;
    }

    internal static Task CatchUpAsync(ZwgkFactory factory) => factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();

    internal static async Task<JsonElement> SearchAsync(HttpClient client, string query, string extra = "")
    {
        var resp = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query) + extra);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return await resp.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static List<string> Titles(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task Only_published_proactively_disclosed_documents_are_ever_found()
    {
        var unit = await Factory.CreateUnitAsync("区检索局");
        var visible = await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（已发布）");
        await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（草稿）", DocumentStatus.Draft);
        await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（审核中）", DocumentStatus.InReview);
        await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（依申请公开）", disclosure: DisclosureAttribute.OnRequest);
        await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（不予公开）", disclosure: DisclosureAttribute.Withheld);
        var toWithdraw = await AddDocumentAsync(Factory, unit.Id, "锦绣河湾片区改造公示（将撤稿）");
        await CatchUpAsync(Factory);

        var anonymous = Factory.CreateClient();
        var result = await SearchAsync(anonymous, "锦绣河湾");
        Assert.Equal(2, result.GetProperty("total").GetInt32());
        Assert.Equal(["锦绣河湾片区改造公示（将撤稿）", "锦绣河湾片区改造公示（已发布）"], Titles(result).Order());

        // Withdrawn through the real workflow: gone from search once the task is applied.
        var admin = await Factory.LoginAsync(unit.Id, Roles.UnitAdmin);
        var withdraw = await admin.PostAsJsonAsync($"/api/v1/admin/documents/{toWithdraw}/withdraw", new { comment = "内容有误，撤回修改" });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await CatchUpAsync(Factory);
        Assert.Equal(["锦绣河湾片区改造公示（已发布）"], Titles(await SearchAsync(anonymous, "锦绣河湾")));

        // Re-classified as 依申请公开 after publication: removed too; and titles of hidden ones never leak into suggestions.
        await Factory.WithDbAsync(async db =>
        {
            var d = await db.Documents.FirstAsync(x => x.Id == visible);
            d.Disclosure = DisclosureAttribute.OnRequest;
            d.DisclosureReason = "涉及第三方合法权益";
            await db.SaveChangesAsync();
        });
        await CatchUpAsync(Factory);
        Assert.Equal(0, (await SearchAsync(anonymous, "锦绣河湾")).GetProperty("total").GetInt32());
        var suggest = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/search/suggest?q=" + Uri.EscapeDataString("锦绣河"));
        Assert.Empty(suggest.GetProperty("titles").EnumerateArray());
    }

    [Fact]
    public async Task A_search_task_is_written_in_the_same_transaction_as_the_change()
    {
        var unit = await Factory.CreateUnitAsync("区事务局");
        long before = 0, after = 0;
        await Factory.WithDbAsync(async db => before = await db.SearchIndexTasks.LongCountAsync());
        var id = await AddDocumentAsync(Factory, unit.Id, "关于事务一致性的通知");
        await Factory.WithDbAsync(async db => after = await db.SearchIndexTasks.LongCountAsync(t => t.ContentType == "document" && t.ContentId == id));
        Assert.Equal(1, after);

        // A change rolled back leaves neither the document nor a task.
        await Factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Documents.Add(new Document { Title = "回滚的文件", OwnerUnitId = unit.Id, Status = DocumentStatus.Published, CreatedAt = Factory.Clock.GetUtcNow(), UpdatedAt = Factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });
        long tasks = 0, docs = 0;
        await Factory.WithDbAsync(async db =>
        {
            tasks = await db.SearchIndexTasks.LongCountAsync();
            docs = await db.Documents.LongCountAsync(d => d.Title == "回滚的文件");
        });
        Assert.Equal(before + 1, tasks);
        Assert.Equal(0, docs);
    }

    [Fact]
    public async Task Updates_committed_before_a_crash_are_indexed_at_the_next_start()
    {
        // First run: the indexer is not running, as if the process died right after the commit.
        var first = new ZwgkFactory(provider) { KeepStorage = true };
        first.Settings["Zwgk:Search:BackgroundIndexing"] = "false";
        ZwgkFactory? second = null;
        try
        {
            _ = first.Server;
            var unit = await first.CreateUnitAsync("区恢复局");
            await AddDocumentAsync(first, unit.Id, "关于崩溃恢复演练的通知");
            await AddDocumentAsync(first, unit.Id, "崩溃恢复演练方案");
            Assert.Equal(0, (await SearchAsync(first.CreateClient(), "崩溃恢复")).GetProperty("total").GetInt32());
            await first.DisposeAsync();

            // Restart on the same database and index folder: the background indexer catches up on its own.
            second = new ZwgkFactory(first);
            var client = second.CreateClient();
            int total = 0;
            for (int i = 0; i < 100 && total < 2; i++)
            {
                total = (await SearchAsync(client, "崩溃恢复")).GetProperty("total").GetInt32();
                if (total < 2) await Task.Delay(100);
            }
            Assert.Equal(2, total);
            var status = await second.Services.GetRequiredService<SearchIndexer>().StatusAsync();
            Assert.Equal(status.LatestTask, status.Checkpoint);
            Assert.Equal(0, status.PendingTasks);
        }
        finally
        {
            if (second is not null) await second.DisposeAsync();
            else { first.KeepStorage = false; await first.DisposeAsync(); }
        }
    }

    [Fact]
    public async Task The_query_log_records_what_people_meant_and_no_personal_data()
    {
        var unit = await Factory.CreateUnitAsync("区公开局");
        await AddDocumentAsync(Factory, unit.Id, "关于推进政务公开标准化工作的通知");
        await CatchUpAsync(Factory);
        var anonymous = Factory.CreateClient();
        await SearchAsync(anonymous, "政务公开");
        await SearchAsync(anonymous, "zwgk");                  // pinyin initials: logged as the Chinese they stand for
        await SearchAsync(anonymous, "政务公开", "&year=2026");  // filtered: a refinement, not a new query
        await SearchAsync(anonymous, "370102199001011234");    // an ID number: never logged
        await SearchAsync(anonymous, "13912345678");
        await Factory.Services.GetRequiredService<Zwgk.Web.Features.Search.QueryLogWriter>().FlushAsync();

        List<string> logged = [];
        await Factory.WithDbAsync(async db => logged = await db.SearchQueryLogs.Select(l => l.Query).ToListAsync());
        Assert.Equal(["政务公开", "政务公开"], logged);
        // One searcher is not enough for a public hot word (issue 9 §2.7).
        Assert.Empty((await anonymous.GetFromJsonAsync<List<string>>("/api/v1/search/hot"))!);
    }

    /// <summary>A client as a different reader: another browser (the address is the same in the test server).</summary>
    private HttpClient Reader(string browser)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(browser);
        return client;
    }

    [Fact]
    public async Task Hot_words_need_several_searchers_and_real_words_and_the_office_can_hide_one()
    {
        var unit = await Factory.CreateUnitAsync("区卫健局");
        await AddDocumentAsync(Factory, unit.Id, "关于X射线设备辐射安全检查的通知", body: "<p>对全区医疗机构X射线设备开展辐射安全检查。</p>");
        await AddDocumentAsync(Factory, unit.Id, "关于做好流感疫苗接种工作的通知");
        await CatchUpAsync(Factory);
        var readers = new[] { Reader("TestBrowser/1"), Reader("TestBrowser/2"), Reader("TestBrowser/3") };

        // One person typing junk or the same word again and again: never a hot word.
        var alone = readers[0];
        for (int i = 0; i < 5; i++) await SearchAsync(alone, "辐射安全");
        // Three people, but junk that happened to find something (x is in a title) or keyboard mash.
        foreach (var r in readers)
        {
            Assert.True((await SearchAsync(r, "x")).GetProperty("total").GetInt32() > 0);
            await SearchAsync(r, "啊啊啊");
            await SearchAsync(r, "流感疫苗");
        }
        await SearchAsync(readers[1], "辐射安全");
        await Factory.Services.GetRequiredService<Zwgk.Web.Features.Search.QueryLogWriter>().FlushAsync();

        var hot = (await alone.GetFromJsonAsync<List<string>>("/api/v1/search/hot"))!;
        Assert.Equal(["流感疫苗"], hot);

        // Who searched is a hash per browser (no address kept): the same reader gives the same hash, others another.
        List<(string Query, string? Searcher)> rows = [];
        await Factory.WithDbAsync(async db => rows = (await db.SearchQueryLogs.Where(l => l.Query == "辐射安全").Select(l => new { l.Query, l.Searcher }).ToListAsync())
            .Select(r => (r.Query, r.Searcher)).ToList());
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{16}$", r.Searcher));
        Assert.Equal(2, rows.Select(r => r.Searcher).Distinct().Count());

        // A third reader makes 辐射安全 hot; the 公开办 hides it.
        await SearchAsync(readers[2], "辐射安全");
        await Factory.Services.GetRequiredService<Zwgk.Web.Features.Search.QueryLogWriter>().FlushAsync();
        Assert.Equal(["辐射安全", "流感疫苗"], (await alone.GetFromJsonAsync<List<string>>("/api/v1/search/hot"))!);
        var office = await Factory.LoginAsync(unit.Id, Roles.OpennessOffice);
        var hide = await office.PostAsJsonAsync("/api/v1/admin/search/hotwords", new { word = "辐射安全", mode = "Blocked", order = 0 });
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Equal(["流感疫苗"], (await alone.GetFromJsonAsync<List<string>>("/api/v1/search/hot"))!);
    }

    [Fact]
    public async Task Renaming_a_unit_reindexes_its_documents_and_a_rebuild_swaps_without_losing_anything()
    {
        var unit = await Factory.CreateUnitAsync("区旧名局");
        await AddDocumentAsync(Factory, unit.Id, "关于河长制巡河工作的通知");
        await CatchUpAsync(Factory);
        var anonymous = Factory.CreateClient();
        var agencies = (await SearchAsync(anonymous, "巡河")).GetProperty("hits")[0].GetProperty("agencies");
        Assert.Equal(unit.Name, agencies[0].GetString());

        await Factory.WithDbAsync(async db =>
        {
            var u = await db.Units.FirstAsync(x => x.Id == unit.Id);
            u.Name = "区水务局（新名）";
            await db.SaveChangesAsync();
        });
        await CatchUpAsync(Factory);
        var result = await SearchAsync(anonymous, "巡河");
        Assert.Equal("区水务局（新名）", result.GetProperty("hits")[0].GetProperty("agencies")[0].GetString());
        var agencyFacet = result.GetProperty("facets").EnumerateArray().First(f => f.GetProperty("name").GetString() == "agency");
        Assert.Contains(agencyFacet.GetProperty("values").EnumerateArray(), v => v.GetProperty("value").GetString() == "区水务局（新名）");

        var indexer = Factory.Services.GetRequiredService<SearchIndexer>();
        var before = await indexer.StatusAsync();
        var (count, _, _) = await indexer.RebuildAsync();
        var after = await indexer.StatusAsync();
        Assert.NotEqual(before.Generation, after.Generation);
        Assert.Equal(before.Documents, after.Documents);
        Assert.True(count >= 1);
        Assert.Equal(1, (await SearchAsync(anonymous, "巡河")).GetProperty("total").GetInt32());
    }
}

public sealed class SqliteSearchIndexingTests() : SearchIndexingTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchIndexingTests() : SearchIndexingTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_app_nodes_on_one_database_each_keep_their_own_index_from_the_same_task_table()
    {
        await using var second = ZwgkFactory.SecondNode(Factory);
        _ = second.Server;
        Assert.NotEqual(Factory.DataDirectory, second.DataDirectory);

        // A change saved on node 1 reaches node 2's index, and the other way round.
        var unit = await Factory.CreateUnitAsync("区多节点局");
        await AddDocumentAsync(Factory, unit.Id, "关于多节点部署演练的通知");
        var onSecond = await AddDocumentAsync(second, unit.Id, "多节点部署演练方案");
        await CatchUpAsync(Factory);
        await CatchUpAsync(second);
        Assert.Equal(2, (await SearchAsync(Factory.CreateClient(), "多节点部署")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await SearchAsync(second.CreateClient(), "多节点部署")).GetProperty("total").GetInt32());

        // A withdrawal on node 2 disappears from both.
        await second.WithDbAsync(async db =>
        {
            var d = await db.Documents.FirstAsync(x => x.Id == onSecond);
            d.Status = DocumentStatus.Withdrawn;
            d.WithdrawalReason = "演练结束";
            await db.SaveChangesAsync();
        });
        await CatchUpAsync(Factory);
        await CatchUpAsync(second);
        Assert.Equal(1, (await SearchAsync(Factory.CreateClient(), "多节点部署")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync(second.CreateClient(), "多节点部署")).GetProperty("total").GetInt32());
        var a = await Factory.Services.GetRequiredService<SearchIndexer>().StatusAsync();
        var b = await second.Services.GetRequiredService<SearchIndexer>().StatusAsync();
        Assert.Equal(a.LatestTask, b.LatestTask);
        Assert.Equal(a.Checkpoint, b.Checkpoint);
    }
}
