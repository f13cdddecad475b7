using Xunit;
using Zwgk.Search.Index;
using Zwgk.Search.Query;

namespace Zwgk.Search.Tests.Engine;

public sealed class IndexLifecycleTests
{
    [Fact]
    public void The_checkpoint_is_committed_with_the_changes_and_survives_a_reopen()
    {
        using var ix = new TempIndex([TempIndex.Doc("a", "第一份通知")], checkpoint: 41);
        Assert.Equal(41, ix.Index.Checkpoint);
        ix.Index.Upsert(TempIndex.Doc("b", "第二份通知"));
        ix.Index.Delete("a");
        ix.Index.Commit(42);
        ix.Reopen();
        Assert.Equal(42, ix.Index.Checkpoint);
        Assert.Equal(["b"], ix.Search("通知").Hits.Select(h => h.Key));
    }

    [Fact]
    public void Upsert_replaces_by_key()
    {
        using var ix = new TempIndex([TempIndex.Doc("a", "旧标题公告")]);
        ix.Index.Upsert(TempIndex.Doc("a", "新标题通知"));
        ix.Index.Commit(2);
        Assert.Empty(ix.Search("旧标题").Hits);
        Assert.Equal(1, ix.Search("新标题").Total);
        Assert.Equal(1, ix.Index.Count);
    }

    [Fact]
    public void A_rebuild_is_built_aside_and_the_live_index_follows_the_swap()
    {
        using var ix = new TempIndex([TempIndex.Doc("old", "旧索引中的通知")]);
        var before = ix.Index.GenerationName;
        Thread.Sleep(5); // generation names carry milliseconds
        using (var builder = SearchIndex.BuildAside(ix.Root))
        {
            builder.Add(TempIndex.Doc("new1", "新索引中的通知"));
            builder.Add(TempIndex.Doc("new2", "新索引中的公告"));
            // Until published, searches still see the old generation.
            Assert.Equal(["old"], ix.Search("索引").Hits.Select(h => h.Key));
            builder.Publish(checkpoint: 99);
        }
        Assert.True(ix.Index.FollowPointer());
        Assert.NotEqual(before, ix.Index.GenerationName);
        Assert.Equal(99, ix.Index.Checkpoint);
        Assert.Equal(["new1", "new2"], ix.Search("新索引").Hits.Select(h => h.Key).Order());
        Assert.Empty(ix.Search("旧索引").Hits);
        Assert.False(Directory.Exists(Path.Combine(ix.Root, before)));
    }

    [Fact]
    public void An_abandoned_rebuild_leaves_the_live_index_alone()
    {
        using var ix = new TempIndex([TempIndex.Doc("a", "保留的通知")]);
        string name;
        using (var builder = SearchIndex.BuildAside(ix.Root))
        {
            name = builder.Name;
            builder.Add(TempIndex.Doc("b", "不会出现的通知"));
        }
        Assert.False(ix.Index.FollowPointer());
        Assert.False(Directory.Exists(Path.Combine(ix.Root, name)));
        Assert.Equal(["a"], ix.Search("通知").Hits.Select(h => h.Key));
    }
}
